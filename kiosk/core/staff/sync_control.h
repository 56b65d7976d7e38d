// SyncControl: the staff panel's "Synchronisation" (README "Staff mode"), apart from its
// drawing. The kiosk may not link libcurl, libsodium or OpenSSL, so it never delivers
// anything itself: it runs kiosk-sync as a child process (base/child_process.h) with the
// kiosk's own --config and --db — `status --json` for what the panel shows, `run` for
// "Envoyer maintenant", `export --out DIR` for "Exporter sur une clé USB" — and reads its
// output and exit code (sync/sync_exit.h). Nothing here blocks: the children run while the
// screen is drawn, and Update(), once a frame, takes what they finished.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/child_process.h"

namespace kiosk {

struct KioskConfig;

// One destination as `kiosk-sync status --json` prints it.
struct SyncDestinationStatus {
    std::string name, kind, target; // kind: "dir" or "https"
    std::string last_delivery_at;   // UTC ISO-8601; "" = never
    std::string last_error;         // "" = none (kiosk-sync's words, in English)
    std::string last_error_at;
    std::optional<int64_t> pending; // nothing: the database could not be read
    bool batch_in_progress = false; // a batch planned and not yet confirmed
};

// Parses `kiosk-sync status --json`; nothing, with `error` in words, when it is not that.
std::optional<std::vector<SyncDestinationStatus>> ParseSyncStatus(std::string_view json, std::string& error);

enum class SyncJob { Run, Export };

// How a run, an export or a status read ended, for the panel to put in words.
struct SyncOutcome {
    enum class Kind {
        None,       // nothing finished yet
        Done,       // exit 0
        Partial,    // run: some destination will be retried (exit 3)
        Failed,     // any other exit, or a signal: `exit_code` says which
        NotStarted, // kiosk-sync could not be run (missing?): `detail` says why
        NoDrive,    // export: no configured directory and no removable drive mounted
        NoDir,      // export: the configured directory does not exist (key not plugged in?)
    };
    Kind kind = Kind::None;
    int exit_code = 0;                // kiosk-sync's exit code (sync/sync_exit.h), or -signal
    std::string detail;               // kiosk-sync's last line of output, or why it did not start
    std::filesystem::path export_dir; // export Done: the directory written (kiosk-sync prints it)
    std::filesystem::path target;     // export: where it was asked to write
};

struct SyncControlOptions {
    std::filesystem::path program;        // kiosk-sync
    std::filesystem::path config_file;    // passed as --config
    std::filesystem::path database;       // passed as --db
    std::filesystem::path usb_export_dir; // configured export directory; empty: a removable drive
    std::function<std::vector<std::filesystem::path>()> find_drives; // mounted removable drives
    std::function<void()> on_event; // from a reader thread: output arrived or a child ended
};

// The options for this kiosk: [staff] sync_program, else kiosk-sync beside the running
// executable; the configuration file and database the kiosk uses; the drives found by
// FindRemovableDrives().
SyncControlOptions SyncControlOptionsFor(const KioskConfig& config, std::function<void()> on_event);

class SyncControl {
public:
    explicit SyncControl(SyncControlOptions options);

    // Reads the status again (`status --json`); when a read already runs, once it ends.
    void Refresh();
    // "Envoyer maintenant" / "Exporter sur une clé USB": false, doing nothing, while a run or
    // an export is going on (a second tap).
    bool StartRun();
    bool StartExport();
    // Once a frame: takes what the children finished, logs it, and refreshes the status
    // after a run or export. True when something the panel shows changed.
    bool Update();

    // The status: reading, what was read, and why the last read failed (kind None: it did not).
    bool StatusReading() const { return status_.Running(); }
    bool HasStatus() const { return have_status_; }
    const std::vector<SyncDestinationStatus>& Destinations() const { return destinations_; }
    const SyncOutcome& StatusProblem() const { return status_problem_; }

    // The run or export going on, with its last lines of output, and each one's last outcome.
    std::optional<SyncJob> Running() const;
    std::vector<std::string> JobLines(size_t count) const { return job_.LastLines(count); }
    const SyncOutcome& Last(SyncJob job) const { return job == SyncJob::Run ? last_run_ : last_export_; }

    // Where an export would go: the configured directory, else the first removable drive
    // mounted; empty when neither. `configured` tells which. Looked up again by Refresh() and
    // StartExport(), not on every frame.
    const std::filesystem::path& ExportTarget(bool& configured) const {
        configured = target_configured_;
        return target_;
    }

    const std::filesystem::path& Program() const { return options_.program; }

private:
    std::vector<std::string> Command(std::initializer_list<std::string_view> args) const;
    // How `child` ended; exit 3 is Partial only for a run (`run`), which a later run completes.
    SyncOutcome Finished(const ChildProcess& child, bool run) const;

    SyncControlOptions options_;
    ChildProcess status_, job_;
    bool status_started_ = false; // a status read started and not yet taken by Update
    bool refresh_again_ = false;
    bool have_status_ = false;
    std::vector<SyncDestinationStatus> destinations_;
    SyncOutcome status_problem_;
    std::optional<SyncJob> job_kind_; // the job_ child started last, until Update takes its end
    void FindExportTarget();
    std::filesystem::path target_; // FindExportTarget()
    bool target_configured_ = false;
    std::filesystem::path export_target_; // where the export running writes
    SyncOutcome last_run_, last_export_;
};

} // namespace kiosk
