#include "sync/sync_state.h"

#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <sqlite3.h>

namespace kiosk {

namespace {

constexpr int kStateVersion = 1;

constexpr const char* kSchema = R"sql(
    CREATE TABLE IF NOT EXISTS cursor (
        destination TEXT NOT NULL,
        database_id TEXT NOT NULL,
        last_seq    INTEGER NOT NULL,
        PRIMARY KEY (destination, database_id)
    );
    CREATE TABLE IF NOT EXISTS batch (
        destination  TEXT NOT NULL,
        batch_id     TEXT NOT NULL,
        database_id  TEXT NOT NULL,
        after_seq    INTEGER NOT NULL,
        last_seq     INTEGER NOT NULL,
        responses    INTEGER NOT NULL,
        answers      INTEGER NOT NULL,
        include_test INTEGER NOT NULL,
        options      TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('planned', 'delivered', 'abandoned')),
        attempts     INTEGER NOT NULL DEFAULT 0,
        delivered_at TEXT NOT NULL DEFAULT '',
        detail       TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (destination, batch_id)
    );
    -- At most one planned batch per destination: it must be delivered before the next.
    CREATE UNIQUE INDEX IF NOT EXISTS batch_one_planned ON batch (destination) WHERE status = 'planned';
    CREATE TABLE IF NOT EXISTS destination (
        name             TEXT PRIMARY KEY,
        last_attempt_at  TEXT NOT NULL DEFAULT '',
        last_delivery_at TEXT NOT NULL DEFAULT '',
        last_error       TEXT NOT NULL DEFAULT '',
        last_error_at    TEXT NOT NULL DEFAULT ''
    );
)sql";

// A prepared statement with positional binds, finalized on scope exit.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (db && sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    bool Ok() const { return stmt_ != nullptr; }
    Statement& Bind(int index, const std::string& text) {
        sqlite3_bind_text(stmt_, index, text.data(), (int)text.size(), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& Bind(int index, int64_t value) {
        sqlite3_bind_int64(stmt_, index, value);
        return *this;
    }
    bool Row() { return stmt_ && sqlite3_step(stmt_) == SQLITE_ROW; }
    bool Run(std::string& error) {
        if (!stmt_ || sqlite3_step(stmt_) != SQLITE_DONE) {
            error = sqlite3_errmsg(db_);
            return false;
        }
        return true;
    }
    int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
    std::string Text(int column) const {
        const unsigned char* t = sqlite3_column_text(stmt_, column);
        return t ? reinterpret_cast<const char*>(t) : "";
    }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

constexpr const char* kBatchColumns =
    "destination, batch_id, database_id, after_seq, last_seq, responses, answers, "
    "include_test, options, created_at, status, attempts, delivered_at, detail";

BatchRecord ReadBatch(const Statement& s) {
    BatchRecord b;
    b.destination = s.Text(0);
    b.batch_id = s.Text(1);
    b.database_id = s.Text(2);
    b.after_seq = s.Int(3);
    b.last_seq = s.Int(4);
    b.responses = s.Int(5);
    b.answers = s.Int(6);
    b.include_test = s.Int(7) != 0;
    b.options_json = s.Text(8);
    b.created_at = s.Text(9);
    const std::string status = s.Text(10);
    b.status = status == "delivered"   ? BatchStatus::Delivered
               : status == "abandoned" ? BatchStatus::Abandoned
                                       : BatchStatus::Planned;
    b.attempts = s.Int(11);
    b.delivered_at = s.Text(12);
    b.detail = s.Text(13);
    return b;
}

} // namespace

const char* ToString(BatchStatus status) {
    switch (status) {
    case BatchStatus::Planned: return "planned";
    case BatchStatus::Delivered: return "delivered";
    case BatchStatus::Abandoned: return "abandoned";
    }
    return "?";
}

SyncState::~SyncState() {
    sqlite3_close(db_);
}

bool SyncState::Exec(const char* sql, std::string& error) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        error = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool SyncState::OpenFile(const std::filesystem::path& file, bool read_only, std::string& error) {
    const int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(file.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        error =
            fmt::format("{}: cannot open: {}", file.string(), db_ ? sqlite3_errmsg(db_) : "out of memory");
        return false;
    }
    sqlite3_busy_timeout(db_, 5000);
    if (read_only) return true;
    std::string step_error;
    if (!Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", step_error) ||
        !Exec("BEGIN IMMEDIATE", step_error)) {
        error = fmt::format("{}: {}", file.string(), step_error);
        return false;
    }
    int version = 0;
    {
        Statement v(db_, "PRAGMA user_version");
        if (v.Row()) version = (int)v.Int(0);
    }
    if (version > kStateVersion) {
        Exec("ROLLBACK", step_error);
        error = fmt::format("{}: state version {} is newer than this program's {}; update kiosk-sync",
                            file.string(), version, kStateVersion);
        return false;
    }
    if (!Exec(kSchema, step_error) ||
        !Exec(fmt::format("PRAGMA user_version={}", kStateVersion).c_str(), step_error) ||
        !Exec("COMMIT", step_error)) {
        error = fmt::format("{}: cannot create the state tables: {}", file.string(), step_error);
        Exec("ROLLBACK", step_error);
        return false;
    }
    return true;
}

bool SyncState::Open(const std::filesystem::path& file, double wait_seconds, bool& locked_by_other,
                     std::string& error) {
    locked_by_other = false;
    std::error_code ec;
    if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path(), ec);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_seconds);
    for (;;) {
        WriterLock::Error lock_error;
        lock_ = WriterLock::Acquire(file, lock_error);
        if (lock_) break;
        if (lock_error.failure != WriterLock::Failure::Held || std::chrono::steady_clock::now() >= deadline) {
            locked_by_other = lock_error.failure == WriterLock::Failure::Held;
            error = locked_by_other
                        ? fmt::format("another kiosk-sync run is in progress (pid {})", lock_error.holder_pid)
                        : lock_error.message;
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return OpenFile(file, /*read_only=*/false, error);
}

bool SyncState::OpenForReading(const std::filesystem::path& file, std::string& error) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return true; // nothing delivered yet
    return OpenFile(file, /*read_only=*/true, error);
}

