#include "store/schema.h"

#include <string>

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

// The tallies of every response already recorded, by the rules of migration 3's triggers:
// the end of migration 3 and TallyRecountSql(), one text (frozen with migration 3).
constexpr char kTallyRecount[] = R"sql(
    INSERT INTO response_tally
    SELECT survey_id, coalesce(paper_date, substr(submitted_at, 1, 10)), origin, language,
           is_test, burst, count(*)
    FROM response WHERE status = 'complete' GROUP BY 1, 2, 3, 4, 5, 6;
    INSERT INTO answer_tally
    SELECT r.survey_id, a.question_id, coalesce(r.paper_date, substr(r.submitted_at, 1, 10)),
           r.origin, r.language, r.is_test, r.burst, coalesce(a.option_id, ''),
           a.number IS NOT NULL, coalesce(a.number, 0), a.x IS NOT NULL AND a.y IS NOT NULL,
           a.text IS NOT NULL, count(*)
    FROM answer a JOIN response r ON r.seq = a.response_seq WHERE r.status = 'complete'
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;
    INSERT INTO pin_tally
    SELECT r.survey_id, a.question_id, r.origin, r.language, r.is_test, r.burst,
           max(0, min(63, CAST(a.y * 64 AS INTEGER))) * 64 + max(0, min(63, CAST(a.x * 64 AS INTEGER))),
           count(*)
    FROM answer a JOIN response r ON r.seq = a.response_seq
    WHERE r.status = 'complete' AND a.x IS NOT NULL AND a.y IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
    INSERT INTO respondent_tally
    SELECT survey_id, question_id, day, origin, language, is_test, burst, count(*) FROM (
        SELECT DISTINCT r.seq, r.survey_id, a.question_id,
               coalesce(r.paper_date, substr(r.submitted_at, 1, 10)) AS day, r.origin, r.language,
               r.is_test, r.burst
        FROM answer a JOIN response r ON r.seq = a.response_seq WHERE r.status = 'complete')
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
    )sql";

