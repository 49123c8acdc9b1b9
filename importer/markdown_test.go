package importer

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

var defuddleSample = filepath.Join(sharedCorpus, "formats", "markdown", "daringfireball-iphone16e-defuddle.md")

func TestMarkdownDefuddle(t *testing.T) {
	a := mustExtract(t, defuddleSample, readShared(t, defuddleSample))
	fields := []struct{ name, got, want string }{
		{"title", a.Title, "The iPhone 16e"},
		{"byline", a.Byline, "John Gruber"},
		{"site", a.Site, "Daring Fireball"},
		{"format", a.Format, "markdown"},
		{"published", a.Published.Format(time.DateOnly), "2025-02-26"},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	text := a.Text()
	if !strings.HasPrefix(text, "I’ve spent the last six days using the iPhone 16e") {
		t.Errorf("text starts %q: the metadata block must not be text", text[:60])
	}
	for _, s := range []string{"iPhone 16e | 7.8mm | — | 9.5mm", "doesn’t just look less conspicuous", "Apple’s comparison page", "One of the most surprising aspects"} {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
	for _, s := range []string{"```", "\"title\"", "](https://", "[^1]", "*look*"} {
		if strings.Contains(text, s) {
			t.Errorf("text holds Markdown syntax %q", s)
		}
	}
	if got, want := strings.Join(a.Headings(), "|"), "What’s Missing: MagSafe, ProMotion, and Ultra Wideband (and, uh, the Other Ultra Wideband)|Pricing"; got != want {
		t.Errorf("headings = %q, want %q", got, want)
	}
	want := archive.Figure{Image: "https://daringfireball.net/misc/2025/02/iphones-16pro-16reg-16e.png", Alt: "Screenshot showing the iPhones 16 Pro, 16, and 16e side-by-side."}
	if len(a.Figures) != 1 || a.Figures[0] != want {
		t.Errorf("figures = %+v, want %+v", a.Figures, want)
	}
}

// frontMatterPage is a clipping as Obsidian Web Clipper saves one.
var frontMatterPage = `---
title: "Night trains return"
source: https://post.example.net/travel/night-trains
author:
  - "[[Jonas Weber]]"
published: 2023-10-05
created: 2024-01-12T09:30:00Z
description: Sleeper routes are back between a dozen capitals.
tags:
  - clippings
  - rail
---
# Night trains return

For most of the last two decades, Europe's night trains were being *cut*, not added &amp; nobody \*cared\*.

![A sleeper carriage](https://post.example.net/img/sleeper.jpg)
*The new carriages have showers. Photo: Jane Doe/Reuters*

## Who is travelling

> Families, mostly, said the operator.

1. Vienna to Paris
   - three nights a week
2. Zurich to Amsterdam

` + "```\ncode stays as it is *here*\n```\n"

func TestMarkdownFrontMatter(t *testing.T) {
	a := mustExtract(t, "night.md", []byte(frontMatterPage))
	fields := []struct{ name, got, want string }{
		{"title", a.Title, "Night trains return"},
		{"url", a.URL, "https://post.example.net/travel/night-trains"},
		{"byline", a.Byline, "Jonas Weber"},
		{"subtitle", a.Standfirst, "Sleeper routes are back between a dozen capitals."},
		{"published", a.Published.Format(time.DateOnly), "2023-10-05"},
		{"captured", a.Captured.Format(time.RFC3339), "2024-01-12T09:30:00Z"},
		{"tags", strings.Join(a.Tags, ","), "clippings,rail"},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	var got []string
	for _, b := range a.Blocks {
		got = append(got, string(b.Kind)+":"+b.Text)
	}
	want := []string{
		"p:For most of the last two decades, Europe's night trains were being cut, not added & nobody *cared*.",
		"figure:", "h:Who is travelling", "quote:Families, mostly, said the operator.",
		"li:Vienna to Paris", "li:three nights a week", "li:Zurich to Amsterdam", "pre:code stays as it is *here*",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(a.Blocks) > 5 && (a.Blocks[5].Level != 2 || a.Blocks[5].Ordered || !a.Blocks[4].Ordered) {
		t.Errorf("list levels: %+v %+v", a.Blocks[4], a.Blocks[5])
	}
	wantFig := archive.Figure{Image: "https://post.example.net/img/sleeper.jpg", Alt: "A sleeper carriage",
		Caption: "The new carriages have showers.", Credit: "Photo: Jane Doe/Reuters"}
	if len(a.Figures) != 1 || a.Figures[0] != wantFig {
		t.Errorf("figures = %+v, want %+v", a.Figures, wantFig)
	}
}

func TestMarkdownNoMetadata(t *testing.T) {
	pic := testPNG(t, 48, 48)
	page := "# A plain note\n\nSome **bold** words and a [link](https://example.com/).\n\n![chart](" + dataURI("image/png", pic) + " \"Sales by year\")\n"
	c, err := Extract("note.md", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	a := c.Articles[0]
	if a.Title != "A plain note" || a.Text() != "Some bold words and a link." {
		t.Errorf("title %q, text %q", a.Title, a.Text())
	}
	if len(a.Figures) != 1 || a.Figures[0].Caption != "Sales by year" || a.Figures[0].ImageSHA != shaOf(pic) {
		t.Fatalf("figures = %+v, want the inlined chart with its title as caption", a.Figures)
	}
	if len(c.Images) != 1 || c.Images[0].SHA256 != shaOf(pic) {
		t.Errorf("capture images = %d, want the chart", len(c.Images))
	}
}

func TestMarkdownErrors(t *testing.T) {
	for name, page := range map[string]string{
		"OnlyFrontMatter": "---\ntitle: x\n---\n",
		"OnlyMetadata":    "```json\n{\"title\": \"x\"}\n```\n",
		"OnlyRule":        "---\n\n***\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Extract("a.md", []byte(page)); err == nil {
				t.Error("no error for a Markdown file without text")
			}
		})
	}
}

func TestMarkdownDeepNesting(t *testing.T) {
	page := "# Deep\n\n" + strings.Repeat("> ", 5000) + "the quoted words\n\n" + strings.Repeat("- ", 5000) + "an item\n"
	start := time.Now()
	a := mustExtract(t, "deep.md", []byte(page))
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	if !strings.Contains(a.Text(), "the quoted words") || !strings.Contains(a.Text(), "an item") {
		t.Errorf("text = %q, want the deep quote and item kept", a.Text())
	}
	if got, _ := limitMarkdown([]byte(strings.Repeat("> ", 40) + "x")); string(got) != strings.Repeat("> ", 32)+"x" {
		t.Errorf("limitMarkdown kept %d marks, want 32", strings.Count(string(got), ">"))
	}
}
