// ResponseWriter: the one read-write connection to responses.db, used synchronously.
//
// The ResponseStore's writer thread does all its SQL through this class; it is separate so
// that the connection logic (open, check, move a corrupt file aside, migrate, insert one
// response per transaction) is testable without threads. Not thread-safe: one owner.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/database_file.h"
#include "store/response.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk {

enum class StoreFault;

struct WriteOutcome {
    bool ok = false;
    bool already_recorded = false; // the uuid was in the database already: nothing written
    bool rejected = false;         // the database refuses this response's content (a constraint:
                                   // a program bug). Retrying cannot help; the caller logs it.
    StoreFault fault{};            // when !ok
    std::string detail;            // when !ok: SQLite's message and extended code
    bool file_changed = false;     // the file at the path is not the one open (deleted, replaced,
                                   // renamed): reopen, which starts or opens the file now there
};

// Votes counted per (survey, option) by CountPollVotes.
struct VoteCount {
    std::string option_id;
    bool burst = false;
    int64_t votes = 0;
};

class ResponseWriter {
public:
    ResponseWriter() = default;
    ~ResponseWriter();
    ResponseWriter(const ResponseWriter&) = delete;
    ResponseWriter& operator=(const ResponseWriter&) = delete;

    // Opens `database` read-write (creating it with `file_mode`, whatever the umask, and its
    // directory if needed). A file that is not one of the kiosk's databases
    // (InspectDatabaseFile) is refused untouched (fault IoError). Before writing anything it
    // runs PRAGMA quick_check — a corrupt file is moved aside and a new one started
    // (`moved_aside` receives the old file's new path) — and refuses a schema newer than this
    // program (fault TooNew, file untouched). Then: WAL, synchronous=FULL, migrations, the
    // application id. It records which files (device, inode) the database, -wal and -shm are.
    // On failure the connection is closed and the outcome names the fault.
    WriteOutcome Open(const std::filesystem::path& database, int busy_timeout_ms, std::string& moved_aside,
                      mode_t file_mode = kDatabaseMode);
    bool IsOpen() const { return db_ != nullptr; }
    void Close();

    // Inserts `response` and its answers in one BEGIN IMMEDIATE … COMMIT. ok only when COMMIT
    // returned SQLITE_OK (or the uuid was already there) AND the files at the database's path
    // are still the ones opened: a database deleted, replaced or renamed while open would keep
    // the commit where nobody finds it, so that is a fault (IoError, `file_changed`), checked
    // before COMMIT (then rolled back) and after it. On failure everything is rolled back and
    // the database is as before.
    WriteOutcome Insert(const Response& response);

    // Hides (or shows again) the free-text answer to `question_id` of the response `uuid` in
    // on-screen results: one row of hidden_answer written or deleted, one transaction. The
    // response itself is never touched. An unknown uuid is `rejected` (foreign key).
    WriteOutcome SetHidden(const std::string& uuid, const std::string& question_id, bool hidden,
                           const std::string& now_utc);

    // Complete, non-test votes on `question_id` of `survey_id`, per option and burst flag.
    bool CountPollVotes(const std::string& survey_id, const std::string& question_id,
                        std::vector<VoteCount>& out, std::string& error);

    sqlite3* Handle() const { return db_; }

    // Why the database, -wal or -shm at the path is no longer the file opened ("" if it is).
    std::string FileChanged() const;

private:
    WriteOutcome Fail(int code, const char* what);
    bool Prepare();

    std::filesystem::path path_;
    FileIdentity opened_[3]; // the database, -wal, -shm as opened (a missing one is not checked)
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_response_ = nullptr;
    sqlite3_stmt* insert_answer_ = nullptr;
    sqlite3_stmt* begin_ = nullptr;
    sqlite3_stmt* commit_ = nullptr;
    sqlite3_stmt* rollback_ = nullptr;
};

// The fault an SQLite result code means (extended codes and errno-driven I/O errors).
StoreFault ClassifySqliteError(int extended_code, int system_errno);

} // namespace kiosk
