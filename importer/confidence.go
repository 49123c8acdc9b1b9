package importer

import (
	"strings"

	"github.com/clippings/clippings/archive"
)

// What a cleaned page must hold to read as an article: running text, not
// lists of links, and a date or an author unless the text is long (an
// encyclopedia article). Less than minArticleWords of text in all is a
// stub.
const (
	minArticleWords  = 150  // words in paragraphs and quotations
	minUnsignedWords = 1500 // … when the page gives no date and no author
	minArticleParas  = 3    // paragraphs of at least minParaWords
	minParaWords     = 15
	maxListTextShare = 0.6 // of the body's words in list items and table rows
)

// assess says how much a cleaned page reads as an article. A file the user
// picked is imported whatever it says; it only chooses the pages of a
// crawl (readWARC) and tells the reader what it has.
func assess(a *archive.Article) archive.Confidence {
	words, listWords, paras := textStats(a)
	signed := !a.Published.IsZero() || !a.Modified.IsZero() || a.Byline != ""
	switch {
	case words+listWords < minArticleWords:
		return archive.ConfidenceStub
	case words >= minArticleWords && paras >= minArticleParas && (signed || words >= minUnsignedWords) &&
		float64(listWords) <= maxListTextShare*float64(words+listWords):
		return archive.ConfidenceArticle
	}
	return archive.ConfidencePage
}

// textStats counts the words of an article's paragraphs and quotations,
// those of its list items and table rows, and its paragraphs of at least
// minParaWords.
func textStats(a *archive.Article) (words, listWords, paras int) {
	for _, b := range a.Blocks {
		n := len(strings.Fields(b.Text))
		switch b.Kind {
		case archive.Paragraph, archive.Quote, archive.Term, archive.Define:
			if strings.Contains(b.Text, " | ") {
				listWords += n // a table row
				continue
			}
			words += n
			if n >= minParaWords {
				paras++
			}
		case archive.ListItem, archive.TableKind, archive.Footnote:
			listWords += n
		}
	}
	return words, listWords, paras
}