int64_t SyncState::Cursor(const std::string& destination, const std::string& database_id) {
    Statement s(db_, "SELECT last_seq FROM cursor WHERE destination = ?1 AND database_id = ?2");
    if (!s.Ok()) return 0;
    s.Bind(1, destination).Bind(2, database_id);
    return s.Row() ? s.Int(0) : 0;
}

std::optional<BatchRecord> SyncState::PlannedBatch(const std::string& destination) {
    Statement s(
        db_, fmt::format("SELECT {} FROM batch WHERE destination = ?1 AND status = 'planned'", kBatchColumns)
                 .c_str());
    if (!s.Ok()) return std::nullopt;
    s.Bind(1, destination);
    if (!s.Row()) return std::nullopt;
    return ReadBatch(s);
}

std::optional<BatchRecord> SyncState::FindBatch(const std::string& destination, const std::string& batch_id) {
    Statement s(
        db_,
        fmt::format("SELECT {} FROM batch WHERE destination = ?1 AND batch_id = ?2", kBatchColumns).c_str());
    if (!s.Ok()) return std::nullopt;
    s.Bind(1, destination).Bind(2, batch_id);
    if (!s.Row()) return std::nullopt;
    return ReadBatch(s);
}

bool SyncState::Plan(const BatchRecord& b, std::string& error) {
    Statement s(db_, "INSERT INTO batch (destination, batch_id, database_id, after_seq, last_seq, responses, "
                     "answers, include_test, options, created_at, status) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'planned')");
    if (!s.Ok()) {
        error = sqlite3_errmsg(db_);
        return false;
    }
    s.Bind(1, b.destination)
        .Bind(2, b.batch_id)
        .Bind(3, b.database_id)
        .Bind(4, b.after_seq)
        .Bind(5, b.last_seq);
    s.Bind(6, b.responses).Bind(7, b.answers).Bind(8, (int64_t)b.include_test).Bind(9, b.options_json);
    s.Bind(10, b.created_at);
    return s.Run(error);
}

