package export

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Citations: every article is a newspaper article with its title,
// authors (persons split into family and given names, organisations kept
// whole: persons.go), container (the site), date published, URL, date
// accessed (the capture date, else the import date), language (so that
// styles do not title-case a Spanish title), and a note with the SHA-256
// of the saved original it was cleaned from, under the entry's citation
// key.

// bibReplacer escapes the characters LaTeX treats specially.
var bibReplacer = strings.NewReplacer(`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`,
	`&`, `\&`, `%`, `\%`, `$`, `\$`, `#`, `\#`, `_`, `\_`,
	`~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`)

// bibURLReplacer makes a URL safe in a verbatim BibTeX field: braces,
// backslashes and spaces percent-encoded.
var bibURLReplacer = strings.NewReplacer(`{`, `%7B`, `}`, `%7D`, `\`, `%5C`, ` `, `%20`)

// provenance is the note every citation carries.
func provenance(sha string) string {
	if sha == "" {
		return ""
	}
	return "Saved original SHA-256: " + sha
}

func writeBibTeX(ctx context.Context, j *job) error {
	for i, e := range j.entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.progress(i, len(j.entries))
		writeBibEntry(j.out, e, bibFields(e))
	}
	j.done()
	return nil
}

// bibFields are the fields of an entry's BibTeX (biblatex) record.
func bibFields(e *entry) [][2]string {
	a := e.Meta
	f := [][2]string{{"entrysubtype", "newspaper"}, {"title", bibTitle(title(a))}}
	if ps := citeAuthors(a); len(ps) > 0 {
		names := make([]string, len(ps))
		for k, p := range ps {
			names[k] = bibName(p)
		}
		f = append(f, [2]string{"author", strings.Join(names, " and ")})
	}
	f = appendNonEmpty(f, "journal", bibText(a.Site))
	if !a.Published.IsZero() {
		f = append(f, [2]string{"date", day(a.Published)}, [2]string{"year", a.Published.Format("2006")})
	}
	f = appendNonEmpty(f, "url", bibURLReplacer.Replace(cleanLine(a.URL)))
	f = appendNonEmpty(f, "urldate", day(captured(a)))
	f = appendNonEmpty(f, "langid", babelName(a.Language))
	f = appendNonEmpty(f, "abstract", bibText(a.Standfirst))
	f = appendNonEmpty(f, "keywords", bibText(strings.Join(a.Tags, ", ")))
	return appendNonEmpty(f, "note", bibText(provenance(a.OriginalSHA)))
}

// writeBibEntry writes one @article record.
func writeBibEntry(w writer, e *entry, f [][2]string) {
	fmt.Fprintf(w, "@article{%s,\n", e.Key)
	for _, kv := range f {
		fmt.Fprintf(w, "  %s = {%s},\n", kv[0], kv[1])
	}
	w.WriteString("}\n\n")
}

// bibText is text for a BibTeX field, escaped; "--" is kept from
// becoming a dash.
func bibText(s string) string {
	s = bibReplacer.Replace(cleanLine(s))
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-{}-")
	}
	return s
}

// bibTitle is a title for BibTeX: escaped, with only the words whose
// case a style must not change braced (acronyms, "iPhone", "McDonald"),
// the rest left to the style, which knows the language (langid).
func bibTitle(s string) string {
	words := strings.Fields(cleanLine(s))
	for i, w := range words {
		if esc := bibText(w); keepCase(w) {
			words[i] = "{" + esc + "}"
		} else {
			words[i] = esc
		}
	}
	return strings.Join(words, " ")
}

// keepCase reports whether a word has a capital letter after its first
// letter.
func keepCase(w string) bool {
	first := true
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if !first && unicode.IsUpper(r) {
			return true
		}
		first = false
	}
	return false
}

// bibName is one name of a BibTeX author list: "van Beethoven, Ludwig",
// "King, Jr., Martin Luther"; an organisation or a CJK name in braces,
// so that it is neither split nor reordered: {BBC News}, {肖春芳}.
func bibName(p person) string {
	if p.Literal != "" || p.CJK {
		return "{" + bibText(p.Name()) + "}"
	}
	fam := bibText(p.Family)
	if strings.Contains(strings.ToLower(fam), " and ") || strings.Contains(fam, ",") {
		fam = "{" + fam + "}"
	}
	if p.Particle != "" {
		fam = bibText(p.Particle) + " " + fam
	}
	if p.Suffix != "" {
		return fam + ", " + bibText(p.Suffix) + ", " + bibText(p.Given)
	}
	return fam + ", " + bibText(p.Given)
}

// appendNonEmpty appends the field k = v when v is not empty.
func appendNonEmpty(f [][2]string, k, v string) [][2]string {
	if v == "" {
		return f
	}
	return append(f, [2]string{k, v})
}

func writeRIS(ctx context.Context, j *job) error {
	for i, e := range j.entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.progress(i, len(j.entries))
		a := e.Meta
		line := func(tag, v string) {
			if v = cleanLine(v); v != "" {
				fmt.Fprintf(j.out, "%s  - %s\r\n", tag, v)
			}
		}
		line("TY", "NEWS")
		line("ID", e.Key)
		line("TI", title(a))
		for _, p := range citeAuthors(a) {
			line("AU", p.Inverted())
		}
		line("T2", a.Site)
		if !a.Published.IsZero() {
			line("PY", a.Published.Format("2006"))
			line("DA", a.Published.Format("2006/01/02/"))
		}
		line("UR", a.URL)
		if t := captured(a); !t.IsZero() {
			line("Y2", t.UTC().Format("2006/01/02/"))
		}
		line("LA", langTag(a.Language))
		line("AB", a.Standfirst)
		for _, t := range a.Tags {
			line("KW", t)
		}
		line("N1", provenance(a.OriginalSHA))
		j.out.WriteString("ER  - \r\n\r\n")
	}
	j.done()
	return nil
}

// cslItem is one CSL-JSON item.
type cslItem struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	Title     string    `json:"title"`
	Author    []cslName `json:"author,omitempty"`
	Container string    `json:"container-title,omitempty"`
	Issued    *cslDate  `json:"issued,omitempty"`
	Accessed  *cslDate  `json:"accessed,omitempty"`
	URL       string    `json:"URL,omitempty"`
	Language  string    `json:"language,omitempty"`
	Abstract  string    `json:"abstract,omitempty"`
	Keyword   string    `json:"keyword,omitempty"`
	Note      string    `json:"note,omitempty"`
}

type cslName struct {
	Family   string `json:"family,omitempty"`
	Given    string `json:"given,omitempty"`
	Particle string `json:"non-dropping-particle,omitempty"`
	Suffix   string `json:"suffix,omitempty"`
	Literal  string `json:"literal,omitempty"`
}

// cslNameOf is the CSL name of p.
func cslNameOf(p person) cslName {
	if p.Literal != "" {
		return cslName{Literal: p.Literal}
	}
	return cslName{Family: p.Family, Given: p.Given, Particle: p.Particle, Suffix: p.Suffix}
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// cslDateOf is the CSL date of t, nil when t is zero.
func cslDateOf(t time.Time) *cslDate {
	if t.IsZero() {
		return nil
	}
	return &cslDate{DateParts: [][]int{{t.Year(), int(t.Month()), t.Day()}}}
}

// cslItemOf is the CSL-JSON item of an entry.
func cslItemOf(e *entry) cslItem {
	a := e.Meta
	it := cslItem{ID: e.Key, Type: "article-newspaper", Title: title(a),
		Container: cleanLine(a.Site), Issued: cslDateOf(a.Published), Accessed: cslDateOf(captured(a)),
		URL: cleanLine(a.URL), Language: langTag(a.Language), Abstract: cleanLine(a.Standfirst),
		Keyword: cleanLine(strings.Join(a.Tags, ", ")), Note: provenance(a.OriginalSHA)}
	for _, p := range citeAuthors(a) {
		it.Author = append(it.Author, cslNameOf(p))
	}
	return it
}

func writeCSLJSON(ctx context.Context, j *job) error {
	items := make([]cslItem, 0, len(j.entries))
	for i, e := range j.entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.progress(i, len(j.entries))
		items = append(items, cslItemOf(e))
	}
	enc := json.NewEncoder(j.out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(items); err != nil {
		return err
	}
	j.done()
	return nil
}

// babelNames are the names biblatex's langid knows, by ISO 639-1 code.
var babelNames = map[string]string{"en": "english", "de": "ngerman", "fr": "french", "es": "spanish",
	"it": "italian", "pt": "portuguese", "nl": "dutch", "sv": "swedish", "da": "danish", "nb": "norsk",
	"no": "norsk", "nn": "nynorsk", "fi": "finnish", "pl": "polish", "ru": "russian", "uk": "ukrainian",
	"cs": "czech", "sk": "slovak", "hu": "magyar", "ro": "romanian", "tr": "turkish", "el": "greek",
	"he": "hebrew", "ar": "arabic", "ca": "catalan", "hr": "croatian", "sl": "slovene", "sr": "serbian",
	"bg": "bulgarian", "et": "estonian", "lv": "latvian", "lt": "lithuanian", "id": "indonesian",
	"vi": "vietnamese", "th": "thai", "hi": "hindi", "fa": "farsi", "ga": "irish", "cy": "welsh",
	"is": "icelandic", "eu": "basque", "gl": "galician", "ja": "japanese", "zh": "chinese", "ko": "korean"}

// babelName is the langid of a language: biblatex's name for it, else
// its BCP 47 tag; "" when unknown.
func babelName(lang string) string {
	t := langTag(lang)
	base, _, _ := strings.Cut(t, "-")
	if n, ok := babelNames[base]; ok {
		if t == "en-US" {
			return "american"
		}
		if t == "en-GB" {
			return "british"
		}
		return n
	}
	return t
}
