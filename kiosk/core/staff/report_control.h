// ReportControl: the Participation section's "Rapport de bilan (PDF)" button (README
// "Evaluation"), apart from its drawing. The kiosk links neither Cairo nor Pango: it runs
// kiosk-report as a child process (base/child_process.h) with its own --config and --db, and
// the period, surveys and test rule staff chose on the screen. The PDF, with its CSV and JSON,
// goes where "Exporter sur une clé USB" writes: [staff] usb_export_dir, else the first
// removable drive mounted. Nothing here blocks: Update(), once a frame, takes the end.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "base/child_process.h"

namespace kiosk {

struct KioskConfig;

struct ReportRequest {
    std::string from_date, to_date;      // local "YYYY-MM-DD", inclusive
    std::vector<std::string> survey_ids; // empty: every survey
    bool include_test = false;
};

struct ReportOutcome {
    enum class Kind {
        None,       // nothing finished yet
        Done,       // exit 0: `pdf` written
        Failed,     // another exit, or a signal: `exit_code`, `detail` (its last line)
        NotStarted, // kiosk-report could not be run: `detail` says why
        NoDrive,    // no configured directory and no removable drive mounted
        NoDir,      // the configured directory does not exist (key not plugged in?)
    };
    Kind kind = Kind::None;
    int exit_code = 0;
    std::string detail;
    std::filesystem::path pdf; // where it was asked to write
};

struct ReportControlOptions {
    std::filesystem::path program;     // kiosk-report
    std::filesystem::path config_file; // passed as --config
    std::filesystem::path database;    // passed as --db
    std::filesystem::path usb_export_dir;
    std::function<std::vector<std::filesystem::path>()> find_drives;
    std::function<void()> on_event; // from a reader thread: the child wrote or ended
};

// [staff] report_program, else kiosk-report beside the running executable; the kiosk's
// configuration file and database; FindRemovableDrives().
ReportControlOptions ReportControlOptionsFor(const KioskConfig& config, std::function<void()> on_event);

// The report's file for a request: "bilan-concertation_<from>_<to>.pdf" in `dir`.
std::filesystem::path ReportFile(const std::filesystem::path& dir, const ReportRequest& request);

class ReportControl {
public:
    explicit ReportControl(ReportControlOptions options);

    // False, doing nothing, while a report is being made (a second tap).
    bool Start(const ReportRequest& request);
    bool Running() const { return child_.Running(); }
    // Once a frame: takes the child's end. True when the outcome changed.
    bool Update();
    const ReportOutcome& Last() const { return last_; }

private:
    ReportControlOptions options_;
    ChildProcess child_;
    bool started_ = false;
    ReportOutcome last_;
};

} // namespace kiosk
