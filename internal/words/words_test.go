package words

import "testing"

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 files"}, {1, "1 file"}, {2, "2 files"}, {-1, "-1 files"}} {
		if got := Plural(tt.n, "file", "files"); got != tt.want {
			t.Errorf("Plural(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestJoin(t *testing.T) {
	for _, tt := range []struct {
		parts []string
		want  string
	}{
		{[]string{"BBC", "", "2019"}, "BBC, 2019"},
		{[]string{"", ""}, ""},
		{nil, ""},
		{[]string{"", "only"}, "only"},
		{[]string{" ", "kept"}, " , kept"}, // white space is text; callers trim
	} {
		if got := Join(", ", tt.parts...); got != tt.want {
			t.Errorf("Join(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}
