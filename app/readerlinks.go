package app

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/internal/urlnorm"
)

// Following links: a page the archive holds opens in the reader; any
// other web page opens in the browser only after the reader asked; an
// address that is not http(s) (file:, javascript:, mailto:, …) is never
// opened, only shown to copy.

// openLink follows related link i of the article shown.
func (r *reader) openLink(i int) {
	if r.doc == nil || i < 0 || i >= len(r.doc.links) {
		return
	}
	l := r.doc.links[i]
	if l.id != 0 {
		r.show(l.id)
		return
	}
	r.askBrowser("Related link", orDefault(l.Title, l.URL), l.URL)
}

// openHref follows a link in the article's text: a link to the page
// itself (a footnote mark) scrolls to the footnote its text names; any
// other is looked up in the archive off the UI goroutine, then opens the
// stored article or asks about the browser.
func (r *reader) openHref(href, text string) {
	if r.doc != nil && urlnorm.Key(href) != "" && urlnorm.Key(href) == urlnorm.Key(r.doc.article.URL) {
		r.toFootnote(text)
		return
	}
	if webURL(href) == nil {
		r.askBrowser("Link", href, href)
		return
	}
	ctx := r.ctx
	go func() {
		id, err := r.lib.ArticleByURL(ctx, href)
		r.do(func() {
			if err == nil && id != 0 {
				r.show(id)
				return
			}
			r.askBrowser("Link", href, href)
		})
	}()
}

// toFootnote scrolls to the footnote labelled as a footnote mark's text
// says ("[1]" or "1"), if the article has one.
func (r *reader) toFootnote(mark string) {
	label := strings.Trim(mark, "[]() \u00a0")
	for i, it := range r.doc.items {
		if it.Kind == blockview.Footnote && it.Prefix > 0 && label != "" && strings.HasPrefix(it.Text, label+" ") {
			r.view.ScrollToItem(i, 0.3)
			return
		}
	}
}

// webURL returns addr parsed when it is an absolute http or https
// address with a host, nil otherwise.
func webURL(addr string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil || u.Host == "" || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return nil
	}
	return u
}

// askBrowser says that the page at addr is not in the archive and, for a
// web address, asks whether to open it in the browser; the address can be
// copied either way.
func (r *reader) askBrowser(heading, title, addr string) {
	field := widget.NewEntry()
	field.SetText(addr)
	field.OnChanged = func(string) { field.SetText(addr) } // selectable, not editable
	copyBtn := &widget.Button{Text: "Copy address", Icon: theme.ContentCopyIcon(), OnTapped: func() {
		r.clip.SetContent(addr)
	}}
	u := webURL(addr)
	note := "This page is not in the archive. Open it in your web browser?"
	if u == nil {
		note = "This is not a web address: Clippings does not open it."
	}
	content := container.NewVBox(wrappedLabel(title), field, container.NewHBox(copyBtn),
		&widget.Label{Text: note, Importance: widget.LowImportance})
	var d dialog.Dialog
	if u == nil {
		d = dialog.NewCustom(heading, "Close", content, r.win)
	} else {
		d = dialog.NewCustomConfirm(heading, "Open in browser", "Cancel", content, func(ok bool) {
			if ok {
				r.browse(u)
			}
		}, r.win)
	}
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

// browse opens u in the system's browser (the app's OpenURL unless a
// test set openURL).
func (r *reader) browse(u *url.URL) {
	open := r.openURL
	if open == nil {
		open = fyne.CurrentApp().OpenURL
	}
	if err := open(u); err != nil {
		r.showError("Could not open the browser.", err)
	}
}
