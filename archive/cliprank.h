// The parts of SQLite's C interface that cliprank.c uses, declared here
// because the SQLite that mattn/go-sqlite3 compiles into the binary
// ships no header we can include. The layouts of Fts5ExtensionApi and
// fts5_api follow the documented FTS5 interface
// (https://sqlite.org/fts5.html#extending_fts5), which SQLite only ever
// extends at the end; only the members up to the last one used are
// declared.

#include <stdint.h>

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3_value sqlite3_value;
typedef int64_t sqlite3_int64;

#define CLIP_SQLITE_OK 0
#define CLIP_SQLITE_NOMEM 7

extern int sqlite3_prepare_v2(sqlite3 *, const char *, int, sqlite3_stmt **, const char **);
extern int sqlite3_bind_pointer(sqlite3_stmt *, int, void *, const char *, void (*)(void *));
extern int sqlite3_step(sqlite3_stmt *);
extern int sqlite3_finalize(sqlite3_stmt *);
extern int sqlite3_auto_extension(void (*)(void));
extern double sqlite3_value_double(sqlite3_value *);
extern void sqlite3_result_double(sqlite3_context *, double);
extern void sqlite3_result_error_code(sqlite3_context *, int);

typedef struct Fts5Context Fts5Context;
typedef struct Fts5ExtensionApi Fts5ExtensionApi;

typedef void (*fts5_extension_function)(const Fts5ExtensionApi *, Fts5Context *,
                                        sqlite3_context *, int, sqlite3_value **);

struct Fts5ExtensionApi {
	int iVersion;
	void *(*xUserData)(Fts5Context *);
	int (*xColumnCount)(Fts5Context *);
	int (*xRowCount)(Fts5Context *, sqlite3_int64 *);
	int (*xColumnTotalSize)(Fts5Context *, int, sqlite3_int64 *);
	int (*xTokenize)(Fts5Context *, const char *, int, void *,
	                 int (*)(void *, int, const char *, int, int, int));
	int (*xPhraseCount)(Fts5Context *);
	int (*xPhraseSize)(Fts5Context *, int);
	int (*xInstCount)(Fts5Context *, int *);
	int (*xInst)(Fts5Context *, int, int *, int *, int *);
	sqlite3_int64 (*xRowid)(Fts5Context *);
	int (*xColumnText)(Fts5Context *, int, const char **, int *);
	int (*xColumnSize)(Fts5Context *, int, int *);
	int (*xQueryPhrase)(Fts5Context *, int, void *,
	                    int (*)(const Fts5ExtensionApi *, Fts5Context *, void *));
	int (*xSetAuxdata)(Fts5Context *, void *, void (*)(void *));
	void *(*xGetAuxdata)(Fts5Context *, int);
};

typedef struct fts5_api fts5_api;
struct fts5_api {
	int iVersion;
	int (*xCreateTokenizer)(fts5_api *, const char *, void *, void *, void (*)(void *));
	int (*xFindTokenizer)(fts5_api *, const char *, void **, void *);
	int (*xCreateFunction)(fts5_api *, const char *, void *, fts5_extension_function,
	                       void (*)(void *));
};

int clip_register(void);
