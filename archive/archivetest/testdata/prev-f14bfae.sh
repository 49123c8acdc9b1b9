#!/bin/sh
# Makes prev-f14bfae.db.gz: an archive written by the release at commit
# f14bfae (schema 0001–0005, before authors and confidence were kept and
# before one URL normaliser), from real pages of ../shared/corpus, with
# tags, a star, a read mark, highlights, a note, a collection and an
# article with two versions. archivetest.PrevRelease opens a copy.
#
#   sh archive/archivetest/testdata/prev-f14bfae.sh   (from the repository, with ../shared)
set -eu
repo=$(pwd)
corpus=${CORPUS:-$repo/../shared/corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive f14bfae | tar -x -C "$work"
(cd "$work" && go build -tags sqlite_fts5 -o clippings-old .)
old=$work/clippings-old
pages=$work/pages
mkdir "$pages"
zcat "$corpus/zyte-dev/html/14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f.html.gz" >"$pages/futurism.html"
zcat "$corpus/zyte-dev/html/612cd298"*.html.gz >"$pages/morebikes.html"
zcat "$corpus/zyte-dev/html/7916ecca"*.html.gz >"$pages/aljazeera.html"
zcat "$corpus/zyte-dev/html/3ce1c8fd"*.html.gz >"$pages/kwch-swim.html"
zcat "$corpus/wcxb-dev/html/4574.html.gz" >"$pages/parkview.html"
zcat "$corpus/zyte-dev/html/0ec95c72"*.html.gz >"$pages/korean.html"
# An earlier capture of the futurism page, one sentence different: the
# article gets two versions.
sed 's/A mission to do just that is already lined up\./A mission is planned./' \
	"$pages/futurism.html" >"$pages/futurism-earlier.html"

export CLIPPINGS_ARCHIVE=$work/prev.db
$old import "$pages/futurism-earlier.html"
for f in aljazeera futurism korean kwch-swim morebikes parkview; do
	$old import "$pages/$f.html"
done
$old tag add space/europa 1
$old tag add afghanistan 2
$old tag add reviews 5
$old star 1
$old read 2
$old note add 1 "water in vapor form" --note "key quote" --color yellow
$old note add 5 "Clymer" --nth 1
$old note set 2 "Check casualty figures against DoD release."
$old collection create Research/Space
$old collection add Research/Space 1
$old check
sqlite3 "$CLIPPINGS_ARCHIVE" "VACUUM INTO '$work/small.db'"
gzip -9 -n -c "$work/small.db" >"$repo/archive/archivetest/testdata/prev-f14bfae.db.gz"
