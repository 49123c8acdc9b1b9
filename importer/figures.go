package importer

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/clippings/clippings/archive"
)

// figAttr marks the elements of a figure found in the page (its
// container, images, caption and credit) with the figure's index in
// htmlPage.figures, so that the figure is recognised in the content even
// when the content finder has taken its container or caption apart.
const figAttr = "data-clip-fig"

var (
	// captionClass is the class of an element holding a caption.
	captionClass = regexp.MustCompile(`(?i)caption|(^|[\s_-])legend([\s_-]|$)`)
	// creditClass is the class of an element holding a photo credit.
	creditClass = regexp.MustCompile(`(?i)credit|copyright|photographer|(^|[\s_-])(byline|source|attribution|courtesy)([\s_-]|$)`)
	// hiddenClass is the class of text meant for screen readers only, such
	// as the "Media caption" label before a caption.
	// Pop-ups shown on hover (tooltips, cards about a person) are hidden
	// too.
	hiddenClass = regexp.MustCompile(`(?i)(^|[\s_-])(off-?screen|visually-?hidden|sr-only|screen-?reader(-text|-only)?|` +
		`tooltip|popover|hovercard|rollover)([\s_-]|$)`)
	// captionLabel is a label some sites put before a caption.
	captionLabel = regexp.MustCompile(`(?i)^(image|media|photo|video) caption[:,]?\s*`)
	noscriptImg  = regexp.MustCompile(`(?i)<img[^>]+?\bsrc\s*=\s*["']([^"']+)["']`)
)

// maxCaptionRunes is the longest text taken as a caption.
const maxCaptionRunes = 1000

// markFigures finds the page's figures (<figure>, and images beside an
// element classed as a caption), reads their image, caption and credit,
// and marks their elements with figAttr.
func markFigures(p *htmlPage) error {
	p.query.Find("figure").Each(func(_ int, s *goquery.Selection) {
		if s.ParentsFiltered("figure").Length() == 0 && isPictureFigure(s) {
			p.addFigure(s)
		}
	})
	p.query.Find("[class], [itemprop=caption]").Each(func(_ int, s *goquery.Selection) {
		if !mayHold(s.AttrOr("class", "")+s.AttrOr("itemprop", ""), "caption", "legend") ||
			s.Closest("figure, ["+figAttr+"]").Length() > 0 || !isCaptionElement(s) {
			return
		}
		fig := figureContainer(s)
		if pictures(fig).Length() == 0 && isControlLabel(foldSpace(s.Text())) {
			return
		}
		p.addFigure(fig)
	})
	return nil
}

// isPictureFigure reports whether a <figure> shows a picture, or at least
// holds nothing but its caption; a figure that holds a quotation, a code
// listing or a table is left to be read as text.
func isPictureFigure(s *goquery.Selection) bool {
	if s.Find("img, picture, svg, video, iframe, object, embed, canvas").Length() > 0 {
		return true
	}
	body := s.Clone()
	body.Find("figcaption").Remove()
	return foldSpace(body.Text()) == ""
}

// isCaptionElement reports whether s is classed or marked as a caption and
// holds a caption's worth of text.
func isCaptionElement(s *goquery.Selection) bool {
	if !captionClass.MatchString(s.AttrOr("class", "")) && s.AttrOr("itemprop", "") != "caption" {
		return false
	}
	n := len([]rune(foldSpace(s.Text())))
	return n > 0 && n <= maxCaptionRunes && s.Find("p, div").Length() <= 2
}

// figureContainer returns the element that holds a caption's figure: the
// nearest ancestor (at most three levels up, with little text besides the
// caption) that holds one image, else the nearest that holds a credit,
// else the caption alone.
func figureContainer(caption *goquery.Selection) *goquery.Selection {
	capLen := len(foldSpace(caption.Text()))
	withCredit := caption
	for up, i := caption, 0; i < 4; i++ {
		if up.Length() == 0 || up.Is("body, article, main") || len(foldSpace(up.Text())) > capLen+200 {
			break
		}
		if n := pictures(up).Length(); n == 1 {
			return up
		} else if n > 1 {
			break
		}
		if withCredit == caption && up != caption && hasCredit(up) {
			withCredit = up
		}
		up = up.Parent()
	}
	return withCredit
}

// pictures returns the images and <picture>s under s, without icons
// (such as the "enlarge" button in a caption) that declare a tiny size.
func pictures(s *goquery.Selection) *goquery.Selection {
	return s.Find("img, picture").FilterFunction(func(_ int, img *goquery.Selection) bool {
		return !tinyImage(img)
	})
}

// hasCredit reports whether s holds an element classed as a credit.
func hasCredit(s *goquery.Selection) bool {
	found := false
	s.Find("[class]").EachWithBreak(func(_ int, c *goquery.Selection) bool {
		found = creditClass.MatchString(c.AttrOr("class", ""))
		return !found
	})
	return found
}

