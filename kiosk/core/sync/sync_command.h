// The policy of kiosk-sync's commands, apart from its command line: what each command
// loads, which destinations it works on, and which exit code a run ends with. Kept here,
// not in apps/kiosk-sync/main.cpp, so that it is unit-tested (tests/unit/sync_command_test.cpp).
//
// Errors follow docs/errors.md: the configuration is read into `Diagnostics` (file:line), a
// bad argument is a message and SyncExit::BadCommandLine, and a run ends with a SyncExit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostics.h"
#include "config/config.h"
#include "export/response_source.h"
#include "survey/survey.h"
#include "sync/sync_config.h"
#include "sync/sync_exit.h"
#include "sync/sync_run.h"
#include "sync/sync_state.h"

namespace kiosk {

// The exit code of a run over several destinations: the one that asks most of a person.
// A person must act (Refused) > nothing can be read or written (NoData) > a later run will
// retry (RetryLater) > Ok. BadConfig, BadCommandLine and Busy end a run before any
// destination, so they never meet another code here.
SyncExit WorseExit(SyncExit current, SyncExit candidate);
// What one destination's outcome means for the exit code.
SyncExit ExitFor(RunOutcome outcome);

// Everything a command needs from the configuration file and the command line.
struct SyncJob {
    KioskConfig config;          // kiosk id, languages, paths (database after --db)
    SyncConfig sync;             // [sync] (state after --db / --state)
    std::vector<Survey> surveys; // for the wide CSV's columns (broken files are left out)
    ExportContext context;       // licence ([sync]), demo marker and georeferenced plans (content)
};

// Reads the configuration file (the kiosk's tables and [sync]) and the surveys. `db_file` and
// `state_file` ("" = not given) override paths.database and sync.state. Nothing when the
// configuration is invalid (every problem in `diags`): SyncExit::BadConfig.
std::optional<SyncJob> LoadSyncJob(const std::filesystem::path& config_file, const std::string& db_file,
                                   const std::string& state_file, Diagnostics& diags);

enum class DestinationChoice {
    Replace, // `run --to`: only the destinations given
    Add,     // `status --to`: the configured ones and those given
};

// The destinations a command works on. Each `--to` text is dir:/path or an https:// URL; one
// that is configured keeps its settings (token, CA, time-outs). Nothing, with `error`
// naming the argument, when one is not a destination or is a directory under /mnt or /media
// without a configured mount_point: SyncExit::BadCommandLine, for `run` and `status` alike.
std::optional<std::vector<DestinationConfig>> ChooseDestinations(const SyncJob& job,
                                                                 const std::vector<std::string>& to,
                                                                 DestinationChoice choice,
                                                                 std::string& error);

// Progress of a run, for the terminal (both may be empty).
struct SyncProgress {
    std::function<void(const std::string& destination, int64_t done, int64_t total)> update;
    std::function<void(const std::string& destination)> finish;
};

struct RunOptions {
    bool include_test = false;        // --include-test (or [sync] include_test)
    double wait_lock = 60;            // seconds to wait for another run
    std::function<std::string()> now; // UTC ISO-8601
    SyncProgress progress;
};

// `kiosk-sync run`: opens the database read-only and the state, delivers to each destination
// in turn, logs one line per destination and returns the exit code.
SyncExit RunSync(const SyncJob& job, const std::vector<DestinationConfig>& destinations,
                 const RunOptions& options);

// The part of RunSync after the files are open (tests give it a state they prepared). An
// error the state file cannot keep is logged — `status` will not show it — and the run ends
// with at least SyncExit::NoData, since the state file could not be written.
SyncExit DeliverAll(const SyncJob& job, const std::vector<DestinationConfig>& destinations,
                    ResponseSource& source, SyncState& state, const RunOptions& options);

// `kiosk-sync status`: one JSON object per destination (name, kind, target, last delivery,
// pending responses, batch in progress, last error). `database_error` is set, and the exit
// code is NoData, when the database cannot be read (pending is then null).
SyncExit SyncStatus(const SyncJob& job, const std::vector<DestinationConfig>& destinations, bool include_test,
                    nlohmann::json& out, std::string& database_error);

// libcurl's and libsodium's process-wide set-up, before any thread starts; false if either fails.
bool InitSyncLibraries();
void CleanupSyncLibraries();

} // namespace kiosk
