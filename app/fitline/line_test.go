package fitline

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestWordWidths(t *testing.T) {
	test.NewTempApp(t)
	c := &wordWidths{m: map[wordKey]float32{}}
	const size = 11
	var st fyne.TextStyle
	w := func(s string) float32 { return fyne.MeasureText(s, size, st).Width }

	if got, want := c.line(" alpha beta", size, st), 2*w(" ")+w("alpha")+w("beta"); got != want {
		t.Errorf("line width = %v, want the words' and spaces' %v", got, want)
	}
	for _, tt := range []struct {
		name, text string
		width      float32
		want       string
	}{
		{"AtAWord", "alpha beta gamma", w("alpha") + w(" ") + w("beta") + w("…") + 1, "alpha beta…"},
		{"LeadingSpace", " alpha beta", w(" ") + w("alpha") + w("…") + 1, " alpha…"},
		{"LongFirstWord", "extraordinarily long", w("extra") + w("…"), ""}, // cut between letters
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, gotW := c.fit(tt.text, tt.width, size, st)
			if tt.want != "" && got != tt.want {
				t.Errorf("fit = %q, want %q", got, tt.want)
			}
			if !strings.HasSuffix(got, "…") || len(got) >= len(tt.text) {
				t.Errorf("fit = %q, want a shorter start of %q with an ellipsis", got, tt.text)
			}
			if gotW > tt.width {
				t.Errorf("fitted width %v > %v", gotW, tt.width)
			}
		})
	}
	t.Run("Bounded", func(t *testing.T) {
		for i := range maxListWords {
			c.m[wordKey{strconv.Itoa(i), size, st}] = 1
		}
		c.width("one more", size, st)
		if n := len(c.m); n != 1 {
			t.Errorf("%d words kept after the cache filled up, want it emptied and 1", n)
		}
	})
}

func TestFitLine(t *testing.T) {
	test.NewTempApp(t)
	l := New(theme.SizeNameText)
	l.Set("Harbour seals return to the estuary after a decade away", true)
	r := test.TempWidgetRenderer(t, l).(*fitLineRenderer)
	pad := theme.InnerPadding()
	for _, tt := range []struct {
		width float32
		want  string
	}{
		{1000, "Harbour seals return to the estuary after a decade away"},
		{2*pad + fyne.MeasureText("Harbour seals return…", theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 1, "Harbour seals return…"},
	} {
		l.Resize(fyne.NewSize(tt.width, l.MinSize().Height))
		if got := r.t.Text; got != tt.want {
			t.Errorf("at width %v the line shows %q, want %q", tt.width, got, tt.want)
		}
		if !r.t.TextStyle.Bold {
			t.Error("the line is not bold")
		}
		if end := r.t.Position().X + r.t.Size().Width; end > tt.width-pad+0.5 {
			t.Errorf("at width %v the text ends at %v", tt.width, end)
		}
	}
}
