#include "staff/report_control.h"

#include "base/log.h"
#include "base/path_probe.h"
#include "config/config.h"
#include "staff/removable_drives.h"

namespace kiosk {

ReportControlOptions ReportControlOptionsFor(const KioskConfig& config, std::function<void()> on_event) {
    ReportControlOptions options;
    options.program = ToolBesideKiosk(config.staff.report_program, "kiosk-report");
    options.config_file = config.file;
    options.database = config.paths.database;
    options.usb_export_dir = config.staff.usb_export_dir;
    options.find_drives = RemovableDriveMounts;
    options.on_event = std::move(on_event);
    return options;
}

std::filesystem::path ReportFile(const std::filesystem::path& dir, const ReportRequest& request) {
    return dir / ("bilan-concertation_" + request.from_date + "_" + request.to_date + ".pdf");
}

ReportControl::ReportControl(ReportControlOptions options) : options_(std::move(options)) {}

bool ReportControl::Start(const ReportRequest& request) {
    if (child_.Running()) return false;
    last_ = {};
    const std::filesystem::path dir = ExportDirectory(options_.usb_export_dir, options_.find_drives);
    if (dir.empty()) {
        last_.kind = ReportOutcome::Kind::NoDrive;
        LogWarning("staff: report: no removable drive mounted and no [staff] usb_export_dir");
        return true;
    }
    last_.pdf = ReportFile(dir, request);
    if (!ProbePath(dir).IsDirectory()) {
        last_.kind = ReportOutcome::Kind::NoDir;
        LogWarning("staff: report: {} is not a directory (is the key plugged in?)", dir.string());
        return true;
    }
    std::vector<std::string> argv = {options_.program.string(),
                                     "--config",
                                     options_.config_file.string(),
                                     "--db",
                                     options_.database.string(),
                                     "--from",
                                     request.from_date,
                                     "--to",
                                     request.to_date,
                                     "--out",
                                     last_.pdf.string()};
    for (const std::string& survey : request.survey_ids) {
        argv.push_back("--survey");
        argv.push_back(survey);
    }
    if (request.include_test) argv.push_back("--include-test");
    std::string error;
    if (!child_.Start(argv, options_.on_event, error)) {
        last_.kind = ReportOutcome::Kind::NotStarted;
        last_.detail = error;
        LogError("staff: report: {}", error);
        return true;
    }
    started_ = true;
    LogInfo("staff: report: {} → {} started", options_.program.string(), last_.pdf.string());
    return true;
}

bool ReportControl::Update() {
    if (!started_ || child_.Running() || !child_.ExitCode()) return false;
    started_ = false; // taken once
    last_.exit_code = *child_.ExitCode();
    const std::vector<std::string> lines = child_.LastLines(1);
    last_.detail = lines.empty() ? std::string() : lines.back();
    last_.kind = last_.exit_code == 0 ? ReportOutcome::Kind::Done : ReportOutcome::Kind::Failed;
    if (last_.kind == ReportOutcome::Kind::Done)
        LogInfo("staff: report: written to {}", last_.pdf.string());
    else
        LogError("staff: report: kiosk-report exit {}: {}", last_.exit_code,
                 last_.detail.empty() ? "no output" : last_.detail);
    return true;
}

} // namespace kiosk