// 3: counts kept as responses commit, so that the staff panel's figures are a sum over a
// few thousand rows instead of a read of every answer (docs/results.md). Triggers keep
// them in the transaction that inserts the rows: no writer can forget them, and rows are
// never updated or deleted, so inserts are all they follow. The counts of the responses
// already recorded are made here, with the same rules (TallyRecountSql). answer_question
// narrows to what the free-text list still reads from `answer`.
const std::string kMigration3 = std::string(R"sql(
    CREATE TABLE response_tally (
        survey_id TEXT    NOT NULL,
        day       TEXT    NOT NULL,
        origin    TEXT    NOT NULL,
        language  TEXT    NOT NULL,
        is_test   INTEGER NOT NULL,
        burst     INTEGER NOT NULL,
        responses INTEGER NOT NULL,
        PRIMARY KEY (survey_id, day, origin, language, is_test, burst)
    ) WITHOUT ROWID;
    CREATE TABLE answer_tally (
        survey_id   TEXT    NOT NULL,
        question_id TEXT    NOT NULL,
        day         TEXT    NOT NULL,
        origin      TEXT    NOT NULL,
        language    TEXT    NOT NULL,
        is_test     INTEGER NOT NULL,
        burst       INTEGER NOT NULL,
        option_id   TEXT    NOT NULL,
        has_number  INTEGER NOT NULL,
        number      REAL    NOT NULL,
        has_pin     INTEGER NOT NULL,
        has_text    INTEGER NOT NULL,
        answers     INTEGER NOT NULL,
        PRIMARY KEY (survey_id, question_id, day, origin, language, is_test, burst,
                     option_id, has_number, number, has_pin, has_text)
    ) WITHOUT ROWID;
    -- Pins per cell of a 64 × 64 grid, without the day: per day, nearly every pin would be
    -- a row of its own (a million rows at a million responses) and the heat map would cost
    -- seconds. A heat map for a date range is counted from the answers themselves.
    CREATE TABLE pin_tally (
        survey_id   TEXT    NOT NULL,
        question_id TEXT    NOT NULL,
        origin      TEXT    NOT NULL,
        language    TEXT    NOT NULL,
        is_test     INTEGER NOT NULL,
        burst       INTEGER NOT NULL,
        cell        INTEGER NOT NULL,
        pins        INTEGER NOT NULL,
        PRIMARY KEY (survey_id, question_id, origin, language, is_test, burst, cell)
    ) WITHOUT ROWID;
    CREATE TABLE respondent_tally (
        survey_id   TEXT    NOT NULL,
        question_id TEXT    NOT NULL,
        day         TEXT    NOT NULL,
        origin      TEXT    NOT NULL,
        language    TEXT    NOT NULL,
        is_test     INTEGER NOT NULL,
        burst       INTEGER NOT NULL,
        respondents INTEGER NOT NULL,
        PRIMARY KEY (survey_id, question_id, day, origin, language, is_test, burst)
    ) WITHOUT ROWID;
    CREATE TRIGGER response_tally_insert AFTER INSERT ON response WHEN NEW.status = 'complete'
    BEGIN
        INSERT INTO response_tally VALUES (NEW.survey_id,
            coalesce(NEW.paper_date, substr(NEW.submitted_at, 1, 10)), NEW.origin, NEW.language,
            NEW.is_test, NEW.burst, 1)
        ON CONFLICT (survey_id, day, origin, language, is_test, burst)
        DO UPDATE SET responses = responses + 1;
    END;
    CREATE TRIGGER answer_tally_insert AFTER INSERT ON answer
    BEGIN
        INSERT INTO answer_tally
        SELECT r.survey_id, NEW.question_id, coalesce(r.paper_date, substr(r.submitted_at, 1, 10)),
               r.origin, r.language, r.is_test, r.burst, coalesce(NEW.option_id, ''),
               NEW.number IS NOT NULL, coalesce(NEW.number, 0),
               NEW.x IS NOT NULL AND NEW.y IS NOT NULL, NEW.text IS NOT NULL, 1
        FROM response r WHERE r.seq = NEW.response_seq AND r.status = 'complete'
        ON CONFLICT (survey_id, question_id, day, origin, language, is_test, burst,
                     option_id, has_number, number, has_pin, has_text)
        DO UPDATE SET answers = answers + 1;
        INSERT INTO pin_tally
        SELECT r.survey_id, NEW.question_id, r.origin, r.language, r.is_test, r.burst,
               max(0, min(63, CAST(NEW.y * 64 AS INTEGER))) * 64
               + max(0, min(63, CAST(NEW.x * 64 AS INTEGER))), 1
        FROM response r WHERE r.seq = NEW.response_seq AND r.status = 'complete'
            AND NEW.x IS NOT NULL AND NEW.y IS NOT NULL
        ON CONFLICT (survey_id, question_id, origin, language, is_test, burst, cell)
        DO UPDATE SET pins = pins + 1;
        -- A response counts once per question: at its first answer row to it.
        INSERT INTO respondent_tally
        SELECT r.survey_id, NEW.question_id, coalesce(r.paper_date, substr(r.submitted_at, 1, 10)),
               r.origin, r.language, r.is_test, r.burst, 1
        FROM response r WHERE r.seq = NEW.response_seq AND r.status = 'complete'
            AND NOT EXISTS (SELECT 1 FROM answer a WHERE a.response_seq = NEW.response_seq
                            AND a.position < NEW.position AND a.question_id = NEW.question_id)
        ON CONFLICT (survey_id, question_id, day, origin, language, is_test, burst)
        DO UPDATE SET respondents = respondents + 1;
    END;
    DROP INDEX answer_question;
    CREATE INDEX answer_question ON answer (question_id, response_seq);
    )sql") + kTallyRecount;

// Expressions of migration 4's participation tallies (frozen with it). The local date and
// hour are the recording process's (its TZ): the day and hour as the kiosk lived them. A
// paper questionnaire counts on the date written on it, with no hour (-1).
// A timestamp SQLite cannot read (no writer of ours makes one) still counts, on the text's
// first ten characters with no hour: a tally must never refuse the row it follows.
#define KIOSK_LOCAL_DAY(r)                                                                                   \
    "CASE WHEN " r ".paper_date IS NOT NULL THEN " r ".paper_date ELSE "                                     \
    "coalesce(date(" r ".submitted_at, 'localtime'), substr(" r ".submitted_at, 1, 10)) END"
#define KIOSK_LOCAL_HOUR(r)                                                                                  \
    "CASE WHEN " r ".paper_date IS NOT NULL THEN -1 ELSE "                                                   \
    "coalesce(CAST(strftime('%H', " r ".submitted_at, 'localtime') AS INTEGER), -1) END"
// Duration classes: 10 s wide below 5 min (0..29), 1 min wide below 30 min (30..54), then 55.
#define KIOSK_DURATION_CLASS(r)                                                                              \
    "CASE WHEN " r ".duration_ms < 300000 THEN max(0, " r ".duration_ms) / 10000 "                           \
    "WHEN " r ".duration_ms < 1800000 THEN 30 + (" r ".duration_ms - 300000) / 60000 ELSE 55 END"

