package importer

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// monthNames lists, per language, the names and usual abbreviations of the
// twelve months in the forms dates are written with (for languages with
// cases, the genitive of "5 марта 2021" and the nominative of headings).
// Both the table's words and the page's are folded (foldWord: lower case,
// no diacritics), so "März", "marz" and "Marz" all match.
var monthNames = map[string][12]string{
	"en": {"january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
		"august aug", "september sep sept", "october oct", "november nov", "december dec"},
	"de": {"januar janner jan", "februar feber feb", "marz maerz mrz", "april apr", "mai", "juni jun",
		"juli jul", "august aug", "september sep sept", "oktober okt", "november nov", "dezember dez"},
	"fr": {"janvier janv", "fevrier fevr fev", "mars", "avril avr", "mai", "juin", "juillet juil",
		"aout", "septembre sept", "octobre oct", "novembre nov", "decembre dec"},
	"es": {"enero ene", "febrero feb", "marzo mar", "abril abr", "mayo may", "junio jun", "julio jul",
		"agosto ago", "septiembre setiembre sep sept set", "octubre oct", "noviembre nov", "diciembre dic"},
	"pt": {"janeiro jan", "fevereiro fev", "marco mar", "abril abr", "maio mai", "junho jun", "julho jul",
		"agosto ago", "setembro set", "outubro out", "novembro nov", "dezembro dez"},
	"it": {"gennaio gen", "febbraio feb", "marzo mar", "aprile apr", "maggio mag", "giugno giu",
		"luglio lug", "agosto ago", "settembre set", "ottobre ott", "novembre nov", "dicembre dic"},
	"nl": {"januari jan", "februari feb", "maart mrt", "april apr", "mei", "juni jun", "juli jul",
		"augustus aug", "september sep sept", "oktober okt", "november nov", "december dec"},
	"ca": {"gener", "febrer", "marc", "abril", "maig", "juny", "juliol", "agost", "setembre",
		"octubre", "novembre", "desembre"},
	"sv": {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
		"oktober", "november", "december"},
	"da": {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
		"oktober", "november", "december"},
	"nb": {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
		"oktober", "november", "desember"},
	"fi": {"tammikuuta tammikuu", "helmikuuta helmikuu", "maaliskuuta maaliskuu", "huhtikuuta huhtikuu",
		"toukokuuta toukokuu", "kesakuuta kesakuu", "heinakuuta heinakuu", "elokuuta elokuu",
		"syyskuuta syyskuu", "lokakuuta lokakuu", "marraskuuta marraskuu", "joulukuuta joulukuu"},
	"pl": {"stycznia styczen", "lutego luty", "marca marzec", "kwietnia kwiecien", "maja maj",
		"czerwca czerwiec", "lipca lipiec", "sierpnia sierpien", "wrzesnia wrzesien",
		"pazdziernika pazdziernik", "listopada listopad", "grudnia grudzien"},
	"cs": {"ledna leden", "unora unor", "brezna brezen", "dubna duben", "kvetna kveten", "cervna cerven",
		"cervence cervenec", "srpna srpen", "zari", "rijna rijen", "listopadu", "prosince prosinec"},
	"sk": {"januara januar", "februara februar", "marca", "aprila", "maja", "juna", "jula", "augusta",
		"septembra", "oktobra", "novembra", "decembra"},
	"hu": {"januar", "februar febr", "marcius marc", "aprilis apr", "majus maj", "junius jun",
		"julius jul", "augusztus aug", "szeptember szept", "oktober okt", "november nov", "december dec"},
	"ro": {"ianuarie ian", "februarie feb", "martie mar", "aprilie apr", "mai", "iunie iun", "iulie iul",
		"august aug", "septembrie sept", "octombrie oct", "noiembrie nov", "decembrie dec"},
	"hr": {"sijecnja sijecanj", "veljace veljaca", "ozujka ozujak", "travnja travanj", "svibnja svibanj",
		"lipnja lipanj", "srpnja srpanj", "kolovoza kolovoz", "rujna rujan", "", "studenoga studenog studeni",
		"prosinca prosinac"},
	"sl": {"januar januarja", "februar februarja", "marec marca", "april aprila", "maj maja",
		"junij junija", "julij julija", "avgust avgusta", "september septembra", "oktober oktobra",
		"november novembra", "december decembra"},
	"tr": {"ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim",
		"kasim", "aralik"},
	"id": {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
		"oktober", "november", "desember"},
	"ms": {"januari", "februari", "mac", "april", "mei", "jun", "julai", "ogos", "september", "oktober",
		"november", "disember"},
	"ru": {"января январь янв", "февраля февраль фев", "марта март мар", "апреля апрель апр", "мая май",
		"июня июнь июн", "июля июль июл", "августа август авг", "сентября сентябрь сен сент",
		"октября октябрь окт", "ноября ноябрь ноя", "декабря декабрь дек"},
	"uk": {"січня січень", "лютого лютий", "березня березень", "квітня квітень", "травня травень",
		"червня червень", "липня липень", "серпня серпень", "вересня вересень", "жовтня жовтень",
		"листопада листопад", "грудня грудень"},
	"bg": {"януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври",
		"ноември", "декември"},
	// Arabic: the months of Egypt and the Gulf, then the Levant's one-word
	// names (كانون and تشرين are two words each, not read).
	"ar": {"يناير", "فبراير شباط", "مارس اذار", "ابريل افريل نيسان", "مايو ايار", "يونيو يونيه حزيران",
		"يوليو يوليه تموز", "اغسطس اب", "سبتمبر ايلول", "اكتوبر", "نوفمبر", "ديسمبر"},
	// Hebrew, also with the prefix ב ("12 במרץ 2024").
	"he": {"ינואר בינואר", "פברואר בפברואר", "מרץ במרץ", "אפריל באפריל", "מאי במאי", "יוני ביוני",
		"יולי ביולי", "אוגוסט באוגוסט", "ספטמבר בספטמבר", "אוקטובר באוקטובר", "נובמבר בנובמבר", "דצמבר בדצמבר"},
	"el": {"ιανουαριου ιανουαριος ιαν", "φεβρουαριου φεβρουαριος φεβ", "μαρτιου μαρτιος μαρ",
		"απριλιου απριλιος απρ", "μαιου μαιος", "ιουνιου ιουνιος ιουν", "ιουλιου ιουλιος ιουλ",
		"αυγουστου αυγουστος αυγ", "σεπτεμβριου σεπτεμβριος σεπ", "οκτωβριου οκτωβριος οκτ",
		"νοεμβριου νοεμβριος νοε", "δεκεμβριου δεκεμβριος δεκ"},
}

