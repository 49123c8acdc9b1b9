package blockview

import "testing"

func TestCaptionRunes(t *testing.T) {
	rs, spans := captionRunes("Caption.", "Photo: P")
	if got, want := string(rs), "Caption.  Photo: P"; got != want {
		t.Errorf("caption = %q, want %q", got, want)
	}
	if got, want := len(spans), 2; got != want {
		t.Fatalf("%d spans, want %d", got, want)
	}
	if got, want := spans[0].end, len("Caption."); got != want {
		t.Errorf("caption span ends at %d, want %d", got, want)
	}
	if got, want := spans[1].style, styleFaint; got != want {
		t.Errorf("credit style = %v, want %v", got, want)
	}
	if rs, _ := captionRunes("", "Photo: P"); string(rs) != "Photo: P" {
		t.Errorf("credit alone = %q", string(rs))
	}
}
