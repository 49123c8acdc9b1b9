package importer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/clippings/clippings/archive"
)

// How an article's language is settled (settleLanguage): the page's own
// declaration (<html lang>, content-language, JSON-LD inLanguage,
// og:locale) as a BCP 47 tag, unless its text plainly says otherwise; a
// CMS's default lang="en" on a German article is common. Without a
// declaration the text decides. The script alone decides where it is
// written by one language (kana → ja, hangul → ko, Han alone → zh, Greek,
// Hebrew, Thai, …); trigrams (whatlanggo) decide among the languages of
// the Latin, Cyrillic, Arabic and Devanagari scripts, piece by piece.

// settleLanguageStep sets an article's language from what it declares and
// its text.
func settleLanguageStep(a *archive.Article) {
	a.Language = settleLanguage(a.Language, a.Title+"\n"+a.Text())
}

// settleLanguage returns the language of an article that declares
// declared ("" when it does not) and reads text.
func settleLanguage(declared, text string) string {
	decl := normalizeLang(declared)
	det, sure := detectLanguage(text)
	switch {
	case det == "":
		return decl
	case decl == "":
		return det
	case primaryLang(decl) == det:
		return decl // keep the region the page gives
	case sure && !siblingLangs(primaryLang(decl), det):
		return det
	}
	return decl
}

var langTag = regexp.MustCompile(`^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?(?:[-_.].*)?$`)

// legacyLangs maps retired and three-letter codes pages still use to the
// tag BCP 47 prefers.
var legacyLangs = map[string]string{
	"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "eng": "en", "deu": "de", "ger": "de", "fra": "fr",
	"fre": "fr", "spa": "es", "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "rus": "ru", "jpn": "ja",
	"zho": "zh", "chi": "zh", "kor": "ko", "ara": "ar", "pol": "pl", "tur": "tr", "swe": "sv",
}

// normalizeLang returns a declared language as a BCP 47 tag (language,
// then script and region when given: "en_us" → "en-US", "zh-hant-tw" →
// "zh-Hant-TW"), or "" for what is no language ("und", "x-default",
// "{{lang}}"). A list ("en, de") gives its first.
func normalizeLang(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ",; "); i >= 0 {
		s = s[:i]
	}
	m := langTag.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	lang := strings.ToLower(m[1])
	if l, ok := legacyLangs[lang]; ok {
		lang = l
	}
	switch lang {
	case "und", "zxx", "mul", "mis", "xx", "xxx":
		return ""
	}
	if m[2] != "" {
		lang += "-" + strings.ToUpper(m[2][:1]) + strings.ToLower(m[2][1:])
	}
	if m[3] != "" {
		lang += "-" + strings.ToUpper(m[3])
	}
	return lang
}

// primaryLang returns the language subtag of a tag.
func primaryLang(tag string) string {
	p, _, _ := strings.Cut(tag, "-")
	return p
}

// siblingGroups are languages close enough that a detector confuses them
// and a page's declaration is trusted over it.
var siblingGroups = []string{"no nb nn da", "hr sr bs sh", "cs sk", "id ms", "es ca gl", "pt gl",
	"ru be", "hi mr ne", "af nl", "fa ar ur", "zu xh"}

func siblingLangs(a, b string) bool {
	for _, g := range siblingGroups {
		if f := strings.Fields(g); slices.Contains(f, a) && slices.Contains(f, b) {
			return true
		}
	}
	return false
}

// maxLangSample is how much of the text language detection reads.
const maxLangSample = 4000

// minSureLetters is the least number of letters whose detected language
// overrides a page's declaration.
const minSureLetters = 200

// scriptLangs are the scripts written by one language (or nearly so).
var scriptLangs = []struct {
	table *unicode.RangeTable
	lang  string
}{
	{unicode.Greek, "el"}, {unicode.Hebrew, "he"}, {unicode.Thai, "th"}, {unicode.Georgian, "ka"},
	{unicode.Armenian, "hy"}, {unicode.Khmer, "km"}, {unicode.Lao, "lo"}, {unicode.Myanmar, "my"},
	{unicode.Sinhala, "si"}, {unicode.Gujarati, "gu"}, {unicode.Gurmukhi, "pa"}, {unicode.Tamil, "ta"},
	{unicode.Telugu, "te"}, {unicode.Kannada, "kn"}, {unicode.Malayalam, "ml"}, {unicode.Bengali, "bn"},
	{unicode.Oriya, "or"}, {unicode.Ethiopic, "am"}, {unicode.Tibetan, "bo"},
}

