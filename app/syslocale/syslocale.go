// Package syslocale reads "C.UTF-8" (the default locale of Debian and
// Ubuntu containers and servers) as the C locale it is before Fyne looks
// at it. Fyne's lang package reads the locale when it is initialised and
// cannot parse "C.UTF-8" as a language, so every run of the binary, the
// command line included, printed "Fyne error: Error parsing user locale
// C" on stderr.
//
// The fix has to run before Fyne's lang package is initialised. Go
// initialises packages in import-path order among those whose imports are
// ready (the Go specification, "Package initialization"); this package
// imports only os and strings, which the locale reader Fyne uses
// (github.com/jeandeaual/go-locale) also imports, and its path sorts
// before that reader's, so it always runs first. The app package imports
// it for its side effect.
package syslocale

import (
	"os"
	"strings"
)

func init() { cLocale(os.Getenv, os.Setenv) }

// cLocale sets LC_MESSAGES to "C" when the messages' locale comes from
// LANG and LANG is the C or POSIX locale with an encoding ("C.UTF-8"):
// the same messages' locale, in the spelling the reader understands.
func cLocale(getenv func(string) string, setenv func(string, string) error) {
	if getenv("LC_ALL") != "" || getenv("LC_MESSAGES") != "" {
		return
	}
	lang, _, hasEncoding := strings.Cut(getenv("LANG"), ".")
	if hasEncoding && (lang == "C" || lang == "POSIX") {
		_ = setenv("LC_MESSAGES", "C") // only fails on an invalid name
	}
}