bool SyncState::MarkDelivered(const BatchRecord& b, int attempts, const std::string& detail,
                              const std::string& now, std::string& error) {
    if (!Exec("BEGIN IMMEDIATE", error)) return false;
    Statement mark(db_, "UPDATE batch SET status = 'delivered', attempts = attempts + ?3, delivered_at = ?4, "
                        "detail = ?5 WHERE destination = ?1 AND batch_id = ?2");
    Statement cursor(db_,
                     "INSERT INTO cursor (destination, database_id, last_seq) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT (destination, database_id) DO UPDATE SET last_seq = max(last_seq, ?3)");
    Statement dest(db_, "INSERT INTO destination (name, last_delivery_at, last_error, last_error_at) "
                        "VALUES (?1, ?2, '', '') ON CONFLICT (name) DO UPDATE SET last_delivery_at = ?2, "
                        "last_error = '', last_error_at = ''");
    mark.Bind(1, b.destination).Bind(2, b.batch_id).Bind(3, (int64_t)attempts).Bind(4, now).Bind(5, detail);
    cursor.Bind(1, b.destination).Bind(2, b.database_id).Bind(3, b.last_seq);
    dest.Bind(1, b.destination).Bind(2, now);
    std::string ignored;
    if (!mark.Run(error) || !cursor.Run(error) || !dest.Run(error) || !Exec("COMMIT", error)) {
        Exec("ROLLBACK", ignored);
        return false;
    }
    return true;
}

bool SyncState::Abandon(const BatchRecord& b, const std::string& why, std::string& error) {
    Statement s(
        db_, "UPDATE batch SET status = 'abandoned', detail = ?3 WHERE destination = ?1 AND batch_id = ?2");
    s.Bind(1, b.destination).Bind(2, b.batch_id).Bind(3, why);
    return s.Run(error);
}

bool SyncState::RecordAttempt(const std::string& destination, const std::string& now, std::string& error) {
    Statement s(db_, "INSERT INTO destination (name, last_attempt_at) VALUES (?1, ?2) "
                     "ON CONFLICT (name) DO UPDATE SET last_attempt_at = ?2");
    s.Bind(1, destination).Bind(2, now);
    return s.Run(error);
}

bool SyncState::RecordError(const std::string& destination, const std::string& message,
                            const std::string& now, int attempts_spent, std::string& error) {
    if (!Exec("BEGIN IMMEDIATE", error)) return false;
    Statement s(db_, "INSERT INTO destination (name, last_error, last_error_at) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT (name) DO UPDATE SET last_error = ?2, last_error_at = ?3");
    Statement attempts(
        db_, "UPDATE batch SET attempts = attempts + ?2 WHERE destination = ?1 AND status = 'planned'");
    s.Bind(1, destination).Bind(2, message).Bind(3, now);
    attempts.Bind(1, destination).Bind(2, (int64_t)attempts_spent);
    std::string ignored;
    if (!s.Run(error) || !attempts.Run(error) || !Exec("COMMIT", error)) {
        Exec("ROLLBACK", ignored);
        return false;
    }
    return true;
}

DestinationRecord SyncState::Destination(const std::string& name) {
    DestinationRecord d;
    d.name = name;
    Statement s(db_, "SELECT last_attempt_at, last_delivery_at, last_error, last_error_at FROM destination "
                     "WHERE name = ?1");
    if (s.Ok() && s.Bind(1, name).Row()) {
        d.last_attempt_at = s.Text(0);
        d.last_delivery_at = s.Text(1);
        d.last_error = s.Text(2);
        d.last_error_at = s.Text(3);
    }
    Statement totals(db_, "SELECT count(*), coalesce(sum(responses), 0) FROM batch WHERE destination = ?1 "
                          "AND status = 'delivered'");
    if (totals.Ok() && totals.Bind(1, name).Row()) {
        d.batches_delivered = totals.Int(0);
        d.responses_delivered = totals.Int(1);
    }
    return d;
}

std::vector<BatchRecord> SyncState::Batches(const std::string& destination) {
    std::vector<BatchRecord> out;
    Statement s(db_, fmt::format("SELECT {} FROM batch WHERE destination = ?1 ORDER BY after_seq, rowid",
                                 kBatchColumns)
                         .c_str());
    if (!s.Ok()) return out;
    s.Bind(1, destination);
    while (s.Row())
        out.push_back(ReadBatch(s));
    return out;
}

} // namespace kiosk
