package importer

import "testing"

// The names are what real pages give their site (issue 13, mozilla and
// wcxb-dev corpora).
func TestCleanSiteName(t *testing.T) {
	checkFunc(t, "cleanSiteName", cleanSiteName, map[string]string{
		"https://www.hawaiinewsnow.com": "hawaiinewsnow.com",
		"http://www.tmz.com":            "tmz.com",
		"www.example.org":               "example.org",
		"@politifact":                   "",
		"Hosted":                        "",
		"WordPress":                     "",
		"the Guardian":                  "the Guardian",
		"Mozilla Hacks – the Web developer blog":                   "Mozilla Hacks – the Web developer blog",
		"Urge Fitness | Affordable 24/7 Gyms Near Me in PA and NJ": "Urge Fitness",
		"  Digit ": "Digit",
	})
}

func TestArticleSite(t *testing.T) {
	tests := []struct{ name, head, want string }{
		{"OpenGraph", `<meta property="og:site_name" content="Clemson News">`, "Clemson News"},
		{"Address", `<meta property="og:site_name" content="https://www.hawaiinewsnow.com">`, "hawaiinewsnow.com"},
		{"HandleThenApplication", `<meta name="twitter:site" content="@politifact"><meta name="application-name" content="PolitiFact">`, "PolitiFact"},
		{"Placeholder", `<meta property="og:site_name" content="Hosted"><link rel="canonical" href="https://www.hawaiinewsnow.com/2024/01/02/story/">`,
			"hawaiinewsnow.com"},
		{"Publisher", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Flood","publisher":{"@type":"Organization","name":"Example News"},}</script>`,
			"Example News"},
		{"Host", `<link rel="canonical" href="https://www.Example.com/2024/flood">`, "example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustExtract(t, "page.html", page(tt.head, "<h1>The river floods the lower town</h1>"))
			if a.Site != tt.want {
				t.Errorf("site = %q, want %q", a.Site, tt.want)
			}
		})
	}
}
