package export

import (
	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/names"
)

// person is one author of a citation (package names splits them).
type person = names.Person

// citeAuthors returns the authors of a: its structured authors when it
// has them, organisations kept whole, else those read from the byline.
func citeAuthors(a *archive.Article) []person {
	if len(a.Authors) == 0 {
		return names.Byline(cleanLine(a.Byline), a.Language)
	}
	out := make([]person, 0, len(a.Authors))
	for _, au := range a.Authors {
		name := cleanLine(au.Name)
		switch {
		case name == "":
		case au.Kind == archive.Organization:
			out = append(out, person{Literal: name, Org: true})
		default:
			out = append(out, names.Parse(name, a.Language))
		}
	}
	return out
}
