package names

import "testing"

func TestByline(t *testing.T) {
	cases := []struct {
		byline, lang string
		want         []Person
	}{
		{"By Anna Lindqvist", "", []Person{{Family: "Lindqvist", Given: "Anna"}}},
		{"by Anna Lindqvist and Bo Ek", "", []Person{{Family: "Lindqvist", Given: "Anna"}, {Family: "Ek", Given: "Bo"}}},
		{"Anna Lindqvist, Bo Ek & Cy Di", "", []Person{{Family: "Lindqvist", Given: "Anna"}, {Family: "Ek", Given: "Bo"}, {Family: "Di", Given: "Cy"}}},
		{"Lindqvist, Anna", "", []Person{{Family: "Lindqvist", Given: "Anna"}}},
		{"Ludwig van Beethoven", "", []Person{{Family: "Beethoven", Particle: "van", Given: "Ludwig"}}},
		{"María de la Cruz", "es", []Person{{Family: "Cruz", Particle: "de la", Given: "María"}}},
		{"Martin Luther King Jr.", "", []Person{{Family: "King", Given: "Martin Luther", Suffix: "Jr."}}},
		{"Reuters", "", []Person{{Literal: "Reuters"}}},
		{"Staff reporter", "", []Person{{Literal: "Staff reporter"}}},
		{"Agent 007 Smith", "", []Person{{Literal: "Agent 007 Smith"}}},
		{"肖春芳", "zh", []Person{{Family: "肖", Given: "春芳", CJK: true}}},
		{"欧阳修", "zh", []Person{{Family: "欧阳", Given: "修", CJK: true}}},
		{"山田太郎", "ja", []Person{{Family: "山田", Given: "太郎", CJK: true}}},
		{"山田 太郎", "ja", []Person{{Family: "山田", Given: "太郎", CJK: true}}},
		{"김민수", "ko", []Person{{Family: "김", Given: "민수", CJK: true}}},
		{"남궁민수", "ko", []Person{{Family: "남궁", Given: "민수", CJK: true}}},
		{"דנה כהן", "he", []Person{{Family: "כהן", Given: "דנה"}}},
		{"سارة أحمد", "ar", []Person{{Family: "أحمد", Given: "سارة"}}},
		{"Von Anna Müller", "de", []Person{{Family: "Müller", Given: "Anna"}}},
		{"Jane Roe, MD, PhD", "en", []Person{{Family: "Roe", Given: "Jane"}}},
		{"Name *", "en", nil},
		{"Dr. Erin Jazini", "en", []Person{{Family: "Jazini", Given: "Erin"}}},
		{"Rachel Fand, MS, RD", "en", []Person{{Family: "Fand", Given: "Rachel"}}},
		{"", "", nil},
		{"@handle", "", nil},
	}
	for _, c := range cases {
		got := Byline(c.byline, c.lang)
		if len(got) != len(c.want) {
			t.Errorf("Byline(%q) = %+v, want %+v", c.byline, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("Byline(%q)[%d] = %+v, want %+v", c.byline, i, got[i], c.want[i])
			}
		}
	}
}