// The participation tallies of every response already recorded, by the rules of migration 4's
// triggers: the end of migration 4 and ParticipationRecountSql(), one text.
constexpr char kParticipationRecount[] =
    "INSERT INTO participation_tally SELECT r.survey_id, " KIOSK_LOCAL_DAY("r") ", " KIOSK_LOCAL_HOUR(
        "r") ", "
             "r.status, r.is_test, r.burst, count(*) FROM response r GROUP BY 1, 2, 3, 4, 5, 6;\n"
             "INSERT INTO channel_tally SELECT r.survey_id, " KIOSK_LOCAL_DAY(
                 "r") ", r.origin, r.language, "
                      "r.kiosk_id, r.status, r.is_test, r.burst, count(*) FROM response r GROUP BY 1, 2, 3, "
                      "4, 5, 6, 7, 8;\n"
                      "INSERT INTO duration_tally SELECT r.survey_id, " KIOSK_LOCAL_DAY(
                          "r") ", " KIOSK_DURATION_CLASS("r") ", "
                                                              "r.is_test, r.burst, count(*) FROM response r "
                                                              "WHERE r.status = 'complete' AND r.origin IN "
                                                              "('kiosk', 'assisted', 'event') GROUP BY 1, 2, "
                                                              "3, 4, 5;\n";

// 4: participation counts for the city's evaluation (docs/evaluation.md): every response,
// complete or abandoned, per survey, local day and hour; per origin, language and kiosk; and
// the time complete kiosk responses took, in classes (the median is read from them). Kept by
// one trigger, like migration 3's.
const std::string kMigration4 =
    std::string(R"sql(
    CREATE TABLE participation_tally (
        survey_id TEXT    NOT NULL,
        day       TEXT    NOT NULL,
        hour      INTEGER NOT NULL,
        status    TEXT    NOT NULL,
        is_test   INTEGER NOT NULL,
        burst     INTEGER NOT NULL,
        responses INTEGER NOT NULL,
        PRIMARY KEY (survey_id, day, hour, status, is_test, burst)
    ) WITHOUT ROWID;
    CREATE TABLE channel_tally (
        survey_id TEXT    NOT NULL,
        day       TEXT    NOT NULL,
        origin    TEXT    NOT NULL,
        language  TEXT    NOT NULL,
        kiosk_id  TEXT    NOT NULL,
        status    TEXT    NOT NULL,
        is_test   INTEGER NOT NULL,
        burst     INTEGER NOT NULL,
        responses INTEGER NOT NULL,
        PRIMARY KEY (survey_id, day, origin, language, kiosk_id, status, is_test, burst)
    ) WITHOUT ROWID;
    CREATE TABLE duration_tally (
        survey_id TEXT    NOT NULL,
        day       TEXT    NOT NULL,
        class     INTEGER NOT NULL,
        is_test   INTEGER NOT NULL,
        burst     INTEGER NOT NULL,
        responses INTEGER NOT NULL,
        PRIMARY KEY (survey_id, day, class, is_test, burst)
    ) WITHOUT ROWID;
    CREATE TRIGGER participation_tally_insert AFTER INSERT ON response
    BEGIN
)sql") +
    "INSERT INTO participation_tally SELECT r.survey_id, " KIOSK_LOCAL_DAY("r") ", " KIOSK_LOCAL_HOUR(
        "r") ", "
             "r.status, r.is_test, r.burst, 1 FROM response r WHERE r.seq = NEW.seq "
             "ON CONFLICT (survey_id, day, hour, status, is_test, burst) DO UPDATE SET responses = responses "
             "+ 1;\n"
             "INSERT INTO channel_tally SELECT r.survey_id, " KIOSK_LOCAL_DAY(
                 "r") ", r.origin, r.language, r.kiosk_id, "
                      "r.status, r.is_test, r.burst, 1 FROM response r WHERE r.seq = NEW.seq "
                      "ON CONFLICT (survey_id, day, origin, language, kiosk_id, status, is_test, burst) "
                      "DO UPDATE SET responses = responses + 1;\n"
                      "INSERT INTO duration_tally SELECT r.survey_id, " KIOSK_LOCAL_DAY(
                          "r") ", " KIOSK_DURATION_CLASS("r") ", "
                                                              "r.is_test, r.burst, 1 FROM response r WHERE "
                                                              "r.seq = NEW.seq AND r.status = 'complete' "
                                                              "AND r.origin IN ('kiosk', 'assisted', "
                                                              "'event') "
                                                              "ON CONFLICT (survey_id, day, class, is_test, "
                                                              "burst) DO UPDATE SET responses = responses + "
                                                              "1;\n"
                                                              "END;\n" +
    kParticipationRecount;

#undef KIOSK_LOCAL_DAY
#undef KIOSK_LOCAL_HOUR
#undef KIOSK_DURATION_CLASS

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
    kMigration3.c_str(),
    kMigration4.c_str(),
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

const char* TallyRecountSql() {
    return kTallyRecount;
}

const char* ParticipationRecountSql() {
    return kParticipationRecount;
}

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
