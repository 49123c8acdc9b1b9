package app

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
)

// Sidebar node IDs: a section ("sec:…") or an entry ("lib:…", "col:ID",
// "saved:NAME", "tag:NAME", "site:NAME").
const (
	secLibrary     = "sec:library"
	secCollections = "sec:collections"
	secSaved       = "sec:saved"
	secTags        = "sec:tags"
	secSites       = "sec:sites"
	nodeAll        = "lib:all"
	nodeUnread     = "lib:unread"
	nodeStarred    = "lib:starred"
	nodeRecent     = "lib:recent"
)

// sidebarNode is an entry of the sidebar: its label, its count (-1 for
// none) and what the list shows when it is chosen, in which order.
type sidebarNode struct {
	label string
	count int
	sel   archive.Selection
	order listOrder
}

// sidebarData is what the sidebar shows: its entries and their children.
type sidebarData struct {
	nodes    map[string]sidebarNode
	children map[string][]string
}

// sidebar is the left pane: the library's views, collections, saved
// searches, the tag tree and the sites, each with its count. Choosing one
// sets the list's scope.
type sidebar struct {
	env
	lib sidebarSource
	// onChoose shows an entry's articles in the list: what it selects and
	// the order they come in; onNewCollection asks for a new collection.
	onChoose        func(sel archive.Selection, order listOrder)
	onNewCollection func()

	tree   *widget.Tree
	data   sidebarData
	chosen string
	loads  int                          // reloads started; only the last one's result is applied
	shown  map[fyne.CanvasObject]string // the entry each node object shows
}

// sidebarSource is what the sidebar reads of the archive.
type sidebarSource interface {
	Count(ctx context.Context) (int, error)
	SelectCount(ctx context.Context, sel archive.Selection) (int, error)
	Collections(ctx context.Context) ([]archive.Collection, error)
	SavedSearches(ctx context.Context) ([]archive.SavedSearch, error)
	Tags(ctx context.Context) ([]archive.TagCount, error)
	SelectFacets(ctx context.Context, sel archive.Selection) (*archive.Facets, error)
}

func (s *sidebar) buildUI() fyne.CanvasObject {
	s.data = baseSidebar()
	s.tree = &widget.Tree{ChildUIDs: s.childIDs, IsBranch: s.isBranch, CreateNode: s.createNode,
		UpdateNode: s.updateNode}
	s.tree.ExtendBaseWidget(s.tree)
	s.tree.OpenBranch(secLibrary)
	s.tree.OpenBranch(secCollections)
	s.tree.OpenBranch(secSaved)
	s.tree.OpenBranch(secTags)
	s.chosen = nodeRecent
	s.tree.Select(nodeRecent) // what the list shows at first
	s.tree.OnSelected = s.selected
	add := &widget.Button{Text: "New collection…", Icon: theme.ContentAddIcon(), Importance: widget.LowImportance,
		OnTapped: s.onNewCollection}
	return container.New(&minWidthLayout{width: s.minWidth()}, container.NewBorder(nil, add, nil, nil, s.tree))
}

// minWidth is the narrowest the sidebar gets, however small the window:
// the Library's entries and the sections' names whole, beside a count of
// four digits, at their indent in the tree (Fyne's Tree lays a node out
// at padding, indent, the branch icon, padding).
func (s *sidebar) minWidth() float32 {
	pad, icon := theme.Padding(), theme.IconInlineSize()
	count := (&widget.Label{Text: "0000", SizeName: theme.SizeNameCaptionText}).MinSize().Width
	width := float32(0)
	for depth, ids := range [][]string{s.data.children[""], s.data.children[secLibrary]} {
		for _, id := range ids {
			name := &widget.Label{Text: s.data.nodes[id].label, TextStyle: fyne.TextStyle{Bold: depth == 0}}
			indent := float32(depth) * (icon + pad)
			width = max(width, pad+indent+icon+pad+name.MinSize().Width+count)
		}
	}
	return width + pad // the tree's scroll bar
}

// minWidthLayout stacks its objects, at least width wide.
type minWidthLayout struct{ width float32 }

