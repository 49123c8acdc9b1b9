package archive

import (
	"strings"
	"testing"
)

func TestAnchor(t *testing.T) {
	t.Parallel()
	const old = "The cat sat on the mat. The dog sat on the log. The cat sat on the hat."
	rs := []rune(old)
	// The second "The cat sat on the" (the one before "hat").
	start := strings.LastIndex(old, "The cat sat on the")
	q := quoteAt(rs, start, start+len("The cat sat on the"))
	for _, tt := range []struct {
		name, text string
		want       string // the text at the anchor, "" for orphaned
		wantStart  int    // -1 to skip
	}{
		{"Same", old, "The cat sat on the", start},
		{"Moved", "Preface. " + old, "The cat sat on the", start + len("Preface. ")},
		{"PrefixSuffixPick", "The cat sat on the hat. The cat sat on the mat.", "The cat sat on the", 0},
		{"WhiteSpace", strings.ReplaceAll(old, " ", "  "), "The  cat  sat  on  the", -1},
		{"Case", strings.ToUpper(old), "THE CAT SAT ON THE", -1},
		{"Fuzzy", "The dog sat on the log. The cat sat upon the hat.", "The cat sat upon the", -1},
		{"Gone", "Nothing about animals here at all.", "", -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := []rune(tt.text)
			s, e, ok := anchor(text, q, start)
			if tt.want == "" {
				if ok {
					t.Errorf("anchored at %q, want orphaned", string(text[s:e]))
				}
				return
			}
			if !ok {
				t.Fatalf("orphaned, want %q", tt.want)
			}
			if got := string(text[s:e]); got != tt.want {
				t.Errorf("anchored %q, want %q", got, tt.want)
			}
			if tt.wantStart >= 0 && s != len([]rune(tt.text[:tt.wantStart])) {
				t.Errorf("start %d, want %d", s, tt.wantStart)
			}
		})
	}
}

func TestAnchorRunes(t *testing.T) {
	t.Parallel()
	text := []rune("Über den Wolken: 北京举行会谈 und mehr.")
	q := TextQuote{Exact: "举行会谈", Prefix: "北京", Suffix: " und"}
	s, e, ok := anchor(text, q, -1)
	if !ok || s != 19 || e != 23 {
		t.Errorf("anchor %d–%d %v, want 19–23 (runes)", s, e, ok)
	}
	if got := quoteAt(text, s, e); got.Exact != "举行会谈" || got.Prefix != "Über den Wolken: 北京" {
		t.Errorf("quote %+v", got)
	}
}

func TestApproxEnd(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text, pat string
		end, dist int
	}{
		{"hello world", "world", 11, 0},
		{"hello wrld!", "world", 10, 1},
		{"abc", "xyz", 0, 3},
	} {
		end, dist := approxEnd([]rune(tt.text), []rune(tt.pat))
		if dist != tt.dist || (tt.dist < len(tt.pat) && end != tt.end) {
			t.Errorf("approxEnd(%q, %q) = %d, %d; want %d, %d", tt.text, tt.pat, end, dist, tt.end, tt.dist)
		}
	}
}
