// clippings_keep_wal(): an SQL function that tells the connection it is
// called on not to checkpoint the WAL into the database file when it
// closes (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE). walguard.go calls it on
// every connection once the archive's -wal file is found deleted or
// replaced: the WAL that connection still holds open is then stale, and
// copying it into the file would cut the file to the size it had when
// that WAL was written, losing what another process wrote since.

#include "keepwal.h"

static void keepWal(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
	(void)argc, (void)argv;
	int on = 0;
	int rc = sqlite3_db_config(sqlite3_context_db_handle(ctx), CLIP_SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &on);
	sqlite3_result_int(ctx, rc == 0 && on == 1);
}

static int registerOn(sqlite3 *db, const char **errmsg, const void *thunk) {
	(void)errmsg, (void)thunk;
	return sqlite3_create_function_v2(db, "clippings_keep_wal", 0, CLIP_SQLITE_UTF8 | CLIP_SQLITE_DIRECTONLY,
	                                  0, keepWal, 0, 0, 0);
}

// clip_keep_wal_register gives every connection opened from now on
// clippings_keep_wal.
int clip_keep_wal_register(void) { return sqlite3_auto_extension((void (*)(void))registerOn); }
