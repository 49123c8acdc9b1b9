# Clippings: make run opens the app, make test runs every test.
# Both first install what is missing (scripts/deps.sh says what it does).

SHELL   := /bin/bash
.SHELLFLAGS := -o pipefail -ec
GO      ?= go
TAGS    := sqlite_fts5
BIN     := clippings
SHARED  ?= ../shared

.PHONY: run build test race deps vet score bench export-check reliability screenshots clean

run: build
	./$(BIN) $(ARGS)

build: deps
	@echo "build: go build -tags $(TAGS) -o $(BIN) ."
	$(GO) build -tags $(TAGS) -o $(BIN) .

deps:
	@scripts/deps.sh

vet: deps
	$(GO) vet -tags $(TAGS) ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed on:"; gofmt -l .; exit 1; }

test: vet
	$(GO) test -tags $(TAGS) -count=1 ./...

# score checks the cleaner on the shared corpus: the seed article must pass
# every check; every zyte-dev page must give JSON, mean F1 at least 0.965 and
# none below 0.5; mozilla titles must match exactly on 97% of pages and 90% of
# their figure captions must be recovered.
score: build
	python3 $(SHARED)/tools/check_extract.py --cmd './$(BIN) extract --json {file}' \
	  $(SHARED)/corpus/seed/china-backs-second-kim-trump-summit.txt $(SHARED)/corpus/seed/expected.json
	python3 $(SHARED)/tools/extract_score.py --corpus $(SHARED)/corpus/zyte-dev \
	  --cmd './$(BIN) extract --json {file}' --min-f1 0.965 | tee score.txt
	@grep -q ' failures 0 ' score.txt || { echo "score: some pages failed"; exit 1; }
	@grep -q 'F1<0.5: 0 ' score.txt || { echo "score: some pages scored below 0.5"; exit 1; }
	python3 $(SHARED)/tools/extract_score.py --corpus $(SHARED)/corpus/mozilla \
	  --cmd './$(BIN) extract --json {file}' | tee score-mozilla.txt
	@awk '/title exact match/ { sub("%", "", $$4); if ($$4 + 0 < 97) { print "score: mozilla titles below 97%"; exit 1 } }' score-mozilla.txt
	python3 scripts/caption_score.py --corpus $(SHARED)/corpus/mozilla --cmd './$(BIN) extract --json {file}' --min 0.9

race: deps
	$(GO) test -tags $(TAGS) -race -count=1 ./...

# bench prints the speed tables quoted in the README (archive at 100,000
# articles, importer throughput). It takes several minutes.
bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench Archive100k -benchtime 1x -timeout 60m ./archive/
	$(GO) test -tags $(TAGS) -run '^$$' -bench '^Benchmark(Extract|Import)$$' -benchtime 2x -count 5 ./importer/

# export-check exports a collection made from ../shared/corpus in every
# format and has the real tools read them (epubcheck, pandoc, pdftotext).
export-check: build
	SHARED=$(SHARED) scripts/export-check.sh

# reliability kills imports and edits at random moments, feeds hostile
# input, and checks the archive after each.
reliability: build
	SHARED=$(SHARED) scripts/reliability.sh

# screenshots runs the real app under Xvfb and saves docs/screenshots/*.png.
screenshots: build
	SHARED=$(SHARED) scripts/screenshots.sh

clean:
	rm -f $(BIN) score.txt score-mozilla.txt
