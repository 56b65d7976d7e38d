// kiosk-sync — delivers the kiosk's recorded answers to the city, and makes one-off exports.
//
//   kiosk-sync run    [--config FILE] [--db FILE] [--to DEST]... [--include-test]
//   kiosk-sync status [--config FILE] [--db FILE] [--json]
//   kiosk-sync check  [--config FILE]
//   kiosk-sync postgres-schema [--schema NAME]
//   kiosk-sync export --out DIR [--format FMT]... [--profile P] [--survey ID] [--since DATE]
//                     [--include-test] [--one-hot] [--header-language L]
//
// Run by a systemd timer (config/systemd/) and from the staff panel. It opens responses.db
// READ-ONLY (the kiosk is its only writer), reads each batch in one short read transaction,
// and keeps what it delivered where in its own state file (SyncState), which only it
// writes. See README.md, "Sending answers to the city", and docs/export-formats.md.
//
// Exit codes: 0 everything delivered / exported; 1 invalid configuration; 2 bad command
// line; 3 some destination failed in a way a later run may not (it will retry); 4 a
// destination refused (a person must act: the log says what); 5 the database or the state
// file cannot be read or written; 6 another kiosk-sync run holds the state.
//
// The policy (which destinations, which exit code) is in the sync library,
// core/sync/sync_command.h, where it is unit-tested; this file is the command line and the
// terminal output.
#include <chrono>
#include <cstdio>
#include <limits>

#include <CLI/CLI.hpp>

#include "base/log.h"
#include "base/path_probe.h"
#include "base/version.h"
#include "common/command_line.h"
#include "common/config_path.h"
#include "export/export_job.h"
#include "kiosk-sync/progress.h"
#include "store/timestamp.h"
#include "sync/postgres_schema.h"
#include "sync/sync_command.h"
#include "sync/sync_config.h"

using namespace kiosk;

namespace {

std::string NowUtc() {
    return FormatUtcMillis(std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count());
}

int Code(SyncExit exit) {
    return static_cast<int>(exit);
}

// The configuration (kiosk tables and [sync]) and the surveys; nothing after printing why.
std::optional<SyncJob> Load(const std::string& config_file, const std::string& db_file,
                            const std::string& state_file) {
    Diagnostics diags;
    std::optional<SyncJob> job = LoadSyncJob(config_file, db_file, state_file, diags);
    PrintDiagnostics(diags);
    if (!job) std::fprintf(stderr, "kiosk-sync: invalid configuration %s\n", config_file.c_str());
    return job;
}

int Run(const SyncJob& job, const std::vector<DestinationConfig>& destinations, bool include_test,
        double wait_lock) {
    std::optional<Progress> bar;
    RunOptions options{include_test, wait_lock, NowUtc,
                       SyncProgress{[&](const std::string& name, int64_t done, int64_t total) {
                                        if (!bar) bar.emplace(name);
                                        bar->Update(done, total);
                                    },
                                    [&](const std::string&) {
                                        if (bar) bar->Finish();
                                        bar.reset();
                                    }}};
    return Code(RunSync(job, destinations, options));
}

int Status(const SyncJob& job, const std::vector<DestinationConfig>& destinations, bool include_test,
           bool json) {
    nlohmann::json out;
    std::string database_error;
    const SyncExit exit = SyncStatus(job, destinations, include_test, out, database_error);
    if (out.is_null()) return Code(exit); // the state file could not be read (logged)
    if (json) {
        std::printf("%s\n", out.dump(2).c_str());
        return Code(exit);
    }
    if (!database_error.empty()) std::printf("database: %s\n", database_error.c_str());
    if (destinations.empty()) std::printf("no destination configured ([[sync.destination]] in kiosk.toml)\n");
    for (const nlohmann::json& d : out) {
        auto text = [&](const char* key, const char* none) {
            const std::string s = d[key].is_string() ? d[key].get<std::string>() : "";
            return s.empty() ? std::string(none) : s;
        };
        std::printf("%s (%s %s)\n", text("name", "").c_str(), text("kind", "").c_str(),
                    text("target", "").c_str());
        std::printf("  last delivery:      %s\n", text("last_delivery_at", "never").c_str());
        std::printf("  responses pending:  %s\n",
                    d["responses_pending"].is_null()
                        ? "unknown (database unreadable)"
                        : std::to_string(d["responses_pending"].get<int64_t>()).c_str());
        std::printf("  delivered so far:   %lld response(s) in %lld batch(es)\n",
                    (long long)d["responses_delivered"].get<int64_t>(),
                    (long long)d["batches_delivered"].get<int64_t>());
        if (!d["batch_in_progress"].is_null())
            std::printf("  batch in progress:  %s\n", d["batch_in_progress"].get<std::string>().c_str());
        std::printf("  last error:         %s%s\n", text("last_error", "none").c_str(),
                    d["last_error_at"].get<std::string>().empty()
                        ? ""
                        : (" (" + d["last_error_at"].get<std::string>() + ")").c_str());
    }
    return Code(exit);
}

int Export(const SyncJob& loaded, ExportJob job) {
    ResponseSource source;
    std::string error;
    if (!source.Open(loaded.config.paths.database, error)) {
        LogError("{}", error);
        return Code(SyncExit::NoData);
    }
    job.kiosk_id = loaded.config.kiosk_id;
    job.context = loaded.context;
    job.created_at = NowUtc();
    Progress progress("export");
    job.progress = [&](int64_t done, int64_t total) { progress.Update(done, total); };
    ExportResult result;
    const auto start = std::chrono::steady_clock::now();
    if (!ExportToDirectory(source, loaded.surveys, job, result, error)) {
        progress.Finish();
        LogError("export: {}", error);
        return Code(SyncExit::NoData);
    }
    progress.Finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    LogInfo("export: {} response(s), {} answer(s), {} pin(s) in {} ({:.2f} s)", result.counts.responses,
            result.counts.answers, result.counts.pins, result.dir.string(), seconds);
    std::printf("%s\n", result.dir.c_str());
    return Code(SyncExit::Ok);
}

} // namespace

