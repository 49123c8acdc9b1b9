#!/usr/bin/env python3
"""Checks of scripts/export-check.sh that need a parser: each prints one
line and exits 1 on failure.

  export-check.py pdf|ris|csv|json|html|markdown OUT N   the export of N articles in OUT
  export-check.py same A.json B.json                     two JSON exports are the same
  export-check.py links OUT N                            the body's links and tables (HTML, Markdown)
"""
import csv
import html.parser
import json
import os
import re
import subprocess
import sys
import urllib.parse


def fail(msg):
    print(msg)
    sys.exit(1)


def titles(out):
    """The titles of the exported articles, from the JSON export."""
    with open(os.path.join(out, "json.json"), encoding="utf-8") as f:
        return [a["title"] or "Untitled" for a in json.load(f)["articles"]]


def squash(s):
    # pdftotext joins a line ending in "-" to the next one, dropping the
    # hyphen, so hyphens are left out of the comparison like white space.
    return re.sub(r"[\s\-\u2010\u2011]+", "", s)


def check_pdf(out, n):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", os.path.join(out, "pdf.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    # A title may run across a page break: drop the page-number footers first.
    flat = squash(re.sub(r"^\s*\d+ ?/ ?\d+\s*$", "", text, flags=re.M))
    # A character found nowhere in the PDF was left out: for want of a font
    # (emoji; the export says so in a note) or as a control character
    # (cleanText). Titles are compared without those.
    present = set(flat)
    shown = {t: "".join(c for c in squash(t) if c in present) for t in titles(out)}
    missing = [t for t, s in shown.items() if s not in flat]
    cut = sum(s != squash(t) for t, s in shown.items())
    pages = len(re.findall(r"^\s*\d+ ?/ ?\d+\s*$", text, re.M))
    if missing:
        fail(f"{len(missing)} titles of {n} not in pdftotext's text, e.g. {missing[:3]}")
    print(f"pdftotext gives back all {n} titles ({cut} without characters left out), "
          f"{len(text.split())} words, {pages} numbered pages")


