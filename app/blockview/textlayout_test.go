package blockview

import (
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// monoMeasure measures every rune 10 wide and every line 20 high.
func monoMeasure(s string, _ spanStyle) fyne.Size {
	return fyne.NewSize(float32(10*utf8.RuneCountInString(s)), 20)
}

func monoLayout(text string, width float32) *textLayout {
	rs := []rune(text)
	l := newTextLayout(rs, []span{{end: len(rs), style: styleBody}}, monoMeasure)
	l.wrap(width)
	return l
}

func lineTexts(l *textLayout) []string {
	var out []string
	for _, line := range l.lines {
		out = append(out, string(l.runes[line.start:line.end]))
	}
	return out
}

func TestWrap(t *testing.T) {
	for _, tt := range []struct {
		name  string
		text  string
		width float32
		want  []string
	}{
		{"Fits", "one two", 100, []string{"one two"}},
		{"AtSpaces", "one two three four", 100, []string{"one two ", "three four"}},
		{"ExactFit", "abcde fghij", 50, []string{"abcde ", "fghij"}},
		{"LongWord", "abcdefghijkl mn", 50, []string{"abcde", "fghij", "kl mn"}},
		{"Newline", "one\ntwo", 100, []string{"one\n", "two"}},
		{"BlankLine", "a\n\nb", 100, []string{"a\n", "\n", "b"}},
		{"Empty", "", 100, []string{""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := monoLayout(tt.text, tt.width)
			got := lineTexts(l)
			if len(got) != len(tt.want) {
				t.Fatalf("lines = %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("lines = %q, want %q", got, tt.want)
					break
				}
			}
			if got, want := l.height, float32(20*len(tt.want)); got != want {
				t.Errorf("height = %v, want %v", got, want)
			}
		})
	}
}

func TestHit(t *testing.T) {
	l := monoLayout("one two three four", 100) // "one two " / "three four"
	for _, tt := range []struct {
		name string
		at   fyne.Position
		want int
	}{
		{"Start", fyne.NewPos(0, 5), 0},
		{"LeftHalfOfRune", fyne.NewPos(12, 5), 1},
		{"RightHalfOfRune", fyne.NewPos(18, 5), 2},
		{"EndOfWrappedLine", fyne.NewPos(95, 5), 7}, // before the space that wraps, not the next line's start
		{"SecondLine", fyne.NewPos(31, 25), 11},
		{"PastLastLine", fyne.NewPos(500, 25), 18},
		{"Above", fyne.NewPos(50, -4), 0},
		{"Below", fyne.NewPos(0, 100), 18},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := l.hit(tt.at); got != tt.want {
				t.Errorf("hit(%v) = %d, want %d", tt.at, got, tt.want)
			}
		})
	}
	if got, want := l.xAt(l.lines[1], 11), float32(30); got != want {
		t.Errorf("xAt = %v, want %v", got, want)
	}
}

func TestWordAt(t *testing.T) {
	l := monoLayout("Kim's summit, in 2019.", 1000)
	for _, tt := range []struct {
		at         int
		start, end int
	}{
		{0, 0, 5},    // Kim's
		{3, 0, 5},    // inside, at the apostrophe
		{5, 0, 5},    // just after the word
		{8, 6, 12},   // summit
		{12, 6, 12},  // the comma follows summit
		{17, 17, 21}, // 2019
		{22, 22, 22}, // the end, after the full stop
	} {
		if s, e := l.wordAt(tt.at); s != tt.start || e != tt.end {
			t.Errorf("wordAt(%d) = %d, %d, want %d, %d", tt.at, s, e, tt.start, tt.end)
		}
	}
}

func TestFragmentsAcrossSpans(t *testing.T) {
	rs, spans := captionRunes("A pup.", "Photo: X")
	l := newTextLayout(rs, spans, monoMeasure)
	l.wrap(1000)
	fr := l.fragments(l.lines[0])
	if got, want := len(fr), 2; got != want {
		t.Fatalf("%d fragments, want %d", got, want)
	}
	if fr[0].text != "A pup." || fr[1].text != "  Photo: X" || fr[1].x != 60 {
		t.Errorf("fragments = %+v", fr)
	}
	if fr[1].style != styleFaint {
		t.Errorf("credit drawn in %v, want the faint style", fr[1].style)
	}
}
