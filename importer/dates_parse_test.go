package importer

import (
	"testing"
	"time"
)

// TestFindTextDates reads datelines as pages print them, in many
// languages (fragments of real pages).
func TestFindTextDates(t *testing.T) {
	de, us, gb := hintFor("de", ""), hintFor("en-US", ""), hintFor("en", "www.express.co.uk")
	cases := []struct {
		text string
		hint dateHint
		want string // first date found, "" for none
	}{
		{"Veröffentlicht am 03.03.2019 um 14:20 Uhr", de, "2019-03-03"},
		{"Stand: 3.3.19", de, "2019-03-03"},
		{"Freitag, 5. November 2021", de, "2021-11-05"},
		{"21. Jan. 2015, 10:02 Uhr", de, "2015-01-21"},
		{"Aktualisiert: 14. März 2020", de, "2020-03-14"},
		{"Published March 11, 2020 at 5:02 PM", us, "2020-03-11"},
		{"Sept. 5, 2019", us, "2019-09-05"},
		{"November 2nd, 2020", us, "2020-11-02"},
		{"13 Jan 2020", gb, "2020-01-13"},
		{"Posted on 2019-11-18 by admin", us, "2019-11-18"},
		{"11/01/2023", us, "2023-11-01"},
		{"11/01/2023", gb, "2023-01-11"},
		{"25/11/2020", us, "2020-11-25"},
		{"Publié le 1er mars 2020 à 18h00", hintFor("fr", ""), "2020-03-01"},
		{"mis à jour le 12 févr. 2021", hintFor("fr", ""), "2021-02-12"},
		{"22 de novembro de 2020", hintFor("pt-BR", ""), "2020-11-22"},
		{"Madrid, 21 de enero del 2020", hintFor("es", ""), "2020-01-21"},
		{"lunedì 7 ottobre 2019", hintFor("it", ""), "2019-10-07"},
		{"di 12 mrt 2019", hintFor("nl", ""), "2019-03-12"},
		{"5 марта 2021 г.", hintFor("ru", ""), "2021-03-05"},
		{"12 listopada 2019", hintFor("pl", ""), "2019-11-12"},
		{"12. listopada 2019.", hintFor("hr", ""), "2019-10-12"},
		{"2021. március 5.", hintFor("hu", ""), "2021-03-05"},
		{"2019年11月18日 10:25", hintFor("ja", ""), "2019-11-18"},
		{"2019년 11월 18일", hintFor("ko", ""), "2019-11-18"},
		{"기사입력 2019.11.18. 오전 10:25", hintFor("ko", ""), "2019-11-18"},
		{"ngày 5 tháng 3 năm 2021", hintFor("vi", ""), "2021-03-05"},
		{"Chapter 12 2020 edition", us, ""},
		{"version 1.2.3", de, ""},
		{"call 030-12-34", de, ""},
		{"31.02.2020", de, ""},
		{"May 2020", us, ""},
	}
	for _, c := range cases {
		got := ""
		if ds := findTextDates(c.text, c.hint); len(ds) > 0 {
			got = ds[0].t.Format(time.DateOnly)
		}
		if got != c.want {
			t.Errorf("findTextDates(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestParseDateValue reads machine-written values as pages give them,
// keeping the page's own offset.
func TestParseDateValue(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2019-11-18T21:15:00-05:00", "2019-11-18T21:15:00-05:00"},
		{"2019-11-19T02:15:00Z", "2019-11-19T02:15:00Z"},
		{"2019-11-18T21:15:00.000-0500", "2019-11-18T21:15:00-05:00"},
		{"2025-11-25 08:33:24", "2025-11-25T08:33:24Z"},
		{"2020-09-25T16:02:50CDT", "2020-09-25T16:02:50-05:00"},
		{"2020-09-25 16:02:50 EST", "2020-09-25T16:02:50-05:00"},
		{"20201123T05:02:35Z", "2020-11-23T05:02:35Z"},
		{"20201123T050235+0100", "2020-11-23T05:02:35+01:00"},
		{"20201123", "2020-11-23T00:00:00Z"},
		{"Thu, 04 Sep 2025 19:24:33 GMT", "2025-09-04T19:24:33Z"},
		{"Jun 24, 2025", "2025-06-24T00:00:00Z"},
		{"July 17, 2025", "2025-07-17T00:00:00Z"},
		{"1574121884", "2019-11-19T00:04:44Z"},
		{"11/01/2023", "2023-11-01T00:00:00Z"},
		{"", ""},
		{"yesterday", ""},
	}
	for _, c := range cases {
		got := ""
		if v := parseDateValue(c.in, hintFor("", "")); !v.IsZero() {
			got = v.Format(time.RFC3339)
		}
		if got != c.want {
			t.Errorf("parseDateValue(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
