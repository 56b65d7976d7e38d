#include "store/schema.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace kiosk {

namespace {

bool Exec(sqlite3* db, const char* sql, std::string& error) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        error = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        return false;
    }
    return true;
}

// Migration N takes a database at user_version N-1 to N. Append only: a released migration
// is never edited, since kiosks in the field already ran it.
const char* const kMigrations[] = {
    // 1: initial schema
    R"sql(
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE response (
        seq            INTEGER PRIMARY KEY,
        uuid           TEXT    NOT NULL UNIQUE,
        kiosk_id       TEXT    NOT NULL,
        survey_id      TEXT    NOT NULL,
        survey_version INTEGER NOT NULL,
        language       TEXT    NOT NULL,
        origin         TEXT    NOT NULL CHECK (origin IN ('kiosk', 'assisted', 'event', 'synthetic')),
        status         TEXT    NOT NULL CHECK (status IN ('complete', 'abandoned')),
        is_test        INTEGER NOT NULL DEFAULT 0 CHECK (is_test IN (0, 1)),
        burst          INTEGER NOT NULL DEFAULT 0 CHECK (burst IN (0, 1)),
        started_at     TEXT    NOT NULL,
        submitted_at   TEXT    NOT NULL,
        duration_ms    INTEGER NOT NULL
    );
    CREATE INDEX response_survey ON response (survey_id, seq);
    CREATE TABLE answer (
        response_seq INTEGER NOT NULL REFERENCES response (seq),
        position     INTEGER NOT NULL,
        question_id  TEXT    NOT NULL,
        option_id    TEXT,
        text         TEXT,
        number       REAL,
        plan_id      TEXT,
        x            REAL,
        y            REAL,
        PRIMARY KEY (response_seq, position)
    ) WITHOUT ROWID;
    )sql",
};
constexpr int kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kMigrationCount == kSchemaVersion, "one migration per schema version");

} // namespace

bool ConfigureConnection(sqlite3* db, bool read_only, std::string& error) {
    if (!read_only && !Exec(db, "PRAGMA journal_mode=WAL;", error)) return false;
    // synchronous is per connection: set it on every open.
    return Exec(db, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;", error);
}

int SchemaVersion(sqlite3* db) {
    sqlite3_stmt* stmt = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return version;
}

bool Migrate(sqlite3* db, std::string& error) {
    if (!Exec(db, "BEGIN IMMEDIATE", error)) return false;
    int version = SchemaVersion(db);
    if (version < 0 || version > kSchemaVersion) {
        error = version < 0 ? "cannot read the schema version"
                            : fmt::format("the database has schema version {}, newer than this program's {}; "
                                          "update the kiosk software",
                                          version, kSchemaVersion);
        Exec(db, "ROLLBACK", error);
        return false;
    }
    for (int next = version + 1; next <= kSchemaVersion; next++) {
        std::string step_error;
        if (!Exec(db, kMigrations[next - 1], step_error) ||
            !Exec(db, fmt::format("PRAGMA user_version = {}", next).c_str(), step_error)) {
            error = fmt::format("migration to schema version {} failed: {}", next, step_error);
            std::string ignored;
            Exec(db, "ROLLBACK", ignored);
            return false;
        }
    }
    return Exec(db, "COMMIT", error);
}

} // namespace kiosk
