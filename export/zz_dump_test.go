package export

import (
	"context"
	"os"
	"testing"
)

func TestPDFDump(t *testing.T) {
	out := os.Getenv("PDF_DUMP")
	if out == "" {
		t.Skip()
	}
	fx := newFixture(t)
	if _, err := Export(context.Background(), fx.store, fx.all, Options{Format: PDF, Out: out + "/fixture.pdf", Overwrite: true}, nil); err != nil {
		t.Fatal(err)
	}
	s, ids := newScriptsFixture(t)
	if _, err := Export(context.Background(), s, []int64{ids["ar"], ids["he"], ids["zh"], ids["ko"]}, Options{Format: PDF, Out: out + "/scripts.pdf", Overwrite: true}, nil); err != nil {
		t.Fatal(err)
	}
}
