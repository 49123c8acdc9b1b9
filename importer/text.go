package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/clippings/clippings/archive"
)

// textPage is the state of the plain-text reader as its steps run.
type textPage struct {
	raw     []byte
	text    string
	paras   []textPara
	related []archive.Link
	art     *archive.Article
}

// textPara is one paragraph of a plain-text save: a run of non-blank
// lines, or a single line when the file puts one paragraph on each line.
type textPara struct {
	lines []string
}

func (p textPara) text() string { return strings.Join(p.lines, " ") }

// textSteps is the plain-text reader: a title line, then an optional
// standfirst, byline, date or address, then paragraphs separated by blank
// lines in which headings and photo captions stand alone.
var textSteps = []step[*textPage]{
	{"decode text", decodeTextStep},
	{"split paragraphs", splitParagraphs},
	{"find title", findTextTitle},
	{"find header", findTextHeader},
	{"drop boilerplate", dropTextBoilerplate},
	{"build blocks", buildTextBlocks},
	{"settle language", settleTextLanguage},
}

// readText reads a plain-text save.
func readText(in input) (*parsed, error) {
	p := &textPage{raw: in.data, art: &archive.Article{Format: formatText}}
	if err := runSteps(p, textSteps); err != nil {
		return nil, err
	}
	return &parsed{articles: []*archive.Article{p.art}}, nil
}

func decodeTextStep(p *textPage) error {
	p.text, _ = decodeText(p.raw)
	p.text = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u00ad", "", "\ufeff", "").Replace(p.text)
	return nil
}

// longLine is the length beyond which a line cannot come from text
// wrapped by hand, so that each line of its paragraph is a paragraph.
const longLine = 100

