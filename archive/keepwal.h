// The parts of SQLite's C interface that keepwal.c uses, declared here
// because the SQLite that mattn/go-sqlite3 compiles into the binary
// ships no header we can include (as in cliprank.h).

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3_value sqlite3_value;

#define CLIP_SQLITE_UTF8 1
#define CLIP_SQLITE_DIRECTONLY 0x000080000
#define CLIP_SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE 1006

extern int sqlite3_auto_extension(void (*)(void));
extern int sqlite3_create_function_v2(sqlite3 *, const char *, int, int, void *,
                                      void (*)(sqlite3_context *, int, sqlite3_value **),
                                      void (*)(sqlite3_context *, int, sqlite3_value **),
                                      void (*)(sqlite3_context *), void (*)(void *));
extern sqlite3 *sqlite3_context_db_handle(sqlite3_context *);
extern int sqlite3_db_config(sqlite3 *, int, ...);
extern void sqlite3_result_int(sqlite3_context *, int);

int clip_keep_wal_register(void);
