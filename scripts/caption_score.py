#!/usr/bin/env python3
"""Share of the Mozilla corpus's figure captions that the cleaner recovers.

Usage: caption_score.py [--corpus DIR] [--cmd 'BIN extract --json {file}'] [--min 0.9] [--verbose]

For every page DIR/<case>/ whose expected.html has <figcaption> elements, the command is run on
source.html and each expected caption (its text, white space folded, case folded) is looked for
among the output's figures: it is recovered when one figure's caption and credit, joined, hold at
least 90% of the caption's words and the caption holds at least half of the figure's words (so a
caption merged with its neighbours, or cut short, does not count). The word "Credit" is left out
on both sides: pages print it as a label for screen readers, which the cleaner rightly drops.
Empty captions are ignored.
Prints one line per page (with --verbose, the captions missed) and the overall share; exits 1
when the share is below --min.
"""
import argparse, html.parser, json, os, shlex, subprocess, sys, unicodedata
from collections import Counter


class Captions(html.parser.HTMLParser):
    """Collects the text of every <figcaption>, without scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.caps, self.depth, self.skip, self.cur = [], 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "figcaption":
            self.depth += 1
        elif tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "figcaption" and self.depth:
            self.depth -= 1
            if not self.depth:
                self.caps.append(" ".join(self.cur))
                self.cur = []
        elif tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.cur.append(data)


LABELS = {"credit"}


def words(text):
    out, cur = Counter(), []
    for ch in unicodedata.normalize("NFC", text or "").lower() + " ":
        if unicodedata.category(ch)[0] in "LNM":
            cur.append(ch)
        elif cur:
            out["".join(cur)] += 1
            cur = []
    for w in LABELS:
        out.pop(w, None)
    return out


def recovered(want, figures):
    w = words(want)
    for f in figures:
        g = words((f.get("caption") or "") + " " + (f.get("credit") or ""))
        common = sum((w & g).values())
        if g and common >= 0.9 * sum(w.values()) and common >= 0.5 * sum(g.values()):
            return True
    return False


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus", "mozilla"))
    ap.add_argument("--cmd", default=os.path.join(here, "..", "clippings") + " extract --json {file}")
    ap.add_argument("--min", type=float, default=None)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    total = found = pages = 0
    for name in sorted(os.listdir(args.corpus)):
        exp = os.path.join(args.corpus, name, "expected.html")
        src = os.path.join(args.corpus, name, "source.html")
        if not (os.path.isfile(exp) and os.path.isfile(src)):
            continue
        p = Captions()
        p.feed(open(exp, encoding="utf-8", errors="replace").read())
        caps = [c for c in (" ".join(c.split()) for c in p.caps) if words(c)]
        if not caps:
            continue
        pages += 1
        argv = [a.replace("{file}", src) for a in shlex.split(args.cmd)]
        out = subprocess.run(argv, capture_output=True)
        try:
            figures = json.loads(out.stdout.decode("utf-8", errors="replace")).get("figures") or []
        except ValueError:
            figures = []
        missed = [c for c in caps if not recovered(c, figures)]
        total += len(caps)
        found += len(caps) - len(missed)
        print("%-28s %2d/%2d" % (name[:28], len(caps) - len(missed), len(caps)))
        if args.verbose:
            for c in missed:
                print("    missed: %s" % c[:150])
    if not total:
        print("no captions found under %s" % args.corpus)
        return 2
    share = found / total
    print("captions recovered: %d of %d (%.1f%%) on %d pages" % (found, total, 100 * share, pages))
    if args.min is not None and share < args.min:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
