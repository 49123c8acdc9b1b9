package app

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clippings/clippings/export"
)

func TestExportDialog(t *testing.T) {
	u, q := newFilledUI(t)
	dir := t.TempDir()
	formatName := func(f export.Format) string {
		for name, ft := range u.exports.form.formats {
			if ft == f {
				return name
			}
		}
		t.Fatalf("no format %s in the dialog", f)
		return ""
	}
	t.Run("Selection", func(t *testing.T) {
		click(rowWidget(t, u, 0), 0)
		click(rowWidget(t, u, 1), ctrlMod)
		u.exports.chooseScope()
		f := u.exports.form
		if got, want := f.scope.Selected, scopeSelection; got != want {
			t.Errorf("scope = %q, want %q", got, want)
		}
		f.format.SetSelected(formatName(export.CSV))
		if !strings.HasSuffix(f.out.Text, ".csv") {
			t.Errorf("output %q, want a .csv file", f.out.Text)
		}
		out := filepath.Join(dir, "selection.csv")
		f.out.SetText(out)
		tapButton(t, u, "Export")
		waitFor(t, q, "the export", func() bool { return containsText(overlayTexts(u), "Exported 2 articles") })
		rows := readCSV(t, out)
		if got, want := len(rows), 3; got != want {
			t.Errorf("CSV has %d rows, want a header and 2 articles", got)
		}
	})
	t.Run("Tag", func(t *testing.T) {
		u.win.Canvas().Overlays().Top().Hide()
		ids := u.list.selectedIDs()
		if _, err := u.lib.AddTags(context.Background(), ids[:1], "export-me"); err != nil {
			t.Fatal(err)
		}
		u.tagsChanged()
		q.drain()
		u.list.clearSelection()
		u.exports.chooseScope()
		f := u.exports.form
		waitFor(t, q, "the tags", func() bool { f.tag.Options = u.tags; return len(u.tags) > 0 })
		f.tag.SetSelected("export-me")
		if got := f.scope.Selected; got != scopeTag {
			t.Errorf("choosing a tag leaves the scope %q", got)
		}
		f.format.SetSelected(formatName(export.BibTeX))
		out := filepath.Join(dir, "tag.bib")
		f.out.SetText(out)
		tapButton(t, u, "Export")
		waitFor(t, q, "the export", func() bool { return containsText(overlayTexts(u), "Exported 1 article") })
		data, err := os.ReadFile(out)
		if err != nil || strings.Count(string(data), "@") != 1 {
			t.Errorf("BibTeX = %q, %v; want one entry", data, err)
		}
	})
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
