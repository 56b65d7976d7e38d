// kiosk-sync — delivers the kiosk's recorded answers to the city, and makes one-off exports.
//
//   kiosk-sync run    [--config FILE] [--db FILE] [--to DEST]... [--include-test]
//   kiosk-sync status [--config FILE] [--db FILE] [--json]
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
#include <chrono>
#include <cstdio>
#include <limits>

#include <CLI/CLI.hpp>
#include <curl/curl.h>
#include <sodium.h>

#include "base/log.h"
#include "base/path_probe.h"
#include "base/version.h"
#include "common/command_line.h"
#include "common/config_path.h"
#include "config/config.h"
#include "export/export_job.h"
#include "kiosk-sync/progress.h"
#include "store/timestamp.h"
#include "survey/survey_loader.h"
#include "sync/secrets.h"
#include "sync/sync_run.h"

using namespace kiosk;

namespace {

enum Exit {
    kOk = 0,
    kBadConfig = 1,
    kBadCommandLine = 2,
    kRetryLater = 3,
    kRefused = 4,
    kNoData = 5,
    kBusy = 6
};

std::string NowUtc() {
    return FormatUtcMillis(std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count());
}

struct Loaded {
    KioskConfig config;
    std::vector<Survey> surveys;
};

// The configuration and the survey definitions (for the wide CSV's columns). Broken survey
// files do not stop the export: their responses get columns from the data.
std::optional<Loaded> Load(const std::string& config_file, const std::string& db_file,
                           const std::string& state_file) {
    Diagnostics diags;
    std::optional<KioskConfig> config = LoadKioskConfig(config_file, diags);
    if (!config) {
        PrintDiagnostics(diags);
        std::fprintf(stderr, "kiosk-sync: invalid configuration %s\n", config_file.c_str());
        return std::nullopt;
    }
    PrintDiagnostics(diags);
    Loaded out{std::move(*config), {}};
    SyncConfig& sync = out.config.sync;
    if (!db_file.empty()) {
        out.config.paths.database = AbsolutePath(db_file);
        if (!sync.state_given) sync.state = out.config.paths.database.parent_path() / "sync-state.db";
    }
    if (!state_file.empty()) sync.state = AbsolutePath(state_file);
    Diagnostics survey_diags;
    out.surveys = LoadSurveys(out.config.paths.surveys, out.config.languages, survey_diags);
    if (survey_diags.HasErrors())
        LogWarning(
            "{} problem(s) in the survey files (kiosk --check-config lists them); responses to a refused "
            "survey are exported with columns taken from the data",
            survey_diags.ErrorCount());
    return out;
}

// Turns a destination into its transport; nothing (and a message) when it cannot run.
std::unique_ptr<Destination> MakeDestination(const DestinationConfig& d, const SyncConfig& sync,
                                             const std::vector<Survey>& surveys,
                                             std::optional<std::optional<Secrets>>& secrets,
                                             std::string& error) {
    if (d.kind == DestinationKind::Directory) return MakeDirDestination(d, surveys);
    std::string token;
    if (!d.token.empty()) {
        if (sync.secrets.empty()) {
            error = fmt::format("destination {} names token \"{}\" but [sync] secrets is not set", d.name,
                                d.token);
            return nullptr;
        }
        if (!secrets) { // loaded once, on first need
            std::string load_error;
            secrets = LoadSecrets(sync.secrets, load_error);
            if (!*secrets) LogError("{}", load_error);
            if (!*secrets) error = load_error;
        }
        if (!*secrets) {
            if (error.empty()) error = fmt::format("{}: the secrets file was refused", sync.secrets.string());
            return nullptr;
        }
        auto found = (*secrets)->tokens.find(d.token);
        if (found == (*secrets)->tokens.end()) {
            error = fmt::format("{}: no token \"{}\" in [tokens] (destination {})", sync.secrets.string(),
                                d.token, d.name);
            return nullptr;
        }
        token = found->second;
    }
    return MakeHttpsDestination(d, std::move(token));
}

int Run(const Loaded& loaded, const std::vector<std::string>& to, bool include_test, double wait_lock) {
    const SyncConfig& sync = loaded.config.sync;
    std::vector<DestinationConfig> destinations = sync.destinations;
    if (!to.empty()) {
        destinations.clear();
        for (const std::string& text : to) {
            std::string error;
            std::optional<DestinationConfig> d = ParseDestinationArgument(text, error);
            if (!d) {
                std::fprintf(stderr, "kiosk-sync: %s\n", error.c_str());
                return kBadCommandLine;
            }
            // A --to URL that is configured keeps its settings (token, CA, time-outs).
            for (const DestinationConfig& configured : sync.destinations)
                if (configured.kind == d->kind && configured.Target() == d->Target()) d = configured;
            if (std::optional<std::string> why = MissingMountPoint(*d)) {
                std::fprintf(
                    stderr,
                    "kiosk-sync: --to %s: %s; a --to directory takes the settings of the destination "
                    "with the same dir in %s: add one there\n",
                    text.c_str(), why->c_str(), loaded.config.file.string().c_str());
                return kBadCommandLine;
            }
            destinations.push_back(*d);
        }
    }
    if (destinations.empty()) {
        LogWarning("no destination: add [[sync.destination]] to {} or give --to",
                   loaded.config.file.string());
        return kOk;
    }

    ResponseSource source;
    std::string error;
    if (!source.Open(loaded.config.paths.database, error)) {
        LogError("{}", error);
        return kNoData;
    }
    SyncState state;
    bool busy = false;
    if (!state.Open(sync.state, wait_lock, busy, error)) {
        LogError("{}: {}", sync.state.string(), error);
        return busy ? kBusy : kNoData;
    }

    std::optional<std::optional<Secrets>> secrets;
    int exit_code = kOk;
    auto worse = [&](int code) {
        // Precedence: a person must act > cannot read > retry later.
        const auto rank = [](int c) {
            return c == kRefused ? 3 : c == kNoData ? 2 : c == kRetryLater ? 1 : 0;
        };
        if (rank(code) > rank(exit_code)) exit_code = code;
    };
    for (const DestinationConfig& d : destinations) {
        std::string make_error;
        std::unique_ptr<Destination> transport =
            MakeDestination(d, sync, loaded.surveys, secrets, make_error);
        if (!transport) {
            LogError("{}: not delivered: {}", d.name, make_error);
            state.RecordError(d.name, make_error, NowUtc(), 0, error);
            worse(kRefused);
            continue;
        }
        Progress progress(d.name);
        SyncContext context{source,
                            state,
                            loaded.config.kiosk_id,
                            include_test || sync.include_test,
                            NowUtc,
                            [&](int64_t done, int64_t total) { progress.Update(done, total); }};
        const DestinationRun run = RunDestination(context, d, *transport);
        progress.Finish();
        if (run.outcome == RunOutcome::Delivered) {
            LogInfo("{}: up to date ({} new response(s) in {} batch(es))", d.name, run.responses,
                    run.batches);
            continue;
        }
        LogError("{}: {} after {} batch(es): {}", d.name, ToString(run.outcome), run.batches, run.error);
        worse(run.outcome == RunOutcome::Permanent ? kRefused
              : run.outcome == RunOutcome::Failed  ? kNoData
                                                   : kRetryLater);
    }
    return exit_code;
}

int Status(const Loaded& loaded, const std::vector<std::string>& to, bool include_test, bool json) {
    const SyncConfig& sync = loaded.config.sync;
    std::vector<DestinationConfig> destinations = sync.destinations;
    for (const std::string& text : to) {
        std::string error;
        if (std::optional<DestinationConfig> d = ParseDestinationArgument(text, error))
            destinations.push_back(*d);
    }
    ResponseSource source;
    std::string source_error;
    const bool have_source = source.Open(loaded.config.paths.database, source_error);
    SyncState state;
    std::string error;
    if (!state.OpenForReading(sync.state, error)) {
        LogError("{}", error);
        return kNoData;
    }
    nlohmann::json out = nlohmann::json::array();
    for (const DestinationConfig& d : destinations) {
        const DestinationRecord r = state.Destination(d.name);
        std::optional<int64_t> pending;
        if (have_source)
            pending = PendingResponses(source, state, d.name, include_test || sync.include_test, error);
        std::optional<BatchRecord> planned = state.PlannedBatch(d.name);
        out.push_back({{"name", d.name},
                       {"kind", d.kind == DestinationKind::Https ? "https" : "dir"},
                       {"target", d.Target()},
                       {"last_attempt_at", r.last_attempt_at},
                       {"last_delivery_at", r.last_delivery_at},
                       {"batches_delivered", r.batches_delivered},
                       {"responses_delivered", r.responses_delivered},
                       {"responses_pending", pending ? nlohmann::json(*pending) : nlohmann::json()},
                       {"batch_in_progress", planned ? nlohmann::json(planned->batch_id) : nlohmann::json()},
                       {"last_error", r.last_error},
                       {"last_error_at", r.last_error_at}});
    }
    if (json) {
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        if (!have_source) std::printf("database: %s\n", source_error.c_str());
        if (destinations.empty())
            std::printf("no destination configured ([[sync.destination]] in kiosk.toml)\n");
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
    }
    return have_source ? kOk : kNoData;
}

int Export(const Loaded& loaded, ExportJob job) {
    ResponseSource source;
    std::string error;
    if (!source.Open(loaded.config.paths.database, error)) {
        LogError("{}", error);
        return kNoData;
    }
    job.kiosk_id = loaded.config.kiosk_id;
    job.created_at = NowUtc();
    Progress progress("export");
    job.progress = [&](int64_t done, int64_t total) { progress.Update(done, total); };
    ExportResult result;
    const auto start = std::chrono::steady_clock::now();
    if (!ExportToDirectory(source, loaded.surveys, job, result, error)) {
        progress.Finish();
        LogError("export: {}", error);
        return kNoData;
    }
    progress.Finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    LogInfo("export: {} response(s), {} answer(s), {} pin(s) in {} ({:.2f} s)", result.counts.responses,
            result.counts.answers, result.counts.pins, result.dir.string(), seconds);
    std::printf("%s\n", result.dir.c_str());
    return kOk;
}

} // namespace

