package importer

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

// body is a paragraph of ordinary body text that follows the paragraph
// under test in TestClassifyPara.
const body = "The council will meet on Thursday to decide how the repairs are to be paid for."

func TestClassifyPara(t *testing.T) {
	tests := []struct {
		name, text string
		want       parKind
	}{
		{"Sentence", "China is the North’s main ally and key trade partner.", kindParagraph},
		{"BodyWithoutFullStop", "The minister said he hoped both sides would “find a way forward”, the agency reported", kindParagraph},
		{"LongWithoutFullStop", "Engineers had warned in a report last year that the southern section of the wall was close to failing and that the council would have to spend several million pounds to rebuild it from the bottom up", kindParagraph},
		{"TwoSentencesWithoutFullStop", "The wall gave way on Tuesday. Nobody was hurt in the flood that followed", kindParagraph},
		{"Heading", "Concern over repairs", kindHeading},
		{"TitleCaseHeading", "What Happens Next", kindHeading},
		{"QuestionHeading", "Why did the wall fail?", kindHeading},
		{"CaptionPictured", "The harbour master, pictured in 2019, had warned the council", kindCaption},
		{"CaptionPresentTense", "A lifeboat crew member waves to residents from the flooded quay on Tuesday", kindCaption},
		{"CaptionCredit", "Waves break over the harbour wall. Photograph: John Smith/Reuters", kindCaption},
		{"CaptionAgency", "Boats lifted onto the quay by the surge (Getty Images)", kindCaption},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := []textPara{{lines: []string{tt.text}}, {lines: []string{body}}}
			if got := classifyPara(paras, 0); got != tt.want {
				t.Errorf("classifyPara(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
	t.Run("NoHeadingAtEnd", func(t *testing.T) {
		paras := []textPara{{lines: []string{body}}, {lines: []string{"Concern over repairs"}}}
		if got := classifyPara(paras, 1); got == kindHeading {
			t.Error("a short last line was taken as a heading")
		}
	})
}

func TestSplitCredit(t *testing.T) {
	tests := []struct{ in, caption, credit string }{
		{"Waves break over the wall. Photograph: John Smith/Reuters", "Waves break over the wall.", "Photograph: John Smith/Reuters"},
		{"Boats on the quay (Getty Images)", "Boats on the quay", "Getty Images"},
		{"Boats on the quay [AFP]", "Boats on the quay", "AFP"},
		{"The harbour at dawn © Jane Doe", "The harbour at dawn", "© Jane Doe"},
		{"The harbour at dawn. Photo: Jane Doe", "The harbour at dawn.", "Photo: Jane Doe"},
		{"Credit: Jane Doe", "Credit: Jane Doe", ""},
		{"Mr Trump and Mr Kim met in Singapore last year", "Mr Trump and Mr Kim met in Singapore last year", ""},
		{"The mayor (left) and her deputy", "The mayor (left) and her deputy", ""},
	}
	for _, tt := range tests {
		caption, credit := splitCredit(tt.in)
		if caption != tt.caption || credit != tt.credit {
			t.Errorf("splitCredit(%q) = %q, %q; want %q, %q", tt.in, caption, credit, tt.caption, tt.credit)
		}
	}
}

func TestReadTextHeader(t *testing.T) {
	text := strings.Join([]string{
		"Sea wall gives way in storm",
		"Residents spent the night in the village hall",
		"By JANE DOE and Sam Lee, Associated Press",
		"Published: 14 May 2024",
		"https://news.example.com/2024/05/14/harbour-storm.html",
		"The old sea wall gave way under the weight of the storm surge on Tuesday evening.",
		"Nobody was hurt, but a dozen houses were left without power.",
	}, "\n\n")
	a := mustExtract(t, "storm.txt", []byte(text))
	checks := []struct{ field, got, want string }{
		{"title", a.Title, "Sea wall gives way in storm"},
		{"subtitle", a.Standfirst, "Residents spent the night in the village hall"},
		{"byline", a.Byline, "Jane Doe, Sam Lee"},
		{"authors", fmt.Sprint(a.Authors), "[{Jane Doe person } {Sam Lee person Associated Press}]"},
		{"url", a.URL, "https://news.example.com/2024/05/14/harbour-storm.html"},
		{"published", a.Published.Format(time.DateOnly), "2024-05-14"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if got, want := a.Text(), "The old sea wall gave way under the weight of the storm surge on Tuesday evening.\n\nNobody was hurt, but a dozen houses were left without power."; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
}

func TestReadTextBoilerplate(t *testing.T) {
	text := strings.Join([]string{
		"Sea wall gives way in storm",
		"Residents spent the night in the village hall",
		"The old sea wall gave way under the weight of the storm surge on Tuesday evening.",
		"Advertisement",
		"Nobody was hurt, but a dozen houses were left without power.",
		"Coastguards said the water rose faster than at any time in forty years.",
		"Related Posts",
		"Coastal erosion: the villages at risk\nhttps://news.example.com/erosion.html",
		"How to prepare for a flood",
		"Leave a Reply",
		"Great article, thanks!",
	}, "\n\n")
	a := mustExtract(t, "storm.txt", []byte(text))
	for _, s := range []string{"Advertisement", "Related Posts", "Coastal erosion", "Leave a Reply", "Great article"} {
		if strings.Contains(a.Text(), s) {
			t.Errorf("text holds %q", s)
		}
	}
	want := []archive.Link{
		{Title: "Coastal erosion: the villages at risk", URL: "https://news.example.com/erosion.html"},
		{Title: "How to prepare for a flood"},
	}
	if got := a.Related; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("related = %+v, want %+v", got, want)
	}
}

func TestReadTextLines(t *testing.T) {
	t.Run("OneParagraphPerLine", func(t *testing.T) {
		long := strings.Repeat("This line is a whole paragraph of text copied from a browser window. ", 2)
		text := "Title\n" + long + "\n" + long + "\n" + long + "\n"
		a := mustExtract(t, "a.txt", []byte(text))
		if got, want := len(a.Blocks), 2; got != want { // the first long line is the standfirst
			t.Errorf("%d blocks, want %d: %+v", got, want, a.Blocks)
		}
	})
	t.Run("HardWrapped", func(t *testing.T) {
		text := "Title\n\nStandfirst\n\nA paragraph wrapped\nby hand at a short\nwidth.\n\nAnother one.\n"
		a := mustExtract(t, "a.txt", []byte(text))
		if got, want := a.Text(), "A paragraph wrapped by hand at a short width.\n\nAnother one."; got != want {
			t.Errorf("text = %q, want %q", got, want)
		}
	})
	t.Run("List", func(t *testing.T) {
		text := "Title\n\nStandfirst\n\nWhat to pack:\n\n- a torch\n- a radio\n\n1. Leave early.\n2. Stay away from the quay.\n"
		a := mustExtract(t, "a.txt", []byte(text))
		var items []string
		for _, b := range a.Blocks {
			if b.Kind == archive.ListItem {
				items = append(items, b.Text)
			}
		}
		if got, want := strings.Join(items, "|"), "a torch|a radio|Leave early.|Stay away from the quay."; got != want {
			t.Errorf("list items = %q, want %q", got, want)
		}
	})
	t.Run("Windows1252", func(t *testing.T) {
		text := "Caf\xe9 cr\xe8me\r\n\r\nLe patron\r\n\r\nUn caf\xe9 co\xfbte d\xe9sormais deux euros, dit le patron du caf\xe9.\r\n\r\nIl est ouvert depuis 1987.\r\n"
		a := mustExtract(t, "a.txt", []byte(text))
		if got, want := a.Title, "Café crème"; got != want {
			t.Errorf("title = %q, want %q", got, want)
		}
	})
}
