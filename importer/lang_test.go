package importer

import "testing"

// Real article text (zyte-dev, mozilla and wcxb-dev pages).
const (
	deText = `Die Digitalisierung als Wachstums- und Entwicklungstreiber zieht sich bereits heute durch fast alle ` +
		`Branchen und Anwendungsgebiete, sei es im Finanzbereich, der Industrie oder eben auch im Bereich Healthcare. ` +
		`Auch wenn nicht jedes Geschäftsmodell von Disruption bzw. Digital Darwinismus bedroht ist, bieten neue ` +
		`Technologien Potenziale für mehr Effizienz, bessere Prozesse und zur Kostenersparnis.`
	ruText = `Наши герои знают толк не только во вкусе, но и в красоте еды. За их аккаунтами следят тысячи ` +
		`подписчиков, а фудблогеры, в свою очередь, радуют поклонников рецептами и яркими сочными постами. ` +
		`Самые популярные фудблогеры рассказали нам, как они решили заняться столь необычным творчеством.`
	jaText = `肉をくわえたイヌが、橋を渡っていました。ふと下を見ると、川の中にも肉をくわえたイヌがいます。` +
		`イヌはそれを見て、思いました。（あいつの肉の方が、大きそうだ）イヌは、くやしくてたまりません。`
	zhText = `谷歌在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识并利用这些知识来回答问题的计算机。` +
		`这款产品具有极其重要的意义，因为这意味着未来的人工智能技术可能不需要人类来教它就能回答人类提出的问题。`
	koText = `엘제이의 리벤지인가, 류화영의 피해자 코스프레인가. 시작은 엘제이의 일방적인 사진 공개로부터 비롯됐다. ` +
		`그건 이 사안을 두고 벌어진 엘제이와 류화영의 진실공방이 어떤 결론을 내더라도 잘못된 일이다.`
	ptText = `O prof. Carlos Nadalim apresenta, neste vídeo, uma loja incrível nos EUA, repleta de materiais ` +
		`didáticos, livros e uma quantidade enorme de recursos educativos para crianças. Por que não temos uma ` +
		`assim no Brasil? Aqui nos Estados Unidos você tem à disposição materiais voltados à aquisição da fluência em leitura.`
	elText = `Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για τη στήριξη των νοικοκυριών, καθώς οι τιμές της ` +
		`ενέργειας συνεχίζουν να αυξάνονται σε όλη την Ευρώπη.`
	heText    = `הממשלה הודיעה היום על צעדים חדשים לתמיכה במשקי הבית, כאשר מחירי האנרגיה ממשיכים לעלות ברחבי אירופה.`
	loremText = `Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor invidunt ut labore et dolore magna aliquyam erat, sed diam voluptua. At vero eos et accusam et justo duo dolores et ea rebum. Stet clita kasd gubergren, no sea takimata sanctus est Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor invidunt ut labore et dolore magna aliquyam erat, sed diam voluptua. At vero eos et accusam et justo duo dolores et ea rebum. Stet clita kasd gubergren, no sea takimata sanctus est Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor invidunt ut labore et dolore magna aliquyam erat, sed diam voluptua. At vero eos et accusam et justo duo dolores et ea rebum. Stet clita kasd gubergren, no sea takimata sanctus est Lorem ipsum dolor sit amet.  Secondary h`
	daText    = `Regeringen har i dag præsenteret en ny plan for den grønne omstilling, som skal sikre, at Danmark ` +
		`når sine klimamål. Planen indeholder blandt andet en afgift på landbrugets udledninger og flere penge ` +
		`til forskning i nye teknologier, siger ministeren til pressen efter mødet i Folketinget i går.`
)

func TestSettleLanguage(t *testing.T) {
	cases := []struct{ name, declared, text, want string }{
		{"CMS default lang=en on a German article (comwrap)", "en", deText, "de"},
		{"declared and right keeps its region", "de-AT", deText, "de-AT"},
		{"og:locale form", "pt_BR", ptText, "pt-BR"},
		{"undeclared Russian", "", ruText, "ru"},
		{"kana decides Japanese", "", jaText, "ja"},
		{"Japanese declared as Chinese", "zh-CN", jaText, "ja"},
		{"Han alone decides Chinese", "", zhText, "zh"},
		{"hangul decides Korean", "", koText, "ko"},
		{"Greek script", "", elText, "el"},
		{"Hebrew script", "", heText, "he"},
		{"a sibling language trusts the declaration", "nb", daText, "nb"},
		{"too little text to overrule", "en", "Impressum und Datenschutz", "en"},
		{"no language declared as und", "und", deText, "de"},
		{"no text", "fr-FR", "", "fr-FR"},
		{"lorem ipsum does not overrule (mozilla missing-paragraphs)", "en", loremText, "en"},
	}
	for _, c := range cases {
		if got := settleLanguage(c.declared, c.text); got != c.want {
			t.Errorf("%s: settleLanguage(%q, …) = %q, want %q", c.name, c.declared, got, c.want)
		}
	}
}

func TestNormalizeLang(t *testing.T) {
	cases := map[string]string{
		"en_us": "en-US", "EN-GB": "en-GB", "zh-hant-tw": "zh-Hant-TW", "es-419": "es-419", "iw": "he",
		"en, de": "en", "deu": "de", "{{lang}}": "", "x-default": "", "und": "", "": "", " de ": "de",
	}
	for in, want := range cases {
		if got := normalizeLang(in); got != want {
			t.Errorf("normalizeLang(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLanguageOfEveryFormat: HTML, plain text and Markdown articles all
// get a language, declared or detected.
func TestLanguageOfEveryFormat(t *testing.T) {
	cases := []struct {
		name string
		data string
		want string
	}{
		{"page.html", string(datedPage("en", ``, "Die elektronische Patientenakte (ePA)", ``,
			"<p>"+deText+"</p><p>"+deText+"</p>")), "de"},
		{"page.html", string(datedPage("", `<meta property="og:locale" content="pt_BR">`, "A Fantástica Loja",
			``, "<p>"+ptText+"</p><p>"+ptText+"</p>")), "pt-BR"},
		{"story.txt", "Мастера вкуса\n\n" + ruText + "\n\n" + ruText + "\n", "ru"},
		{"note.md", "---\ntitle: Test\nlang: ja\n---\n\n" + jaText + "\n", "ja"},
		{"note.md", "# 人工智能\n\n" + zhText + "\n\n" + zhText + "\n", "zh"},
	}
	for _, c := range cases {
		a := mustExtract(t, c.name, []byte(c.data))
		if a.Language != c.want {
			t.Errorf("%s %q…: language %q, want %q", c.name, c.data[:min(len(c.data), 40)], a.Language, c.want)
		}
	}
}

// TestLongEnglishText: whatlanggo called on these 4,000 bytes of English
// at once (wcxb-dev page 4809) says Dutch; read piece by piece they are
// English.
func TestLongEnglishText(t *testing.T) {
	text := string(readTestdata(t, "lang/robot-vacuum-en.txt"))
	if got := settleLanguage("en", text); got != "en" {
		t.Errorf("settleLanguage(en, robot vacuum text) = %q, want en", got)
	}
	if got, _ := detectLanguage(text); got != "en" {
		t.Errorf("detectLanguage(robot vacuum text) = %q, want en", got)
	}
}
