package archive

import (
	"context"
	"slices"
	"testing"
)

func TestCJKGrams(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"plain English", ""},
		{"北京", "北京 京"},
		{"北京举行会谈。", "北京 京举 举行 行会 会谈 谈"},
		{"在 北", "在 北"},
		{"使用iPhone的人", "使用 用 iPhone 的人 人"},
		{"東京の天気", "東京 京の の天 天気 気"},
		{"서울에서 열린", "서울 울에 에서 서 열린 린"},
		{"カーナビ", "カー ーナ ナビ ビ"},
	} {
		if got := cjkGrams(tt.in); got != tt.want {
			t.Errorf("cjkGrams(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCJKSearch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	texts := map[string]string{
		"zh":  "中华人民共和国成立于1949年。双方在北京举行会谈，讨论关税问题。",
		"ja":  "東京では明日、雨が降るでしょう。新しいスマートフォンが発売された。",
		"ko":  "남북 정상은 판문점에서 만나 평화를 논의했다. 서울에서 회의가 열렸다.",
		"mix": "The iPhone手机 sold well in 上海.",
	}
	ids := map[string]int64{}
	for name, text := range texts {
		a := &Article{Title: name, Blocks: []Block{{Kind: Paragraph, Text: text}}}
		ids[name] = mustAdd(t, s, newCapture(name, name, a))[0]
	}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"北京", []string{"zh"}},    // two characters
		{"关税", []string{"zh"}},    // two characters, mid-sentence
		{"会谈 关税", []string{"zh"}}, // both
		{"中华人民共和国", []string{"zh"}},
		{"人民共和", []string{"zh"}},
		{"北京会谈", nil},         // not adjacent
		{"谈", []string{"zh"}}, // one character
		{"東京", []string{"ja"}},
		{"スマートフォン", []string{"ja"}},
		{"雨", []string{"ja"}},
		{"판문점", []string{"ko"}},
		{"서울", []string{"ko"}}, // the word without its particle
		{"평화", []string{"ko"}},
		{"手机", []string{"mix"}},
		{"iphone", []string{"mix"}},
		{"上海", []string{"mix"}},
		{`"双方在北京"`, []string{"zh"}},
		{"-北京 会谈", nil},
		{"1949", []string{"zh"}},
	} {
		t.Run(tt.query, func(t *testing.T) {
			got, err := s.SearchIDs(ctx, tt.query)
			if err != nil {
				t.Fatal(err)
			}
			var want []int64
			for _, n := range tt.want {
				want = append(want, ids[n])
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q: %v, want %v (%v)", tt.query, got, want, ids)
			}
		})
	}
}
