package importer

import (
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/clippings/clippings/archive"
)

// Captions are shown once. Pages print a caption twice for their scripts
// to toggle between (a cut version with "… more", the full one with
// "less"), repeat a figure's caption in a slide show's panel, and label
// the controls that open it ("Caption", "Close") with the caption's class.

// maxToggleWords is the most words of a link that only toggles a caption.
const maxToggleWords = 3

// dropCaptionToggles removes from a caption's copy the links with no
// address that only toggle it ("less", "… more") and the cut versions of
// a text the caption also holds whole.
func dropCaptionToggles(c *goquery.Selection) {
	c.Find("a:not([href])").FilterFunction(func(_ int, a *goquery.Selection) bool {
		return len(strings.Fields(a.Text())) <= maxToggleWords
	}).Remove()
	c.Find("*").AddSelection(c).Each(func(_ int, parent *goquery.Selection) {
		kids := parent.Children()
		if kids.Length() < 2 {
			return
		}
		texts := make([]string, kids.Length())
		kids.Each(func(i int, k *goquery.Selection) { texts[i] = strings.TrimRight(fold(k.Text()), " .…") })
		kids.Each(func(i int, k *goquery.Selection) {
			for j, other := range texts {
				if j != i && texts[i] != "" && len(texts[i]) < len(other) && strings.HasPrefix(other, texts[i]) {
					k.Remove() // the cut version of the text beside it
					return
				}
			}
		})
	})
}

// minLoneCaptionWords is the least an element classed as a caption must
// say when no picture is beside it: a shorter one is the label of a
// control ("Caption", "Close").
const minLoneCaptionWords = 3

// isControlLabel reports whether a caption-classed element without a
// picture beside it only labels a control.
func isControlLabel(text string) bool {
	return len(strings.Fields(text)) < minLoneCaptionWords
}

// tidyFigures shows each caption once: a figure without a picture whose
// caption or credit only repeats an earlier figure's is dropped.
func tidyFigures(p *htmlPage) error {
	a := p.art
	drop := map[int]bool{}
	seen := map[string]bool{}
	for i := range a.Figures {
		f := &a.Figures[i]
		lone := f.Image == "" && f.ImageSHA == ""
		capKey, creditKey := fold(f.Caption), fold(f.Credit)
		switch {
		case lone && f.Caption == "" && (f.Credit == "" || seen["credit:"+creditKey]):
			drop[i] = true
		case lone && f.Caption != "" && seen["caption:"+capKey]:
			drop[i] = true
		}
		if capKey != "" {
			seen["caption:"+capKey] = true
		}
		if creditKey != "" {
			seen["credit:"+creditKey] = true
		}
	}
	removeFigures(a, drop)
	return nil
}

// removeFigures removes the figures of a whose indexes drop holds, with
// their blocks, and renumbers the blocks of the others.
func removeFigures(a *archive.Article, drop map[int]bool) {
	if len(drop) == 0 {
		return
	}
	renum := make([]int, len(a.Figures))
	var figs []archive.Figure
	for i, f := range a.Figures {
		renum[i] = len(figs)
		if !drop[i] {
			figs = append(figs, f)
		}
	}
	blocks := a.Blocks[:0]
	for _, b := range a.Blocks {
		if b.Kind == archive.FigureRef {
			if drop[b.Figure] {
				continue
			}
			b.Figure = renum[b.Figure]
		}
		blocks = append(blocks, b)
	}
	a.Figures, a.Blocks = figs, blocks
}
