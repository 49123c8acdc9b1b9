package importer

import "time"

const (
	// minDateline is the least score of a printed date taken as the
	// article's dateline: near the headline and little else around it,
	// or labelled and classed as a date further away.
	minDateline = 5
	// minLabelled is the least score of a dateline labelled
	// "Published" or "Updated" that is little more than the date: one
	// anywhere in the page will do.
	minLabelled = 3
	// sureDateline is the score of a printed date trusted over structured
	// data that gives a later day.
	sureDateline = 7
	// minShown is the least score of a printed date that shows the
	// article's day: a date in a list of other stories, far from the
	// headline and not classed as a date, does not.
	minShown = 3
)

// score says how much a printed date looks like the article's dateline:
// near a heading (just after it, or just before it as a kicker), in an
// element classed as a date or byline, or labelled "Published" or
// "Updated".
func (d printedDate) score(heads []span) int {
	s := 0
	for _, h := range heads {
		s = max(s, nearness(d.pos, h))
	}
	for _, yes := range []bool{d.dateish, d.dateish && d.machine, d.short} {
		if yes {
			s++
		}
	}
	if d.labelPub || d.labelUp {
		s += 2
	}
	if d.original {
		s += 5 // says so wherever it stands
	}
	if d.long {
		s -= 3
	}
	return s
}

// nearness scores how near pos stands to a heading's text.
func nearness(pos int, h span) int {
	if h.start < 0 {
		return 0
	}
	switch after, before := pos-h.end, h.start-pos; {
	case after >= 0 && after <= 800, before > 0 && before <= 100, pos >= h.start && pos < h.end:
		return 4
	case before > 0 && before <= 400:
		return 3
	case after >= 0 && after <= 2500:
		return 2
	}
	return 0
}

// shownDates returns the printed dates that may show the article's day
// (see minShown).
func shownDates(found []printedDate, heads []span) []dateCand {
	var out []dateCand
	for _, d := range found {
		if d.score(heads) >= minShown {
			out = append(out, dateCand{t: d.t, alt: d.alt, src: "printed"})
		}
	}
	return out
}

// isShown reports whether the page prints t's day (or the day before or
// after: a UTC time shown in the page's zone) where a dateline may stand,
// or its address holds it.
func (c *pageDates) isShown(t time.Time) bool {
	if c.address.ok() && daysApart(t, c.address.t) <= 1 {
		return true
	}
	for _, d := range c.shown {
		if daysApart(t, d.t) <= 1 || !d.alt.IsZero() && daysApart(t, d.alt) <= 1 {
			return true
		}
	}
	return false
}

// bestPrinted returns the printed publication date and update date that
// score best (the one nearer a heading on a tie), each only when it
// scores at least minDateline (minLabelled for a labelled dateline), and all
// the publication datelines that do.
func bestPrinted(found []printedDate, heads []span) (pub, up dateCand, datelines []dateCand) {
	for _, d := range found {
		s := d.score(heads)
		if s < minDateline && !(s >= minLabelled && d.short && (d.labelPub || d.labelUp)) {
			continue
		}
		c := dateCand{t: d.t, alt: d.alt, src: "printed", score: s, labelled: d.labelPub, distance: d.distance(heads)}
		if d.labelUp {
			up = c.better(up)
		} else {
			pub = c.better(pub)
			datelines = append(datelines, c)
		}
	}
	return pub, up, datelines
}

// distance is how far a printed date stands from the nearest heading, a
// distance before it counting twice: datelines follow headlines more
// often than they precede them.
func (d printedDate) distance(heads []span) int {
	best := d.pos
	for _, h := range heads {
		switch {
		case h.start < 0:
		case d.pos >= h.end:
			best = min(best, d.pos-h.end)
		default:
			best = min(best, 2*max(0, h.start-d.pos))
		}
	}
	return best
}

// better returns the better scored of c and o; on a tie the one labelled
// as the publication date, else the one nearer the headline.
func (c dateCand) better(o dateCand) dateCand {
	switch {
	case !o.ok():
		return c
	case c.score != o.score:
		return pickIf(c.score > o.score, c, o)
	case c.labelled != o.labelled:
		return pickIf(c.labelled, c, o)
	}
	return pickIf(c.distance < o.distance, c, o)
}

// pickIf returns a when cond holds, else b.
func pickIf(cond bool, a, b dateCand) dateCand {
	if cond {
		return a
	}
	return b
}