// addFigure reads the figure in s and marks its elements.
func (p *htmlPage) addFigure(s *goquery.Selection) {
	idx := strconv.Itoa(len(p.figures))
	img := pictures(s).Filter("img").First()
	f := archive.Figure{Alt: foldSpace(img.AttrOr("alt", ""))}
	f.Image, f.ImageSHA = p.figureImage(s, img)
	s.Find("img, picture").SetAttr(figAttr, idx)
	f.Credit = markCredits(s, idx)
	capSel := s.Find("figcaption, [itemprop=caption]").First()
	if capSel.Length() == 0 {
		capSel = s.Find("[class]").FilterFunction(func(_ int, c *goquery.Selection) bool {
			return captionClass.MatchString(c.AttrOr("class", ""))
		}).First()
	}
	if capSel.Length() == 0 && isCaptionElement(s) {
		capSel = s
	}
	if capSel.Length() > 0 {
		capSel.SetAttr(figAttr, idx)
		f.Caption = cleanCaption(textWithoutMarked(capSel, figAttr+"-credit"))
	}
	if f.Credit == "" {
		f.Caption, f.Credit = splitCredit(f.Caption)
	}
	s.SetAttr(figAttr, idx)
	p.figures = append(p.figures, f)
}

// markCredits marks the credit elements of a figure (classed as credits,
// or schema.org's copyrightHolder and creditText) with figAttr+"-credit"
// and returns their text.
func markCredits(s *goquery.Selection, idx string) string {
	var parts []string
	s.Find("[class], [itemprop]").Each(func(_ int, c *goquery.Selection) {
		prop := c.AttrOr("itemprop", "")
		if !creditClass.MatchString(c.AttrOr("class", "")) && !strings.Contains(prop, "copyrightHolder") && prop != "creditText" {
			return
		}
		if t := unglueCredit(foldSpace(c.Text())); t != "" && c.Closest("["+figAttr+"-credit]").Length() == 0 {
			parts = append(parts, t)
			c.SetAttr(figAttr+"-credit", idx)
		}
	})
	return strings.Join(parts, " ")
}

// figureImage returns the address of a figure's image, looking past lazy
// loading placeholders to data-src, srcset and <noscript> copies, and the
// SHA-256 of the image when the capture holds it (a data: URI, a file of
// its container). The address is resolved against the page's address,
// except in a page a browser saved ("saved from url"), whose relative
// paths point to its own files; an image held only as a data: URI has no
// address.
func (p *htmlPage) figureImage(fig, img *goquery.Selection) (addr, sha string) {
	cands := []string{
		img.AttrOr("data-src", ""), img.AttrOr("data-original", ""), img.AttrOr("data-lazy-src", ""),
		firstSrcset(img.AttrOr("data-srcset", "")), img.AttrOr("src", ""), firstSrcset(img.AttrOr("srcset", "")),
		firstSrcset(fig.Find("picture source[srcset]").First().AttrOr("srcset", "")),
	}
	if m := noscriptImg.FindStringSubmatch(fig.Find("noscript").Text()); m != nil {
		cands = append(cands, m[1])
	}
	for _, c := range cands {
		c = strings.TrimSpace(c)
		if c == "" || (addr != "" && sha != "") {
			continue
		}
		if isDataURI(c) {
			if sha == "" {
				sha = p.images.lookup(c)
			}
			continue
		}
		a := c // a file of a browser's "complete" save, kept as given
		if !p.savedFrom || !isRelativePath(c) {
			a = absURL(p.base, c)
		}
		if a == "" {
			continue
		}
		if sha == "" {
			sha = p.images.lookup(c, a)
		}
		addr = first(addr, a)
	}
	return addr, sha
}

// isRelativePath reports whether ref is a path relative to the page, such
// as "./Page_files/photo.jpg".
func isRelativePath(ref string) bool {
	u, err := url.Parse(ref)
	return err == nil && u.Scheme == "" && u.Host == "" && !strings.HasPrefix(ref, "/")
}

// firstSrcset returns the first address of a srcset attribute.
func firstSrcset(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " ,"); i >= 0 {
		s = s[:i]
	}
	return s
}

// textWithoutMarked returns the text of s leaving out elements that carry
// the attribute mark, hidden labels and the toggles of a caption.
func textWithoutMarked(s *goquery.Selection, mark string) string {
	c := s.Clone()
	c.Find("[" + mark + "]").Remove()
	c.Find("script, style, noscript, button").Remove()
	c.Find("[class]").FilterFunction(func(_ int, h *goquery.Selection) bool {
		return hiddenClass.MatchString(h.AttrOr("class", ""))
	}).Remove()
	dropCaptionToggles(c)
	return textWithout(c.Get(0), "script", "style")
}

// cleanCaption folds the white space of a caption and drops a leading
// "Image caption" label.
func cleanCaption(s string) string {
	return captionLabel.ReplaceAllString(foldSpace(s), "")
}

// unglueCredit drops the "Credit" label a credit's text runs into.
func unglueCredit(s string) string {
	if m := gluedCredit.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}