// splitParagraphs splits the text at blank lines. A paragraph whose lines
// are not hard-wrapped (some line is long) is split into one paragraph per
// line, as in text copied from a browser.
func splitParagraphs(p *textPage) error {
	var cur []string
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if len(cur) > 1 && hasLongLine(cur) {
			for _, l := range cur {
				p.paras = append(p.paras, textPara{lines: []string{l}})
			}
		} else {
			p.paras = append(p.paras, textPara{lines: cur})
		}
		cur = nil
	}
	for _, line := range strings.Split(p.text, "\n") {
		line = foldSpace(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	if len(p.paras) == 0 {
		return ErrEmpty
	}
	return nil
}

func hasLongLine(lines []string) bool {
	for _, l := range lines {
		if utf8.RuneCountInString(l) > longLine {
			return true
		}
	}
	return false
}

// maxTitleRunes is the longest title kept whole; a longer first line is
// cut at a word and also kept in the body.
const maxTitleRunes = 200

// findTextTitle takes the first line as the title.
func findTextTitle(p *textPage) error {
	first := &p.paras[0]
	title := first.lines[0]
	if utf8.RuneCountInString(title) > maxTitleRunes {
		p.art.Title = cutWords(title, maxTitleRunes)
		return nil
	}
	p.art.Title = title
	first.lines = first.lines[1:]
	if len(first.lines) == 0 {
		p.paras = p.paras[1:]
	}
	return nil
}

var (
	bylineLine = regexp.MustCompile(`^(?i:by|from|von|par|por|di|door)\s+\p{Lu}`)
	urlLine    = regexp.MustCompile(`^(?i:(source|url|saved from|from)\s*:\s*)?(https?://\S+)$`)
)

// maxStandfirstWords is the longest paragraph taken as a standfirst.
const maxStandfirstWords = 60

// findTextHeader reads what may follow the title before the body: a
// standfirst, a byline ("By …"), a date and the page's address, in any
// order.
func findTextHeader(p *textPage) error {
	for len(p.paras) > 1 {
		t := p.paras[0].text()
		words := len(strings.Fields(t))
		switch {
		case p.art.Byline == "" && words <= 10 && bylineLine.MatchString(t):
			p.art.Authors = parseByline(t, false)
			for i := range p.art.Authors {
				p.art.Authors[i].Kind = authorKind(p.art.Authors[i].Name, nil)
			}
			p.art.Byline = first(bylineOf(p.art.Authors), cleanByline(t))
		case p.art.URL == "" && urlLine.MatchString(t):
			p.art.URL = urlLine.FindStringSubmatch(t)[2]
			p.art.CaptureURL = p.art.URL
		case p.art.Published.IsZero() && words <= 8 && !parseLooseDate(t).IsZero():
			p.art.Published = parseLooseDate(t)
		case p.art.Standfirst == "" && words <= maxStandfirstWords && len(p.paras) > 2 && !looksLikeCaption(t):
			p.art.Standfirst = t
		default:
			return nil
		}
		p.paras = p.paras[1:]
	}
	return nil
}

var (
	// boilerplateEnd marks the end of an article: it and all after it go.
	boilerplateEnd = regexp.MustCompile(`(?i)^(related (posts|articles|stories|content|links|reading|coverage)|` +
		`leave a (reply|comment)|\d+ (comments|responses|replies)|comments?( \(\d+\))?|share this( article| story| post)?|` +
		`like this|you (may|might) also (like|be interested in)|more on this story|more from .{1,40}|read more|` +
		`further reading|recommended( for you| reading)?|post navigation|about the author|tags|filed under)\s*:?$`)
	// relatedStart marks a list of related articles.
	relatedStart = regexp.MustCompile(`(?i)^(related|more on this story|read more|you (may|might) also|recommended|further reading|more from)`)
)

// maxRelatedWords is the longest line taken as the title of a related
// article.
const maxRelatedWords = 20

// dropTextBoilerplate cuts the text at a trailing "Related Posts", "Leave
// a Reply" or similar line in the second half of the body, keeping the
// titles of a related list as links, and drops noise lines anywhere.
func dropTextBoilerplate(p *textPage) error {
	for i := len(p.paras) / 2; i < len(p.paras); i++ {
		if !boilerplateEnd.MatchString(p.paras[i].text()) {
			continue
		}
		p.related = relatedTitles(p.paras[i:])
		p.paras = p.paras[:i]
		break
	}
	kept := p.paras[:0]
	for _, para := range p.paras {
		if !noiseLine.MatchString(para.text()) {
			kept = append(kept, para)
		}
	}
	p.paras = kept
	if len(p.paras) == 0 {
		return ErrNotArticle
	}
	return nil
}

// relatedTitles returns the short lines that follow a "Related …" marker
// at the start of tail, up to the next marker, as links without address
// (or with the address given on the line after a title).
func relatedTitles(tail []textPara) []archive.Link {
	if !relatedStart.MatchString(tail[0].text()) {
		return nil
	}
	var links []archive.Link
	for _, para := range tail[1:] {
		for _, l := range para.lines {
			switch {
			case boilerplateEnd.MatchString(l):
				return links
			case urlLine.MatchString(l) && len(links) > 0 && links[len(links)-1].URL == "":
				links[len(links)-1].URL = urlLine.FindStringSubmatch(l)[2]
			case len(strings.Fields(l)) <= maxRelatedWords && !endsSentence(l):
				links = append(links, archive.Link{Title: l})
			default:
				return links
			}
		}
	}
	return links
}

// buildTextBlocks turns the paragraphs into body blocks: headings and
// captions by their shape (see classifyPara), list items, paragraphs.
func buildTextBlocks(p *textPage) error {
	a := p.art
	credit := ""
	for i, para := range p.paras {
		t := para.text()
		if m := creditLine.FindStringSubmatch(t); m != nil {
			credit = m[1]
			continue
		}
		if items, ordered := listItems(para.lines); items != nil {
			for _, it := range items {
				a.Blocks = append(a.Blocks, archive.Block{Kind: archive.ListItem, Text: it, Level: 1, Ordered: ordered})
			}
			continue
		}
		kind := classifyPara(p.paras, i)
		if m := captionLine.FindStringSubmatch(t); m != nil {
			kind, t = kindCaption, m[1]
		}
		switch kind {
		case kindHeading:
			a.Blocks = append(a.Blocks, archive.Block{Kind: archive.Heading, Text: t, Level: 2})
		case kindCaption:
			caption, cr := splitCredit(t)
			if cr == "" {
				cr = credit
			}
			addFigure(a, archive.Figure{Caption: caption, Credit: cr})
		default:
			a.Blocks = append(a.Blocks, archive.Block{Kind: archive.Paragraph, Text: t})
		}
		credit = ""
	}
	a.Related = p.related
	if a.Text() == "" {
		return ErrNotArticle
	}
	return nil
}

// addFigure appends f to the article's figures and a block referring to
// it to its body.
func addFigure(a *archive.Article, f archive.Figure) {
	a.Figures = append(a.Figures, f)
	a.Blocks = append(a.Blocks, archive.Block{Kind: archive.FigureRef, Figure: len(a.Figures) - 1})
}

var (
	// captionLine and creditLine are the labels of captions and credits in
	// text copied from some news sites ("Image caption …").
	captionLine = regexp.MustCompile(`^(?i:image|media|photo) caption[,:]?\s*(\S.*)$`)
	creditLine  = regexp.MustCompile(`^(?i:image (?:copyright|source)|photo credit)[,:]?\s*(\S.*)$`)
)

var listMark = regexp.MustCompile(`^(?:([-*•·–])|(\d{1,3})[.)])\s+(\S.*)$`)

// listItems returns the items of a paragraph whose every line starts with
// a bullet or a number, and whether they are numbered; nil otherwise.
func listItems(lines []string) ([]string, bool) {
	var items []string
	ordered := false
	for _, l := range lines {
		m := listMark.FindStringSubmatch(l)
		if m == nil {
			return nil, false
		}
		ordered = m[2] != ""
		items = append(items, m[3])
	}
	return items, ordered
}

// foldSpace trims s and folds runs of white space into one space.
func foldSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cutWords shortens s to at most n runes at a word boundary, adding "…".
func cutWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}
