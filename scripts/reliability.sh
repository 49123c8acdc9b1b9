#!/usr/bin/env bash
# reliability.sh runs the crash, concurrency, fault and hostile-input tests
# (docs/reliability.md) and prints a table of their results.
#
#   scripts/reliability.sh            full size locally; the CI size when CI=true
#   SIZE=smoke scripts/reliability.sh the size make test uses
#   FUZZTIME=10m scripts/reliability.sh   also runs every fuzz target that long, one at a time
#
# CLIPPINGS_CRASH_SEED replays the random kills of a failed run (the seed is
# in its log); CLIPPINGS_CRASH_KILLS overrides the number of kills.
set -uo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
TAGS=sqlite_fts5
if [ -z "${SIZE:-}" ]; then
	if [ "${CI:-}" = "true" ]; then SIZE=ci; else SIZE=full; fi
fi
export CLIPPINGS_RELIABILITY=$SIZE
LOG=$(mktemp -d "${TMPDIR:-/tmp}/reliability.XXXXXX")
echo "reliability: size $SIZE, logs in $LOG"

# Each line: package, the tests to run.
SUITES=(
	". ^(TestCrashDuringImport|TestCrashWhileEditing|TestArchiveCheckerFindsDamage|TestReadsDuringImport|TestSecondProcessDuringImport|TestDiskFull|TestReadOnlyArchive|TestCorruptArchive|TestArchiveBusy|TestOldArchive|TestHostile.*)$"
	"./importer/ ^(TestHostile.*|TestImportGoesPastUnreadableFolder)$"
	"./importer/format/ ^(TestHostile.*|TestCompleteReadsOnlyItsFilesFolder)$"
	"./internal/pixels/ ^TestBomb$"
	"./internal/cli/ ^(TestTerminalEscapesNeutralised|TestProgressBarOnTerminal)$"
	"./export/ ^(TestHostile.*|TestExportRemovesLeftovers|TestExportOverwriteReplacesFolder|TestExportRespectsUmask)$"
	"./archive/ ^(TestHostile.*|.*V1.*|.*Migrat.*)$"
	# Issue 17, the store and bundle side (docs/reliability.md, "Round two").
	". ^(TestJournalDeletedWhileOpen|TestReadOnlyMount)$"
	"./archive/ ^(TestJournalReplaced|TestAutomaticBackups|TestBackupBeforeUpgrade|TestRestore|TestDelete.*NoTrace|TestCompactRemovesOldTraces|TestCheckFindsChangedRecords|TestTagNamesNormalisedAtTheStore)$"
	"./bundle/ ^(TestMergeAllOrNothing|TestMergeChecksArticlesAgainstOriginals|TestMergeLimits)$"
	"./internal/cli/ ^(TestBackupAndRestore|TestDeleteCommand|TestImportBundleCheckedAgainstOriginals)$"
	"./app/ ^TestRestoreOffer$"
)

status=0
for suite in "${SUITES[@]}"; do
	pkg=${suite%% *}
	run=${suite#* }
	case $pkg in
	.) name=main ;;
	*) name=$(basename "$pkg") ;;
	esac
	n=2
	while [ -e "$LOG/$name.log" ]; do # a package's second line
		name=${name%-[0-9]*}-$n
		n=$((n + 1))
	done
	echo "reliability: go test $pkg -run '$run'"
	if ! $GO test -tags "$TAGS" -count=1 -timeout 60m -v -run "$run" "$pkg" >"$LOG/$name.log" 2>&1; then
		status=1
	fi
done

if [ -n "${FUZZTIME:-}" ]; then
	for target in "./importer/ FuzzExtract" "./importer/format/ FuzzMHTML" "./importer/format/ FuzzWebArchive" \
		"./importer/format/ FuzzWARC" "./importer/format/ FuzzSingleFile" "./importer/format/ FuzzLocalKey" \
		"./archive/ FuzzParseQuery"; do
		set -- $target
		echo "reliability: fuzz $2 for $FUZZTIME"
		if ! $GO test -tags "$TAGS" -run '^$' -fuzz "^$2\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 10s -parallel 1 "$1" >"$LOG/fuzz-$2.log" 2>&1; then
			status=1
		fi
		tail -n 1 "$LOG/fuzz-$2.log" | sed "s/^/  $2: /"
	done
fi

# The table: every top-level test's result and time, then the numbers the
# tests logged (kills, files, memory).
echo
printf '%-8s %-34s %-6s %8s\n' PACKAGE TEST RESULT SECONDS
for f in "$LOG"/*.log; do
	case $f in */fuzz-*) continue ;; esac
	pkg=$(basename "$f" .log)
	sed -nE 's/^--- (PASS|FAIL|SKIP): ([^ ]+) \(([0-9.]+)s\)$/\2 \1 \3/p' "$f" |
		while read -r test result secs; do
			printf '%-8s %-34s %-6s %8s\n' "$pkg" "$test" "$result" "$secs"
		done
	if grep -qE '^(FAIL|panic:|--- FAIL)' "$f" && ! grep -qE '^--- FAIL' "$f"; then
		printf '%-8s %-34s %-6s\n' "$pkg" "(build or panic)" FAIL
	fi
done
echo
grep -hE '(kills|imported in|acknowledged|peak memory|peak heap|reference import|other processes)' "$LOG"/*.log | sed 's/^ *//'
if [ $status -ne 0 ]; then
	echo
	echo "reliability: FAILED. What the failing packages said:"
	for f in "$LOG"/*.log; do
		grep -qE '^(--- FAIL|FAIL)' "$f" || continue
		echo "== $(basename "$f" .log)"
		awk '/^ *--- FAIL/ { print; next }
			/^ +[A-Za-z0-9_]+_test\.go:[0-9]+: / { keep = 1; print; next }
			keep && /^         / { print; next }
			{ keep = 0 }' "$f" | grep -vE 'Fyne error|Cause:|At: ' | head -80
	done
fi
exit $status
