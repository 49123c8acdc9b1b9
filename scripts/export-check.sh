#!/usr/bin/env bash
# export-check: imports ../shared/corpus into a fresh archive, exports the
# articles in every format, and has each result read by the program that
# reads it: epubcheck (EPUB), pandoc (BibTeX, CSL-JSON), pdftotext and
# pdffonts (PDF), Python's json, csv and html.parser (JSON, CSV, the HTML
# and Markdown folders), and the bundle round trip (export JSON, import
# the .clippings bundle into an empty archive, export JSON again,
# compare). The PDF is also checked in other scripts: the Chinese,
# Japanese and Korean articles exported with Debian's fonts-noto-cjk as
# the only CJK font (a fontconfig of its own) give back every CJK
# character through pdftotext, in order; the Arabic and Hebrew pages of
# scripts/export-pages come back in reading order. Citations: a smaller
# export gives its articles the keys of the full one; pandoc --citeproc
# renders every entry of the CSL-JSON in the Chicago author-date and APA
# styles (no citation not found, organisations whole, no digits in a
# person's name); bibutils reads the RIS back (ris2xml: authors, dates)
# and the Zotero folder's references.bib (bib2xml: key, snapshot, note).
# It installs what is missing through scripts/deps.sh (Debian packages via
# apt-get, with sudo when not root), prints a table and exits non-zero
# when any check fails. Variables: SHARED (../shared), CORPUS
# ($SHARED/corpus), KEEP=1 keeps the work folder.
set -uo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
CORPUS=${CORPUS:-$SHARED/corpus}
EPUBCHECK_JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}

scripts/deps.sh epubcheck pandoc poppler-utils python3 fontconfig fonts-noto-cjk fonts-dejavu-core fonts-symbola \
  bibutils citation-style-language-styles || exit 1
echo "export-check: go build -tags sqlite_fts5 -o clippings ."
go build -tags sqlite_fts5 -o clippings . || exit 1

WORK=$(mktemp -d)
if [ "${KEEP:-}" = 1 ]; then echo "export-check: work folder $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi
A="$WORK/archive.db"
OUT="$WORK/out"
mkdir -p "$OUT"
results=()
failed=0

# record NAME OK|FAIL DETAIL
record() {
  results+=("$(printf '%-22s %-5s %s' "$1" "$2" "$3")")
  if [ "$2" != ok ]; then failed=1; fi
}

# cli runs clippings on the work archive (Fyne's locale chatter dropped).
cli() { ./clippings "$@" --archive "$A" 2> >(grep -v -e 'Fyne error' -e 'Cause:' -e 'At:' >&2); }

echo "export-check: importing $CORPUS and scripts/export-pages (some files there fail on purpose)"
cli import "$CORPUS" scripts/export-pages > "$WORK/import.log"
tail -n 1 "$WORK/import.log"
n=$(cli list --limit 1000000 | wc -l)
if [ "$n" -gt 0 ]; then record "import corpus" ok "$n articles"; else record "import corpus" FAIL "no articles"; fi

# The set to export: a collection of every article (a sub-collection, tags,
# a highlight, a note, a star and a saved search to carry over).
COL="Export check"
organise() {
  local seed
  cli collection create "$COL" && cli collection create "$COL/Korea" || return 1
  cli list --limit 1000000 | awk '{print $1}' | xargs ./clippings collection add --archive "$A" "$COL" 2>/dev/null || return 1
  cli collection add "$COL/Korea" --query korea || return 1
  cli tag add corpus/checked --query news || return 1
  seed=$(cli search --json 'title:"China backs second"' | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])') || return 1
  cli note add "$seed" "Kim Jong-un" --nth 1 --color green --note "Checked by export-check" || return 1
  cli note set "$seed" "A free note, with <markup> & \"quotes\"." && cli star "$seed" && cli saved add kim "kim" || return 1
  echo "$(cli collection show "$COL" | grep -c '^ *[0-9]') articles in \"$COL\", a highlight, a note, tags"
}
if msg=$(organise 2>&1); then record "collection and notes" ok "$(tail -n 1 <<<"$msg")"
else record "collection and notes" FAIL "$(tail -n 1 <<<"$msg")"; fi
n=$(cli collection show "$COL" | grep -c '^ *[0-9]')

# The whole corpus holds emoji newer than any outline font Debian has:
# the PDF leaves them out (--skip-missing) and says so in a note.
declare -A flags=([pdf]=--skip-missing)
declare -A ext=([markdown]="" [html]="" [epub]=.epub [pdf]=.pdf [bibtex]=.bib [ris]=.ris [csl-json]=.json
  [csv]=.csv [annotations-md]=.md [annotations-csv]=.csv [json]=.json [bundle]=.clippings [zotero]="")
for f in markdown html epub pdf bibtex ris csl-json csv annotations-md annotations-csv json bundle zotero; do
  start=$SECONDS
  # shellcheck disable=SC2086 # flags are words
  if cli export --format "$f" ${flags[$f]:-} --collection "$COL" --title "Corpus" -o "$OUT/$f${ext[$f]}" > "$WORK/export-$f.log"; then
    record "export $f" ok "$((SECONDS - start)) s; $(grep -c 'note:' "$WORK/export-$f.log") notes"
  else
    record "export $f" FAIL "$(tail -n 1 "$WORK/export-$f.log")"
  fi
done
grep 'note:' "$WORK/export-pdf.log" | head -n 3

# Each format read by its reader. check NAME COMMAND… records ok when the
# command succeeds and prints its last line as the detail.
check() {
  local name=$1; shift
  local msg start=$SECONDS
  if msg=$("$@" 2>&1); then record "$name" ok "$(tail -n 1 <<<"$msg") ($((SECONDS - start)) s)"
  else record "$name" FAIL "$(tail -n 2 <<<"$msg" | tr '\n' ' ')"; fi
}