func (l *minWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *minWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(l.width, 0)
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// baseSidebar is the sidebar before anything is loaded.
func baseSidebar() sidebarData {
	d := sidebarData{nodes: map[string]sidebarNode{
		secLibrary:     {label: "Library", count: -1},
		secCollections: {label: "Collections", count: -1},
		secSaved:       {label: "Saved searches", count: -1},
		secTags:        {label: "Tags", count: -1},
		secSites:       {label: "Sites", count: -1},
		nodeAll:        {label: "All articles", count: -1, order: orderNewest},
		nodeUnread:     {label: "Unread", count: -1, sel: archive.Selection{Unread: true}, order: orderNewest},
		nodeStarred:    {label: "Starred", count: -1, sel: archive.Selection{Starred: true}, order: orderNewest},
		nodeRecent:     {label: "Recently added", count: -1, order: orderAdded},
	}, children: map[string][]string{
		"":         {secLibrary, secCollections, secSaved, secTags, secSites},
		secLibrary: {nodeRecent, nodeAll, nodeUnread, nodeStarred},
	}}
	return d
}

func (s *sidebar) childIDs(id widget.TreeNodeID) []widget.TreeNodeID { return s.data.children[id] }

func (s *sidebar) isBranch(id widget.TreeNodeID) bool {
	return strings.HasPrefix(id, "sec:") || len(s.data.children[id]) > 0
}

func (s *sidebar) createNode(bool) fyne.CanvasObject {
	count := &widget.Label{Text: "0", SizeName: theme.SizeNameCaptionText}
	name := &widget.Label{Text: "Name", Truncation: fyne.TextTruncateEllipsis}
	return container.NewBorder(nil, nil, nil, count, name)
}

func (s *sidebar) updateNode(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	if s.shown == nil {
		s.shown = map[fyne.CanvasObject]string{}
	}
	s.shown[o] = id
	name, count := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
	n := s.data.nodes[id]
	name.TextStyle.Bold = strings.HasPrefix(id, "sec:")
	name.SetText(n.label)
	shown := count.Visible()
	if n.count >= 0 {
		count.SetText(strconv.Itoa(n.count))
		count.Show()
	} else {
		count.Hide()
	}
	if shown != count.Visible() || n.count >= 0 {
		c.Refresh() // lay the row out again: the count's width changed
	}
}

// collectionAt returns the collection whose entry is drawn at pos (on
// the window's canvas), if any: where rows dragged from the list go.
func (s *sidebar) collectionAt(pos fyne.Position) (int64, bool) {
	d := fyne.CurrentApp().Driver()
	if !within(pos, d.AbsolutePositionForObject(s.tree), s.tree.Size()) {
		return 0, false // over a node scrolled out of sight, or elsewhere
	}
	for o, id := range s.shown {
		col, isCol := strings.CutPrefix(id, "col:")
		if !isCol || !o.Visible() || !within(pos, d.AbsolutePositionForObject(o), o.Size()) {
			continue
		}
		n, err := strconv.ParseInt(col, 10, 64)
		return n, err == nil
	}
	return 0, false
}

// within reports whether pos lies in the rectangle at origin of size.
func within(pos, origin fyne.Position, size fyne.Size) bool {
	return pos.X >= origin.X && pos.Y >= origin.Y && pos.X < origin.X+size.Width && pos.Y < origin.Y+size.Height
}

// selected shows the entry's articles in the list; a section only opens.
func (s *sidebar) selected(id widget.TreeNodeID) {
	n, ok := s.data.nodes[id]
	if !ok || strings.HasPrefix(id, "sec:") {
		s.tree.ToggleBranch(id)
		s.tree.Select(s.chosen)
		return
	}
	s.chosen = id
	s.onChoose(n.sel, n.order)
}

// reload loads the counts, collections, saved searches, tags and sites
// again, in the background. A reload that finishes after a later one
// started is dropped: what it read may be older.
func (s *sidebar) reload() {
	lib := s.lib
	s.loads++
	n := s.loads
	go func() {
		d, err := loadSidebar(s.ctx, lib)
		s.do(func() {
			if n == s.loads {
				s.apply(d, err)
			}
		})
	}()
}

func (s *sidebar) apply(d sidebarData, err error) {
	if err != nil {
		s.log.Warn("load sidebar", "err", err)
		return
	}
	s.data = d
	if _, ok := d.nodes[s.chosen]; !ok { // the entry shown went (a tag deleted)
		s.chosen = nodeRecent
		s.selected(nodeRecent)
	}
	s.tree.Refresh()
}

// loadSidebar reads what the sidebar shows. It runs off the UI goroutine.
func loadSidebar(ctx context.Context, lib sidebarSource) (sidebarData, error) {
	d := baseSidebar()
	total, err := lib.Count(ctx)
	if err != nil {
		return d, err
	}
	setCount(d, nodeAll, total)
	setCount(d, nodeRecent, total)
	for _, id := range []string{nodeUnread, nodeStarred} {
		n, err := lib.SelectCount(ctx, d.nodes[id].sel)
		if err != nil {
			return d, err
		}
		setCount(d, id, n)
	}
	cols, err := lib.Collections(ctx)
	if err != nil {
		return d, err
	}
	addCollections(d, cols)
	saved, err := lib.SavedSearches(ctx)
	if err != nil {
		return d, err
	}
	for _, ss := range saved {
		id := "saved:" + ss.Name
		d.nodes[id] = sidebarNode{label: ss.Name, count: -1, sel: archive.Selection{Saved: ss.Name}, order: orderNewest}
		d.children[secSaved] = append(d.children[secSaved], id)
	}
	tags, err := lib.Tags(ctx)
	if err != nil {
		return d, err
	}
	addTags(d, tags)
	facets, err := lib.SelectFacets(ctx, archive.Selection{})
	if err != nil {
		return d, err
	}
	for _, f := range facets.Sites {
		id := "site:" + f.Value
		d.nodes[id] = sidebarNode{label: f.Value, count: f.Count, sel: archive.Selection{Site: f.Value}, order: orderNewest}
		d.children[secSites] = append(d.children[secSites], id)
	}
	return d, nil
}

// addCount changes the count of entry id by delta (an article was read).
func (s *sidebar) addCount(id string, delta int) {
	if n, ok := s.data.nodes[id]; ok && n.count >= 0 {
		setCount(s.data, id, max(n.count+delta, 0))
		s.tree.RefreshItem(id)
	}
}

func setCount(d sidebarData, id string, n int) {
	node := d.nodes[id]
	node.count = n
	d.nodes[id] = node
}

// addCollections adds collections, nested, each counting its articles
// and those of the collections inside it (as collection: finds them).
func addCollections(d sidebarData, cols []archive.Collection) {
	parents := map[int64]int64{}
	for _, c := range cols { // tree order: a parent before its children
		id := fmt.Sprintf("col:%d", c.ID)
		d.nodes[id] = sidebarNode{label: c.Name, count: 0, sel: archive.Selection{Collection: c.Path}, order: orderCollection}
		parent := secCollections
		if c.ParentID != 0 {
			parent = fmt.Sprintf("col:%d", c.ParentID)
		}
		parents[c.ID] = c.ParentID
		d.children[parent] = append(d.children[parent], id)
	}
	for _, c := range cols {
		for p := c.ID; p != 0; p = parents[p] {
			n := d.nodes[fmt.Sprintf("col:%d", p)]
			n.count += c.Count
			d.nodes[fmt.Sprintf("col:%d", p)] = n
		}
	}
}

// addTags adds the tag tree: korea/diplomacy below korea, each with the
// articles of the tag and those below it.
func addTags(d sidebarData, tags []archive.TagCount) {
	sort.Slice(tags, func(i, j int) bool { return strings.ToLower(tags[i].Name) < strings.ToLower(tags[j].Name) })
	for _, t := range tags {
		id := "tag:" + t.Name
		label := t.Name
		parent := secTags
		if i := strings.LastIndex(t.Name, "/"); i >= 0 {
			label = t.Name[i+1:]
			if _, ok := d.nodes["tag:"+t.Name[:i]]; ok {
				parent = "tag:" + t.Name[:i]
			} else {
				label = t.Name
			}
		}
		d.nodes[id] = sidebarNode{label: label, count: t.Total, sel: archive.Selection{Tags: []string{t.Name}}, order: orderNewest}
		d.children[parent] = append(d.children[parent], id)
	}
}
