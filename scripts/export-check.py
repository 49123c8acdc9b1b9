#!/usr/bin/env python3
"""Checks of scripts/export-check.sh that need a parser: each prints one
line and exits 1 on failure.

  export-check.py pdf|pdffonts|ris|csv|json|html|markdown OUT N   the export of N articles in OUT
  export-check.py cjk|rtl OUT 0           OUT/cjk.pdf, OUT/rtl.pdf against their JSON exports
  export-check.py samekey|citeproc|references|risparse|zotero OUT N   keys of two exports, pandoc --citeproc,
      Clippings' references against pandoc's, bibutils' RIS and BibTeX readers
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
import unicodedata
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


def pdftotext(path):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                          check=True, capture_output=True, text=True).stdout
    # pdftotext marks right-to-left runs with bidi controls: not text.
    return re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)


def article_texts(path):
    """(title, [title, standfirst, blocks…]) of each article of a JSON export."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    for a in doc["articles"]:
        yield a["title"], [a.get("title") or "", a.get("subtitle") or ""] + \
            [b.get("text", "") for b in a.get("blocks", []) if b.get("kind") != "figure"]


CJK = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def check_cjk(out, _):
    flat = "".join(CJK.findall(pdftotext(os.path.join(out, "cjk.pdf"))))
    chars, missing, articles = 0, [], 0
    for title, parts in article_texts(os.path.join(out, "cjk.json")):
        articles += 1
        for p in parts:
            want = "".join(CJK.findall(p))
            chars += len(want)
            if want and want not in flat:
                missing.append(f"{title[:30]}: {p[:40]}")
    if not chars or missing:
        fail(f"{len(missing)} blocks whose CJK characters pdftotext does not give back in order, e.g. {missing[:2]}")
    fonts = subprocess.run(["pdffonts", os.path.join(out, "cjk.pdf")], check=True, capture_output=True, text=True).stdout
    names = sorted({l.split()[0].split("+")[-1] for l in fonts.splitlines()[2:]})
    if [x for x in names if not x.startswith(("NotoSansCJK", "Go"))]:
        fail(f"fonts other than Noto Sans CJK and Go: {names}")
    print(f"{articles} articles: all {chars} CJK characters in order, fonts {', '.join(names)}")


def words(s):
    """Letters, marks and digits of s in order, without spaces (pdftotext may
    move a space between a number and a right-to-left word)."""
    return "".join(c for c in s if c.isalnum() or unicodedata.category(c) == "Mn")


def check_rtl(out, _):
    flat = words(pdftotext(os.path.join(out, "rtl.pdf")))
    blocks, missing, articles = 0, [], 0
    for title, parts in article_texts(os.path.join(out, "rtl.json")):
        articles += 1
        for p in parts:
            if words(p):
                blocks += 1
                if words(p) not in flat:
                    missing.append(f"{title[:30]}: {p[:40]}")
    if articles < 2 or missing:
        fail(f"{articles} articles; {len(missing)} blocks out of reading order, e.g. {missing[:2]}")
    print(f"{articles} articles, {blocks} blocks in reading order")


