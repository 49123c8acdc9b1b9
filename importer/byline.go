package importer

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clippings/clippings/archive"
)

// A byline as pages show it mixes the authors' names with a label ("By",
// "Von", "文/"), job titles ("AP National Security Writer"), dates and
// times, and the text of sharing buttons. parseByline takes it apart: the
// text is cut into pieces at element boundaries (a newline), separators
// ("|", "•", " — ") and dates; each piece loses its label; a piece that is
// a job title or an affiliation becomes the Role of the name before it;
// names are split at "," "and" "&" "und" "y" "et" …, except where what
// follows a comma is a title, a credential ("MD") or an affiliation.

// joinWords introduce an affiliation or a place after a name (see
// affiliationJoin and danglingJoin).
const joinWords = `on behalf of|for|at|of|from|in|à|aus|für|pour|para|per|發表在|发表在|發表於|发表于`

var (
	// bylineLabel is a label before the names, in the languages pages are
	// written in.
	bylineLabel = regexp.MustCompile(`(?i)^(?:` +
		`(?:this (?:post|article|story|piece|guide|review) (?:was|is) )?(?:(?:story|text|words|articles?|column|report|` +
		`recipe|interview|written|posted|published|authored|reported|compiled|produced|created|submitted|contributed)\s+)?by|` +
		`read more about|(?:view |see )?(?:all|more) (?:posts|articles|stories)(?: by| from)?|contributors?\s*[:：]|` +
		`von|par|por|di|door|av|af|przez|от|автор|автори|автора|від|текст|tekst|texto|testo|` +
		`authors?|autor(?:in|es|en|a)?|auteurs?|autore|autori|författare|forfatter|kirjoittaja|szerző|yazar|` +
		`tác giả|penulis|oleh|reporter|from|about(?: the author)?|redakteur(?:in)?|yazan|bởi|โดย|بقلم|كتب|كتبت|מאת|` +
		`作者|著者|撰文|执笔|執筆|取材・文|记者|記者|기자|글|文|图|圖)` +
		`(?:\s*[:：/／|]\s*|\s+|$)`)
	// bylineGluedBy is "By" glued to the name that follows ("ByAmy Roeder").
	bylineGluedBy = regexp.MustCompile(`^(?:Written |Posted |Text |Words )?[Bb]y:?(\p{Lu})`)
	// notAuthorRole is a piece naming someone who did not write the article:
	// the editor, the reviewer, the photographer.
	notAuthorRole = regexp.MustCompile(`(?i)(?:^|\b)(?:(?:фото|фотограф|иллюстрации|photo|foto|编辑|責任編輯|责任编辑|編集|摄影|撮影|사진)\s*[:：=]|(?:medically |fact[- ]?)?(?:reviewed|checked|edited|illustrated|` +
		`translated|photographed|photos?|photography|illustrations?|images?|video|additional reporting)` +
		`(?:\s+and\s+\w+)?\s+by\b|^(?:photos?|illustrations?|credit|source)\s*:)`)
	// dateInByline is a date, a time or an age ("3 hours ago") in a byline.
	dateInByline = regexp.MustCompile(`(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b,?(?:\s*\d{4})?` +
		`|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|` +
		`(?i:janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc|januar|februar|märz|april|juni|juli|august|oktober|dezember|` +
		`enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre))` +
		`[a-zé]*\.?,?(?:\s+\d{4})?` +
		`|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}` +
		`|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?` +
		`|\d{1,2}[-/.](?:\d{1,2}|[A-Za-z]{3})[-/.]\d{2,4}` +
		`|(?:(?i:\b(?:at|um|alle|om|kl|klo)\.?|às|à|a las)\s+)?(?:\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?|(?i:uhr)\b)?(?:\s*[A-Z]{2,4}\b)?|\b\d{1,2}h\d{2}\b)` +
		`|\b(?:19|20)\d{2}\b|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?,?` +
		`|(?i:\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s*(?:ago|read)\b))`)
	// dateWords are words that introduce a date ("Updated", "Published on").
	dateWords = regexp.MustCompile(`(?:\b(?i:last\s+)?(?i:updated|modified|published|posted|created)|` +
		`(?:Last )?(?:Updated|Modified|Published|Posted|Created))(?i:\s+(?:on|at))?\s*:?`)
	// dateLabels are the same words in the languages of the datelines
	// (changedWords, publishedWords: "publié le", "Aktualisiert am"), as
	// whole words ("Publications Editor" keeps its "publicat"); not
	// "Reviewed", which in a byline names a reviewer (notAuthorRole).
	dateLabels = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:last\s+)?(?:` + changedWords + `|` +
		publishedWords + `)(?:\s+(?:on|at|am|um|le|el|em|il|op|den|в))?\s*:?(?:[^\p{L}]|$)`)
	// pieceSeparator cuts a byline into pieces.
	pieceSeparator = regexp.MustCompile(`\n|\s+[|•·—–]\s+|\s*[|•·]\s*|\s+-\s+|\s+/\s+`)
	// nameSeparator cuts a piece into names.
	nameSeparator = regexp.MustCompile(`\s*(?:,|;|、|，|；)\s*|\s*&\s*|\s+(?:and|And|AND|und|et|y|e|en|og|och|и)\s+`)
	// affiliationJoin introduces an affiliation or a place after a name
	// ("for The Guardian", "on behalf of …", "à Paris", "發表在 痞客邦":
	// posted on a blog host).
	affiliationJoin = regexp.MustCompile(`(?i)\s+(?:` + joinWords + `|with)(?:\s+|$)`)
	// danglingJoin ends a piece whose affiliation is the next piece.
	danglingJoin = regexp.MustCompile(`(?i)\s(?:` + joinWords + `)$`)
	// labelFrom is a one-word label ending in "from" before the name
	// ("Insights from", "Notes from"), not a name whose affiliation follows.
	labelFrom = regexp.MustCompile(`^\p{L}+\s+(?i:from|von)$`)
	// orgConnector is a small word inside an organisation's name ("Center
	// for Drug Evaluation and Research").
	orgConnector = regexp.MustCompile(`(?i)\s(?:for|of|de|für|du|della|del)\s`)
	// coAuthors is a parenthesis naming co-authors ("(avec Damien Leloup
	// et Morgane Tual)").
	coAuthors = regexp.MustCompile(`\s*\((?i:with|avec|mit|con|com|and)\s+([^()]*)\)`)
	// trailingParen is a name followed by what the person did ("Eleanor
	// Ainge Roy (reporting)").
	trailingParen = regexp.MustCompile(`^(.*?)\s*\(([^()]*)\)$`)
	// notWriting is what a contributor did who did not write the article.
	notWriting = regexp.MustCompile(`(?i)^(?:photos?|photograph(?:s|y)?|pictures?|illustrations?|graphics?|videos?|` +
		`translation|translated|editing|edited|design|fotos?|bilder?|images?)$`)
)

// parseByline returns the authors a byline names, without labels, dates,
// job titles (kept as Role) and the text of buttons. A declared byline
// (a <meta> tag's or JSON-LD's) names its authors for sure: a name in
// lower case or with small words is kept; a shown one must look like
// names.
func parseByline(text string, declared bool) []archive.Author {
	out := parseBylineText(text, declared)
	if t := foldSpace(html.UnescapeString(text)); len(out) == 0 && declared && !strings.Contains(t, ",") && looksLikeName(t, true) &&
		!isRolePiece(t) {
		return []archive.Author{{Name: t}} // named so by the page ("SFist Contributor")
	}
	return out
}

// parseBylineText is parseByline without the fallback for declared
// bylines.
func parseBylineText(text string, declared bool) []archive.Author {
	var out []archive.Author
	dangling := false // the piece before ended with "in", "for", …
	other := 0        // 2 after a lone "Reviewed by", "Photos by", …: that person's name, then job, follow
	for _, piece := range bylinePieces(html.UnescapeString(text)) {
		if dangling && len(out) > 0 {
			out[len(out)-1].Role = joinRole(out[len(out)-1].Role, piece) // "Jane Doe in" "Politics"
			dangling = false
			continue
		}
		if other == 2 || other == 1 && isRolePiece(piece) {
			other-- // "Reviewed by" "Robert Tschudi" "Expert Reviewer": he did not write it
			continue
		}
		other = 0
		if labelFrom.MatchString(piece) {
			continue // "Insights from" "Liza Burke": a label, the name follows
		}
		dangling = danglingJoin.MatchString(piece)
		if loc := notAuthorRole.FindStringIndex(piece); loc != nil {
			if strings.TrimSpace(piece[loc[1]:]) == "" {
				other = 2 // the name is the next piece
			}
			piece = strings.TrimSpace(piece[:loc[0]])
		}
		piece = coAuthors.ReplaceAllString(stripBylineLabel(piece), ", $1")
		if piece == "" || isProse(piece) {
			continue
		}
		n := len(out)
		out = splitNames(out, piece, declared)
		if n > 0 && isPersonName(out[n-1].Name) && allOrgs(out[n:]) {
			// "Amy Kuperinsky | NJ Advance Media": where the person works.
			for _, org := range out[n:] {
				out[n-1].Role = joinRole(out[n-1].Role, org.Name)
			}
			out = out[:n]
		}
	}
	return dedupeAuthors(out)
}

// allOrgs reports whether as holds only organisations (by their names).
func allOrgs(as []archive.Author) bool {
	for _, a := range as {
		if !isOrgName(a.Name) {
			return false
		}
	}
	return len(as) > 0
}

// isPersonName reports whether a name is a person's by its words.
func isPersonName(name string) bool {
	return !isOrgName(name) && len(strings.Fields(name)) >= 2
}

// cutTextDates puts a line break in place of each date that the date
// reader finds in text, in any of its languages ("12 марта 2024", "12
// maart 2024", "2024年3月12日").
func cutTextDates(text string) string {
	ds := findTextDates(text, dateHint{})
	slices.SortFunc(ds, func(a, b textDate) int { return b.start - a.start })
	end := len(text) + 1
	for _, d := range ds {
		if d.end <= end { // overlapping readings of one date: the last cut wins
			text = text[:d.start] + "\n" + text[d.end:]
			end = d.start
		}
	}
	return text
}

// bylinePieces cuts a byline at element boundaries, separators, dates and
// glued words ("Harry RabinowitzTech Reporter").
func bylinePieces(text string) []string {
	text = strings.ReplaceAll(text, "\u00a0", " ")
	text = dateWords.ReplaceAllString(text, "\n")
	text = cutTextDates(text) // first: a label's end may be the date's first digit
	text = dateLabels.ReplaceAllString(text, "\n")
	text = dateInByline.ReplaceAllString(text, "\n")
	var out []string
	for _, piece := range pieceSeparator.Split(text, -1) {
		for _, p := range strings.Split(unglue(piece), "\n") {
			p = trailingLabel.ReplaceAllString(strings.Trim(foldSpace(p), " ,;-–—|•·∙"), "")
			switch {
			case p == "", isWeekday(p):
			case len(out) > 0 && (continuesList.MatchString(p) || isJob(p)): // "Book" "& Course" "Author": one piece
				out[len(out)-1] += " " + p
			default:
				out = append(out, p)
			}
		}
	}
	return out
}

// trailingLabel is a label after the names ("홍길동 기자", "山田太郎記者"),
// or a word left dangling where a date was cut ("Jane Doe on").
var trailingLabel = regexp.MustCompile(`(?i)\s*(?:기자|특파원|記者|记者|通讯员|特派員)$|\s+(?:on|at|am|le|el|il|den|vom|the)$`)

// continuesList matches a piece that continues the list of the piece
// before it.
var continuesList = regexp.MustCompile(`^(?:&|and\s|und\s|et\s|y\s)`)

// isProse reports whether a piece of a byline is a sentence (an author's
// biography) rather than names: many words, many of them in lower case.
func isProse(s string) bool {
	words := strings.Fields(s)
	if len(words) > 15 {
		return true
	}
	lower := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !nameParticle[w] {
			lower++
		}
	}
	return len(words) >= 6 && lower*5 >= len(words)*2
}

// unglue puts a newline where a name was run together with the job title
// after it: a lower-case letter followed by a capital, after at least
// three lower-case letters ("RabinowitzTech Reporter", not "McCarthy",
// "MacKenzie" or a user name such as "AMournfulHowlInTheNight"), where a
// job follows and a name of two words at least comes before (not
// "HomeAdvisor", a firm's name).
func unglue(s string) string {
	if m := bylineGluedBy.FindStringSubmatchIndex(s); m != nil {
		s = s[m[2]:]
	}
	lower := 0
	for i, r := range s {
		if unicode.IsUpper(r) && lower >= 3 && strings.Contains(stripBylineLabel(s[:i]), " ") && startsRole(s[i:]) {
			return s[:i] + "\n" + s[i:]
		}
		if unicode.IsLower(r) {
			lower++
		} else {
			lower = 0
		}
	}
	return s
}

// startsRole reports whether one of the first two words of s names a job.
func startsRole(s string) bool {
	words := strings.Fields(s)
	return len(words) > 0 && isJob(words[0]) || len(words) > 1 && isJob(words[1])
}

// stripBylineLabel removes the labels before the names ("By:", "Written
// by", "Von", "文/").
func stripBylineLabel(s string) string {
	for range 3 {
		loc := bylineLabel.FindStringIndex(s)
		if loc == nil || loc[1] == 0 {
			break
		}
		s = strings.TrimSpace(s[loc[1]:])
	}
	return strings.Trim(s, " :,-")
}

// splitNames appends to out the names of a piece of a byline. What follows
// a name is kept with it: a credential ("MD") in the name, a job title or
// an affiliation as its Role; a piece that is only a job title is the
// Role of the name before it.
func splitNames(out []archive.Author, piece string, declared bool) []archive.Author {
	parts := splitParts(piece)
	if isOrgName(piece) && !strings.Contains(piece, ",") && (orgConnector.MatchString(piece) || allOrgWords(parts)) &&
		!isJobTitle(piece) {
		// "Center for Drug Evaluation and Research", "Staff and agencies"
		if name := trimPart(piece); looksLikeName(name, declared) {
			return append(out, archive.Author{Name: name})
		}
		return out
	}
	b := nameList{out: out, first: len(out), declared: declared}
	for _, part := range parts {
		if !b.add(part) {
			return out[:b.first] // a phrase ("the section US"): this piece names nobody
		}
	}
	return b.out
}

// nameList collects the names of one piece of a byline.
type nameList struct {
	out      []archive.Author
	first    int  // the index in out of the piece's first name
	prevRole bool // the part before was a job title or an affiliation
	declared bool
}

// add adds a part of the piece: a name, or what qualifies the name before
// it. It reports false when the part is a phrase, not a name.
func (b *nameList) add(part bylinePart) bool {
	text, paren := part.text, ""
	if m := trailingParen.FindStringSubmatch(text); m != nil && m[1] != "" {
		text, paren = m[1], strings.TrimSpace(m[2])
		if notWriting.MatchString(paren) {
			return true // "Adrian Malloch (photography)"
		}
	}
	last := len(b.out) - 1
	role := false
	switch {
	case text == "" || notAName.MatchString(text) && !b.qualifies(part, text, last):
	case last >= 0 && part.sep == "&" && isShortWord(text):
		b.out[last].Name += " & " + text // "Mac & i": not a list
	case last >= 0 && isCredential(text):
		b.out[last].Name += ", " + text
	case last >= 0 && b.qualifies(part, text, last):
		b.out[last].Role = joinRole(b.out[last].Role, text)
		role = true
	default:
		name, jobs := cutRole(dropInitials(text), b.declared)
		switch {
		case name == "" && last >= b.first && part.sep != "," && len(strings.Fields(b.out[last].Name)) == 1:
			// "Book & Course Author": the words before were the job's too.
			jobs = b.out[last].Name + " " + part.sep + " " + jobs
			b.out = b.out[:last]
			if last--; last >= 0 {
				b.out[last].Role = joinRole(b.out[last].Role, jobs)
			}
		case name == "" && last >= 0:
			b.out[last].Role = joinRole(b.out[last].Role, jobs)
			role = true
		case name != "" && looksLikeName(name, b.declared):
			b.out = append(b.out, archive.Author{Name: fixCaps(name), Role: joinRole(jobs, paren)})
		case len(strings.Fields(name)) > 1:
			return false
		}
	}
	b.prevRole = role
	return true
}

// qualifies reports whether a part names where the author before it works
// or what the author does, rather than another author.
func (b *nameList) qualifies(part bylinePart, text string, last int) bool {
	return last >= 0 && (isAffiliation(text) || b.prevRole && (part.sep != "and" || hasJobWords(text)) ||
		b.declared && part.sep == "," && last >= b.first && isRolePiece(text) ||
		last >= b.first && part.sep == "," && isSingleWordAfterName(text, b.out[last].Name))
}

// bylinePart is a part of a piece of a byline with the separator before
// it: "," (also ";"), "&", "and" (any language), or "" for the first.
type bylinePart struct{ sep, text string }

func splitParts(piece string) []bylinePart {
	var out []bylinePart
	start, sep := 0, ""
	for _, loc := range nameSeparator.FindAllStringIndex(piece, -1) {
		out = append(out, bylinePart{sep, trimPart(piece[start:loc[0]])})
		switch s := strings.TrimSpace(piece[loc[0]:loc[1]]); s {
		case "&":
			sep = "&"
		case ",", ";", "、", "，", "；":
			sep = ","
		default:
			sep = "and"
		}
		start = loc[1]
	}
	return append(out, bylinePart{sep, trimPart(piece[start:])})
}

// abbrevEnd matches a part ending with an abbreviation ("Ph.D.", "Jeff
// T."), whose full stop stays.
var abbrevEnd = regexp.MustCompile(`(?:^|[\s.])\p{Lu}\.$`)

// trimPart trims the punctuation and quotes around a part of a byline.
func trimPart(s string) string {
	s = strings.Trim(s, " :-\"“”„«»")
	if !abbrevEnd.MatchString(s) {
		s = strings.TrimRight(s, ". ")
	}
	return strings.TrimSpace(s)
}

// isJobTitle reports whether s is only a job title: a job qualified by
// the words before it ("Staff Writer", "News Editor"), not an
// organisation ("The Associated Press", "Staff and agencies").
func isJobTitle(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 || !isJob(words[len(words)-1]) {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if !wordIn(qualifierWords, w) || wordIn(connectorWords, w) {
			return false
		}
	}
	return true
}

// allOrgWords reports whether every part names an organisation or
// nobody ("Staff" "and" "agencies").
func allOrgWords(parts []bylinePart) bool {
	for _, p := range parts {
		if !isOrgName(p.text) && !notAName.MatchString(p.text) {
			return false
		}
	}
	return true
}

// isShortWord reports whether s is one or two letters, which no name is.
func isShortWord(s string) bool {
	return utf8.RuneCountInString(s) <= 2 && isAlphabetic(s)
}

// isSingleWordAfterName reports whether a one-word part after a comma
// follows a name of several words: "Ashley Biancuzzo, PCWorld" names an
// affiliation, where "Maria, Katerina" names two people.
func isSingleWordAfterName(s, name string) bool {
	return len(strings.Fields(s)) == 1 && len(strings.Fields(name)) >= 2
}

// joinRole appends a job title or affiliation to a person's role.
func joinRole(role, more string) string {
	if role == "" || more == "" {
		return role + more
	}
	return role + ", " + more
}

// cutRole splits "Liz Kenny Former McKinsey Consultant" into the name and
// the job title after it, and "Jane Doe for The Guardian" into the name and
// the affiliation. A piece that is all job title ("Senior Autos Reporter")
// gives no name.
func cutRole(s string, declared bool) (name, role string) {
	if words := strings.Fields(s); len(words) > 1 && isStrongQualifier(words[0]) {
		return "", s // "Head of Marketing"
	}
	if loc := affiliationJoin.FindStringIndex(s); loc != nil && loc[0] > 0 && !declared {
		s, role = s[:loc[0]], strings.TrimSpace(s[loc[0]:])
		if danglingJoin.MatchString(" " + role) {
			role = "" // "Jane Doe in": the affiliation is elsewhere
		}
	}
	words := strings.Fields(s)
	k := -1 // the first word naming a job
	for i, w := range words {
		if isJob(w) {
			k = i
			break
		}
	}
	if k < 0 {
		return s, role
	}
	j := k // where the job title starts: back over the words qualifying it
	for j > 0 && isQualifier(words[j-1]) {
		j--
	}
	for i := 0; i < j; i++ {
		if isStrongQualifier(words[i]) { // "Liz Kenny Former McKinsey Consultant"
			j = i
			break
		}
	}
	switch {
	case j == 0 || j == 1 && len(words) == 2 && !declared: // "Senior Autos Reporter", "Games Editor"
		return "", strings.TrimSpace(s + " " + role)
	case declared:
		return s, role // a declared name is cut at commas only ("Dublin Core property author")
	}
	return strings.Join(words[:j], " "), strings.TrimSpace(strings.Join(words[j:], " ") + " " + role)
}