// pick weighs the candidates (see findDates) and returns the publication
// and update dates, none after limit (the capture).
func (c *pageDates) pick(limit time.Time) (published, modified time.Time) {
	c.dropFuture(limit)
	pub := c.published.orElse(c.address).orElse(c.printed).orElse(c.weakPublished)
	if pub.ok() && pub.src != "printed" && pub.src != "address" && !c.isShown(pub.t) {
		pub = c.unshown(pub)
	}
	if pub.src != "printed" {
		pub = c.checkPrinted(pub)
	}
	if c.address.ok() && pub.ok() && pub.src != "printed" {
		// An address keeps the day of the first publication, in the
		// publisher's own zone.
		if gap := dayOf(pub.t).Sub(c.address.t); gap > 24*time.Hour || gap == 24*time.Hour && inUTC(pub.t) {
			pub = c.address
		}
	}
	mod := c.modified.orElse(c.printedMod).orElse(c.weakModified)
	if mod.ok() && pub.ok() && dayOf(mod.t).Before(dayOf(pub.t)) {
		mod = dateCand{}
	}
	if !pub.ok() && c.printedMod.ok() {
		pub = mod // the only date the page shows
	}
	return pub.t, mod.t
}

// unshown weighs a date from the page's data that the page never shows
// against the dateline it does show. The dateline wins when it is
// earlier (the data holds the day the page moved to a new system, or was
// made anew), or when another source, such as a generic <meta
// name=date>, gives its day too (the data's date is a teaser's, or the
// first draft's). A later dateline alone may be the last revision's,
// which the page's data keeps apart.
func (c *pageDates) unshown(pub dateCand) dateCand {
	d := c.printed
	switch {
	case !d.ok():
		return pub
	case dayOf(pub.t).Sub(dayOf(d.t)) > 24*time.Hour:
		return d
	case c.generic.ok() && daysApart(c.generic.t, d.t) == 0:
		return d
	}
	return pub
}

// dropFuture drops the candidates after limit (a day later, for time
// zones) or before 1900.
func (c *pageDates) dropFuture(limit time.Time) {
	bad := func(d dateCand) bool {
		return d.ok() && (dayOf(d.t).After(dayOf(limit).AddDate(0, 0, 1)) || d.t.Year() < 1900)
	}
	for _, d := range []*dateCand{&c.published, &c.modified, &c.address, &c.printed, &c.printedMod,
		&c.weakPublished, &c.weakModified, &c.generic} {
		if bad(*d) {
			*d = dateCand{}
		}
	}
	kept := c.datelines[:0]
	for _, d := range c.datelines {
		if !bad(d) {
			kept = append(kept, d)
		}
	}
	c.datelines = kept
}

// checkPrinted weighs a date from the page's data against the datelines
// it prints. A dateline on the same day confirms it; one a day off shows
// the day in the page's own zone, when the data gave UTC. Otherwise the
// best dateline wins when it is earlier (the data stamped a
// re-publication, or every save: published = modified) or labelled as the
// publication date.
func (c *pageDates) checkPrinted(pub dateCand) dateCand {
	if !pub.ok() || !c.printed.ok() {
		return pub
	}
	for _, apart := range []int{0, 1} {
		for _, d := range c.datelines {
			if !d.alt.IsZero() && daysApart(pub.t, d.alt) == 0 {
				return pub // the dateline read the other way agrees
			}
			if daysApart(pub.t, d.t) != apart {
				continue
			}
			if apart == 1 && inUTC(pub.t) {
				return d
			}
			return pub
		}
	}
	earlier := dayOf(pub.t).Sub(dayOf(c.printed.t)) > 24*time.Hour
	if earlier && (c.printed.score >= sureDateline || stamped(pub, c.modified)) ||
		c.printed.labelled && c.printed.score >= sureDateline {
		return c.printed
	}
	return pub
}

// inUTC reports whether t was given in UTC (or without a zone), so that
// its day may not be the one the page meant.
func inUTC(t time.Time) bool {
	_, off := t.Zone()
	return off == 0
}

// stamped reports whether the structured publication date is the update
// date too, as CMSs write them when they stamp each save.
func stamped(pub, mod dateCand) bool {
	return pub.src != "address" && mod.ok() && dayOf(pub.t).Equal(dayOf(mod.t))
}
