#!/usr/bin/env python3
"""Check the figures printed by ../shared/tools/extract_score.py against floors.

Usage: score_floors.py SCORE.txt NAME=MIN [NAME=MIN ...]

NAME is one of f1 (mean body F1), low (most pages with F1 below 0.5), failures (most pages
that gave no JSON), furniture (most pages with furniture in the body), or a field the
scorer prints a match share for (title, author, date, lang, site), in percent.
low, failures and furniture are ceilings; every other name is a floor. Prints one line per
check and exits 1 when any fails, naming it.
"""
import re, sys

CEILINGS = {"low", "failures", "furniture"}


def figures(text):
    got = {}
    m = re.search(r"failures (\d+)\s+mean P [\d.]+\s+mean R [\d.]+\s+mean F1 ([\d.]+).*F1<0\.5: (\d+)", text)
    if m:
        got["failures"], got["f1"], got["low"] = int(m.group(1)), float(m.group(2)), int(m.group(3))
    for field, share in re.findall(r"^(\w+) (?:exact )?match ([\d.]+)% of \d+", text, re.M):
        got[field] = float(share)
    m = re.search(r"pages with furniture in the body: (\d+) of", text)
    if m:
        got["furniture"] = int(m.group(1))
    return got


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        got = figures(f.read())
    bad = []
    for arg in argv[2:]:
        name, _, want = arg.partition("=")
        if name not in got:
            bad.append("%s: not printed" % name)
            continue
        ok = got[name] <= float(want) if name in CEILINGS else got[name] >= float(want)
        print("%-10s %8s  %s %s  %s" % (name, got[name], "<=" if name in CEILINGS else ">=", want, "ok" if ok else "BELOW"))
        if not ok:
            bad.append("%s %s (%s %s)" % (name, got[name], "at most" if name in CEILINGS else "at least", want))
    if bad:
        print("score %s: %s" % (argv[1], "; ".join(bad)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