def check_ris(out, n):
    with open(os.path.join(out, "ris.ris"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    starts = sum(l.startswith("TY  - ") for l in lines)
    ends = sum(l.startswith("ER  - ") for l in lines)
    bad = [l for l in lines if l and not re.match(r"^[A-Z][A-Z0-9]  - ", l)]
    if starts != n or ends != n or bad:
        fail(f"{starts} TY, {ends} ER for {n} articles; {len(bad)} malformed lines {bad[:2]}")
    print(f"{n} records, every line TAG  - value")


def check_csv(out, n):
    columns = 0
    for name, want in (("csv.csv", n), ("annotations-csv.csv", None)):
        with open(os.path.join(out, name), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        if len({len(r) for r in rows}) != 1:
            fail(f"{name}: rows of different lengths")
        if want is not None and len(rows) - 1 != want:
            fail(f"{name}: {len(rows) - 1} rows for {want} articles")
        columns = columns or len(rows[0])
    print(f"{n} rows of {columns} columns; annotations CSV parses")


def check_json(out, n):
    with open(os.path.join(out, "json.json"), encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("format") != "clippings-export" or len(doc["articles"]) != n:
        fail(f"format {doc.get('format')}, {len(doc['articles'])} articles for {n}")
    keys = {a["key"] for a in doc["articles"]}
    if len(keys) != n:
        fail("citation keys are not unique")
    print(f"{n} articles, {len(doc['originals'])} originals, {len(doc['images'])} images")


class Refs(html.parser.HTMLParser):
    """Collects what an HTML page must not have and the files it refers to."""

    def __init__(self):
        super().__init__()
        self.bad, self.refs = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "base", "form"):
            self.bad.append(f"<{tag}>")
        for k, v in attrs:
            v = v or ""
            if k.startswith("on") or k == "style":
                self.bad.append(f"{k}=")
            if tag == "a" and k == "href" and re.match(r"^https?://[^/\s]", v, re.I):
                continue  # a link to a web page (check_links counts them)
            if k in ("src", "href", "srcset", "poster", "data", "action"):
                if re.match(r"^\s*([a-z][a-z0-9+.-]*:|//)", v, re.I):
                    self.bad.append(f"{k}={v[:40]}")
                else:
                    self.refs.append(urllib.parse.unquote(v.split("#")[0]))


def check_html(out, n):
    root = os.path.join(out, "html")
    pages = [p for p in os.listdir(root) if p.endswith(".html")]
    if len(pages) != n + 1:
        fail(f"{len(pages)} pages for {n} articles and the index")
    refs = 0
    for p in pages:
        r = Refs()
        with open(os.path.join(root, p), encoding="utf-8") as f:
            r.feed(f.read())
        if r.bad:
            fail(f"{p}: {r.bad[:3]}")
        for ref in r.refs:
            if ref and not os.path.isfile(os.path.join(root, ref)):
                fail(f"{p}: {ref} does not exist")
        refs += len(r.refs)
    print(f"{len(pages)} pages, no script, handler, style or remote address; {refs} local links resolve")


def check_markdown(out, n):
    root = os.path.join(out, "markdown")
    notes = [p for p in os.listdir(root) if p.endswith(".md")]
    if len(notes) != n + 1:
        fail(f"{len(notes)} notes for {n} articles and the index")
    images = 0
    for p in notes:
        with open(os.path.join(root, p), encoding="utf-8") as f:
            text = f.read()
        if p != "index.md" and not re.match(r"^---\n(.*\n)*?---\n", text):
            fail(f"{p}: no YAML front matter")
        for ref in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
            images += 1
            if not os.path.isfile(os.path.join(root, ref)):
                fail(f"{p}: image {ref} missing")
    print(f"{len(notes)} notes with front matter; {images} image links resolve")


class Links(html.parser.HTMLParser):
    """Collects the href of links and counts tables."""

    def __init__(self):
        super().__init__()
        self.hrefs, self.tables = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [v or "" for k, v in attrs if k == "href"]
        self.tables += tag == "table"


PIPE_RULE = re.compile(r"^\|( *:?-{3,}:? *\|)+ *$", re.M)


def check_links(out, n):
    """The body's links and tables: in the HTML folder every link goes to a
    web page (http, https) or to a file of the folder that exists; in the
    Markdown folder pandoc reads every pipe table as a table."""
    root = os.path.join(out, "html")
    web = local = tables = 0
    for p in sorted(os.listdir(root)):
        if not p.endswith(".html"):
            continue
        r = Links()
        with open(os.path.join(root, p), encoding="utf-8") as f:
            r.feed(f.read())
        tables += r.tables
        for h in r.hrefs:
            if re.match(r"^https?://[^/\s]", h, re.I):
                web += 1
            elif re.match(r"^\s*([a-z][a-z0-9+.-]*:|//)", h, re.I):
                fail(f"{p}: a link to {h[:60]}")
            elif not os.path.isfile(os.path.join(root, urllib.parse.unquote(h.split("#")[0]))):
                fail(f"{p}: a link to {h}, not in the folder")
            else:
                local += 1
    if web == 0:
        fail("no link to a web page in the HTML folder (not even the articles' addresses)")
    md = os.path.join(out, "markdown")
    pipes = read = notes = 0
    for p in sorted(os.listdir(md)):
        if not p.endswith(".md"):
            continue
        with open(os.path.join(md, p), encoding="utf-8") as f:
            want = len(PIPE_RULE.findall(f.read()))
        if want == 0:
            continue
        notes += 1
        pipes += want
        html_out = subprocess.run(["pandoc", "-f", "markdown", "-t", "html", os.path.join(md, p)],
                                  check=True, capture_output=True, text=True).stdout
        got = html_out.count("<table")
        if got < want:
            fail(f"{p}: pandoc reads {got} of its {want} pipe tables as tables")
        read += got
    print(f"HTML: {web} links to web pages, {local} between files (all there), {tables} tables; "
          f"Markdown: {pipes} pipe tables in {notes} notes, pandoc reads {read} tables")


def same(a, b):
    with open(a, "rb") as f:
        x = f.read()
    with open(b, "rb") as f:
        y = f.read()
    if x == y:
        print(f"identical JSON ({len(x)} bytes)")
        return
    dx, dy = json.loads(x), json.loads(y)
    for d in (dx, dy):
        for art in d["articles"]:
            for an in art["annotations"]:
                an.pop("created", None), an.pop("modified", None)
    if dx == dy:
        fail("the JSON differs only in annotation times: the archive did not restore them")
    for i, (p, q) in enumerate(zip(dx["articles"], dy["articles"])):
        if p != q:
            fail(f"article {i + 1} ({p['key']}) differs")
    fail(f"documents differ: {len(dx['articles'])} and {len(dy['articles'])} articles, "
         f"collections equal: {dx['collections'] == dy['collections']}")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "same":
        return same(sys.argv[2], sys.argv[3])
    if len(sys.argv) == 4 and sys.argv[1] == "links":
        return check_links(sys.argv[2], int(sys.argv[3]))
    if len(sys.argv) != 4:
        fail(__doc__)
    kind, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"pdf": check_pdf, "ris": check_ris, "csv": check_csv, "json": check_json,
     "html": check_html, "markdown": check_markdown}[kind](out, n)


if __name__ == "__main__":
    main()