epubcheck_run() {
  local log="$WORK/epubcheck.log"
  java -jar "$EPUBCHECK_JAR" "$OUT/epub.epub" > "$log" 2>&1
  grep -q 'Messages: 0 fatals / 0 errors' "$log" || { grep -E 'ERROR|FATAL' "$log" | head -n 5; return 1; }
  grep 'Messages:' "$log"
}

pandoc_count() { # FORMAT FILE: pandoc reads FILE and gives n entries
  local got
  got=$(pandoc --from="$1" --to=csljson "$2" 2> "$WORK/pandoc-$1.err" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') || return 1
  if [ -s "$WORK/pandoc-$1.err" ]; then head -n 3 "$WORK/pandoc-$1.err"; fi
  [ "$got" = "$n" ] && echo "$got entries of $n" || { echo "pandoc read $got entries of $n"; return 1; }
}

# pdf_cjk exports the Chinese, Japanese and Korean articles with a
# fontconfig that knows only Debian's fonts-noto-cjk (besides the Go fonts
# Clippings carries), and checks that pdftotext gives back their text.
pdf_cjk() {
  local q='lang:zh OR lang:ja OR lang:ko'
  mkdir -p "$WORK/fc-cache"
  cat > "$WORK/noto-only.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/opentype/noto</dir>
  <cachedir>$WORK/fc-cache</cachedir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
CONF
  FONTCONFIG_FILE="$WORK/noto-only.conf" cli export --format pdf --skip-missing --query "$q" -o "$OUT/cjk.pdf" > "$WORK/export-cjk.log" || { tail -n 2 "$WORK/export-cjk.log"; return 1; }
  cli export --format json --query "$q" -o "$OUT/cjk.json" > /dev/null || return 1
  python3 scripts/export-check.py cjk "$OUT" 0
}

# pdf_rtl exports the Arabic and Hebrew articles (no character may be
# left out) and checks their reading order.
pdf_rtl() {
  local q='lang:ar OR lang:he'
  cli export --format pdf --query "$q" -o "$OUT/rtl.pdf" > "$WORK/export-rtl.log" || { tail -n 2 "$WORK/export-rtl.log"; return 1; }
  cli export --format json --query "$q" -o "$OUT/rtl.json" > /dev/null || return 1
  python3 scripts/export-check.py rtl "$OUT" 0
}

check "epubcheck"          epubcheck_run
check "pandoc bibtex"      pandoc_count bibtex "$OUT/bibtex.bib"
check "pandoc biblatex"    pandoc_count biblatex "$OUT/bibtex.bib"
check "pandoc csl-json"    pandoc_count csljson "$OUT/csl-json.json"
check "pdftotext"          python3 scripts/export-check.py pdf "$OUT" "$n"
check "pdffonts"           python3 scripts/export-check.py pdffonts "$OUT" "$n"
check "pdf cjk, noto only" pdf_cjk
check "pdf arabic, hebrew" pdf_rtl
# samekey_run exports the Korean sub-collection's BibTeX (a smaller
# selection) to compare its keys with the full export's.
samekey_run() {
  cli export --format bibtex --collection "$COL/Korea" -o "$OUT/part.bib" > /dev/null || return 1
  python3 scripts/export-check.py samekey "$OUT" "$n"
}
check "same keys"          samekey_run
check "citeproc chicago, apa" python3 scripts/export-check.py citeproc "$OUT" "$n"
references_run() {
  for s in chicago-author-date apa; do
    cli export --format references --style "$s" --collection "$COL" -o "$OUT/references-$s.txt" > /dev/null || return 1
  done
  python3 scripts/export-check.py references "$OUT" "$n"
}
check "references"         references_run
check "ris2xml"            python3 scripts/export-check.py risparse "$OUT" "$n"
check "zotero bib2xml"     python3 scripts/export-check.py zotero "$OUT" "$n"
check "ris"                python3 scripts/export-check.py ris "$OUT" "$n"
check "csv"                python3 scripts/export-check.py csv "$OUT" "$n"
check "json"               python3 scripts/export-check.py json "$OUT" "$n"
check "html folder"        python3 scripts/export-check.py html "$OUT" "$n"
check "markdown folder"    python3 scripts/export-check.py markdown "$OUT" "$n"

# The bundle round trip.
roundtrip() {
  local B="$WORK/copy.db"
  if ! ./clippings import --archive "$B" "$OUT/bundle.clippings" > "$WORK/import-bundle.log" 2>&1; then
    if grep -q 'nothing could be imported' "$WORK/import-bundle.log"; then
      echo "clippings import does not merge .clippings bundles (bundle.Merge is not wired into the import command)"
    else
      grep -v -e Fyne -e 'Cause:' -e 'At:' "$WORK/import-bundle.log" | tail -n 3
    fi
    return 1
  fi
  ./clippings export --archive "$B" --format json --title "Corpus" -o "$WORK/again.json" > /dev/null 2>&1 || { echo "export from the copy failed"; return 1; }
  python3 scripts/export-check.py same "$OUT/json.json" "$WORK/again.json"
}
check "bundle round trip"  roundtrip

# The body's links and tables: links go to web pages or to files that
# exist, pandoc reads the Markdown tables (export-check.py check_links).
check "links and tables"   python3 scripts/export-check.py links "$OUT" "$n"

echo
printf '%-22s %-5s %s\n' "check" "result" "detail"
printf '%s\n' "${results[@]}"
if [ "$failed" != 0 ]; then
  echo "export-check: FAILED"
  exit 1
fi
echo "export-check: all passed"
