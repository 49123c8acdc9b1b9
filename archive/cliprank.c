// cliprank: bm25 as FTS5's built-in computes it, except that a query of
// one phrase (one word, or one "quoted phrase") is not first counted.
//
// FTS5's bm25() begins every query by counting the rows that hold each of
// its phrases, to weigh rare phrases above common ones (the IDF). That is
// a pass over every match; for a phrase of common words it reads the
// positions of both words in nearly every article, as costly as the
// search itself (docs/archive-bench.md). With one phrase the weight is the
// same for every row, so it cannot change the order: cliprank then uses a
// weight of 1. With two or more phrases it counts them as bm25 does, and
// gives the same value. Arguments after the table are the column weights,
// as for bm25.

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cliprank.h"

// The constants of FTS5's bm25.
static const double k1 = 1.2, b = 0.75;

// rankData is what cliprank computes once per query.
typedef struct {
	int nPhrase;
	double avgdl;  // average row length, in tokens
	double *idf;   // per phrase
	double *freq;  // per phrase, for the current row
} rankData;

static int countRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *n) {
	(void)api, (void)fts;
	(*(sqlite3_int64 *)n)++;
	return CLIP_SQLITE_OK;
}

static int getRankData(const Fts5ExtensionApi *api, Fts5Context *fts, rankData **out) {
	rankData *d = api->xGetAuxdata(fts, 0);
	if (d) {
		*out = d;
		return CLIP_SQLITE_OK;
	}
	int nPhrase = api->xPhraseCount(fts);
	sqlite3_int64 nRow = 0, nTok = 0;
	int rc = api->xRowCount(fts, &nRow);
	if (rc == CLIP_SQLITE_OK) {
		rc = api->xColumnTotalSize(fts, -1, &nTok);
	}
	if (rc != CLIP_SQLITE_OK) {
		return rc;
	}
	d = calloc(1, sizeof(rankData) + 2 * (size_t)nPhrase * sizeof(double));
	if (!d) {
		return CLIP_SQLITE_NOMEM;
	}
	d->nPhrase = nPhrase;
	d->idf = (double *)&d[1];
	d->freq = d->idf + nPhrase;
	d->avgdl = nRow > 0 && nTok > 0 ? (double)nTok / (double)nRow : 1.0;
	for (int i = 0; i < nPhrase; i++) {
		if (nPhrase == 1) {
			d->idf[i] = 1.0;
			break;
		}
		sqlite3_int64 hits = 0;
		rc = api->xQueryPhrase(fts, i, &hits, countRow);
		if (rc != CLIP_SQLITE_OK) {
			free(d);
			return rc;
		}
		double idf = log(((double)nRow - (double)hits + 0.5) / ((double)hits + 0.5));
		d->idf[i] = idf > 0 ? idf : 1e-6;
	}
	rc = api->xSetAuxdata(fts, d, free); // frees d itself when it fails
	if (rc == CLIP_SQLITE_OK) {
		*out = d;
	}
	return rc;
}

static void cliprank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                     int nVal, sqlite3_value **apVal) {
	rankData *d = 0;
	int rc = getRankData(api, fts, &d);
	int nInst = 0, nTok = 0;
	if (rc == CLIP_SQLITE_OK) {
		rc = api->xInstCount(fts, &nInst);
	}
	if (rc == CLIP_SQLITE_OK) {
		memset(d->freq, 0, (size_t)d->nPhrase * sizeof(double));
	}
	for (int i = 0; rc == CLIP_SQLITE_OK && i < nInst; i++) {
		int phrase, col, off;
		rc = api->xInst(fts, i, &phrase, &col, &off);
		if (rc == CLIP_SQLITE_OK && phrase >= 0 && phrase < d->nPhrase) {
			d->freq[phrase] += col < nVal ? sqlite3_value_double(apVal[col]) : 1.0;
		}
	}
	if (rc == CLIP_SQLITE_OK) {
		rc = api->xColumnSize(fts, -1, &nTok);
	}
	if (rc != CLIP_SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	double score = 0, norm = k1 * (1 - b + b * (double)nTok / d->avgdl);
	for (int i = 0; i < d->nPhrase; i++) {
		double f = d->freq[i];
		score += d->idf[i] * f * (k1 + 1) / (f + norm);
	}
	sqlite3_result_double(ctx, -score);
}

// registerOn adds cliprank to the connection db; a build without FTS5
// has nothing to add it to (the program says so when it starts).
static int registerOn(sqlite3 *db, const char **errmsg, const void *thunk) {
	(void)errmsg, (void)thunk;
	fts5_api *api = 0;
	sqlite3_stmt *stmt = 0;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0) == CLIP_SQLITE_OK) {
		sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", 0);
		sqlite3_step(stmt);
	}
	sqlite3_finalize(stmt);
	if (!api || api->iVersion < 2) {
		return CLIP_SQLITE_OK;
	}
	return api->xCreateFunction(api, "cliprank", 0, cliprank, 0);
}

// clip_register makes every connection opened from now on have cliprank.
int clip_register(void) { return sqlite3_auto_extension((void (*)(void))registerOn); }
