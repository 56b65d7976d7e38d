#include "staff/sync_control.h"

#include <nlohmann/json.hpp>

#include "base/log.h"
#include "base/path_probe.h"
#include "config/config.h"
#include "staff/removable_drives.h"
#include "sync/sync_exit.h"

namespace kiosk {

namespace {

std::string StringField(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The last line a child wrote: kiosk-sync logs why it failed last ("kiosk-sync: error: …").
std::string LastLine(const ChildProcess& child) {
    const std::vector<std::string> lines = child.LastLines(1);
    return lines.empty() ? std::string() : lines.back();
}

// For the log: what kiosk-sync said last, or that it said nothing.
std::string Said(const SyncOutcome& outcome) {
    return outcome.detail.empty() ? "no output" : outcome.detail;
}

std::string Trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

std::optional<std::vector<SyncDestinationStatus>> ParseSyncStatus(std::string_view json, std::string& error) {
    const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_array()) {
        error = parsed.is_discarded() ? "kiosk-sync status --json: not JSON"
                                      : "kiosk-sync status --json: not a list of destinations";
        return std::nullopt;
    }
    std::vector<SyncDestinationStatus> out;
    for (const nlohmann::json& d : parsed) {
        if (!d.is_object() || StringField(d, "name").empty()) {
            error = "kiosk-sync status --json: a destination without a name";
            return std::nullopt;
        }
        SyncDestinationStatus s;
        s.name = StringField(d, "name");
        s.kind = StringField(d, "kind");
        s.target = StringField(d, "target");
        s.last_delivery_at = StringField(d, "last_delivery_at");
        s.last_error = StringField(d, "last_error");
        s.last_error_at = StringField(d, "last_error_at");
        if (const auto it = d.find("responses_pending"); it != d.end() && it->is_number_integer())
            s.pending = it->get<int64_t>();
        if (const auto it = d.find("batch_in_progress"); it != d.end()) s.batch_in_progress = it->is_string();
        out.push_back(std::move(s));
    }
    return out;
}

SyncControlOptions SyncControlOptionsFor(const KioskConfig& config, std::function<void()> on_event) {
    SyncControlOptions options;
    options.program = ToolBesideKiosk(config.staff.sync_program, "kiosk-sync");
    options.config_file = config.file;
    options.database = config.paths.database;
    options.usb_export_dir = config.staff.usb_export_dir;
    options.find_drives = RemovableDriveMounts;
    options.on_event = std::move(on_event);
    return options;
}

SyncControl::SyncControl(SyncControlOptions options) : options_(std::move(options)) {}

std::vector<std::string> SyncControl::Command(std::initializer_list<std::string_view> args) const {
    std::vector<std::string> argv = {options_.program.string(), "--config", options_.config_file.string(),
                                     "--db", options_.database.string()};
    for (std::string_view a : args)
        argv.emplace_back(a);
    return argv;
}

void SyncControl::Refresh() {
    FindExportTarget();
    if (status_.Running()) {
        refresh_again_ = true;
        return;
    }
    refresh_again_ = false;
    std::string error;
    if (!status_.Start(Command({"status", "--json"}), options_.on_event, error)) {
        status_problem_ = {.kind = SyncOutcome::Kind::NotStarted, .detail = error};
        LogError("staff: sync status: {}", error);
        return;
    }
    status_started_ = true;
}

bool SyncControl::StartRun() {
    if (job_.Running()) return false; // a second tap while a run or an export goes on
    std::string error;
    last_run_ = {};
    if (!job_.Start(Command({"run"}), options_.on_event, error)) {
        last_run_ = {.kind = SyncOutcome::Kind::NotStarted, .detail = error};
        LogError("staff: Envoyer maintenant: {}", error);
        return true;
    }
    job_kind_ = SyncJob::Run;
    LogInfo("staff: Envoyer maintenant: {} run started", options_.program.string());
    return true;
}

void SyncControl::FindExportTarget() {
    target_configured_ = !options_.usb_export_dir.empty();
    target_ = ExportDirectory(options_.usb_export_dir, options_.find_drives);
}

bool SyncControl::StartExport() {
    if (job_.Running()) return false;
    last_export_ = {};
    FindExportTarget(); // a key plugged in since the section opened
    const std::filesystem::path target = target_;
    if (target.empty()) {
        last_export_.kind = SyncOutcome::Kind::NoDrive;
        LogWarning(
            "staff: Exporter sur une clé USB: no removable drive mounted and no [staff] usb_export_dir");
        return true;
    }
    last_export_.target = target;
    if (!ProbePath(target).IsDirectory()) {
        last_export_.kind = SyncOutcome::Kind::NoDir;
        LogWarning("staff: Exporter sur une clé USB: {} is not a directory (is the key plugged in?)",
                   target.string());
        return true;
    }
    std::string error;
    if (!job_.Start(Command({"export", "--out", target.string()}), options_.on_event, error)) {
        last_export_.kind = SyncOutcome::Kind::NotStarted;
        last_export_.detail = error;
        LogError("staff: Exporter sur une clé USB: {}", error);
        return true;
    }
    export_target_ = target;
    job_kind_ = SyncJob::Export;
    LogInfo("staff: Exporter sur une clé USB: export into {} started", target.string());
    return true;
}

std::optional<SyncJob> SyncControl::Running() const {
    return job_.Running() ? job_kind_ : std::nullopt;
}

SyncOutcome SyncControl::Finished(const ChildProcess& child, bool run) const {
    SyncOutcome outcome;
    outcome.exit_code = child.ExitCode().value_or(-1);
    outcome.detail = LastLine(child);
    if (outcome.exit_code == (int)SyncExit::Ok)
        outcome.kind = SyncOutcome::Kind::Done;
    else if (outcome.exit_code == (int)SyncExit::RetryLater && run) // an export has no "later"
        outcome.kind = SyncOutcome::Kind::Partial;
    else
        outcome.kind = SyncOutcome::Kind::Failed;
    return outcome;
}

bool SyncControl::Update() {
    bool changed = false;
    if (status_started_ && !status_.Running()) {
        status_started_ = false; // taken once
        const std::string out = status_.Stdout();
        const int code = *status_.ExitCode();
        std::string error;
        std::optional<std::vector<SyncDestinationStatus>> parsed = ParseSyncStatus(out, error);
        SyncOutcome problem;
        // Exit 5 (database unreadable) still prints the destinations, with pending null.
        if (parsed) {
            destinations_ = std::move(*parsed);
            have_status_ = true;
            if (code != (int)SyncExit::Ok) problem = Finished(status_, false);
        } else {
            problem = Finished(status_, false);
            if (problem.kind == SyncOutcome::Kind::Done) {
                problem.kind = SyncOutcome::Kind::Failed; // exit 0 with output that is not the status
                problem.detail = error;
            }
        }
        if (problem.kind != SyncOutcome::Kind::None)
            LogError("staff: sync status: exit {}: {}", problem.exit_code,
                     problem.detail.empty() ? Trimmed(out) : problem.detail);
        status_problem_ = problem;
        changed = true;
    }
    if (refresh_again_ && !status_.Running()) Refresh();
    if (job_kind_ && !job_.Running() && job_.ExitCode()) {
        const SyncJob kind = *job_kind_;
        job_kind_.reset();
        if (kind == SyncJob::Run) {
            last_run_ = Finished(job_, true);
            if (last_run_.kind == SyncOutcome::Kind::Failed)
                LogError("staff: Envoyer maintenant: kiosk-sync run exit {}: {}", last_run_.exit_code,
                         Said(last_run_));
            else
                LogInfo("staff: Envoyer maintenant: kiosk-sync run exit {}", last_run_.exit_code);
        } else {
            last_export_ = Finished(job_, false);
            last_export_.target = export_target_;
            if (last_export_.kind == SyncOutcome::Kind::Done) {
                // kiosk-sync prints the directory it wrote, after fsyncing every file and it.
                last_export_.export_dir = Trimmed(job_.Stdout());
                LogInfo("staff: Exporter sur une clé USB: written durably into {}",
                        last_export_.export_dir.string());
            } else {
                LogError("staff: Exporter sur une clé USB: kiosk-sync export exit {}: {}",
                         last_export_.exit_code, Said(last_export_));
            }
        }
        Refresh(); // pending counts and last delivery changed
        changed = true;
    }
    return changed;
}

} // namespace kiosk
