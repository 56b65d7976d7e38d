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
    // 2: origin 'paper' and the date written on a paper questionnaire; staff hiding a
    // free-text answer from on-screen results; indexes for the staff panel's aggregates.
    // SQLite cannot alter a CHECK, so `response` is rebuilt: every row is copied with its
    // seq (the sync cursor). Migrate() turns foreign keys off around this migration, as
    // SQLite's documented table rebuild requires (answer references response).
    R"sql(
    CREATE TABLE response_v2 (
        seq            INTEGER PRIMARY KEY,
        uuid           TEXT    NOT NULL UNIQUE,
        kiosk_id       TEXT    NOT NULL,
        survey_id      TEXT    NOT NULL,
        survey_version INTEGER NOT NULL,
        language       TEXT    NOT NULL,
        origin         TEXT    NOT NULL CHECK (origin IN ('kiosk', 'assisted', 'paper', 'event', 'synthetic')),
        status         TEXT    NOT NULL CHECK (status IN ('complete', 'abandoned')),
        is_test        INTEGER NOT NULL DEFAULT 0 CHECK (is_test IN (0, 1)),
        burst          INTEGER NOT NULL DEFAULT 0 CHECK (burst IN (0, 1)),
        started_at     TEXT    NOT NULL,
        submitted_at   TEXT    NOT NULL,
        duration_ms    INTEGER NOT NULL,
        paper_date     TEXT    CHECK (paper_date IS NULL OR (origin = 'paper' AND
                                      paper_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'))
    );
    INSERT INTO response_v2 (seq, uuid, kiosk_id, survey_id, survey_version, language, origin, status,
                             is_test, burst, started_at, submitted_at, duration_ms)
        SELECT seq, uuid, kiosk_id, survey_id, survey_version, language, origin, status,
               is_test, burst, started_at, submitted_at, duration_ms FROM response ORDER BY seq;
    DROP TABLE response;
    ALTER TABLE response_v2 RENAME TO response;
    CREATE INDEX response_survey ON response (survey_id, seq);
    CREATE INDEX answer_question ON answer (question_id, response_seq, option_id, number);
    CREATE TABLE hidden_answer (
        response_uuid TEXT NOT NULL REFERENCES response (uuid),
        question_id   TEXT NOT NULL,
        hidden_at     TEXT NOT NULL,
        PRIMARY KEY (response_uuid, question_id)
    ) WITHOUT ROWID;
    )sql",
};
// After a migration ran with foreign keys off: no answer may point to a missing response.
bool ForeignKeysHold(sqlite3* db, std::string& error) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &stmt, nullptr) != SQLITE_OK) {
        error = sqlite3_errmsg(db);
        return false;
    }
    const int code = sqlite3_step(stmt);
    if (code == SQLITE_ROW)
        error = fmt::format("migration left a row of {} without its parent",
                            reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    else if (code != SQLITE_DONE)
        error = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    return code == SQLITE_DONE;
}

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

namespace {

bool MigrateInTransaction(sqlite3* db, std::string& error) {
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
    if (version < kSchemaVersion && !ForeignKeysHold(db, error)) {
        std::string ignored;
        Exec(db, "ROLLBACK", ignored);
        return false;
    }
    return Exec(db, "COMMIT", error);
}

} // namespace

bool Migrate(sqlite3* db, std::string& error) {
    // A table rebuild (migration 2) drops the table other rows reference: foreign keys must
    // be off, and that pragma does nothing inside a transaction. They are checked with
    // foreign_key_check before COMMIT instead, and turned back on whatever happens.
    if (!Exec(db, "PRAGMA foreign_keys=OFF", error)) return false;
    const bool ok = MigrateInTransaction(db, error);
    std::string ignored;
    if (!Exec(db, "PRAGMA foreign_keys=ON", ignored) && ok) {
        error = ignored;
        return false;
    }
    return ok;
}

} // namespace kiosk
