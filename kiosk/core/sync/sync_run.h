// RunDestination: delivers everything new in responses.db to one destination, batch by
// batch, following SyncState's plan → deliver → done protocol (sync_state.h).
//
// Reading: each batch's responses are read in ONE short read transaction on the read-only
// connection, which ends before delivery starts (a slow share or server never holds the
// kiosk's WAL back). The run stops at the largest seq that existed when it started, so it
// ends even while the kiosk keeps recording.
//
// Batch ids: "<kiosk>.<first 8 hex of the database id>.<after+1>-<last seq>" (ten digits
// each), plus ".t" when test responses are included: a pure function of the response
// range, so the same id always names the same responses.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "export/response_source.h"
#include "survey/survey.h"
#include "sync/destination.h"
#include "sync/sync_config.h"
#include "sync/sync_state.h"

namespace kiosk {

struct SyncContext {
    ResponseSource& source;
    SyncState& state;
    std::string kiosk_id;
    bool include_test = false;
    std::function<std::string()> now;                               // UTC ISO-8601
    std::function<void(int64_t done, int64_t total)> progress = {}; // responses, may be empty
    ExportContext export_context = {}; // licence, demo marker, georeferenced plans: planned with each batch
};

enum class RunOutcome {
    Delivered, // everything up to the run's start is at the destination (or there was nothing)
    Transient, // stopped on an error that a later run may not meet (it retries the same batch)
    Permanent, // stopped on an error a person must fix
    Failed,    // the database or the state file could not be read or written
};

const char* ToString(RunOutcome outcome);

struct DestinationRun {
    std::string name;
    RunOutcome outcome = RunOutcome::Delivered;
    int64_t batches = 0;
    int64_t responses = 0;
    std::string error;
    // Why the state file could not record the attempt or the error ("" = it did): the run's
    // outcome stands, but `kiosk-sync status` will not show it.
    std::string state_error;
};

DestinationRun RunDestination(SyncContext& context, const DestinationConfig& config,
                              Destination& destination);

std::string MakeBatchId(const std::string& kiosk_id, const std::string& database_id, int64_t after_seq,
                        int64_t last_seq, bool include_test);

// True when `name` is a batch id MakeBatchId gives for `kiosk_id` (any database, any range):
// what a delivery may clean up on a share that other kiosks deliver to as well.
bool IsBatchIdOf(const std::string& kiosk_id, std::string_view name);

// Responses not yet delivered to `destination` (for `kiosk-sync status`).
std::optional<int64_t> PendingResponses(ResponseSource& source, SyncState& state,
                                        const std::string& destination, bool include_test,
                                        std::string& error);

} // namespace kiosk
