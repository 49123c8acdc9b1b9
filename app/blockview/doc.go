// Package blockview is the reader's article widget: a virtualised,
// selectable column of text blocks, tables, images and captions. View
// draws only the items in view, lays its text out itself (so that it
// knows where every character is), lets the user select text across
// items with the mouse or the keyboard, and draws highlights behind it.
// Runs of text can be links (tapped, they go to View.OnHref), emphasis,
// code, sub- or superscripts (spans.go); a table is a grid that scrolls
// sideways when too wide (table.go). It knows nothing
// of the archive or of the window's screens: the caller turns an article
// into Items and Marks, and hears back through the View's callbacks.
package blockview