def check_pdffonts(out, n):
    fonts = subprocess.run(["pdffonts", os.path.join(out, "pdf.pdf")], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    bad = [r for r in rows if not re.match(r"^[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes yes yes", r)]
    if not rows or bad:
        fail(f"{len(bad)} of {len(rows)} fonts not embedded subsets with a Unicode map: {bad[:2]}")
    print(f"{len(rows)} fonts, all embedded subsets (CID Type 0C) with ToUnicode maps")


def bib_keys(path):
    with open(path, encoding="utf-8") as f:
        return re.findall(r"^@\w+\{([^,\s]+),", f.read(), re.M)


def check_samekey(out, n):
    """An article has one key: the BibTeX of a smaller selection
    (part.bib), the BibTeX and the JSON of every article give it the same."""
    with open(os.path.join(out, "json.json"), encoding="utf-8") as f:
        by_key = {a["key"]: a["title"] for a in json.load(f)["articles"]}
    by_title = {}
    for k, t in by_key.items():
        by_title.setdefault(t, set()).add(k)
    full, part = bib_keys(os.path.join(out, "bibtex.bib")), bib_keys(os.path.join(out, "part.bib"))
    if sorted(full) != sorted(by_key):
        fail(f"the BibTeX and the JSON of the same articles have other keys: {sorted(set(full) ^ set(by_key))[:5]}")
    if not part or len(part) >= len(full):
        fail(f"part.bib has {len(part)} entries, the full export {len(full)}")
    differ = [k for k in part if k not in by_key]
    if differ:
        fail(f"{len(differ)} of {len(part)} keys of the smaller export are not in the full one, e.g. {differ[:3]}")
    print(f"{len(part)} articles of a smaller export have the keys of the full BibTeX and JSON ({n}), "
          f"e.g. {part[0]}; {sum(1 for k in by_key if k.startswith('anon'))} keys start with anon")


STYLES = "/usr/share/citation-style-language/styles"


def check_citeproc(out, n):
    """pandoc --citeproc cites every key and renders the bibliography in the
    Chicago author-date and APA styles: no citation not found, every
    organisation and literal name whole, no digits in a person's name."""
    with open(os.path.join(out, "csl-json.json"), encoding="utf-8") as f:
        items = json.load(f)
    persons = [a for it in items for a in it.get("author", []) if "family" in a]
    digits = [a for a in persons if re.search(r"\d", a["family"] + a.get("given", ""))]
    if digits:
        fail(f"{len(digits)} persons with digits in their names, e.g. {digits[:3]}")
    literals = {a["literal"] for it in items for a in it.get("author", []) if "literal" in a}
    doc = os.path.join(out, "cite.md")
    with open(doc, "w", encoding="utf-8") as f:
        f.write("".join(f"[@{it['id']}]\n\n" for it in items))
    counts = []
    for style in ("chicago-author-date", "apa"):
        r = subprocess.run(["pandoc", "--citeproc", "--bibliography", os.path.join(out, "csl-json.json"),
                            "--csl", os.path.join(STYLES, style + ".csl"), "-t", "plain", "--wrap=none", doc],
                           capture_output=True, text=True)
        if r.returncode != 0 or "not found" in r.stderr:
            fail(f"{style}: pandoc: {r.stderr.strip().splitlines()[:3]}")
        text = r.stdout.replace("’", "'")  # the styles set apostrophes curly
        split = [l for l in literals if l.replace("’", "'") not in text]
        if split:
            fail(f"{style}: {len(split)} organisations or literal names not rendered whole, e.g. {split[:3]}")
        counts.append(f"{style} {len(text.split(chr(10) + chr(10)))} paragraphs")
    print(f"{len(items)} keys cited, none not found; {len(persons)} persons without digits, "
          f"{len(literals)} organisations and literal names whole; " + ", ".join(counts))


# REFERENCES_DIFFER is the share of references that may differ from
# pandoc's (on the corpus 9 of 1068 in Chicago, 6 in APA): title case
# only a full CSL processor gets right (.github, AVX‑512 with a
# non-breaking hyphen, jpg/png/webp), a comma moved inside closing
# quotes, "™" written "TM", the letters a bibliography gives entries
# without title nor author. VERBOSE=1 prints them.
REFERENCES_DIFFER = 0.02


def check_references(out, n):
    """Clippings' own references (what the reader copies) in the Chicago
    author-date and APA styles are the entries pandoc --citeproc renders
    from the CSL-JSON with the same styles."""
    import html
    with open(os.path.join(out, "csl-json.json"), encoding="utf-8") as f:
        keys = [it["id"] for it in json.load(f)]  # in the order of every citation export
    doc = os.path.join(out, "cite.md")
    with open(doc, "w", encoding="utf-8") as f:
        f.write("".join(f"[@{k}]\n\n" for k in keys))
    report = []
    for style in ("chicago-author-date", "apa"):
        with open(os.path.join(out, f"references-{style}.txt"), encoding="utf-8") as f:
            ours = [r for r in f.read().split("\n\n") if r.strip()]
        r = subprocess.run(["pandoc", "--citeproc", "--bibliography", os.path.join(out, "csl-json.json"),
                            "--csl", os.path.join(STYLES, style + ".csl"), "-t", "html", "--wrap=none", doc],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"{style}: pandoc: {r.stderr[:200]}")
        theirs, names = {}, ""
        for entry in re.finditer(r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>(.*?)</div>', r.stdout, re.S):
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", entry.group(2))).split())
            # What a bibliography does that one reference cannot: the
            # names of the entry before as ———, a letter after the year.
            if text.startswith("———."):
                text = names + text[4:]
            m = re.match(r"(.*?\.”?) (?=\d{4}|n\.d\.)", text)
            names = m.group(1) if m else ""
            text = re.sub(r"(^|\. |\()(\d{4}|n\.d\.-)[a-z]{1,2}(?=[.,)])", r"\1\2", text, count=1)
            text = re.sub(r"n\.d\.[a-z]{1,2}\.", "n.d.", text, count=1)
            text = text.replace("n.d.-.", "n.d.").replace("n.d.-,", "n.d.,").replace("n.d.-)", "n.d.)")
            theirs[html.unescape(entry.group(1))] = text
        differ = [(k, o, theirs.get(k)) for k, o in zip(keys, ours) if " ".join(o.split()) != theirs.get(k)]
        if os.environ.get("VERBOSE"):
            for d in differ:
                print(f"{style} {d[0]}:\n  ours   {d[1]}\n  pandoc {d[2]}")
        if len(ours) != n or len(differ) > REFERENCES_DIFFER * n:
            fail(f"{style}: {len(differ)} of {len(ours)} references differ from pandoc's ({n} articles), "
                 f"e.g. {differ[:2]}")
        report.append(f"{style} {n - len(differ)} of {n}")
    print("references the same as pandoc --citeproc's: " + ", ".join(report))


def check_risparse(out, n):
    """bibutils' ris2xml reads the RIS back (organisations named in its
    file of names not to split: its corporation file fails to load in
    bibutils 7.2): every record keeps its authors and its date."""
    import xml.etree.ElementTree as ET
    with open(os.path.join(out, "csl-json.json"), encoding="utf-8") as f:
        items = {it["id"]: it for it in json.load(f)}
    corps = os.path.join(out, "corporations.txt")
    with open(corps, "w", encoding="utf-8") as f:
        f.write("".join(a["literal"] + "\n" for it in items.values() for a in it.get("author", []) if "literal" in a))
    r = subprocess.run(["ris2xml", "-i", "utf8", "-un", "-as", corps, os.path.join(out, "ris.ris")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"ris2xml: {r.stderr[:200]}")
    ns = {"m": "http://www.loc.gov/mods/v3"}
    recs = ET.fromstring(r.stdout.lstrip("\ufeff").encode()).findall("m:mods", ns)
    bad, names, dates = [], 0, 0
    for m in recs:
        it = items.get(m.get("ID"))
        if it is None:
            bad.append(f"{m.get('ID')}: no such key")
            continue
        got = []
        for nm in m.findall("m:name", ns):
            got.append(" ".join(p.text or "" for p in nm.findall("m:namePart", ns)))
        want = [a.get("literal") or a["family"] for a in it.get("author", [])]
        # ris2xml splits a name at " and " ("Center for Drug Evaluation and
        # Research"): the names it gives, joined, hold those written.
        joined = " and ".join(got)
        if len(got) < len(want) or any(w not in joined for w in want) or \
                sum(len(w.split(" and ")) for w in want) != len(got):
            bad.append(f"{it['id']}: authors {got} for {want}")
        names += len(got)
        issued = it.get("issued", {}).get("date-parts", [[]])[0]
        d = m.find("m:originInfo/m:dateIssued", ns)
        if issued:
            dates += 1
            if d is None or d.text != "%04d-%02d-%02d" % tuple(issued):
                bad.append(f"{it['id']}: date {d.text if d is not None else None} for {issued}")
    if len(recs) != n or bad:
        fail(f"{len(recs)} records for {n}; {len(bad)} differ, e.g. {bad[:3]}")
    print(f"ris2xml reads {len(recs)} records: {names} authors and {dates} dates as exported")


def check_zotero(out, n):
    """bibutils' bib2xml reads the Zotero folder's references.bib as
    Zotero's BibTeX import would: every entry keeps its key, its snapshot
    (the file field) is a page of the folder holding the article's title,
    and the highlighted article's note and highlight come as its annote."""
    import html
    import xml.etree.ElementTree as ET
    folder = os.path.join(out, "zotero")
    with open(os.path.join(out, "json.json"), encoding="utf-8") as f:
        titles = {a["key"]: a["title"] for a in json.load(f)["articles"]}
    r = subprocess.run(["bib2xml", "-i", "utf8", "-un", os.path.join(folder, "references.bib")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"bib2xml: {r.stderr[:200]}")
    ns = {"m": "http://www.loc.gov/mods/v3"}
    recs = ET.fromstring(r.stdout.lstrip("\ufeff").encode()).findall("m:mods", ns)
    bad, notes = [], 0
    for m in recs:
        key = m.get("ID")
        files = [u.text for u in m.findall("m:location/m:url[@access='raw object']", ns)]
        if key not in titles or len(files) != 1:
            bad.append(f"{key}: {len(files)} snapshots")
            continue
        page = os.path.join(folder, files[0].replace("\\:", ":").replace("\\;", ";"))
        try:
            with open(page, encoding="utf-8") as f:
                text = html.unescape(f.read())
        except OSError as e:
            bad.append(f"{key}: {e}")
            continue
        if words(titles[key]) not in words(text):
            bad.append(f"{key}: {files[0]} lacks the title")
        a = m.find("m:bibtex-annote", ns)
        if a is not None and "Checked by export-check" in a.text and "Kim Jong-un" in a.text:
            notes += 1
    if len(recs) != n or bad or notes != 1:
        fail(f"{len(recs)} entries for {n}, {notes} with the note; {len(bad)} wrong, e.g. {bad[:3]}")
    print(f"bib2xml reads {len(recs)} entries, each with its snapshot page; the note and highlight as annote")


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
    """Collects the links (href and text) and counts tables."""

    def __init__(self):
        super().__init__()
        self.links, self.tables, self.open = [], 0, None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            for k, v in attrs:
                if k == "href":
                    self.open = [v or "", ""]
                    self.links.append(self.open)
        self.tables += tag == "table"

    def handle_endtag(self, tag):
        if tag == "a":
            self.open = None

    def handle_data(self, data):
        if self.open is not None:
            self.open[1] += data


PIPE_RULE = re.compile(r"^\|( *:?-{3,}:? *\|)+ *$", re.M)


def check_links(out, n):
    """The body's links and tables: in the HTML folder every link goes to a
    web page (http, https) or to a file of the folder that exists; in the
    Markdown folder pandoc reads every pipe table as a table; the PDF has
    as many link annotations as the HTML folder has links."""
    root = os.path.join(out, "html")
    web = local = body_local = tables = 0
    for p in sorted(os.listdir(root)):
        if not p.endswith(".html"):
            continue
        r = Links()
        with open(os.path.join(root, p), encoding="utf-8") as f:
            r.feed(f.read())
        tables += r.tables
        for h, text in r.links:
            if re.match(r"^https?://[^/\s]", h, re.I):
                web += 1
            elif re.match(r"^\s*([a-z][a-z0-9+.-]*:|//)", h, re.I):
                fail(f"{p}: a link to {h[:60]}")
            elif not os.path.isfile(os.path.join(root, urllib.parse.unquote(h.split("#")[0]))):
                fail(f"{p}: a link to {h}, not in the folder")
            else:
                local += 1
                if p != "index.html" and text.strip() not in NAV:
                    body_local += 1
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
    uri, inside = pdf_links(os.path.join(out, "pdf.pdf"))
    # The PDF links the same text: a link that runs over two lines is two
    # annotations, and it may lose only what it sets as plain text (links
    # inside preformatted text). Links between articles are compared
    # without the folder's index and its Previous / Index / Next links,
    # and without the PDF's cover.
    if uri < 0.95 * web:
        fail(f"the PDF has {uri} links to web pages, the HTML folder {web}")
    if inside < 0.95 * body_local:
        fail(f"the PDF's articles have {inside} links to other articles of it, the HTML folder's pages {body_local}")
    print(f"HTML: {web} links to web pages, {local} between files (all there; {body_local} in the articles' text), {tables} tables; "
          f"Markdown: {pipes} pipe tables in {notes} notes, pandoc reads {read} tables; "
          f"PDF: {uri} link annotations to web pages, {inside} in the articles to other articles")


NAV = {"← Previous", "Index", "Next →"}


def pdf_links(path):
    """Counts the link annotations of a PDF that Clippings wrote (its
    annotations and page objects are plain objects): to web addresses,
    and to places in the PDF on the articles' pages (after the cover)."""
    with open(path, "rb") as f:
        data = f.read()
    objs, starts = {}, [(int(m.group(1)), m.end()) for m in re.finditer(rb"(?m)^(\d+) 0 obj", data)]
    for i, (num, at) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(data)
        body = data[at:end]
        k = body.find(b"stream")
        objs[num] = body[:k] if k >= 0 else body
    tree = next(o for o in objs.values() if b"/Type /Pages" in o)
    kids = [int(x) for x in re.findall(rb"(\d+) 0 R", re.search(rb"/Kids \[(.*?)\]", tree, re.S).group(1))]
    first = min(kids.index(int(m.group(1))) for o in objs.values() if b"/Title" in o and b"/Parent" in o
                for m in [re.search(rb"/Dest \[(\d+) 0 R", o)] if m)
    uri = inside = 0
    for n, page in enumerate(kids):
        m = re.search(rb"/Annots \[(.*?)\]", objs[page])
        for ref in re.findall(rb"(\d+) 0 R", m.group(1)) if m else []:
            a = objs.get(int(ref), b"")
            if b"/Subtype /Link" not in a:
                continue
            if re.search(rb"/URI \(https?:", a):
                uri += 1
            elif b"/Dest [" in a and n >= first:
                inside += 1
    return uri, inside


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
    {"pdf": check_pdf, "pdffonts": check_pdffonts, "cjk": check_cjk, "rtl": check_rtl,
     "samekey": check_samekey, "citeproc": check_citeproc, "risparse": check_risparse, "zotero": check_zotero, "references": check_references, "ris": check_ris, "csv": check_csv, "json": check_json,
     "html": check_html, "markdown": check_markdown}[kind](out, n)


if __name__ == "__main__":
    main()
