package archive

import "unicode"

// Anchoring: finding a highlighted passage in an article's text.
//
// A highlight keeps its passage as a W3C TextQuoteSelector: the exact text
// with up to quoteContext characters before (prefix) and after (suffix).
// Offsets are in characters (Unicode code points, Go runes) of
// Article.Text(). When the text changes, anchor looks for the passage
// again, comparing with runs of white space folded into one space:
//
//  1. every exact occurrence of the passage; when there are several, the
//     one whose surroundings best match the prefix and suffix (the longest
//     common run next to it), then the one nearest the old offset;
//  2. the same, ignoring case;
//  3. a fuzzy match: the stretch of text with the fewest edits (insert,
//     delete, change one character) from the passage, accepted when the
//     edits are at most a fifth of its length. Only for passages of
//     minFuzzy characters or more, and only when text × passage is under
//     maxFuzzyCells, so that re-anchoring stays in milliseconds.
//
// A passage found by none of them is orphaned: kept, flagged, never
// dropped.

// quoteContext is how many characters of prefix and suffix a highlight
// keeps.
const quoteContext = 32

// Fuzzy matching limits (see above).
const (
	minFuzzy      = 8
	maxFuzzyCells = 20_000_000
)

// TextQuote is a W3C TextQuoteSelector: a passage and what surrounds it.
type TextQuote struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// quoteAt returns the selector of runes [start, end) of text.
func quoteAt(text []rune, start, end int) TextQuote {
	return TextQuote{
		Exact:  string(text[start:end]),
		Prefix: string(text[max(start-quoteContext, 0):start]),
		Suffix: string(text[end:min(end+quoteContext, len(text))]),
	}
}

// folded is a text with runs of white space folded into one space, and
// possibly lower-cased, with the offset in the original of each rune.
type folded struct {
	r   []rune
	off []int
}

// fold folds text; lower also lower-cases it (rune by rune, so that
// offsets still map).
func fold(text []rune, lower bool) folded {
	f := folded{r: make([]rune, 0, len(text)), off: make([]int, 0, len(text))}
	space := false
	for i, r := range text {
		if unicode.IsSpace(r) {
			if space {
				continue
			}
			space, r = true, ' '
		} else {
			space = false
		}
		if lower {
			r = unicode.ToLower(r)
		}
		f.r = append(f.r, r)
		f.off = append(f.off, i)
	}
	return f
}

// span maps folded [s, e) back to the original text.
func (f folded) span(s, e int) (int, int) { return f.off[s], f.off[e-1] + 1 }

// occurrences returns the starts of pat in t.
func occurrences(t, pat []rune) []int {
	var at []int
	if len(pat) == 0 {
		return nil
	}
	for i := 0; i+len(pat) <= len(t); i++ {
		if t[i] != pat[0] {
			continue
		}
		j := 1
		for j < len(pat) && t[i+j] == pat[j] {
			j++
		}
		if j == len(pat) {
			at = append(at, i)
		}
	}
	return at
}

// anchor finds the passage q in text and returns its offsets in runes;
// hint is where it was before (-1 if unknown). ok is false when the
// passage cannot be found.
func anchor(text []rune, q TextQuote, hint int) (start, end int, ok bool) {
	if s, e, ok := exactAnchor(text, q, hint); ok {
		return s, e, true
	}
	return fuzzyAnchor(text, q)
}

// exactAnchor is anchor without its fuzzy match: the passage as it is,
// then ignoring case, white space folded.
func exactAnchor(text []rune, q TextQuote, hint int) (start, end int, ok bool) {
	for _, lower := range []bool{false, true} {
		t := fold(text, lower)
		exact := fold([]rune(q.Exact), lower).r
		at := occurrences(t.r, exact)
		if len(at) == 0 {
			continue
		}
		best := bestOccurrence(t, at, len(exact), q, lower, hint)
		s, e := t.span(best, best+len(exact))
		return s, e, true
	}
	return 0, 0, false
}

// bestOccurrence picks among the folded starts at the one whose
// surroundings match q's prefix and suffix best, then the one nearest hint.
func bestOccurrence(t folded, at []int, n int, q TextQuote, lower bool, hint int) int {
	pre, suf := fold([]rune(q.Prefix), lower).r, fold([]rune(q.Suffix), lower).r
	best, bestScore, bestDist := at[0], -1, 0
	for _, s := range at {
		score := commonSuffix(t.r[:s], pre) + commonPrefix(t.r[s+n:], suf)
		dist := 0
		if hint >= 0 {
			dist = abs(t.off[s] - hint)
		}
		if score > bestScore || (score == bestScore && dist < bestDist) {
			best, bestScore, bestDist = s, score, dist
		}
	}
	return best
}

func commonSuffix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// fuzzyAnchor finds the stretch of text closest to q.Exact (case and white
// space folded) within a fifth of its length in edits.
func fuzzyAnchor(text []rune, q TextQuote) (int, int, bool) {
	t := fold(text, true)
	pat := fold([]rune(q.Exact), true).r
	if len(pat) < minFuzzy || len(pat)*len(t.r) > maxFuzzyCells {
		return 0, 0, false
	}
	limit := len(pat) / 5
	end, dist := approxEnd(t.r, pat)
	if dist > limit {
		return 0, 0, false
	}
	// The start: the same search backwards from the end found.
	from := max(end-len(pat)-limit, 0)
	rev := reversed(t.r[from:end])
	n, _ := approxEnd(rev, reversed(pat))
	start := end - n
	if start >= end {
		return 0, 0, false
	}
	s, e := t.span(start, end)
	return s, e, true
}

// approxEnd returns the end (exclusive) of the substring of t with the
// fewest edits from pat, and that number (Sellers' algorithm: the match
// may start anywhere). The earliest end wins a tie.
func approxEnd(t, pat []rune) (end, dist int) {
	m := len(pat)
	col := make([]int, m+1)
	for i := range col {
		col[i] = i
	}
	dist, end = m, 0
	for j, r := range t {
		diag := col[0] // col[0] stays 0: a match may start anywhere
		for i := 1; i <= m; i++ {
			cost := 1
			if pat[i-1] == r {
				cost = 0
			}
			v := min(diag+cost, col[i]+1, col[i-1]+1)
			diag, col[i] = col[i], v
		}
		if col[m] < dist {
			dist, end = col[m], j+1
		}
	}
	return end, dist
}

func reversed(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[len(r)-1-i] = c
	}
	return out
}
