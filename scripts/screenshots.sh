#!/usr/bin/env bash
# screenshots.sh (make screenshots): runs the real Clippings window under
# Xvfb on an archive made from ../shared/corpus, drives it with xdotool
# and saves PNGs of the X screen into docs/screenshots/:
#
#   library-search.png    the library with a search, its timeline and facets
#   reader-highlights.png an article with an image, its caption and highlights
#   import-summary.png    the summary closing an import, failures listed
#   dark-theme.png        the same window in the dark theme
#   live-view-before.png, live-view-after-import.png
#                         the window on a small archive, then 2 s after a
#                         command-line import of 20 more files (live view)
#   reader-version-changes.png
#                         an article saved twice, what changed shown
#   reader-links-table.png
#                         an article with links, a table and highlights
#                         across a link and in a cell
#
#   window-1024x700.png   the live view's archive in a 1024×700 window
#
# SECTIONS picks what to take (default all: library dark import live versions
# links).
#
# Fyne's Canvas().Capture() is black under Xvfb, so the screen is taken with
# ImageMagick's `import -window root`. Everything happens in a temporary
# folder (archive, HOME with the app's preferences); the user's archive is
# never touched. Needs xvfb, imagemagick and xdotool (installed through
# scripts/deps.sh when missing). CORPUS, OUT and DISPLAY_NUM can be set.
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=${CORPUS:-${SHARED:-../shared}/corpus}
OUT=${OUT:-docs/screenshots}
DISPLAY_NUM=${DISPLAY_NUM:-}
W=1280
H=800
SECTIONS=${SECTIONS:-library dark import live versions links}
want() { [[ " $SECTIONS " == *" $1 "* ]]; }

[ -d "$CORPUS" ] || { echo "screenshots: no corpus at $CORPUS" >&2; exit 1; }
for tool in Xvfb import xdotool; do
  command -v "$tool" >/dev/null || { scripts/deps.sh xvfb imagemagick xdotool; break; }
done

echo "screenshots: building ./clippings"
go build -tags sqlite_fts5 -o clippings .

tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" LANG=en_US.UTF-8 LC_ALL=C.UTF-8
export CLIPPINGS_ARCHIVE="$tmp/archive.db"
mkdir -p "$HOME" "$OUT"
clip() { ./clippings "$@" 2> >(grep -v 'Fyne error\|Cause:\|At: ' >&2); }

first_id() { clip search "$1" | awk 'NR==1 {print $1}'; }
if want library || want dark; then
  echo "screenshots: importing $CORPUS into a temporary archive"
  clip import "$CORPUS" >"$tmp/import.log" || true # some corpus files are meant to fail

  # Some organising, so that the sidebar has tags, a collection and a saved search.
  clip tag add politics --query 'government OR election OR senate' >/dev/null
  clip tag add politics/us --query 'congress OR senate' >/dev/null
  clip tag add science --query 'climate OR research' >/dev/null
  clip tag add software --query 'javascript OR node' >/dev/null
  clip collection create Reading/Wikipedia >/dev/null
  clip collection add Reading/Wikipedia --query 'title:wikipedia' >/dev/null
  clip saved add 'Open data' '"open data"' >/dev/null

  # Highlights on the article shown in the reader (set before the window opens).
  node=$(first_id 'title:"Node.js - Wikipedia"')
  clip note add "$node" "originally written by Ryan Dahl in 2009" --color yellow \
    --note "Check the date against the JSConf talk." >/dev/null
  clip note add "$node" "file upload progress bar on Flickr" --color green >/dev/null
  clip note add "$node" "limited possibilities of the most popular web server in 2009" --color pink >/dev/null
  clip note set "$node" "Origins of Node.js: compare with io.js fork history." >/dev/null
  clip tag add software/javascript "$node" >/dev/null
fi

if [ -z "$DISPLAY_NUM" ]; then # the first display number not in use
  DISPLAY_NUM=90
  while [ -e "/tmp/.X$DISPLAY_NUM-lock" ] || [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ]; do DISPLAY_NUM=$((DISPLAY_NUM + 1)); done
fi
echo "screenshots: starting Xvfb on :$DISPLAY_NUM"
Xvfb ":$DISPLAY_NUM" -screen 0 "${W}x${H}x24" -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$DISPLAY_NUM"
for _ in $(seq 100); do
  [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] && xdotool getdisplaygeometry >/dev/null 2>&1 && break
  sleep 0.1
done
xdotool getdisplaygeometry >/dev/null || { echo "screenshots: Xvfb did not start:" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }

# start_app [VAR=value...] starts the window and waits until it is drawn.
start_app() {
  env "$@" ./clippings >"$tmp/app.log" 2>&1 &
  app_pid=$!
  xdotool search --sync --onlyvisible --name '^Clippings' >/dev/null
  sleep 4 # the first list, the facets and the sidebar
}
stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}
shot() {
  sleep "${2:-1.5}"
  import -window root "$OUT/$1.png"
  echo "screenshots: $OUT/$1.png"
}
search() { # search QUERY: types the query in the search field
  xdotool key ctrl+f ctrl+a BackSpace
  xdotool type --delay 40 "$1"
  sleep 1.5
}
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }

# Layout at 1280x800: the search field, the first row of the list (below
# the timeline and the facets), the first highlight of the notes panel.
ROW1_X=400 ROW1_Y=300
NOTE1_X=1180 NOTE1_Y=520

reader_with_highlights() {
  search 'title:"Node.js - Wikipedia"'
  click $ROW1_X $ROW1_Y 2
  click $NOTE1_X $NOTE1_Y 1 # jumps to the first highlight, its figure above it
  xdotool key Escape        # the jump selects the passage; show it highlighted only
}

if want library; then
  echo "screenshots: light theme"
  start_app FYNE_THEME=light
  search 'government'
  click $ROW1_X $ROW1_Y 2
  shot library-search

  reader_with_highlights
  shot reader-highlights
  stop_app
fi

if want dark; then
  echo "screenshots: dark theme"
  start_app FYNE_THEME=dark
  reader_with_highlights
  search 'javascript'
  shot dark-theme 2
  stop_app
fi

if want import; then
  echo "screenshots: import summary"
  drop="$tmp/drop"
  mkdir -p "$drop"
  cp "$CORPUS"/seed/*.txt "$drop"/
  cp "$CORPUS"/formats/mhtml/malformed/* "$CORPUS"/formats/warc/malformed/* "$drop"/
  pages=("$CORPUS"/zyte-dev/html/*.html.gz)
  cp "${pages[@]:0:12}" "$drop"/
  printf 'not a page\0\1\2' >"$drop/notes.bin"
  export CLIPPINGS_ARCHIVE="$tmp/fresh.db"
  start_app FYNE_THEME=light CLIPPINGS_IMPORT="$drop"
  shot import-summary 3
  stop_app
fi

if want live; then
  echo "screenshots: live view"
  # The window open on an archive of 3 articles; a command-line import of
  # 20 more files; the screen 2 s later shows the new counts and rows.
  export CLIPPINGS_ARCHIVE="$tmp/live.db"
  pages=("$CORPUS"/zyte-dev/html/*.html.gz)
  clip import "${pages[@]:20:3}" >/dev/null
  start_app FYNE_THEME=light
  shot live-view-before 0
  clip import "${pages[@]:23:20}" >"$tmp/live-import.log"
  shot live-view-after-import 2
  stop_app
  echo "screenshots: a 1024x700 window"
  start_app FYNE_THEME=light
  xdotool search --onlyvisible --name '^Clippings' windowmove 0 0 windowsize 1024 700
  sleep 2
  import -window root -crop 1024x700+0+0 +repage "$OUT/window-1024x700.png"
  echo "screenshots: $OUT/window-1024x700.png"
  stop_app
fi

if want versions; then
  echo "screenshots: versions"
  # The CNBC story of zyte-dev saved, then saved again as a newsroom
  # would update it: the reader shows what changed.
  export CLIPPINGS_ARCHIVE="$tmp/versions.db"
  page="$CORPUS"/zyte-dev/html/374ac9a59a85196cdacc1679fb8993521a7b7d9d6533720f102300be1c7face4.html.gz
  zcat "$page" >"$tmp/emirates.html"
  zcat "$page" | sed -e 's/Emirates inks order for 30 Boeing 787 jets/Emirates orders 30 Boeing 787 Dreamliners and trims its 777X order/g' \
    -e 's/finalized a deal to purchase/signed a deal to buy/g' -e 's/executives of both companies announced/executives of both companies said/g' \
    -e 's/seating 242/seating up/g' \
    -e 's/will restart plans to expand airline by early 2020s/trims its 777X order/g' \
    -e 's/badly hit in the last year following its catastrophic/badly hit since its two/g' >"$tmp/emirates-updated.html"
  clip import "$tmp/emirates.html" >/dev/null
  clip import "$tmp/emirates-updated.html" >/dev/null
  start_app FYNE_THEME=light
  click $ROW1_X 275 2       # the one article
  click 1160 128 1          # Show changes
  shot reader-version-changes
  stop_app
fi
if want links; then
  echo "screenshots: links and a table"
  # The Obesity Medicine Association's page on weight-loss medications
  # (wcxb-dev 0065): links in the text, its table; a highlight across
  # the FDA link and one in a cell; the reader jumps to the first.
  export CLIPPINGS_ARCHIVE="$tmp/links.db"
  clip import "$CORPUS"/wcxb-dev/html/0065.html.gz >/dev/null
  id=$(first_id 'title:"Top Weight Loss Medications"')
  clip note add "$id" "However, the FDA has received 520 reports" --color yellow >/dev/null
  clip note add "$id" "Tablet, capsule, or ODT" --color green >/dev/null
  start_app FYNE_THEME=light
  click $ROW1_X 275 2       # the one article
  click $NOTE1_X 447 1      # jumps to the highlight in the table
  xdotool key Escape
  shot reader-links-table
  stop_app
fi
echo "screenshots: done"
