package export

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Citations: every article is a newspaper article with its title,
// authors (from the byline), container (the site), date published, URL
// and date accessed (the capture date, else the import date), under the
// entry's citation key.

// bibReplacer escapes the characters LaTeX treats specially.
var bibReplacer = strings.NewReplacer(`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`,
	`&`, `\&`, `%`, `\%`, `$`, `\$`, `#`, `\#`, `_`, `\_`,
	`~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`)

// bibURLReplacer makes a URL safe in a verbatim BibTeX field: braces,
// backslashes and spaces percent-encoded.
var bibURLReplacer = strings.NewReplacer(`{`, `%7B`, `}`, `%7D`, `\`, `%5C`, ` `, `%20`)

func writeBibTeX(ctx context.Context, j *job) error {
	for i, e := range j.entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.progress(i, len(j.entries))
		a := e.Meta
		f := [][2]string{{"entrysubtype", "newspaper"}, {"title", "{" + bibText(title(a)) + "}"}}
		if ps := authors(a.Byline); len(ps) > 0 {
			names := make([]string, len(ps))
			for k, p := range ps {
				names[k] = bibName(p)
			}
			f = append(f, [2]string{"author", strings.Join(names, " and ")})
		}
		f = appendNonEmpty(f, "journal", bibText(a.Site))
		if !a.Published.IsZero() {
			f = append(f, [2]string{"date", day(a.Published)}, [2]string{"year", a.Published.UTC().Format("2006")})
		}
		f = appendNonEmpty(f, "url", bibURLReplacer.Replace(cleanLine(a.URL)))
		f = appendNonEmpty(f, "urldate", day(captured(a)))
		f = appendNonEmpty(f, "abstract", bibText(a.Subtitle))
		f = appendNonEmpty(f, "keywords", bibText(strings.Join(a.Tags, ", ")))
		fmt.Fprintf(j.out, "@article{%s,\n", e.Key)
		for _, kv := range f {
			fmt.Fprintf(j.out, "  %s = {%s},\n", kv[0], kv[1])
		}
		j.out.WriteString("}\n\n")
	}
	j.done()
	return nil
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

// bibName is one name of a BibTeX author list: "Family, Given", or a
// literal name in braces so that it is not split.
func bibName(p person) string {
	if p.Literal != "" {
		return "{" + bibText(p.Literal) + "}"
	}
	// "and" inside a name would split it: protect every part.
	return "{" + bibText(p.Family) + "}, " + bibText(p.Given)
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
		for _, p := range authors(a.Byline) {
			line("AU", p.inverted())
		}
		line("T2", a.Site)
		if !a.Published.IsZero() {
			line("PY", a.Published.UTC().Format("2006"))
			line("DA", a.Published.UTC().Format("2006/01/02/"))
		}
		line("UR", a.URL)
		if t := captured(a); !t.IsZero() {
			line("Y2", t.UTC().Format("2006/01/02/"))
		}
		line("LA", a.Language)
		line("AB", a.Subtitle)
		for _, t := range a.Tags {
			line("KW", t)
		}
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
}

type cslName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// cslDateOf is the CSL date of t, nil when t is zero.
func cslDateOf(t time.Time) *cslDate {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &cslDate{DateParts: [][]int{{t.Year(), int(t.Month()), t.Day()}}}
}

func writeCSLJSON(ctx context.Context, j *job) error {
	items := make([]cslItem, 0, len(j.entries))
	for i, e := range j.entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.progress(i, len(j.entries))
		a := e.Meta
		it := cslItem{ID: e.Key, Type: "article-newspaper", Title: title(a),
			Container: cleanLine(a.Site), Issued: cslDateOf(a.Published), Accessed: cslDateOf(captured(a)),
			URL: cleanLine(a.URL), Language: cleanLine(a.Language), Abstract: cleanLine(a.Subtitle),
			Keyword: cleanLine(strings.Join(a.Tags, ", "))}
		for _, p := range authors(a.Byline) {
			it.Author = append(it.Author, cslName(p))
		}
		items = append(items, it)
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
