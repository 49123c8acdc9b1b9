package app

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/export"
)

// formatNames names the export formats in the dialog as people know them,
// in the order offered: the article formats first, then citations, the
// highlights, and the archive's own.
var formatNames = []formatName{
	{export.Markdown, "Markdown (Obsidian vault)"},
	{export.HTML, "Web pages (a folder of HTML)"},
	{export.EPUB, "E-book (EPUB)"},
	{export.PDF, "PDF document"},
	{export.BibTeX, "Citations: BibTeX"},
	{export.RIS, "Citations: RIS (Zotero, EndNote)"},
	{export.CSLJSON, "Citations: CSL-JSON"},
	{export.CSV, "Spreadsheet of the articles (CSV)"},
	{export.AnnotationsMD, "Highlights and notes: Markdown"},
	{export.AnnotationsCSV, "Highlights and notes: spreadsheet (CSV)"},
	{export.JSON, "Everything, as JSON"},
	{export.Bundle, "Clippings bundle (to move or share)"},
}

type formatName struct {
	format export.Format
	name   string
}

// exportFormatNames returns the dialog's names of the export formats, in
// order, and the format of each; a format without a name here is offered
// by its own name and description.
func exportFormatNames() ([]string, map[string]export.Format) {
	var names []string
	formats := map[string]export.Format{}
	for _, fn := range formatNames {
		names = append(names, fn.name)
		formats[fn.name] = fn.format
	}
	for _, ft := range export.Formats() {
		if !slices.ContainsFunc(formatNames, func(fn formatName) bool { return fn.format == ft }) {
			name := fmt.Sprintf("%s (%s)", export.Describe(ft), ft)
			names = append(names, name)
			formats[name] = ft
		}
	}
	return names, formats
}

// Preference keys of the export dialog: the format and folder of the
// last export.
const (
	prefExportFormat = "export.format"
	prefExportFolder = "export.folder"
)

// openScope is what the dialog exports at first: the selected rows, else
// what the list shows, named as a collection or a tag when it is one
// alone, as the whole archive when it is everything.
func openScope(selected []int64, shown archive.Selection) (scope, tag, collection string) {
	switch {
	case len(selected) > 0:
		return scopeSelection, "", ""
	case shown.IsZero():
		return scopeAll, "", ""
	case reflect.DeepEqual(shown, archive.Selection{Collection: shown.Collection}):
		return scopeCollection, "", shown.Collection
	case len(shown.Tags) == 1 && reflect.DeepEqual(shown, archive.Selection{Tags: shown.Tags}):
		return scopeTag, shown.Tags[0], ""
	}
	return scopeSearch, "", ""
}

// lastFolder is the folder an export to out wrote in: the file's, or
// the one that holds the folder written.
func lastFolder(out string) string { return filepath.Dir(filepath.Clean(out)) }