int main(int argc, char** argv) {
    SetLogProgramName("kiosk-sync");
    if (!InitSyncLibraries()) {
        std::fprintf(stderr, "kiosk-sync: cannot initialise libsodium or libcurl\n");
        return Code(SyncExit::NoData);
    }
    CLI::App cli{"Delivers the kiosk's recorded answers to the city (files on a share or USB key, or HTTPS), "
                 "and makes one-off exports. Opens the responses database read-only."};
    cli.require_subcommand(1);
    cli.set_version_flag("--version", std::string("kiosk-sync ") + KioskVersion());
    std::string config_file = DefaultConfigPath().string();
    std::string db_file, state_file;
    cli.add_option("--config", config_file,
                   "Configuration file (default: config/kiosk.toml, else "
                   "/etc/maison-du-projet/kiosk.toml)");
    cli.add_option("--db", db_file, "Responses database (overrides paths.database)");
    cli.add_option("--state", state_file,
                   "kiosk-sync's state file (overrides sync.state; default: "
                   "sync-state.db beside the database)");
    cli.footer(
        "Exit codes: 0 done; 1 invalid configuration; 2 bad command line; 3 delivery incomplete, a later run "
        "retries; 4 a destination refused (see the log); 5 database or state unreadable; 6 another run is in "
        "progress.");

    std::vector<std::string> to;
    bool include_test = false;
    double wait_lock = 60;
    CLI::App* run = cli.add_subcommand("run", "Deliver everything new to every destination");
    run->add_option("--to", to,
                    "Destination instead of the configured ones: dir:/path, an https:// URL or a "
                    "postgresql:// URI (repeatable)");
    run->add_flag("--include-test", include_test, "Include test and synthetic responses");
    run->add_option("--wait-lock", wait_lock, "Seconds to wait for another run to finish (default 60)")
        ->check(CLI::Range(0.0, 3600.0));

    bool json = false;
    CLI::App* status =
        cli.add_subcommand("status", "Per destination: last delivery, responses pending, last error");
    status->add_flag("--json", json, "Print JSON (for the staff panel)");
    status->add_option("--to", to,
                       "Also show these destinations (dir:/path, https:// URL, postgresql:// URI)");
    status->add_flag("--include-test", include_test, "Count test responses as pending");

    // `kiosk --check-config` checks the kiosk's tables; [sync] is kiosk-sync's alone
    // (docs/architecture.md), so its check is here: the same loading as run, nothing opened.
    CLI::App* check = cli.add_subcommand("check", "Check the configuration ([sync] included) and exit");

    std::string schema = "kiosk";
    CLI::App* postgres_schema = cli.add_subcommand(
        "postgres-schema",
        "Print the SQL that creates the city's answer database (for a DBA who creates it by hand)");
    postgres_schema->add_option("--schema", schema, "PostgreSQL schema (default: kiosk)");

    ExportJob job;
    std::vector<std::string> formats;
    std::string profile = "opendata", since;
    CLI::App* exp = cli.add_subcommand("export", "Write a one-off export into a directory (e.g. a USB key)");
    exp->add_option("--out", job.out_dir, "Directory to write into (a new sub-directory is made)")
        ->required();
    exp->add_option("--format", formats,
                    "csv-wide, csv-long, jsonl, geojson or xlsx (repeatable; default: all)");
    exp->add_option("--profile", profile, "CSV profile: opendata (default) or excel-fr");
    exp->add_option("--survey", job.filter.survey_id, "Only this survey");
    exp->add_option("--since", since, "Only responses submitted on or after this UTC date (2026-11-01)");
    exp->add_flag("--include-test", job.filter.include_test, "Include test and synthetic responses");
    exp->add_flag("--one-hot", job.options.one_hot,
                  "csv-wide: one 0/1 column per option of multiple choices");
    exp->add_option("--header-language", job.options.header_language,
                    "csv-wide: the questions' text in this language as headers (default: question ids)");
    if (std::optional<int> exit = ParseCommandLine(cli, argc, argv)) return *exit;

    if (postgres_schema->parsed()) {
        if (!IsValidSchemaName(schema)) {
            std::fprintf(stderr, "kiosk-sync: --schema %s: use lowercase letters, digits and '_'\n",
                         schema.c_str());
            return Code(SyncExit::BadCommandLine);
        }
        std::printf("%s", PostgresMigrationScript("\"" + schema + "\"", 0).c_str());
        return Code(SyncExit::Ok);
    }

    if (exp->parsed()) {
        if (!formats.empty()) job.options.formats.clear();
        for (const std::string& f : formats) {
            std::optional<ExportFormat> format = ParseExportFormat(f);
            if (!format) {
                std::fprintf(stderr, "kiosk-sync: --format %s: use %s\n", f.c_str(),
                             ExportFormatNames().c_str());
                return Code(SyncExit::BadCommandLine);
            }
            job.options.formats.push_back(*format);
        }
        std::optional<CsvProfile> p = ParseCsvProfile(profile);
        if (!p) {
            std::fprintf(stderr, "kiosk-sync: --profile %s: use opendata or excel-fr\n", profile.c_str());
            return Code(SyncExit::BadCommandLine);
        }
        job.options.profile = *p;
        if (!since.empty()) {
            // A date (the whole day, UTC) or a full timestamp as stored.
            if (since.size() == 10 && ParseUtcMillis(since + "T00:00:00.000Z"))
                job.filter.since = since + "T00:00:00.000Z";
            else if (ParseUtcMillis(since))
                job.filter.since = since;
            else {
                std::fprintf(stderr, "kiosk-sync: --since %s: expected a date such as 2026-11-01\n",
                             since.c_str());
                return Code(SyncExit::BadCommandLine);
            }
        }
    }

    std::optional<SyncJob> loaded = Load(config_file, db_file, state_file);
    if (!loaded) return Code(SyncExit::BadConfig);
    int code = Code(SyncExit::Ok);
    if (check->parsed()) {
        std::printf("%s: valid, %zu destination(s)\n", config_file.c_str(), loaded->sync.destinations.size());
        for (const DestinationConfig& d : loaded->sync.destinations) {
            std::string target = d.Target();
            if (!d.mount_point.empty())
                target += " (only while a file system is mounted on " + d.mount_point.string() + ")";
            std::printf("  %s: %s\n", d.name.c_str(), target.c_str());
        }
    }
    if (run->parsed() || status->parsed()) {
        // Both commands take --to alike: a bad one is a bad command line (exit 2).
        std::string error;
        std::optional<std::vector<DestinationConfig>> destinations = ChooseDestinations(
            *loaded, to, run->parsed() ? DestinationChoice::Replace : DestinationChoice::Add, error);
        if (!destinations) {
            std::fprintf(stderr, "kiosk-sync: %s\n", error.c_str());
            code = Code(SyncExit::BadCommandLine);
        } else if (run->parsed()) {
            code = Run(*loaded, *destinations, include_test, wait_lock);
        } else {
            code = Status(*loaded, *destinations, include_test, json);
        }
    }
    if (exp->parsed()) code = Export(*loaded, job);
    CleanupSyncLibraries();
    return code;
}
