// SyncState: kiosk-sync's own record of what went where (sync-state.db).
//
// A separate SQLite file that only kiosk-sync writes (responses.db has exactly one writer:
// the kiosk), guarded by an exclusive lock file so that the timer's run and a run started
// from the staff panel never interleave. WAL + synchronous=FULL: a state change returned
// as done is on disk.
//
// The delivery protocol, per destination, is what makes a crash at any instant harmless:
//   1. Plan: the next batch (its response range, options and creation time) is recorded
//      as "planned" BEFORE anything is delivered.
//   2. Deliver: the destination receives the batch (idempotent on the batch id).
//   3. Done: the batch turns "delivered" and the destination's cursor moves to its last
//      seq, in one transaction.
// A run that finds a planned batch delivers that same batch again (same id, same range,
// same options, same creation time: byte-identical content) before planning another, so a
// batch id never names two different contents and no response is skipped.
//
//   cursor(destination, database_id, last_seq)   per responses.db identity: a database the
//       kiosk replaced (corrupt file moved aside) starts from 0 again.
//   batch(destination, batch_id, database_id, after_seq, last_seq, responses, answers,
//         include_test, options, created_at, status planned|delivered|abandoned, attempts,
//         delivered_at, detail)
//   destination(name, last_attempt_at, last_delivery_at, last_error, last_error_at)
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/writer_lock.h"

struct sqlite3;

namespace kiosk {

enum class BatchStatus { Planned, Delivered, Abandoned };

struct BatchRecord {
    std::string destination;
    std::string batch_id;
    std::string database_id;
    int64_t after_seq = 0;
    int64_t last_seq = 0;
    int64_t responses = 0;
    int64_t answers = 0;
    bool include_test = false;
    std::string options_json; // ExportOptions as planned
    std::string created_at;
    BatchStatus status = BatchStatus::Planned;
    int64_t attempts = 0;
    std::string delivered_at;
    std::string detail; // "HTTP 201", "written to …", or why it was abandoned
};

struct DestinationRecord {
    std::string name;
    std::string last_attempt_at;
    std::string last_delivery_at;
    std::string last_error;
    std::string last_error_at;
    int64_t batches_delivered = 0;
    int64_t responses_delivered = 0;
};

// Every write can fail (a full disk, a read-only file): the results are [[nodiscard]], and a
// caller that goes on anyway says so (docs/errors.md).
class SyncState {
public:
    SyncState() = default;
    ~SyncState();
    SyncState(const SyncState&) = delete;
    SyncState& operator=(const SyncState&) = delete;

    // Takes the lock (waiting up to `wait_seconds` for another run to finish), then opens or
    // creates the state file. `locked_by_other` is set when the wait ran out.
    [[nodiscard]] bool Open(const std::filesystem::path& file, double wait_seconds, bool& locked_by_other,
                            std::string& error);
    // Opens without the lock, read-only, for `kiosk-sync status` during a run. Missing file:
    // an empty state.
    [[nodiscard]] bool OpenForReading(const std::filesystem::path& file, std::string& error);

    int64_t Cursor(const std::string& destination, const std::string& database_id);
    std::optional<BatchRecord> PlannedBatch(const std::string& destination);
    std::optional<BatchRecord> FindBatch(const std::string& destination, const std::string& batch_id);

    [[nodiscard]] bool Plan(const BatchRecord& batch, std::string& error);
    // Marks `batch` delivered and moves the destination's cursor to its last_seq.
    [[nodiscard]] bool MarkDelivered(const BatchRecord& batch, int attempts, const std::string& detail,
                                     const std::string& now, std::string& error);
    // A planned batch that can never be delivered (its database was replaced): kept, marked.
    [[nodiscard]] bool Abandon(const BatchRecord& batch, const std::string& why, std::string& error);
    [[nodiscard]] bool RecordAttempt(const std::string& destination, const std::string& now,
                                     std::string& error);
    [[nodiscard]] bool RecordError(const std::string& destination, const std::string& message,
                                   const std::string& now, int attempts_spent, std::string& error);

    DestinationRecord Destination(const std::string& name);
    std::vector<BatchRecord> Batches(const std::string& destination);

private:
    bool Exec(const char* sql, std::string& error);
    bool OpenFile(const std::filesystem::path& file, bool read_only, std::string& error);

    std::optional<WriterLock> lock_;
    sqlite3* db_ = nullptr;
};

const char* ToString(BatchStatus status);

} // namespace kiosk
