package query

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// dump prints a parsed query for comparison.
func dump(n *Node) string {
	if n == nil {
		return "<nil>"
	}
	switch n.Kind {
	case Text:
		s := fmt.Sprintf("%q", n.Text)
		if !n.Phrase {
			s = n.Text
		}
		if n.Field != "" {
			s = n.Field + ":" + s
		}
		if n.Prefix {
			s += "*"
		}
		return s
	case Filter:
		s := n.Field + ":" + n.Text
		if n.Prefix {
			s += "*"
		}
		return s
	case Not:
		return "NOT(" + dump(n.Kids[0]) + ")"
	}
	parts := make([]string, len(n.Kids))
	for i, k := range n.Kids {
		parts[i] = dump(k)
	}
	op := "AND"
	if n.Kind == Or {
		op = "OR"
	}
	return op + "(" + strings.Join(parts, " ") + ")"
}

var testNow = time.Date(2024, 6, 15, 10, 0, 0, 0, time.UTC)

func TestParseQuery(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"", "<nil>"},
		{"   ", "<nil>"},
		{"walrus", "walrus"},
		{"walrus ice", "AND(walrus ice)"},
		{"walrus AND ice", "AND(walrus ice)"},
		{`"lone walrus"`, `"lone walrus"`},
		{`"lone wal"*`, `"lone wal"*`},
		{"walr*", "walr*"},
		{"walr**", "walr*"},
		{"a OR b", "OR(a b)"},
		{"a b OR c", "AND(a OR(b c))"},
		{"a OR b OR c d", "AND(OR(a b c) d)"},
		{"-walrus ice", "AND(NOT(walrus) ice)"},
		{"NOT walrus", "NOT(walrus)"},
		{"- walrus", "walrus"},
		{"e-mail", "e-mail"},
		{"--walrus", "--walrus"},
		{"-(a OR b) c", "AND(NOT(OR(a b)) c)"},
		{`-"lone walrus"`, `NOT("lone walrus")`},
		{"-OR", "NOT(OR)"},
		{"(a b) OR c", "OR(AND(a b) c)"},
		{"((a))", "a"},
		{"()", "<nil>"},
		{"a ( -- ) b", "AND(a b)"},
		{"or and not", "AND(or and not)"},
		{"title:walrus", "title:walrus"},
		{`title:"lone walrus"`, `title:"lone walrus"`},
		{"TITLE:walrus*", "title:walrus*"},
		{"author:pérez byline:x", "AND(byline:pérez byline:x)"},
		{"site:bbc.co.uk", "site:bbc.co.uk"},
		{`site:"The Guardian"`, "site:The Guardian"},
		{"tag:/korea//diplomacy/", "tag:korea/diplomacy"},
		{"tag:kor*", "tag:kor*"},
		{"-tag:korea", "NOT(tag:korea)"},
		{"lang:EN", "lang:en"},
		{"language:fr", "lang:fr"},
		{"is:starred is:UNREAD", "AND(is:starred is:unread)"},
		{"has:notes", "has:notes"},
		{"collection:Reading/Summits", "collection:Reading/Summits"},
		{"published:2019-01..2019-03", "published:2019-01..2019-03"},
		{"10:30 http://x.org", "AND(10:30 http://x.org)"},
		{"in:notes walrus", "walrus"},
		{"sort:newest walrus", "walrus"},
		{"'--", "<nil>"},
		{"* % _ ?", "<nil>"},
		{"日本語", "日本語"},
		{"a\x00b", "AND(a b)"},
		{"\xff\xfewalrus", "walrus"},
		{`ab"cd ef"gh`, `AND(ab "cd ef" gh)`},
	} {
		t.Run(tt.in, func(t *testing.T) {
			q, err := Parse(tt.in, testNow)
			if err != nil {
				t.Fatal(err)
			}
			if got := dump(q.Root()); got != tt.want {
				t.Errorf("parse(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseQueryOptions(t *testing.T) {
	t.Parallel()
	q, err := Parse("sort:oldest in:notes walrus -seal", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if !q.inNotes || !q.sorted || q.sort != SortOldest {
		t.Errorf("inNotes %v sorted %v sort %v", q.inNotes, q.sorted, q.sort)
	}
	if got, want := strings.Join(q.Terms(), "|"), "walrus"; got != want {
		t.Errorf("terms %q, want %q", got, want)
	}
	if q.Empty() {
		t.Error("empty")
	}
	if q, _ := Parse("sort:newest", testNow); !q.Empty() {
		t.Error("sort: alone is not empty")
	}
}

func TestParseQueryErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		col  int
		want string
	}{
		{`"walrus`, 1, "unclosed quote"},
		{`ice "walrus`, 5, "unclosed quote"},
		{`title:"walrus`, 7, "unclosed quote"},
		{"(walrus", 1, "unclosed ("},
		{"a (b (c)", 3, "unclosed ("},
		{"walrus)", 7, "unexpected )"},
		{")", 1, "unexpected )"},
		{"')--", 2, "unexpected )"},
		{"OR walrus", 1, "OR needs something before it"},
		{"walrus OR", 8, "OR needs something after it"},
		{"a OR OR b", 3, "OR needs something after it"},
		{"AND walrus", 1, "AND needs something before it"},
		{"walrus AND", 8, "AND needs something after it"},
		{"(AND a)", 2, "AND needs something before it"},
		{"NOT", 1, "NOT needs something after it"},
		{"a NOT", 3, "NOT needs something after it"},
		{"-(", 2, "unclosed ("},
		{"title:", 1, "title: needs a value"},
		{"tag:*", 1, "tag: needs a value"},
		{"tag:/", 1, "tag: needs a value"},
		{"is:happy", 1, "is: takes starred, unstarred, read, unread"},
		{"has:cats", 1, "has: takes notes"},
		{"in:title", 1, "in: takes notes"},
		{"sort:size", 1, "sort: takes relevance"},
		{"published:2019-13", 11, `"2019-13" is not a date`},
		{"published:19", 11, "is not a date"},
		{"captured:2019-03..2019-01", 10, "ends before it starts"},
		{"captured:..", 10, "a range needs a start or an end"},
		{"captured:last-x-days", 10, "say last-N-days"},
		{"日本 (", 4, "unclosed ("},
		{strings.Repeat("(", 100) + "a", 41, "nested too deeply"},
		{strings.Repeat("-", 100) + "a", 1, ""}, // "----…a" is a word
		{strings.Repeat("NOT ", 100) + "a", 161, "nested too deeply"},
		{strings.Repeat("a ", 1001), 2001, "more than 1000 terms"},
		{strings.Repeat("a", maxQueryLen+1), maxQueryLen + 1, "longer than"},
	} {
		t.Run(fmt.Sprintf("%.30s", tt.in), func(t *testing.T) {
			_, err := Parse(tt.in, testNow)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				return
			}
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if !errors.Is(err, ErrBadQuery) {
				t.Error("does not wrap ErrBadQuery")
			}
			if !strings.Contains(qe.Msg, tt.want) || qe.Column() != tt.col {
				t.Errorf("%q: %q at %d, want %q at %d", tt.in, qe.Msg, qe.Column(), tt.want, tt.col)
			}
		})
	}
}

func TestQueryErrorCaret(t *testing.T) {
	t.Parallel()
	_, err := Parse(`日本 "walrus`, testNow)
	var qe *Error
	if !errors.As(err, &qe) {
		t.Fatal(err)
	}
	if got, want := qe.Caret(), "日本 \"walrus\n   ^"; got != want {
		t.Errorf("caret\n%s\nwant\n%s", got, want)
	}
	if got, want := qe.Error(), "unclosed quote (at character 4)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDateRange(t *testing.T) {
	t.Parallel()
	d := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return tm
	}
	for _, tt := range []struct{ in, from, to string }{
		{"2019", "2019-01-01T00:00:00Z", "2020-01-01T00:00:00Z"},
		{"2019-02", "2019-02-01T00:00:00Z", "2019-03-01T00:00:00Z"},
		{"2019-02-28", "2019-02-28T00:00:00Z", "2019-03-01T00:00:00Z"},
		{"2019-01..2019-03", "2019-01-01T00:00:00Z", "2019-04-01T00:00:00Z"},
		{"2019..", "2019-01-01T00:00:00Z", ""},
		{"..2019-03-05", "", "2019-03-06T00:00:00Z"},
		{">2019-01-01", "2019-01-02T00:00:00Z", ""},
		{">=2019-01-01", "2019-01-01T00:00:00Z", ""},
		{"<2019-01", "", "2019-01-01T00:00:00Z"},
		{"<=2019-01", "", "2019-02-01T00:00:00Z"},
		{"today", "2024-06-15T00:00:00Z", "2024-06-16T00:00:00Z"},
		{"yesterday", "2024-06-14T00:00:00Z", "2024-06-15T00:00:00Z"},
		{"this-month", "2024-06-01T00:00:00Z", "2024-07-01T00:00:00Z"},
		{"this-year", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"},
		{"last-30-days", "2024-05-16T10:00:00Z", ""},
		{"last-2-weeks", "2024-06-01T10:00:00Z", ""},
		{"last-month", "2024-05-15T10:00:00Z", ""},
		{"last-1-year", "2023-06-15T10:00:00Z", ""},
	} {
		t.Run(tt.in, func(t *testing.T) {
			from, to, err := dateRange(tt.in, testNow)
			if err != nil {
				t.Fatal(err)
			}
			if !from.Equal(d(tt.from)) || !to.Equal(d(tt.to)) {
				t.Errorf("%s: [%v, %v), want [%s, %s)", tt.in, from, to, tt.from, tt.to)
			}
		})
	}
}

// FuzzParse checks that no input makes the parser panic, that every
// error is an *Error whose position is inside the query, and that a
// query that parses parses again, as the same tree, from its String.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"walrus", `"lone walrus"*`, "a OR b -c", "(a (b OR -c)) d", "title:x tag:a/b is:starred",
		`site:"x y" published:2019..2020`, "日本語 東京*", "-(", `"`, "a AND", "NOT NOT x", "in:notes 会谈",
		"captured:last-3-days", "x:y:z", "*-*", `title:"东京 tower"`, "a\x00(b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		q, err := Parse(in, testNow)
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("%q: error %v is not an *Error", in, err)
			}
			if qe.Pos < 0 || qe.Pos > len(qe.Query) {
				t.Fatalf("%q: position %d outside the query", in, qe.Pos)
			}
			return
		}
		again, err := Parse(q.String(), testNow)
		if err != nil || dump(again.Root()) != dump(q.Root()) {
			t.Fatalf("%q: parsed as %s, its String %q as %s (%v)", in, dump(q.Root()), q.String(), dump(again.Root()), err)
		}
	})
}

func TestNormTag(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"a": "a", " a / b ": "a/b", "//a//b//": "a/b", "/": "", "": "", "x y/z": "x y/z"} {
		if got := NormTag(in); got != want {
			t.Errorf("NormTag(%q) = %q, want %q", in, got, want)
		}
	}
}
