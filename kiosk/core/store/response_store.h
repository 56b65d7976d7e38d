// ResponseStore: records responses in responses.db, off the UI thread, never losing one.
//
// Guarantees (README "Recording answers"):
//   - ONE writer: the store's thread owns the only read-write connection, and the process
//     holds an exclusive advisory lock on "<database>.lock" (WriterLock) for the store's
//     lifetime, so no second kiosk or kiosk-fill can write the same file
//     (docs/storage.md, "One writer": the WAL-reset bug of SQLite 3.40 needs two
//     connections writing or checkpointing at once).
//   - Every response is one BEGIN IMMEDIATE … COMMIT (WAL, synchronous=FULL). A ticket turns
//     Committed only after COMMIT returned SQLITE_OK: that is when the thank-you may show.
//   - Idempotent on the response UUID: submitting the same UUID twice (double tap, retry
//     after an ambiguous failure) records it once.
//   - Faults (disk full, read-only, locked, I/O error) never crash and never drop an answer:
//     it stays in memory, at the head of the queue, and is retried (back-off from
//     retry_seconds to max_retry_seconds, or at once on RetryNow()). Status() exposes the
//     fault for the visitor's message and the staff alert.
//   - At start-up (and when reopening after an I/O error): PRAGMA quick_check before any
//     write; a corrupt file is renamed aside
//     ("responses.db.corrupt-20261127T141503Z", its -wal and -shm likewise; never deleted),
//     a new database is started, a log line says so and Status().moved_aside stays set.
//   - The file is still the one at its path: before acknowledging a commit the writer checks
//     that the database, -wal and -shm at the path are the files it opened (device, inode).
//     Deleted, replaced or renamed: fault IoError, the answer kept, the connection closed;
//     the reopen then starts a new database at the path (or opens the kiosk database now
//     there; anything else is refused untouched) and records the kept answers there once.
//     Status().file_changes counts it and keeps the staff alert on. The writer lock file is
//     checked likewise before every insert and taken again when it is no longer at its path.
//   - A path naming a file that is not one of the kiosk's databases (database_file.h) is
//     never written nor renamed: fault IoError, answers kept.
//   - New files (database, -wal, -shm, lock) get options.file_mode whatever the umask.
//   - The log names responses by uuid and counts, never their answers (free text is personal).
//   - Rows are never updated or deleted.
//
// Threading: every public method may be called from any thread and returns at once (a
// mutex guards the queue and states; SQL runs only on the writer thread, which never holds
// that mutex during SQL). The UI submits, then polls State(ticket) / Status() / Tally()
// each frame; `on_change` (the kiosk passes WakeMainLoop) is called from the writer thread
// after every change worth a redraw. Only tools and tests use the Wait* calls.
//
// Shutdown (destructor): responses still queued get one last attempt; any that cannot be
// committed are written to "<database>.unrecorded-<time>.jsonl" (unrecorded_file.h) and
// counted in the log with their uuids ("unrecorded response(s) at shutdown"), then the
// connection closes and the lock is released.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/database_file.h"
#include "store/response.h"

namespace kiosk {

// Why recording is not possible right now. Visitors see one message whatever the cause
// (catalogue key "surveys.recording.delayed"); staff see the alert marker and the log names
// the cause (ToString); the staff panel will give each cause its own literal catalogue key.
enum class StoreFault {
    None,
    Locked,   // another process holds the database (SQLITE_BUSY, or the writer lock)
    ReadOnly, // file, directory or file system not writable
    DiskFull, // SQLITE_FULL, or a write refused for lack of space / file size limit
    IoError,  // other I/O failure (cannot open, disk error)
    TooNew,   // the file's schema is newer than this program: update the software
};

const char* ToString(StoreFault fault); // "none", "locked", "read_only", "disk_full", …

// The state of one submitted response.
enum class RecordState {
    Unknown,   // no such ticket (or forgotten long after it committed)
    Queued,    // waiting for the writer thread
    Retrying,  // an attempt failed: kept in memory, will be retried (see Status().fault)
    Committed, // COMMIT returned SQLITE_OK: the response is in the database
    Rejected,  // malformed (empty ids, bad timestamps: a program bug) or refused by a schema
               // constraint: logged in full as JSON at error level, never retried
               // (visitors: "surveys.recording.rejected")
};

struct StoreStatus {
    bool open = false;                   // the database is open and migrated
    StoreFault fault = StoreFault::None; // the last attempt's fault (None once one succeeds)
    std::string detail;                  // technical detail of the fault, for the log and staff
    size_t pending = 0;                  // responses submitted and not yet committed
    int64_t committed = 0;               // responses committed since the store started
    std::string moved_aside;             // path of a corrupt file moved aside at start-up ("" if none)
    int64_t hidden_changes = 0;          // SetHidden requests written since the store started
    int64_t file_changes = 0; // times the open file was found deleted, replaced or renamed at its path
    std::filesystem::path database;

