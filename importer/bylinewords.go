package importer

import (
	"regexp"
	"strings"
)

// The words that tell, in a byline, a job title from a name and an
// organisation from a person. They are lists of common words (in the
// languages of the pages the importer meets), not of sites.

// jobWords name a job ("Reporter", "Co-Founder", "Redakteurin").
var jobWords = wordSet(`author writer writers reporter reporters correspondent correspondents contributor contributors columnist
journalist journalists editor editors expert experts founder co-founder cofounder ceo cto cfo coo cmo president
vice-president vp director manager coordinator specialist producer analyst intern photographer critic fellow
professor student host strategist consultant officer attorney lawyer dietitian nutritionist physician doctor nurse
therapist engineer developer designer marketer researcher scientist economist teacher coach trainer winemaker
mechanic blogger creator owner executive advisor adviser representative member chair chairman chairwoman secretary
commentator anchor presenter reviewer grader copywriter gardener astrologer horticulturalist horticulturist educator
mvp pharmacist dentist veterinarian psychologist psychiatrist counselor counsellor planner agent broker realtor
redakteur redakteurin korrespondent korrespondentin journaliste rédacteur rédactrice correspondant correspondante
envoyé envoyée periodista redactor redactora corresponsal giornalista inviato inviata corrispondente redacteur
verslaggever journalistin autorin chroniqueur chroniqueuse columnista 记者 記者 기자 특파원`)

// qualifierWords qualify a job ("Senior Autos Reporter", "Content
// Marketing Coordinator"); strongQualifiers start one ("Former McKinsey
// Consultant").
var (
	qualifierWords = wordSet(`senior sr sr. junior jr chief head lead staff contributing former managing executive
deputy associate assistant principal content marketing digital social media news sports tech technology science
health business political politics national security travel food culture opinion investigative investigations autos
hardware software auto features legal community development research data product licensed certified registered
board-certified freelance guest special general global regional local foreign world international online web video
audio photo copy ai it seo ux home lifestyle fashion beauty entertainment film music art arts books education finance
financial money wine garden master co vice of & and for the operations growth sales brand communications public
affairs editorial desk team`)
	strongQualifiers = wordSet(`senior sr sr. junior chief head lead staff contributing former managing executive deputy
associate assistant principal licensed certified registered board-certified freelance guest special`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func wordIn(set map[string]bool, w string) bool {
	return set[strings.ToLower(strings.Trim(w, ",.;:()"))] || set[strings.ToLower(strings.Trim(w, ",;:()"))]
}

func isJob(w string) bool             { return wordIn(jobWords, w) }
func isQualifier(w string) bool       { return wordIn(qualifierWords, w) || isAcronym(w) }
func isStrongQualifier(w string) bool { return wordIn(strongQualifiers, w) }

// isAcronym reports whether w is a short word in capitals ("AP", "BBC").
func isAcronym(w string) bool {
	return len(w) >= 2 && len(w) <= 4 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// isRolePiece reports whether s is a job title: it names a job, or starts
// with a word that begins one.
func isRolePiece(s string) bool {
	words := strings.Fields(s)
	for _, w := range words {
		if isJob(w) {
			return true
		}
	}
	return len(words) > 1 && isStrongQualifier(words[0])
}

// hasJobWords reports whether s names or qualifies a job ("Head of
// Marketing and Community Development").
func hasJobWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if isJob(w) || wordIn(qualifierWords, w) && !wordIn(connectorWords, w) {
			return true
		}
	}
	return false
}

// connectorWords are the qualifiers that are only small words.
var connectorWords = wordSet(`of & and for the co`)

// isAffiliation reports whether s, after a name and a comma, names where
// the person works rather than another person: "The Commercial Appeal",
// "USA TODAY", a wire agency.
func isAffiliation(s string) bool {
	return strings.HasPrefix(s, "The ") || isOrgName(s)
}

// orgWord matches a word that makes a name an organisation's.
var orgWord = regexp.MustCompile(`(?i)(?:^|[\s(])(?:news|newsroom|press|presse|prensa|stampa|agency|agencies|agence|agencia|` +
	`agentur|redaktion|redacción|rédaction|redazione|redactie|redação|staff|team|editorial|editors|desk|media|magazine|` +
	`group|inc\.?|int\.?|plc|pty|llc|ltd\.?|gmbh|corp\.?|company|foundation|organi[sz]ation|institute|university|college|online|blog|network|` +
	`associates|association|society|council|department|ministry|office|services?|bureau|wire|daily|times|post|journal|` +
	`herald|tribune|gazette|today|radio|tv|television|channel|studios?|labs?|global|international|solutions|` +
	`clinic|hospital|insurance|bank|academy|school|center|centre|club|shop|store|contributors|` +
	`newsdesk|nachrichten|zeitung|journaal|noticias|notícias|notizie|actualités|新闻|新聞|통신|뉴스)(?:$|[\s),.])`)

// wireAgencies are news agencies and outlets whose names have no word that
// says so.
var wireAgencies = wordSet(`ap afp reuters dpa efe ansa xinhua kyodo yonhap tass interfax upi pa bloomberg kna epd apa
sda keystone-sda anp belga tt ntb ritzau čtk ctk pap mti aap ians pti ani anadolu lusa notimex jiji afp-jiji sns bbc
cnn 新华社 共同社 中新社 연합뉴스`)

// wireAgencyNames are agencies' names of several words.
var wireAgencyNames = map[string]bool{"associated press": true, "the associated press": true, "ria novosti": true,
	"agence france-presse": true, "agence france presse": true, "press association": true, "canadian press": true,
	"the canadian press": true, "europa press": true, "jiji press": true}

// isOrgName reports whether a name is an organisation's by its words.
func isOrgName(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return wireAgencies[l] || wireAgencyNames[l] || orgWord.MatchString(s)
}
