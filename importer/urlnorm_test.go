package importer

import "testing"

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.example.com/news/story.html", "https://www.example.com/news/story.html"},
		{"HTTPS://WWW.Example.COM:443/a/b?id=7#comments", "https://www.example.com/a/b?id=7"},
		{"http://example.com:8080/a", "http://example.com:8080/a"},
		{"https://www.example.com/a?utm_source=rss&utm_medium=feed&id=3&fbclid=XYZ&gclid=1", "https://www.example.com/a?id=3"},
		{"https://www.theguardian.com/world/2019/x?CMP=share_btn_tw", "https://www.theguardian.com/world/2019/x"},
		{"https://www.nytimes.com/2019/a.html?smid=tw-share&page=2", "https://www.nytimes.com/2019/a.html?page=2"},
		{"https://amp.theguardian.com/world/2019/x", "https://www.theguardian.com/world/2019/x"},
		{"https://amp.news.example.com/x", "https://news.example.com/x"},
		{"https://m.bbc.co.uk/news/world-1", "https://www.bbc.co.uk/news/world-1"},
		{"https://mobile.nytimes.com/2019/a.html", "https://www.nytimes.com/2019/a.html"},
		{"https://m.example.com", "https://www.example.com"},
		{"https://amp.dev/about/", "https://amp.dev/about/"},
		{"https://www.example.com/news/story/amp/", "https://www.example.com/news/story/"},
		{"https://www.example.com/amp/news/story", "https://www.example.com/news/story"},
		{"https://www.example.com/news/story/amp", "https://www.example.com/news/story"},
		{"https://www.example.com/news/story.amp.html", "https://www.example.com/news/story.html"},
		{"https://www.example.com/news/story.amp", "https://www.example.com/news/story"},
		{"https://www.example.com/news/story?amp=1", "https://www.example.com/news/story"},
		{"https://www.example.com/news/story?outputType=amp&x=1", "https://www.example.com/news/story?x=1"},
		{"https://www.example.com/news/example-story-amplified", "https://www.example.com/news/example-story-amplified"},
		{"https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story.amp.html", "https://www.example.com/news/story.html"},
		{"https://www.google.com/amp/s/m.example.com/news/story", "https://www.example.com/news/story"},
		{"./Page_files/x.jpg", "./Page_files/x.jpg"},
		{"", ""},
		{"mailto:someone@example.com", "mailto:someone@example.com"},
	}
	for _, tt := range tests {
		if got := NormalizeURL(tt.in); got != tt.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