    // Staff must look: recording fails (answers wait in memory), a corrupt file was moved
    // aside, or the database file was taken away while open (what it held is elsewhere or gone).
    bool Alert() const { return fault != StoreFault::None || !moved_aside.empty() || file_changes > 0; }
};

// Votes per option of a poll, for the results bars after voting. Counts complete, non-test
// responses of every version of the poll; burst votes are counted apart, not in `votes`.
struct PollTally {
    bool loaded = false; // false until the start-up count has run (the database may be down)
    std::map<std::string, int64_t, std::less<>> votes; // option id → votes
    int64_t total = 0;                                 // sum of `votes`
    int64_t burst_votes = 0;                           // flagged burst, not in `votes`
};

// A poll whose votes the store counts: the survey id and its one question.
struct TalliedPoll {
    std::string survey_id;
    std::string question_id;
};

struct StoreOptions {
    std::filesystem::path database;  // responses.db (its directory is created if missing)
    std::vector<TalliedPoll> polls;  // counted at start-up, then after every commit
    std::function<void()> on_change; // called on the writer thread after changes (may be empty)
    int busy_timeout_ms = 5000;      // how long one attempt waits for a lock held elsewhere
    double retry_seconds = 2.0;      // first retry delay after a fault …
    double max_retry_seconds = 30.0; // … doubling up to this
    // When another process holds the writer lock: keep retrying (the kiosk: kiosk-fill will
    // end) or give up at once with fault Locked (kiosk-fill: never wait behind the kiosk).
    bool wait_for_lock = true;
    // Mode of new files, whatever the umask: kDatabaseMode, or kDatabaseModeSharedWithGroup
    // when kiosk-sync (a user of the kiosk's group) reads the database.
    mode_t file_mode = kDatabaseMode;
};

using Ticket = uint64_t;

class ResponseStore {
public:
    // Starts the writer thread, which opens (and if needed creates, checks, migrates) the
    // database in the background. Never throws for database problems: see Status().
    explicit ResponseStore(StoreOptions options);
    ~ResponseStore();
    ResponseStore(const ResponseStore&) = delete;
    ResponseStore& operator=(const ResponseStore&) = delete;

    // Queues `response` for recording and returns its ticket at once. A response without a
    // uuid gets a new UUID v4. A uuid already submitted returns that submission's ticket
    // (a double tap records once). Accepted even while faulty: it waits in memory.
    Ticket Submit(Response response);
    RecordState State(Ticket ticket) const;
    // The uuid recorded under `ticket` ("" if unknown).
    std::string Uuid(Ticket ticket) const;

    StoreStatus Status() const;
    // Current tally of `survey_id` (a copy; cheap). An unknown poll gives an empty, unloaded tally.
    PollTally Tally(std::string_view survey_id) const;

    // Hides (hidden = true) or shows again the free-text answer to `question_id` of the
    // response `uuid` in on-screen results (staff moderation; issue 12). Queued for the writer
    // thread like a response — the store's connection is the only one that writes
    // (docs/storage.md, "One writer") — and applied in order, after the responses submitted
    // before it; retried after a fault like them. The answer itself is never changed or
    // deleted: exports carry it with a `hidden` flag. `on_change` is called once it is in the
    // database; StoreStatus::hidden_changes counts those. An unknown uuid is logged and dropped.
    void SetHidden(std::string uuid, std::string question_id, bool hidden);

    // Retry a failed attempt now instead of at the end of the back-off (staff "retry").
    void RetryNow();

    // --- tools and tests only (the UI never blocks) ---
    // Waits until the first open attempt finished (success or fault); returns Status().
    StoreStatus WaitUntilOpen(double timeout_seconds) const;
    // Waits until `ticket` is Committed (true) or the timeout passed (false).
    bool WaitCommitted(Ticket ticket, double timeout_seconds) const;
    // Waits until nothing is pending — responses and SetHidden requests — (true) or the
    // timeout passed (false).
    bool WaitIdle(double timeout_seconds) const;
    // Waits until nothing is pending, a fault is set, the file was found changed (see
    // StoreStatus::file_changes) or the timeout passed; returns Status() then.
    StoreStatus WaitIdleOrFault(double timeout_seconds) const;
    // Stops the writer thread now and returns the final status (what was committed, what was
    // not). `last_attempt`: try once more to record what is queued, and save what still fails
    // beside the database (the destructor does). Without (kiosk-fill, whose responses are
    // synthetic and made again by running it again), what is queued is only counted in the log.
    // Afterwards Submit() only queues. Called again, or by the destructor: nothing more.
    StoreStatus Stop(bool last_attempt);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk
