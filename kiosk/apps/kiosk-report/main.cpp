// kiosk-report — the printable closing report of the consultation (issue 13): a PDF (A4,
// French typography, in the kiosk's default language) and its figures as CSV and JSON.
//
//   kiosk-report [--config FILE] [--db FILE] --from DATE --to DATE [--survey ID]...
//                [--include-test] [--include-embargoed] --out FILE.pdf
//
// Opens responses.db READ-ONLY, like kiosk-sync and the staff panel's results: it may run
// while the kiosk records. The staff panel runs it as a child process. A range without any
// response makes a report that says so (exit 0).
//
// Exit codes: 0 written; 1 invalid configuration; 2 bad command line (a bad date, an unknown
// survey); 3 the database cannot be read; 4 the report cannot be written where --out says.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <system_error>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sqlite3.h>

#include "base/log.h"
#include "base/version.h"
#include "common/command_line.h"
#include "common/config_path.h"
#include "config/opening_hours.h"
#include "kiosk_data.h"
#include "report/report.h"
#include "store/schema.h"
#include "store/timestamp.h"

using namespace kiosk;

namespace {

constexpr int kExitBadConfig = 1;
constexpr int kExitNoDatabase = 3;
constexpr int kExitCannotWrite = 4;

// "" when `text` is a calendar date "YYYY-MM-DD", else the message.
std::string CheckDate(const char* option, const std::string& text) {
    if (ParseIsoDate(text)) return "";
    return fmt::format("{} {}: expected a date such as 2026-11-01", option, text);
}

// Whether a file can be created at `file` (its directory exists and is writable), tried
// before the database is read so that a typo in --out costs nothing.
std::string CheckWritable(const std::filesystem::path& file) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        return fmt::format("--out {}: is a directory (give the PDF's file name, e.g. {}/bilan.pdf)",
                           file.string(), file.string());
    std::filesystem::path probe = file;
    probe += ".part";
    {
        std::ofstream out(probe, std::ios::binary | std::ios::trunc);
        if (!out)
            return fmt::format("--out {}: cannot write there ({})", file.string(), std::strerror(errno));
    }
    std::filesystem::remove(probe, ec);
    return "";
}

std::string LocalNow(CivilDate& today) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    today = CivilDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", today.year, today.month, today.day, local.tm_hour,
                       local.tm_min);
}

} // namespace

int main(int argc, char** argv) {
    SetLogProgramName("kiosk-report");
    CLI::App cli{
        "Writes the consultation's closing report: a printable PDF (A4) and, beside it, the same figures "
        "as CSV and JSON. Opens the responses database read-only."};
    cli.set_version_flag("--version", std::string("kiosk-report ") + KioskVersion());
    std::string config_file = DefaultConfigPath().string(), db_file, out_file;
    ReportOptions options;
    cli.add_option("--config", config_file,
                   "Configuration file (default: config/kiosk.toml, else /etc/maison-du-projet/kiosk.toml)");
    cli.add_option("--db", db_file, "Responses database (overrides paths.database)");
    cli.add_option("--from", options.from_date, "First day of the report, local date (2026-11-01)")
        ->required();
    cli.add_option("--to", options.to_date, "Last day of the report, included (2026-11-30)")->required();
    cli.add_option("--survey", options.survey_ids, "Only this survey (repeatable; default: every survey)");
    cli.add_flag("--include-test", options.include_test,
                 "Count test and synthetic responses too (the cover says so)");
    cli.add_flag("--include-embargoed", options.include_embargoed,
                 "Print the results of surveys still under embargo too");
    cli.add_option("--out", out_file, "The PDF to write; FILE.csv and FILE.json are written beside it")
        ->required();
    cli.footer("Exit codes: 0 written; 1 invalid configuration; 2 bad command line; 3 database unreadable; "
               "4 the report cannot be written.");
    if (std::optional<int> exit = ParseCommandLine(cli, argc, argv)) return *exit;

    for (const std::string& problem :
         {CheckDate("--from", options.from_date), CheckDate("--to", options.to_date)})
        if (!problem.empty()) {
            std::fprintf(stderr, "kiosk-report: %s\n", problem.c_str());
            return kExitBadCommandLine;
        }
    if (options.to_date < options.from_date) {
        std::fprintf(stderr, "kiosk-report: --to %s is before --from %s\n", options.to_date.c_str(),
                     options.from_date.c_str());
        return kExitBadCommandLine;
    }

    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(config_file, diags);
    PrintDiagnostics(diags);
    if (!data) {
        std::fprintf(stderr, "kiosk-report: invalid configuration %s\n", config_file.c_str());
        return kExitBadConfig;
    }
    if (std::string bad = CheckSurveyIds(*data, options.survey_ids); !bad.empty()) {
        std::fprintf(stderr, "kiosk-report: %s\n", bad.c_str());
        return kExitBadCommandLine;
    }
    if (std::string bad = CheckWritable(out_file); !bad.empty()) {
        std::fprintf(stderr, "kiosk-report: %s\n", bad.c_str());
        return kExitCannotWrite;
    }

    std::error_code ec;
    const std::filesystem::path database =
        db_file.empty() ? data->config.paths.database : std::filesystem::absolute(db_file, ec);
    if (!std::filesystem::exists(database, ec)) {
        std::fprintf(stderr, "kiosk-report: %s: no such database (has the kiosk recorded anything yet?)\n",
                     database.c_str());
        return kExitNoDatabase;
    }
    sqlite3* db = nullptr;
    std::string error;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        !ConfigureConnection(db, true, error)) {
        std::fprintf(stderr, "kiosk-report: %s: cannot open read-only: %s\n", database.c_str(),
                     error.empty() ? sqlite3_errmsg(db) : error.c_str());
        sqlite3_close(db);
        return kExitNoDatabase;
    }
    sqlite3_busy_timeout(db, 5000);
    // Read-only, it cannot add the tallies a newer kiosk keeps: the kiosk (or kiosk-fill)
    // upgrades the file when it next opens it.
    if (const int version = SchemaVersion(db); version != kSchemaVersion) {
        std::fprintf(stderr,
                     "kiosk-report: %s: database schema version %d, this kiosk-report reads version %d%s\n",
                     database.c_str(), version, kSchemaVersion,
                     version < kSchemaVersion ? " (the kiosk upgrades the file when it next starts)" : "");
        sqlite3_close(db);
        return kExitNoDatabase;
    }

    options.generated_at = LocalNow(options.today);
    const auto start = std::chrono::steady_clock::now();
    ReportData report;
    const bool gathered = GatherReport(db, *data, data->profile, options, report, error);
    sqlite3_close(db);
    if (!gathered) {
        std::fprintf(stderr, "kiosk-report: %s: %s\n", database.c_str(), error.c_str());
        return kExitNoDatabase;
    }
    if (!WriteReport(report, out_file, error)) {
        std::fprintf(stderr, "kiosk-report: %s\n", error.c_str());
        return kExitCannotWrite;
    }
    const ReportFiles files = ReportFilesFor(out_file);
    LogInfo("{} response(s) from {} to {}: {} ({:.2f} s)", report.participation.responses.Total(),
            options.from_date, options.to_date, files.pdf.string(),
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    std::printf("%s\n%s\n%s\n", files.pdf.c_str(), files.csv.c_str(), files.json.c_str());
    return 0;
}