int main(int argc, char** argv) {
    SetLogProgramName("kiosk-sync");
    if (sodium_init() < 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        std::fprintf(stderr, "kiosk-sync: cannot initialise libsodium or libcurl\n");
        return kNoData;
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
                    "Destination instead of the configured ones: dir:/path or an https:// URL "
                    "(repeatable)");
    run->add_flag("--include-test", include_test, "Include test and synthetic responses");
    run->add_option("--wait-lock", wait_lock, "Seconds to wait for another run to finish (default 60)")
        ->check(CLI::Range(0.0, 3600.0));

    bool json = false;
    CLI::App* status =
        cli.add_subcommand("status", "Per destination: last delivery, responses pending, last error");
    status->add_flag("--json", json, "Print JSON (for the staff panel)");
    status->add_option("--to", to, "Also show these destinations (dir:/path or https:// URL)");
    status->add_flag("--include-test", include_test, "Count test responses as pending");

    ExportJob job;
    std::vector<std::string> formats;
    std::string profile = "opendata", since;
    CLI::App* exp = cli.add_subcommand("export", "Write a one-off export into a directory (e.g. a USB key)");
    exp->add_option("--out", job.out_dir, "Directory to write into (a new sub-directory is made)")
        ->required();
    exp->add_option("--format", formats, "csv-wide, csv-long, jsonl or geojson (repeatable; default: all)");
    exp->add_option("--profile", profile, "CSV profile: opendata (default) or excel-fr");
    exp->add_option("--survey", job.filter.survey_id, "Only this survey");
    exp->add_option("--since", since, "Only responses submitted on or after this UTC date (2026-11-01)");
    exp->add_flag("--include-test", job.filter.include_test, "Include test and synthetic responses");
    exp->add_flag("--one-hot", job.options.one_hot,
                  "csv-wide: one 0/1 column per option of multiple choices");
    exp->add_option("--header-language", job.options.header_language,
                    "csv-wide: the questions' text in this language as headers (default: question ids)");
    if (std::optional<int> exit = ParseCommandLine(cli, argc, argv)) return *exit;

    if (exp->parsed()) {
        if (!formats.empty()) job.options.formats.clear();
        for (const std::string& f : formats) {
            std::optional<ExportFormat> format = ParseExportFormat(f);
            if (!format) {
                std::fprintf(stderr, "kiosk-sync: --format %s: use %s\n", f.c_str(),
                             ExportFormatNames().c_str());
                return kBadCommandLine;
            }
            job.options.formats.push_back(*format);
        }
        std::optional<CsvProfile> p = ParseCsvProfile(profile);
        if (!p) {
            std::fprintf(stderr, "kiosk-sync: --profile %s: use opendata or excel-fr\n", profile.c_str());
            return kBadCommandLine;
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
                return kBadCommandLine;
            }
        }
    }

    std::optional<Loaded> loaded = Load(config_file, db_file, state_file);
    if (!loaded) return kBadConfig;
    int code = kOk;
    if (run->parsed()) code = Run(*loaded, to, include_test, wait_lock);
    if (status->parsed()) code = Status(*loaded, to, include_test, json);
    if (exp->parsed()) code = Export(*loaded, job);
    curl_global_cleanup();
    return code;
}