// detectLanguage returns the language text is written in ("" when it
// cannot tell) and whether it is sure enough to override a declaration.
func detectLanguage(text string) (string, bool) {
	sample, counts, letters := scriptCounts(text)
	if letters < 20 {
		return "", false
	}
	// A script says more from fewer letters than trigrams do.
	sure, scriptSure := letters >= minSureLetters, letters >= minSureLetters/4
	cjk := counts["han"] + counts["kana"] + counts["hangul"]
	switch {
	case cjk*2 > letters && counts["hangul"]*3 > cjk:
		return "ko", scriptSure
	case cjk*2 > letters && counts["kana"]*10 > cjk:
		return "ja", scriptSure
	case cjk*2 > letters:
		return "zh", scriptSure
	}
	best, lang := 0, ""
	for _, s := range scriptLangs {
		if n := counts[s.lang]; n > best {
			best, lang = n, s.lang
		}
	}
	if best*2 > letters {
		return lang, scriptSure
	}
	lang, share, mean := voteTrigrams(sample)
	return lang, sure && share >= minVoteShare && mean >= minMeanConfidence
}

// langChunk is the size of the pieces of text whatlanggo reads one by
// one: on a longer text its distances go wrong (English prose of 4,000
// bytes comes out Dutch, with a negative confidence on others), on
// pieces of this size it is right, and the pieces vote.
const langChunk = 600

// minVoteShare and minMeanConfidence are the least share of the votes,
// and the least confidence per piece, that make a detected language sure
// enough to override a declaration: real prose gets about 1 a piece,
// lorem ipsum (Portuguese to whatlanggo) less than 0.5.
const (
	minVoteShare      = 0.6
	minMeanConfidence = 0.5
)

// voteTrigrams detects the language of each piece of sample and returns
// the one with the most confidence summed, its share of it all and its
// mean over the pieces.
func voteTrigrams(sample string) (string, float64, float64) {
	votes, total, pieces := map[string]float64{}, 0.0, 0
	for sample != "" {
		n := min(len(sample), langChunk)
		if i := strings.LastIndexByte(sample[:n], ' '); n < len(sample) && i > langChunk/2 {
			n = i
		}
		for n < len(sample) && !utf8.RuneStart(sample[n]) {
			n++
		}
		info := whatlanggo.Detect(sample[:n])
		sample = sample[n:]
		pieces++
		if info.Lang < 0 || info.Lang.Iso6391() == "" || info.Confidence <= 0 {
			continue
		}
		votes[info.Lang.Iso6391()] += info.Confidence
		total += info.Confidence
		if v := votes[info.Lang.Iso6391()]; v >= 2 && v >= 0.9*total {
			break // two pieces sure of one language settle it
		}
	}
	best, lang := 0.0, ""
	for l, v := range votes {
		if v > best || v == best && l < lang {
			best, lang = v, l
		}
	}
	if lang == "" {
		return "", 0, 0
	}
	return lang, best / total, best / float64(pieces)
}

// scriptCounts returns the start of text (up to maxLangSample bytes, at a
// rune boundary), and how many of its letters each script holds: the
// single-language scripts under their language, Han, kana and hangul
// apart; and how many letters it holds.
func scriptCounts(text string) (string, map[string]int, int) {
	counts := map[string]int{}
	letters, end := 0, len(text)
	for i, r := range text {
		if i >= maxLangSample {
			end = i
			break
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case r < 0x250:
		case unicode.Is(unicode.Han, r):
			counts["han"]++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			counts["kana"]++
		case unicode.Is(unicode.Hangul, r):
			counts["hangul"]++
		default:
			for _, s := range scriptLangs {
				if unicode.Is(s.table, r) {
					counts[s.lang]++
					break
				}
			}
		}
	}
	return text[:end], counts, letters
}

// The language steps of the readers.
func settleHTMLLanguage(p *htmlPage) error   { settleLanguageStep(p.art); return nil }
func settleTextLanguage(p *textPage) error   { settleLanguageStep(p.art); return nil }
func settleMarkdownLanguage(p *mdPage) error { settleLanguageStep(p.art); return nil }
