package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clippings/clippings/archive"
)

// What a name in a byline may look like, and how it is written out:
// capitals, credentials, initials, repeats.

// initialsBefore matches an avatar's initials before the name they stand
// for ("CM Craig McCarthy").
var initialsBefore = regexp.MustCompile(`^(\p{Lu}{2,3})\s+(\p{Lu}\S*(?:\s+\S+){1,3})$`)

// dropInitials removes an avatar's initials that stand before the name
// they abbreviate.
func dropInitials(s string) string {
	m := initialsBefore.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	var initials []rune
	for _, w := range strings.Fields(m[2]) {
		r, _ := utf8.DecodeRuneInString(w)
		initials = append(initials, r)
	}
	if strings.HasPrefix(string(initials), m[1]) || strings.HasSuffix(string(initials), m[1]) {
		return m[2]
	}
	return s
}

// looksLikeName reports whether s can be a person's or an organisation's
// name: a few words, no digits, no address, not a label or a sentence.
func looksLikeName(s string, declared bool) bool {
	s = innerParen.ReplaceAllString(s, "") // "Richard (R.J.) Eskow"
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 || utf8.RuneCountInString(s) > 80 || strings.ContainsAny(s, "@/\\<>{}=?!()[]") ||
		strings.Contains(words[0], ".") && isCredential(words[0]) || notANamePhrase.MatchString(s) ||
		strings.ContainsFunc(s, unicode.IsDigit) || notAName.MatchString(s) || looksLikeURL(s) ||
		len(words) == 1 && utf8.RuneCountInString(s) < 3 && isAlphabetic(s) {
		return false
	}
	if declared {
		return true
	}
	lower := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !nameParticle[strings.ToLower(w)] && !orgSmallWord[w] {
			lower++
		}
	}
	// Capitalised words, or a user name in lower case ("jsteinhardt"), or
	// an organisation: not a phrase ("is an editor at").
	return lower == 0 || lower == 1 && len(words) == 1 || isOrgName(s) && lower*2 < len(words)
}

// innerParen is a nickname or maiden name inside a name.
var innerParen = regexp.MustCompile(`\s*\([^()]{1,20}\)`)

// notANamePhrase matches the links beside bylines that are no names.
var notANamePhrase = regexp.MustCompile(`(?i)\beditorial (?:guidelines|process|policy|standards)\b|\bfact[- ]check`)

// nameParticle are the lower-case words of names ("van der", "de la").
var nameParticle = map[string]bool{"van": true, "der": true, "den": true, "de": true, "la": true, "le": true,
	"du": true, "da": true, "dos": true, "das": true, "del": true, "von": true, "zu": true, "bin": true, "al": true,
	"el": true, "ibn": true, "ter": true, "ten": true, "di": true, "y": true}

// orgSmallWord are the small words of organisations' names ("Staff and
// agencies", "Center for …").
var orgSmallWord = map[string]bool{"and": true, "of": true, "for": true, "the": true, "und": true, "et": true,
	"für": true, "des": true, "à": true}

// notAName matches the words of bylines and buttons that are no names.
var notAName = regexp.MustCompile(`(?i)^(?:the )?(?:author|authors|admin|administrator|editor|editors|staff|guest|` +
	`anonymous|unknown|share|shares|follow|email|e-mail|facebook|twitter|x|linkedin|instagram|pinterest|whatsapp|` +
	`reddit|youtube|tiktok|comments?|kommentare?|commentaires?|comentarios?|commenti|留言|評論|评论|コメント|댓글|discuss|more|read more|bio|full bio|see full bio|view|view profile|view full profile|` +
	`profile|posts|all posts|view all posts|about|about the author|about us|contact|subscribe|sign in|log in|menu|` +
	`home|search|print|copy link|save|listen|advertisement|sponsored|opinion|news|updated|published|posted|share this|learn more|see more|` +
	`share on|follow us|paid|free|premium|terms|privacy|privacy policy|terms and conditions|conditions|cookies?|` +
	`editorial process|editorial guidelines|fact checked|reviewed|read time|min read|mon|tue|wed|thu|fri|sat|sun|` +
	`dept|inc|ltd|llc)$`)

// credentialWord matches a post-nominal letter group ("MD", "Ph.D.",
// "DVM", "E-RYT 200").
var credentialWord = regexp.MustCompile(`^(?:[A-Z]\.?-?){2,7}®?$|^(?:PhD|Ph\.D\.?|MSc|BSc|PsyD|EdD|DPhil|MPhil|MEd|Esq\.?|Jr\.?|Sr\.?|\d+)$`)

// isCredential reports whether every word of s is a post-nominal letter
// group, as in "Shelby Loos, DVM" (kept with the name, as pages print it).
func isCredential(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 || isOrgName(s) {
		return false
	}
	marked := len(words) == 1 // several words: "M.D. FACLM", "E-RYT 200", not "JOHN SMITH"
	for i, w := range words {
		if !credentialWord.MatchString(w) || i == 0 && strings.Trim(w, "0123456789") == "" {
			return false
		}
		marked = marked || strings.ContainsAny(w, ".-0123456789") || len(w) <= 3
	}
	return marked && (len(words) > 1 || utf8.RuneCountInString(words[0]) <= 6)
}

// fixCaps writes a name in capitals ("ROBERT BURNS") in title case; a short
// acronym ("AFP") stays.
func fixCaps(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s || (len(strings.Fields(s)) == 1 && utf8.RuneCountInString(s) <= 5) ||
		isOrgName(s) {
		return s
	}
	var b strings.Builder
	up := true
	for _, r := range s {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == ' ' || r == '-' || r == '\'' || r == '.' || r == '’'
	}
	return b.String()
}

// dedupeAuthors drops the repeats of a name (case aside).
func dedupeAuthors(as []archive.Author) []archive.Author {
	seen := map[string]bool{}
	out := as[:0]
	for _, a := range as {
		k := titleKey(a.Name)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}
