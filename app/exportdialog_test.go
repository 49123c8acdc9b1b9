package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clippings/clippings/export"
)

func TestExportDialog(t *testing.T) {
	u, q := newFilledUI(t)
	dir := t.TempDir()
	formatName := func(f export.Format) string {
		for name, ft := range u.exports.form.formats {
			if ft == f {
				return name
			}
		}
		t.Fatalf("no format %s in the dialog", f)
		return ""
	}
	t.Run("Selection", func(t *testing.T) {
		click(rowWidget(t, u, 0), 0)
		click(rowWidget(t, u, 1), ctrlMod)
		u.exports.chooseScope()
		f := u.exports.form
		if got, want := f.scope.Selected, scopeSelection; got != want {
			t.Errorf("scope = %q, want %q", got, want)
		}
		f.format.SetSelected(formatName(export.CSV))
		if !strings.HasSuffix(f.out.Text, ".csv") {
			t.Errorf("output %q, want a .csv file", f.out.Text)
		}
		out := filepath.Join(dir, "selection.csv")
		f.out.SetText(out)
		tapButton(t, u, "Export")
		waitFor(t, q, "the export", func() bool { return containsText(overlayTexts(u), "Exported 2 articles") })
		rows := readCSV(t, out)
		if got, want := len(rows), 3; got != want {
			t.Errorf("CSV has %d rows, want a header and 2 articles", got)
		}
	})
	t.Run("Tag", func(t *testing.T) {
		u.win.Canvas().Overlays().Top().Hide()
		ids := u.list.selectedIDs()
		if _, err := u.lib.AddTags(context.Background(), ids[:1], "export-me"); err != nil {
			t.Fatal(err)
		}
		u.tagsChanged()
		q.drain()
		u.list.clearSelection()
		u.exports.chooseScope()
		f := u.exports.form
		waitFor(t, q, "the tags", func() bool { f.tag.Options = u.tags; return len(u.tags) > 0 })
		f.tag.SetSelected("export-me")
		if got := f.scope.Selected; got != scopeTag {
			t.Errorf("choosing a tag leaves the scope %q", got)
		}
		f.format.SetSelected(formatName(export.BibTeX))
		out := filepath.Join(dir, "tag.bib")
		f.out.SetText(out)
		tapButton(t, u, "Export")
		waitFor(t, q, "the export", func() bool { return containsText(overlayTexts(u), "Exported 1 article") })
		data, err := os.ReadFile(out)
		if err != nil || strings.Count(string(data), "@") != 1 {
			t.Errorf("BibTeX = %q, %v; want one entry", data, err)
		}
	})
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestExportDialogOpensOnWhatIsShown opens the dialog on a collection
// chosen in the sidebar: it exports that collection, offers formats by
// the names people use, and remembers the last format and folder.
func TestExportDialogOpensOnWhatIsShown(t *testing.T) {
	u, q := newFilledUI(t)
	ctx := context.Background()
	col, err := u.lib.CreateCollection(ctx, 0, "Reading")
	if err != nil {
		t.Fatal(err)
	}
	r, _ := u.list.cur.row(0)
	if _, err := u.lib.AddToCollection(ctx, col, r.id); err != nil {
		t.Fatal(err)
	}
	u.sidebar.reload()
	node := fmt.Sprintf("col:%d", col)
	waitFor(t, q, "the collection in the sidebar", func() bool { _, ok := u.sidebar.data.nodes[node]; return ok })
	u.sidebar.tree.Select(node)
	waitFor(t, q, "the collection's list", func() bool { return u.list.next == nil && u.list.cur.sel.Collection == "Reading" })

	u.exports.chooseScope()
	f := u.exports.form
	waitFor(t, q, "the collection chosen", func() bool { return f.collection.Selected == "Reading" })
	if f.scope.Selected != scopeCollection {
		t.Errorf("scope %q, want %q", f.scope.Selected, scopeCollection)
	}
	if got, want := f.format.Selected, "Markdown (Obsidian vault)"; got != want {
		t.Errorf("format %q at first, want %q", got, want)
	}
	for _, name := range f.format.Options {
		if strings.Contains(name, "docs/") || strings.Contains(name, "—") {
			t.Errorf("format offered as %q", name)
		}
	}
	dir := t.TempDir()
	f.format.SetSelected("Citations: BibTeX")
	f.out.SetText(filepath.Join(dir, "reading.bib"))
	tapButton(t, u, "Export")
	waitFor(t, q, "the export", func() bool { return containsText(overlayTexts(u), "Exported 1 article") })
	u.win.Canvas().Overlays().Top().Hide()

	u.sidebar.tree.Select(nodeAll)
	waitFor(t, q, "every article", func() bool { return u.list.next == nil && u.list.cur.sel.IsZero() })
	u.exports.chooseScope()
	f = u.exports.form
	if f.scope.Selected != scopeAll || f.format.Selected != "Citations: BibTeX" || filepath.Dir(f.out.Text) != dir {
		t.Errorf("the dialog opens on %q, %q to %q; want %q, the last format and folder %s",
			f.scope.Selected, f.format.Selected, f.out.Text, scopeAll, dir)
	}
}
