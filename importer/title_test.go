package importer

import (
	"testing"
)

// keys returns the titleKey of each name.
func keys(names ...string) []string {
	var out []string
	for _, n := range names {
		out = append(out, titleKey(n))
	}
	return out
}

// The titles are real pages' <title>s (mozilla and wcxb-dev corpora, the
// examples of issue 13), with the names those pages give their site.
func TestStripSiteParts(t *testing.T) {
	tests := []struct {
		title string
		sites []string
		want  string
	}{
		{"Mozilla - Wikipedia", keys("en.wikipedia.org", "wikipedia"), "Mozilla"},
		{"Mona Lisa - Wikipedia, the free encyclopedia", nil, "Mona Lisa"},
		{"'What is the sea telling us?': Māori tribes fearful over whale strandings | Eleanor Ainge Roy",
			keys("the Guardian", "Eleanor Ainge Roy"), "'What is the sea telling us?': Māori tribes fearful over whale strandings"},
		{"10 Easy Steps for a Great Interior Design | Tarkett", keys("www.tarkett.com", "tarkett"), "10 Easy Steps for a Great Interior Design"},
		{"Healthy Eating Plate • The Nutrition Source", keys("The Nutrition Source"), "Healthy Eating Plate"},
		{"How to Make a Good Game: 5 Mistakes and Tips to Avoid | GDevelop", keys("gdevelop.io", "gdevelop"),
			"How to Make a Good Game: 5 Mistakes and Tips to Avoid"},
		{"Best Moving Companies in New York (2025) – Top Local & Long-Distance Movers | Freightwaves Checkpoint",
			keys("Freightwaves Checkpoint"), "Best Moving Companies in New York (2025) – Top Local & Long-Distance Movers"},
		{"Engora Data Blog: Small adventures with small language models", keys("Engora Data Blog"),
			"Small adventures with small language models"},
		{"Psychiatry.org - What Are the Latest Scientific Trends in Psychiatry", keys("psychiatry.org", "psychiatry"),
			"What Are the Latest Scientific Trends in Psychiatry"},
		{"Best High School Tutors in 2025 | Bold.org | Bold.org", nil, "Best High School Tutors in 2025"},
		{"The Beginner's Guide to Gym Equipment: Everything You Need to Know - Urge Fitness | Affordable 24/7 Gyms Near Me in PA and NJ",
			keys("Urge Fitness | Affordable 24/7 Gyms Near Me in PA and NJ", "Urge Fitness"), "The Beginner's Guide to Gym Equipment: Everything You Need to Know"},
		{"Guide to filing your taxes in 2024 | Consumer Financial Protection Bureau", keys("Consumer Financial Protection Bureau"),
			"Guide to filing your taxes in 2024"},
		// Nothing names the site: the title stays whole.
		{"Why Cheap SEO Doesn't Work", keys("uforocks.com", "uforocks"), "Why Cheap SEO Doesn't Work"},
		{"Index Funds: How to Invest", keys("investor.vanguard.com", "vanguard"), "Index Funds: How to Invest"},
		// Only the site's name: kept rather than emptied.
		{"Wikipedia", keys("wikipedia"), "Wikipedia"},
	}
	for _, tt := range tests {
		if got := stripSiteParts(tt.title, tt.sites); got != tt.want {
			t.Errorf("stripSiteParts(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestStripShortTail(t *testing.T) {
	checkFunc(t, "stripShortTail", stripShortTail, map[string]string{
		"Lorem ipsum dolor sit amet – My website":                                              "Lorem ipsum dolor sit amet",
		"엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유 - Entermedia":                                        "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유",
		"Homestead gardening makes rural communities more self-reliant in Rajshahi | District": "Homestead gardening makes rural communities more self-reliant in Rajshahi",
		"Star Wars - Episode IV":                         "Star Wars - Episode IV", // too short a headline left
		"Why Cheap SEO Doesn't Work":                     "Why Cheap SEO Doesn't Work",
		"Self-hosting Postgres is simpler than it looks": "Self-hosting Postgres is simpler than it looks",
	})
}

// checkFunc checks that f gives each case's value for its key.
func checkFunc(t *testing.T, name string, f func(string) string, cases map[string]string) {
	t.Helper()
	for in, want := range cases {
		if got := f(in); got != want {
			t.Errorf("%s(%q) = %q, want %q", name, in, got, want)
		}
	}
}

func TestAgreeTitles(t *testing.T) {
	tests := []struct {
		shown, meta, want string
		ok                bool
	}{
		// The same words: the shown headline, with the page's own quotes.
		{"Zero Waste - A Beginner’s Guide", "Zero Waste - A Beginner's Guide", "Zero Waste - A Beginner’s Guide", true},
		// The metadata adds a segment: the headline.
		{"DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网",
			"DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", true},
		{"15 Language Learning Apps Compared", "15 Language Learning Apps Compared - Personally Tested", "15 Language Learning Apps Compared", true},
		// The shown headline adds to it: the metadata's.
		{"Stanford Computer Science Grads Find Their Degrees No Longer Guarantee Jobs (latimes.com) 87",
			"Stanford Computer Science Grads Find Their Degrees No Longer Guarantee Jobs",
			"Stanford Computer Science Grads Find Their Degrees No Longer Guarantee Jobs", true},
		// The shown headline lost characters to "?" (wcxb-dev 0048): the metadata's.
		{"What Are The Basics Of Event Planning? Beginner? Guide", "What Are The Basics Of Event Planning: Beginner's Guide",
			"What Are The Basics Of Event Planning: Beginner's Guide", true},
		{"Why Hasn't Tutoring Been More Effective?", "Why Hasn't Tutoring Been More Effective?", "Why Hasn't Tutoring Been More Effective?", true},
		// A colon starts the title's own subtitle, not another segment.
		{"Index funds", "Index Funds: How to Invest", "", false},
		// Different headlines.
		{"Top 10 Health and Nutrition Trends to Watch", "Health And Nutrition Trends For 2026", "", false},
	}
	for _, tt := range tests {
		got, ok := agreeTitles(tt.shown, tt.meta)
		if got != tt.want || ok != tt.ok {
			t.Errorf("agreeTitles(%q, %q) = %q, %v; want %q, %v", tt.shown, tt.meta, got, ok, tt.want, tt.ok)
		}
	}
}

// articleFiller is enough text for the content finder to find an article.
const articleFiller = `<p>The river rose two metres overnight and flooded the lower town, where most of the shops and the old
market hall stand, and the fire brigade spent the night pumping water out of the cellars of the houses by the bridge.</p>
<p>Shopkeepers spent the morning moving their stock upstairs, while volunteers filled sandbags in the square and the
council opened the school gym to the families who had to leave their homes before the second flood wave arrived.</p>
<p>The mayor said the town would ask the region for help to rebuild the river wall, which had held for forty years
before the storm of last winter weakened it and this week's rain finally broke through it in two places.</p>`

// page returns an HTML page with head and, before the body text, top.
func page(head, top string) []byte {
	return []byte("<!DOCTYPE html><html><head>" + head + "</head><body>" + top + "<article>" + articleFiller + "</article></body></html>")
}

// Pages shaped as real ones: the title is the headline the page shows when
// its metadata agrees, else the shown headline of the article, else the
// metadata's title without the site's name.
func TestArticleTitle(t *testing.T) {
	tests := []struct {
		name, head, top, want string
	}{
		{"H1AgreesWithCJKTitle", `<title>DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网</title>`,
			`<h1>DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶</h1>`, "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶"},
		{"H1AgreesWithOGTitle", `<title>Gym Workouts for Beginners — Strength Training - Gold's Gym</title>` +
			`<meta property="og:site_name" content="Gold's Gym">`,
			`<header><a href="/">Gold's Gym</a></header><h1>Gym Workouts for Beginners — Strength Training</h1>`,
			"Gym Workouts for Beginners — Strength Training"},
		{"SiteH1First", `<title>What is Git and How Does Version Control Work? | Terabyte Systems</title>`,
			`<h1>Terabyte Systems</h1><h1>What is Git and How Does Version Control Work?</h1>`,
			"What is Git and How Does Version Control Work?"},
		{"H1DisagreesWithTitle", `<title>Health And Nutrition Trends For 2026 - Tastewise</title>`,
			`<h1>Top 10 Health and Nutrition Trends to Watch</h1>`, "Top 10 Health and Nutrition Trends to Watch"},
		{"NoH1", `<title>Top 5 HR Management Software in 2026 | DianaHR</title><meta property="og:site_name" content="DianaHR">`,
			``, "Top 5 HR Management Software in 2026"},
		{"SectionSuffix", `<meta property="og:title" content="How meditation rewires brains and improves physical health | Opinion">`,
			`<h1>How meditation rewires brains and improves physical health | Opinion</h1>`,
			"How meditation rewires brains and improves physical health"},
		{"HeadlineWithBreak", `<title>Lib.Ru: Библиотека Максима Мошкова</title>`,
			`<h1><small><a href="/">Lib.Ru</a>:</small> Библиотека Максима Мошкова<br><font size="-2">При поддержке Федерального агентства</font></h1>`,
			"Lib.Ru: Библиотека Максима Мошкова"},
		{"OneWordWithoutMetadata", ``, `<h1>Flood</h1>`, "Flood"},
		{"BoxAroundHeadline", // zyte-dev SFGate: a box classed headline holds the <h1> and the time
			`<title>The Latest: Man stabbed to death on San Francisco Bay train - SFGate</title>` +
				`<meta property="og:title" content="The Latest: Man stabbed to death on San Francisco Bay train">`,
			`<div class="article-headline"><h1 class="headline entry-title">The Latest: Man stabbed to death on San Francisco Bay train</h1>` +
				`<p>Updated 10:06 pm, Sunday, November 17, 2019</p></div>`,
			"The Latest: Man stabbed to death on San Francisco Bay train"},
		{"SiteInHeadline", // wcxb-dev 0408: the site's name in the <h1> too
			`<title>Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst - Artlyst</title><meta property="og:site_name" content="Artlyst">`,
			`<h1>Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst</h1>`, "Critics’ Choice: Best UK Art Exhibitions 2025"},
		{"EscapedTwice", // zyte-dev LinkNaija
			`<meta property="og:title" content="Chelsea Activate &amp;#163;71.6m Release Clause To Sign Kepa">`,
			``, "Chelsea Activate £71.6m Release Clause To Sign Kepa"},
		{"TitleCutShort", // wcxb-dev 0183: the <title> is cut, the <h1> whole
			`<title>2025 Software Development Price Guide & Hourly Rate | FullStack Blog</title>`,
			`<h1>2025 Software Development Price Guide & Hourly Rate Comparison</h1>`,
			"2025 Software Development Price Guide & Hourly Rate Comparison"},
		{"DateBeforeHeadline", // wcxb-dev 0450
			`<title>Preparing a transition in Debusine | Colin Watson's blog</title>`,
			`<h1>Dec 18 2025 Preparing a transition in Debusine</h1>`, "Preparing a transition in Debusine"},
		{"LabelBeforeHeadline", // wcxb-dev 3036
			`<title>Best Social Media Advertising Agencies in 2025 | Silverback Strategies</title>`,
			`<h1>Blog: Best Social Media Advertising Agencies in 2025</h1>`, "Best Social Media Advertising Agencies in 2025"},
		{"SiteLeads", // wcxb-dev 0453
			`<title>Garnix Blog: Hardware-Attested Nix Builds</title>`,
			`<h1>Hardware-Attested Nix Builds</h1>`, "Hardware-Attested Nix Builds"},
		{"DeclaredStraightQuotes", // wcxb-dev 0035: WordPress curls the <h1>'s quotes, og:title and <title> keep the written ones
			`<title>America&#039;s Most Underrated Food City: Here Are the Best Restaurants in OKC</title>` +
				`<meta property="og:title" content="America&#039;s Most Underrated Food City: Here Are the Best Restaurants in OKC" />`,
			`<h1 class="headline post-title">America&#8217;s Most Underrated Food City: Here Are the Best Restaurants in OKC</h1>`,
			"America's Most Underrated Food City: Here Are the Best Restaurants in OKC"},
		{"DeclaredDoubleHyphen", // wcxb-dev 0478
			`<meta property="og:title" content="Brains Are Not Required When It Comes to Thinking and Solving Problems--Simple Cells Can Do It"/>`,
			`<h1 data-testid="article-title"><p>Brains Are Not Required When It Comes to Thinking and Solving Problems&mdash;Simple Cells Can Do It</p></h1>`,
			"Brains Are Not Required When It Comes to Thinking and Solving Problems--Simple Cells Can Do It"},
		{"CurlyQuotesDeclaredToo", // wcxb-dev 0019: the page writes them curly everywhere
			`<title>We’ve Compiled the Top 7 Blockchain SEO Agencies Specializing in Crypto and Web3 Projects | Embarque</title>`,
			`<h1 class="blog-post-heading">We’ve Compiled the Top 7 Blockchain SEO Agencies Specializing in Crypto and Web3 Projects</h1>`,
			"We’ve Compiled the Top 7 Blockchain SEO Agencies Specializing in Crypto and Web3 Projects"},
		{"CurlyQuotesInJSONLD", // wcxb-dev 0174: JSON-LD's headline is curled as the <h1>, og:title is not
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Tutoring was supposed to save American kids after the pandemic. The results? &#8216;Sobering&#8217;"}</script>` +
				`<meta property="og:title" content="Tutoring was supposed to save American kids after the pandemic. The results? &#039;Sobering&#039;" />`,
			`<h1 class="entry-title"> Tutoring was supposed to save American kids after the pandemic. The results? &#8216;Sobering&#8217; </h1>`,
			"Tutoring was supposed to save American kids after the pandemic. The results? ‘Sobering’"},
		{"HeadlineCopiesTitle", // wcxb-dev 4180: an <h1> for screen readers repeats the whole <title>
			`<title>How to help babies, toddlers sleep through the night | Patient Education | UC Davis Children's Hospital</title>`,
			`<h1 class="sr-only sr-only-focusable">How to help babies, toddlers sleep through the night | Patient Education | UC Davis Children's Hospital</h1>` +
				`<h2 class="section-title underlined mb-2 pb-3">How to help babies, toddlers sleep through the night</h2>`,
			"How to help babies, toddlers sleep through the night"},
		{"SubtitleLaidOutAsBlock", // wcxb-dev 2976: a subtitle set under the headline by Tailwind's class "block", no space before it
			`<title>Best Notion Alternatives: Top Note-taking Tools in 2026 | AlternativeTo</title>` +
				`<meta property="og:title" content="Best Notion Alternatives: Top Note-taking Tools in 2026"><meta property="og:site_name" content="AlternativeTo">`,
			`<h1 translate="no" class="Heading-module-scss-module__br2CUG__h1 !text-center md:!text-[3em]">The Best Notion Alternatives` +
				`<span class="block text-[0.54em] mt-0.5 font-medium md:font-normal">Top Note-taking Tools &amp; Todo List Managers like Notion</span></h1>`,
			"The Best Notion Alternatives Top Note-taking Tools & Todo List Managers like Notion"},
		{"KickerLine", // wcxb-dev 4715: a kicker in a <div> inside the <h1>
			`<title>Klatch Coffee | Shopify App Store</title><meta property="og:site_name" content="Shopify">`,
			`<h1 class="tw-text-display-5"> <div class="tw-text-fg-inverted-tertiary tw-text-body-2xl">Get that tech stack</div> <span class="lg:tw-block">Klatch Coffee</span> </h1>`,
			"Klatch Coffee"},
		{"EscapedTwiceShown", // wcxb-dev 0244
			`<title>12 Must-Have Data Analysis Tools for 2026 | Python, SQL &#x26; AI | Splunk</title>`,
			`<h1 style="position:absolute;width:1px;height:1px;overflow:hidden">12 Must-Have Data Analysis Tools for 2026 | Python, SQL &amp;#x26; AI</h1>`,
			"12 Must-Have Data Analysis Tools for 2026 | Python, SQL & AI"},
		{"Mojibake", // wcxb-dev 4656: UTF-8 read as Latin-1 in the page itself
			"<title>A DIY Investorâ\u0080\u0099s Guide to Retirement Calculators 2025 | White Coat Investor</title>",
			"<h1>A DIY Investorâ\u0080\u0099s Guide to Retirement Calculators in 2025</h1>",
			"A DIY Investor’s Guide to Retirement Calculators in 2025"},
		{"StandfirstUnderHeadline", // wcxb-dev 4589: an <h1> holds the summary under the headline
			`<title>Your Wedding Checklist: A Wedding Planning Guide &amp; Timeline</title>`,
			`<h1 class="ct-headline ofd-page-header"><span class="ct-span">Wedding Planning Checklist: A Guide &amp; Timeline</span></h1>` +
				`<h1 class="ct-headline ofd-page-sub-header"><span class="ct-span">A step-by-step wedding planning timeline of all the main things you need to do to pull off a fabulous wedding day.</span></h1>`,
			"Wedding Planning Checklist: A Guide & Timeline"},
		{"SectionHeadingEchoesTitle", // wcxb-dev 0101: an <h2> of the text is the <title>'s first segment
			`<title>What is Social Commerce - A guided introduction | Emplifi</title>`,
			`<h1>An introduction to social commerce: What brands need to know in 2026</h1><h2>What is social commerce?</h2>`,
			"An introduction to social commerce: What brands need to know in 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustExtract(t, "page.html", page(tt.head, tt.top))
			if a.Title != tt.want {
				t.Errorf("title = %q, want %q", a.Title, tt.want)
			}
		})
	}
}