// weekdayNames are the days of the week, as datelines print them before
// the date ("Mittwoch, 12. März 2024", "الأربعاء 12 أبريل 2023"), folded
// like monthNames.
var weekdayNames = strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
lundi mardi mercredi jeudi vendredi samedi dimanche
lunes martes miercoles jueves viernes sabado domingo
lunedi martedi mercoledi giovedi venerdi sabato domenica
segunda-feira terca-feira quarta-feira quinta-feira sexta-feira
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
mandag tirsdag onsdag torsdag fredag lordag sondag tisdag
maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai
poniedzialek wtorek sroda czwartek piatek sobota niedziela
pondeli utery streda ctvrtek patek nedele
pazartesi sali carsamba persembe cuma cumartesi pazar
понедельник вторник среда четверг пятница суббота воскресенье
понеділок вівторок середа четвер пятниця п'ятниця субота неділя
الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت`)

// weekdays is the set of folded weekday names; built on first use.
var weekdays = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, w := range weekdayNames {
		out[foldWord(w)] = true
	}
	return out
})

// isWeekday reports whether s is a day of the week's name alone ("Mittwoch,").
func isWeekday(s string) bool {
	return weekdays()[foldWord(strings.Trim(s, " ,.;"))]
}

// monthConflicts are month words that mean another month in another
// language; the page's language decides, else the commoner reading does.
var monthConflicts = map[string]map[string]int{
	// "listopad" is November in Polish and Czech, October in Croatian.
	"listopad":  {"hr": 10, "bs": 10},
	"listopada": {"hr": 10, "bs": 10},
}

// months maps a folded month word to its number (1–12); built on first
// use, not when a command that reads no page starts.
var months = sync.OnceValue(buildMonths)

func buildMonths() map[string]int {
	out := map[string]int{}
	for _, names := range monthNames {
		for i, alts := range names {
			for _, w := range strings.Fields(foldWord(alts)) {
				if _, taken := out[w]; !taken {
					out[w] = i + 1
				}
			}
		}
	}
	return out
}

// monthNumber returns the month a word names (any language, abbreviated
// or not, with or without a trailing dot), or 0. lang, the page's primary
// language, settles the few words that differ between languages.
func monthNumber(word, lang string) int {
	w := foldWord(word)
	if c, ok := monthConflicts[w]; ok {
		if m, ok := c[lang]; ok {
			return m
		}
	}
	return months()[w]
}

// foldWord lower-cases a word, drops a trailing dot and strips its
// diacritics ("Févr." → "fevr", "Μαΐου" → "μαιου").
func foldWord(s string) string {
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ı':
			b.WriteByte('i')
		case r == 'ł':
			b.WriteByte('l')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
