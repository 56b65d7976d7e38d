#include "store/response_writer.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <sqlite3.h>

#include "base/log.h"
#include "store/response_store.h"
#include "store/schema.h"
#include "store/timestamp.h"
#include "store/uuid.h"

namespace kiosk {

// [SECTION] Error classification
// [SECTION] Opening: settings, integrity check, moving a corrupt file aside, migration
// [SECTION] Inserting one response
// [SECTION] Hiding a free-text answer
// [SECTION] Poll votes

// -----------------------------------------------------------------------------------------
// [SECTION] Error classification
// -----------------------------------------------------------------------------------------

StoreFault ClassifySqliteError(int extended_code, int system_errno) {
    if (system_errno == ENOSPC || system_errno == EDQUOT || system_errno == EFBIG)
        return StoreFault::DiskFull;
    if (system_errno == EROFS || system_errno == EACCES || system_errno == EPERM) return StoreFault::ReadOnly;
    switch (extended_code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreFault::Locked;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: return StoreFault::ReadOnly;
    case SQLITE_FULL: return StoreFault::DiskFull;
    default: return StoreFault::IoError;
    }
}

namespace {

bool IsConstraintLike(int code) {
    const int primary = code & 0xFF;
    return primary == SQLITE_CONSTRAINT || primary == SQLITE_MISMATCH || primary == SQLITE_TOOBIG ||
           primary == SQLITE_RANGE;
}

bool IsCorruption(int code) {
    const int primary = code & 0xFF;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

WriteOutcome Failure(StoreFault fault, std::string detail) {
    WriteOutcome out;
    out.fault = fault;
    out.detail = std::move(detail);
    return out;
}

WriteOutcome FileChangedFailure(std::string detail) {
    WriteOutcome out = Failure(StoreFault::IoError, std::move(detail));
    out.file_changed = true;
    return out;
}

WriteOutcome Success() {
    WriteOutcome out;
    out.ok = true;
    out.fault = StoreFault::None;
    return out;
}

// "20261127T141503Z" for a moved-aside file name.
std::string CompactUtcNow() {
    time_t now = time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                       tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string StepText(sqlite3* db, const char* sql, int& code) {
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    code = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (code == SQLITE_OK) {
        code = sqlite3_step(stmt);
        if (code == SQLITE_ROW) {
            if (const unsigned char* text = sqlite3_column_text(stmt, 0))
                out = reinterpret_cast<const char*>(text);
            code = SQLITE_OK;
        } else if (code == SQLITE_DONE) {
            code = SQLITE_OK;
        } else {
            code = sqlite3_extended_errcode(db);
        }
    }
    sqlite3_finalize(stmt);
    return out;
}

} // namespace

WriteOutcome ResponseWriter::Fail(int code, const char* what) {
    const int system_errno = db_ ? sqlite3_system_errno(db_) : 0;
    std::string detail =
        fmt::format("{}: {} (SQLite code {}{})", what, db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code), code,
                    system_errno ? fmt::format(", errno {}", system_errno) : "");
    WriteOutcome out = Failure(ClassifySqliteError(code, system_errno), std::move(detail));
    out.rejected = IsConstraintLike(code);
    return out;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Opening: settings, integrity check, moving a corrupt file aside, migration
// -----------------------------------------------------------------------------------------

ResponseWriter::~ResponseWriter() {
    Close();
}

void ResponseWriter::Close() {
    for (sqlite3_stmt** stmt : {&insert_response_, &insert_answer_, &begin_, &commit_, &rollback_}) {
        sqlite3_finalize(*stmt);
        *stmt = nullptr;
    }
    std::vector<std::filesystem::path> leftovers;
    if (db_) {
        if (!FileChanged().empty()) {
            // SQLite neither checkpoints a database that moved when it closes it, nor keeps
            // from deleting "<database>-wal" by name, which may be another file now. So: copy
            // the WAL into the file we had open (a renamed file then holds every answer it
            // took), empty it through its descriptor, and keep SQLite off the names.
            if (sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr) != SQLITE_OK)
                LogError("store: checkpointing the database that was taken away: {}", sqlite3_errmsg(db_));
            int persist = 1;
            sqlite3_file_control(db_, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
            sqlite3_exec(db_, "PRAGMA journal_size_limit = 0", nullptr, nullptr, nullptr);
            // Our own -wal (emptied) and -shm left at the path of a database that is gone
            // from it: removed after closing, so that a new database there never meets them.
            if (IdentityOf(path_) != opened_[0]) {
                const std::filesystem::path wal = path_.string() + "-wal", shm = path_.string() + "-shm";
                std::error_code ec;
                if (opened_[1].exists && IdentityOf(wal) == opened_[1] &&
                    std::filesystem::file_size(wal, ec) == 0)
                    leftovers.push_back(wal);
                if (opened_[2].exists && IdentityOf(shm) == opened_[2]) leftovers.push_back(shm);
            }
        }
        // Closing the last connection checkpoints the WAL into the database file.
        if (sqlite3_close(db_) != SQLITE_OK) LogError("store: closing the database: {}", sqlite3_errmsg(db_));
        db_ = nullptr;
    }
    for (const std::filesystem::path& file : leftovers) {
        std::error_code ec;
        std::filesystem::remove(file, ec);
    }
    for (FileIdentity& file : opened_)
        file = {};
}

namespace {

enum class OpenStep { Ok, Corrupt, Failed };

// Moves `database` and its -wal / -shm aside under one timestamped name; never deletes.
bool MoveAside(const std::filesystem::path& database, std::string& moved_to, std::string& error) {
    const std::string base = database.string() + ".corrupt-" + CompactUtcNow();
    std::error_code ec;
    std::filesystem::rename(database, base, ec);
    if (ec) {
        error = fmt::format("cannot move the corrupt database {} aside: {}", database.string(), ec.message());
        return false;
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        const std::filesystem::path from = database.string() + suffix;
        if (std::filesystem::exists(from, ec)) std::filesystem::rename(from, base + suffix, ec);
        if (ec) LogError("store: cannot move {} aside: {}", from.string(), ec.message());
    }
    moved_to = base;
    return true;
}

} // namespace

WriteOutcome ResponseWriter::Open(const std::filesystem::path& database, int busy_timeout_ms,
                                  std::string& moved_aside, mode_t file_mode) {
    Close();
    std::error_code ec;
    if (!database.parent_path().empty()) std::filesystem::create_directories(database.parent_path(), ec);
    if (ec)
        return Failure(
            ClassifySqliteError(SQLITE_CANTOPEN, ec.value()),
            fmt::format("cannot create the directory {}: {}", database.parent_path().string(), ec.message()));

    // Two passes at most: the second after a corrupt file was moved aside.
    for (int pass = 0; pass < 2; pass++) {
        // Only the kiosk's own files are written or moved aside; a new one gets its mode
        // here, since SQLite would create it with the process's umask.
        const DatabaseFileCheck file = InspectDatabaseFile(database);
        if (file.kind == DatabaseFileKind::NotOurs) return Failure(StoreFault::IoError, file.reason);
        if (file.kind == DatabaseFileKind::Missing || file.kind == DatabaseFileKind::Empty) {
            // SQLite would replay those pages into the new file: they belong to another one.
            const std::filesystem::path wal = database.string() + "-wal";
            std::error_code size_ec;
            const auto wal_size = std::filesystem::file_size(wal, size_ec);
            if (!size_ec && wal_size > 0)
                return Failure(StoreFault::IoError,
                               fmt::format("{} holds pages of a database that is not at {} (any more): left "
                                           "untouched; move it away with what belongs with it",
                                           wal.string(), database.string()));
        }
        int create_errno = 0;
        if (file.kind == DatabaseFileKind::Missing && !CreateDatabaseFile(database, file_mode, create_errno))
            return Failure(
                ClassifySqliteError(SQLITE_CANTOPEN, create_errno),
                fmt::format("cannot create {}: {}", database.string(), std::strerror(create_errno)));
        const int open_code =
            sqlite3_open_v2(database.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        if (open_code != SQLITE_OK) {
            WriteOutcome out = Fail(open_code, "cannot open the database");
            Close();
            return out;
        }
        sqlite3_extended_result_codes(db_, 1);
        // SQLite silently opens a file it cannot write read-only: that is a fault here.
        if (sqlite3_db_readonly(db_, "main") == 1) {
            Close();
            return Failure(StoreFault::ReadOnly, fmt::format("{} is not writable", database.string()));
        }
        sqlite3_busy_timeout(db_, busy_timeout_ms);

        // Read-only checks first: a file that is corrupt or too new is not touched (not even
        // switched to WAL) before it is moved aside or refused.
        std::string error;
        OpenStep step = OpenStep::Ok;
        int failed_code = SQLITE_OK;
        auto failed = [&](int code) {
            failed_code = code;
            step = IsCorruption(code) ? OpenStep::Corrupt : OpenStep::Failed;
            error = sqlite3_errmsg(db_);
        };
        int code = SQLITE_OK;
        const std::string check = StepText(db_, "PRAGMA quick_check", code);
        if (code != SQLITE_OK) {
            failed(code);
        } else if (check != "ok") {
            step = OpenStep::Corrupt;
            error = "quick_check: " + check;
        }
        if (step == OpenStep::Ok && SchemaVersion(db_) > kSchemaVersion) {
            std::string message =
                fmt::format("{} has schema version {}, newer than this program's {}: update "
                            "the kiosk software",
                            database.string(), SchemaVersion(db_), kSchemaVersion);
            Close();
            return Failure(StoreFault::TooNew, message);
        }
        if (step == OpenStep::Ok) {
            if (!ConfigureConnection(db_, false, error)) failed(sqlite3_extended_errcode(db_));
            sqlite3_busy_timeout(db_, busy_timeout_ms); // ConfigureConnection sets its own default
        }
        if (step == OpenStep::Ok) {
            const std::string mode = StepText(db_, "PRAGMA journal_mode", code);
            if (code != SQLITE_OK) {
                failed(code);
            } else if (mode != "wal") {
                Close();
                return Failure(StoreFault::IoError,
                               fmt::format("{}: cannot switch to WAL (journal_mode is \"{}\")",
                                           database.string(), mode));
            }
        }
        if (step == OpenStep::Failed) {
            WriteOutcome out = Fail(failed_code, "cannot open the database");
            out.detail += ": " + error;
            Close();
            return out;
        }
        if (step == OpenStep::Corrupt) {
            Close();
            if (pass == 1)
                return Failure(StoreFault::IoError, fmt::format("{}: a new database is corrupt at once: {}",
                                                                database.string(), error));
            std::string move_error;
            if (!MoveAside(database, moved_aside, move_error))
                return Failure(StoreFault::IoError, move_error);
            LogError(
                "store: {} is corrupt ({}); moved aside to {} (kept, not deleted); starting a new database",
                database.string(), error, moved_aside);
            continue;
        }
        if (!Migrate(db_, error)) {
            WriteOutcome out = Fail(sqlite3_extended_errcode(db_), "cannot migrate the database");
            out.detail += ": " + error;
            Close();
            return out;
        }
        if (!Prepare()) {
            WriteOutcome out = Fail(sqlite3_extended_errcode(db_), "cannot prepare the statements");
            Close();
            return out;
        }
        // Identity of this file (see schema.h): written once, in its own transaction; and the
        // mark that makes it recognisably the kiosk's (database_file.h).
        const std::string meta =
            fmt::format("PRAGMA application_id = {}; INSERT OR IGNORE INTO meta (key, value) VALUES "
                        "('database_id', '{}'), ('created_at', '{}')",
                        kApplicationId, NewUuidV4(),
                        FormatUtcMillis(std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count()));
        if (sqlite3_exec(db_, meta.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            WriteOutcome out = Fail(sqlite3_extended_errcode(db_), "cannot write the database identity");
            Close();
            return out;
        }
        // The files as opened: every commit checks that they are still the ones at the path.
        path_ = database;
        opened_[0] = IdentityOf(database);
        opened_[1] = IdentityOf(database.string() + "-wal");
        opened_[2] = IdentityOf(database.string() + "-shm");
        return Success();
    }
    return Failure(StoreFault::IoError, "unreachable");
}

bool ResponseWriter::Prepare() {
    const std::pair<sqlite3_stmt**, const char*> statements[] = {
        {&insert_response_,
         "INSERT INTO response (uuid, kiosk_id, survey_id, survey_version, language, origin, status, "
         "is_test, burst, "
         "started_at, submitted_at, duration_ms, paper_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
         "?10, ?11, ?12, ?13) "
         "ON CONFLICT (uuid) DO NOTHING"},
        {&insert_answer_,
         "INSERT INTO answer (response_seq, position, question_id, option_id, text, number, plan_id, "
         "x, y) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
        {&begin_, "BEGIN IMMEDIATE"},
        {&commit_, "COMMIT"},
        {&rollback_, "ROLLBACK"},
    };
    for (const auto& [stmt, sql] : statements)
        if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr) != SQLITE_OK)
            return false;
    return true;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Inserting one response
// -----------------------------------------------------------------------------------------

namespace {

int StepOnce(sqlite3_stmt* stmt) {
    int code = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    return code;
}

void BindText(sqlite3_stmt* stmt, int index, const std::optional<std::string>& text) {
    if (text)
        sqlite3_bind_text(stmt, index, text->data(), (int)text->size(), SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(stmt, index);
}

void BindDouble(sqlite3_stmt* stmt, int index, const std::optional<double>& value) {
    if (value)
        sqlite3_bind_double(stmt, index, *value);
    else
        sqlite3_bind_null(stmt, index);
}

} // namespace

WriteOutcome ResponseWriter::Insert(const Response& r) {
    if (!db_) return Failure(StoreFault::IoError, "the database is not open");
    auto fail = [&](const char* what) {
        const int code = sqlite3_extended_errcode(db_);
        WriteOutcome out = Fail(code, what);
        // Whatever failed, leave nothing half-written: the transaction is rolled back.
        if (!sqlite3_get_autocommit(db_)) StepOnce(rollback_);
        return out;
    };

    if (StepOnce(begin_) != SQLITE_DONE) return fail("BEGIN IMMEDIATE");

    sqlite3_stmt* s = insert_response_;
    sqlite3_bind_text(s, 1, r.uuid.data(), (int)r.uuid.size(), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, r.kiosk_id.data(), (int)r.kiosk_id.size(), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, r.survey_id.data(), (int)r.survey_id.size(), SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 4, r.survey_version);
    sqlite3_bind_text(s, 5, r.language.data(), (int)r.language.size(), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 6, ToString(r.origin), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 7, ToString(r.status), -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 8, r.is_test ? 1 : 0);
    sqlite3_bind_int(s, 9, r.burst ? 1 : 0);
    sqlite3_bind_text(s, 10, r.started_at.data(), (int)r.started_at.size(), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 11, r.submitted_at.data(), (int)r.submitted_at.size(), SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 12, r.duration_ms);
    BindText(s, 13, r.paper_date);
    if (StepOnce(s) != SQLITE_DONE) return fail("inserting the response");
    sqlite3_clear_bindings(s);

    WriteOutcome out = Success();
    if (sqlite3_changes(db_) == 0) {
        // Recorded already (a commit whose success we could not see, or a repeated submit).
        out.already_recorded = true;
    } else {
        const sqlite3_int64 seq = sqlite3_last_insert_rowid(db_);
        for (size_t i = 0; i < r.answers.size(); i++) {
            const Answer& a = r.answers[i];
            sqlite3_stmt* t = insert_answer_;
            sqlite3_bind_int64(t, 1, seq);
            sqlite3_bind_int64(t, 2, (sqlite3_int64)i);
            sqlite3_bind_text(t, 3, a.question_id.data(), (int)a.question_id.size(), SQLITE_TRANSIENT);
            BindText(t, 4, a.option_id);
            BindText(t, 5, a.text);
            BindDouble(t, 6, a.number);
            BindText(t, 7, a.plan_id);
            BindDouble(t, 8, a.x);
            BindDouble(t, 9, a.y);
            if (StepOnce(t) != SQLITE_DONE) return fail("inserting an answer");
            sqlite3_clear_bindings(t);
        }
    }
    // A file no longer at the path: roll back rather than commit where nobody will look.
    if (std::string changed = FileChanged(); !changed.empty()) {
        StepOnce(rollback_);
        return FileChangedFailure(std::move(changed));
    }
    // Success is reported only once COMMIT itself returned SQLITE_DONE (i.e. SQLITE_OK) and the
    // file committed to is still the one at the path (it may have gone during the COMMIT).
    if (StepOnce(commit_) != SQLITE_DONE) return fail("COMMIT");
    if (std::string changed = FileChanged(); !changed.empty())
        return FileChangedFailure(changed + " (this response was committed to the old file; it is kept "
                                            "to be recorded again)");
    return out;
}

std::string ResponseWriter::FileChanged() const {
    if (!db_) return {};
    const char* const suffixes[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        if (!opened_[i].exists) continue;
        const std::filesystem::path path = path_.string() + suffixes[i];
        const FileIdentity now = IdentityOf(path);
        if (now != opened_[i])
            return fmt::format("{} was {} while the kiosk had it open", path.string(),
                               now.exists ? "replaced by another file" : "deleted or renamed");
    }
    return {};
}

// -----------------------------------------------------------------------------------------
// [SECTION] Hiding a free-text answer
// -----------------------------------------------------------------------------------------

WriteOutcome ResponseWriter::SetHidden(const std::string& uuid, const std::string& question_id, bool hidden,
                                       const std::string& now_utc) {
    if (!db_) return Failure(StoreFault::IoError, "the database is not open");
    sqlite3_stmt* stmt = nullptr;
    const char* sql = hidden ? "INSERT INTO hidden_answer (response_uuid, question_id, hidden_at) "
                               "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"
                             : "DELETE FROM hidden_answer WHERE response_uuid = ?1 AND question_id = ?2";
    auto fail = [&](const char* what) {
        WriteOutcome out = Fail(sqlite3_extended_errcode(db_), what);
        sqlite3_finalize(stmt);
        if (!sqlite3_get_autocommit(db_)) StepOnce(rollback_);
        return out;
    };
    if (StepOnce(begin_) != SQLITE_DONE) return fail("BEGIN IMMEDIATE");
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) return fail("preparing the hiding");
    sqlite3_bind_text(stmt, 1, uuid.data(), (int)uuid.size(), SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, question_id.data(), (int)question_id.size(), SQLITE_TRANSIENT);
    if (hidden) sqlite3_bind_text(stmt, 3, now_utc.data(), (int)now_utc.size(), SQLITE_TRANSIENT);
    if (sqlite3_step(stmt) != SQLITE_DONE) return fail("hiding an answer");
    sqlite3_finalize(stmt);
    stmt = nullptr;
    if (std::string changed = FileChanged(); !changed.empty()) {
        StepOnce(rollback_);
        return FileChangedFailure(std::move(changed));
    }
    if (StepOnce(commit_) != SQLITE_DONE) return fail("COMMIT");
    return Success();
}

// -----------------------------------------------------------------------------------------
// [SECTION] Poll votes
// -----------------------------------------------------------------------------------------

bool ResponseWriter::CountPollVotes(const std::string& survey_id, const std::string& question_id,
                                    std::vector<VoteCount>& out, std::string& error) {
    out.clear();
    if (!db_) {
        error = "the database is not open";
        return false;
    }
    sqlite3_stmt* stmt = nullptr;
    const char* sql =
        "SELECT a.option_id, r.burst, count(*) FROM response r JOIN answer a ON a.response_seq = r.seq "
        "WHERE r.survey_id = ?1 AND a.question_id = ?2 AND r.status = 'complete' AND r.is_test = 0 "
        "AND a.option_id IS NOT NULL GROUP BY a.option_id, r.burst";
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        error = sqlite3_errmsg(db_);
        return false;
    }
    sqlite3_bind_text(stmt, 1, survey_id.data(), (int)survey_id.size(), SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, question_id.data(), (int)question_id.size(), SQLITE_TRANSIENT);
    int code;
    while ((code = sqlite3_step(stmt)) == SQLITE_ROW)
        out.push_back({reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
                       sqlite3_column_int(stmt, 1) != 0, sqlite3_column_int64(stmt, 2)});
    if (code != SQLITE_DONE) error = sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return code == SQLITE_DONE;
}

} // namespace kiosk
