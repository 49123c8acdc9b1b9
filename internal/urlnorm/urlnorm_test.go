package urlnorm

import "testing"

func TestNormalize(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ rule, in, want string }{
		{"unchanged", "https://www.example.com/news/story.html", "https://www.example.com/news/story.html"},
		{"case, port, fragment", "HTTPS://WWW.Example.COM:443/a/b?id=7#comments", "https://www.example.com/a/b?id=7"},
		{"default http port", "http://example.com:80/a", "http://example.com/a"},
		{"other port kept", "http://example.com:8080/a", "http://example.com:8080/a"},
		{"https port on http kept", "http://example.com:443/a", "http://example.com:443/a"},
		{"fragment", "https://example.com/a#section-2", "https://example.com/a"},
		{"empty query", "https://example.com/a?", "https://example.com/a"},
		{"tracking", "https://www.example.com/a?utm_source=rss&utm_medium=feed&id=3&fbclid=XYZ&gclid=1", "https://www.example.com/a?id=3"},
		{"tracking upper case", "https://www.theguardian.com/world/2019/x?CMP=share_btn_tw", "https://www.theguardian.com/world/2019/x"},
		{"tracking nyt", "https://www.nytimes.com/2019/a.html?smid=tw-share&page=2", "https://www.nytimes.com/2019/a.html?page=2"},
		{"tracking archive list", "https://example.com/a?ocid=msn&cmpid=x&mc_cid=1&mc_eid=2&_ga=3&igshid=4&dclid=5&msclkid=6", "https://example.com/a"},
		{"tracking webtrends", "https://example.com/a?WT.mc_id=tw&xtor=RSS-3&p=1", "https://example.com/a?p=1"},
		{"tracking escaped name", "https://example.com/a?utm%5Fsource=x&p=1", "https://example.com/a?p=1"},
		{"parameters keep order", "https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"},
		{"escape case in path", "https://ja.example.org/wiki/%e6%97%a5%e6%9c%ac", "https://ja.example.org/wiki/%E6%97%A5%E6%9C%AC"},
		{"raw non-ASCII path", "https://ja.example.org/wiki/日本", "https://ja.example.org/wiki/%E6%97%A5%E6%9C%AC"},
		{"escape case in query", "https://example.com/s?q=%e6%97%a5", "https://example.com/s?q=%E6%97%A5"},
		{"raw non-ASCII query", "https://example.com/s?q=日", "https://example.com/s?q=%E6%97%A5"},
		{"unreserved decoded", "https://example.com/%7Euser/a%2Db%5Fc%2E%41?x=%7e", "https://example.com/~user/a-b_c.A?x=~"},
		{"reserved kept escaped", "https://example.com/a%2Fb%3Fc?x=a%26b", "https://example.com/a%2Fb%3Fc?x=a%26b"},
		{"lone percent", "https://example.com/100%25-sure?d=5%", "https://example.com/100%25-sure?d=5%25"},
		{"amp host", "https://amp.theguardian.com/world/2019/x", "https://www.theguardian.com/world/2019/x"},
		{"amp subdomain", "https://amp.news.example.com/x", "https://news.example.com/x"},
		{"mobile host", "https://m.bbc.co.uk/news/world-1", "https://www.bbc.co.uk/news/world-1"},
		{"mobile. host", "https://mobile.nytimes.com/2019/a.html", "https://www.nytimes.com/2019/a.html"},
		{"mobile bare", "https://m.example.com", "https://www.example.com"},
		{"amp site itself", "https://amp.dev/about/", "https://amp.dev/about/"},
		{"amp folder last", "https://www.example.com/news/story/amp/", "https://www.example.com/news/story/"},
		{"amp folder first", "https://www.example.com/amp/news/story", "https://www.example.com/news/story"},
		{"amp end", "https://www.example.com/news/story/amp", "https://www.example.com/news/story"},
		{"amp extension", "https://www.example.com/news/story.amp.html", "https://www.example.com/news/story.html"},
		{"amp suffix", "https://www.example.com/news/story.amp", "https://www.example.com/news/story"},
		{"amp parameter", "https://www.example.com/news/story?amp=1", "https://www.example.com/news/story"},
		{"amp outputType", "https://www.example.com/news/story?outputType=amp&x=1", "https://www.example.com/news/story?x=1"},
		{"amp inside a word", "https://www.example.com/news/example-story-amplified", "https://www.example.com/news/example-story-amplified"},
		{"amp cache", "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story.amp.html", "https://www.example.com/news/story.html"},
		{"google amp", "https://www.google.com/amp/s/m.example.com/news/story", "https://www.example.com/news/story"},
		{"ipv6", "http://[::1]:8080/a", "http://[::1]:8080/a"},
		{"relative", "./Page_files/x.jpg", "./Page_files/x.jpg"},
		{"empty", "", ""},
		{"not http", "mailto:someone@example.com", "mailto:someone@example.com"},
	} {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("%s: Normalize(%q) = %q, want %q", tt.rule, tt.in, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ rule, in, want string }{
		{"empty", "", ""},
		{"not an address", "not a url", ""},
		{"relative", "/relative/path", ""},
		{"not http", "mailto:a@b.c", ""},
		{"scheme, www, trailing slash", "https://www.Example.com/News/Fish/", "example.com/News/Fish"},
		{"default port, fragment", "http://example.com:80/a#frag", "example.com/a"},
		{"other port", "https://example.com:8443/a", "example.com:8443/a"},
		{"tracking dropped, sorted", "https://example.com/a?utm_source=x&b=2&a=1&fbclid=z", "example.com/a?a=1&b=2"},
		{"repeated name keeps value order", "https://example.com/a?t=2&s=1&t=1", "example.com/a?s=1&t=2&t=1"},
		{"root", "https://example.com/", "example.com"},
		{"escapes", "https://example.com/%e6%97%a5?q=%e6", "example.com/%E6%97%A5?q=%E6"},
		{"mobile", "https://m.example.co.uk/news/1", "example.co.uk/news/1"},
		{"amp", "https://amp.example.com/news/1/amp/?amp=1", "example.com/news/1"},
	} {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("%s: Key(%q) = %q, want %q", tt.rule, tt.in, got, tt.want)
		}
	}
}

// TestOneKey checks that the spellings of one address give one key, and
// that Key(Normalize(u)) is Key(u): the importer stores Normalize's
// address, the archive keys it.
func TestOneKey(t *testing.T) {
	t.Parallel()
	for _, spellings := range [][]string{
		{"https://ja.example.org/wiki/%e6%97%a5", "https://ja.example.org/wiki/%E6%97%A5", "http://JA.example.org:80/wiki/日#top"},
		{"https://www.example.com/a/?b=1&utm_campaign=x", "http://example.com/a?b=1", "https://m.example.com/a/amp?b=1&amp=1"},
		{"https://example.com/%7Euser/", "https://example.com/~user"},
	} {
		want := Key(spellings[0])
		for _, s := range spellings {
			if got := Key(s); got != want {
				t.Errorf("Key(%q) = %q, want %q (as %q)", s, got, want, spellings[0])
			}
			if got := Key(Normalize(s)); got != want {
				t.Errorf("Key(Normalize(%q)) = %q, want %q", s, got, want)
			}
		}
	}
}
