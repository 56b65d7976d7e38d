#include "sync/sync_command.h"

#include <algorithm>

#include <curl/curl.h>
#include <fmt/format.h>
#include <sodium.h>

#include "base/log.h"
#include "base/path_probe.h"
#include "content/content.h"
#include "survey/profile_loader.h"
#include "survey/survey_loader.h"
#include "sync/secrets.h"

namespace kiosk {

namespace {

// What the exports need from the content: the plans' georeferences (pins in WGS84) and
// whether it is the demo. A broken plan file does not stop a delivery: its pins are
// exported in plan coordinates (pins-plan.geojson) and kiosk --check-config says why.
ExportContext LoadExportContext(const KioskConfig& config, const SyncConfig& sync) {
    ExportContext context;
    context.licence = sync.licence;
    Diagnostics diags;
    const Content content = LoadContent(config.paths.content, config.languages, diags);
    for (const Plan& plan : content.plans) {
        context.example = context.example || plan.example;
        if (plan.georef) context.georefs[plan.id] = {*plan.georef, plan.size.x, plan.size.y};
    }
    if (diags.HasErrors())
        LogWarning("{} problem(s) in the content files (kiosk --check-config lists them); pins of a plan "
                   "that is not loaded are exported in plan coordinates",
                   diags.ErrorCount());
    return context;
}

int Rank(SyncExit code) {
    switch (code) {
    case SyncExit::Refused: return 3;
    case SyncExit::NoData: return 2;
    case SyncExit::RetryLater: return 1;
    default: return 0;
    }
}

// Turns a destination into its transport; nothing (and a message) when it cannot run.
// `secrets` is loaded once, on first need.
// The secret named `key` in the secrets file's `table` ("tokens" or "passwords"); "" when
// `key` is empty. Nothing (and a message) when it cannot be had.
std::optional<std::string> FindSecret(const DestinationConfig& d, const SyncJob& job, const char* table,
                                      const std::string& key, std::optional<std::optional<Secrets>>& secrets,
                                      std::string& error) {
    if (key.empty()) return std::string();
    const std::filesystem::path& file = job.sync.secrets;
    const char* what = std::string_view(table) == "tokens" ? "token" : "password";
    if (file.empty()) {
        error =
            fmt::format("destination {} names {} \"{}\" but [sync] secrets is not set", d.name, what, key);
        return std::nullopt;
    }
    Diagnostics diags;
    if (!secrets) secrets = LoadSecrets(file, diags);
    if (!*secrets) {
        error = diags.Empty() ? fmt::format("{}: the secrets file was refused", file.string())
                              : diags.FormatAll();
        return std::nullopt;
    }
    const auto& entries = std::string_view(table) == "tokens" ? (*secrets)->tokens : (*secrets)->passwords;
    auto found = entries.find(key);
    if (found == entries.end()) {
        error =
            fmt::format("{}: no {} \"{}\" in [{}] (destination {})", file.string(), what, key, table, d.name);
        return std::nullopt;
    }
    return found->second;
}

// Turns a destination into its transport; nothing (and a message) when it cannot run.
// `secrets` is loaded once, on first need.
std::unique_ptr<Destination> MakeDestination(const DestinationConfig& d, const SyncJob& job,
                                             std::optional<std::optional<Secrets>>& secrets,
                                             std::string& error) {
    switch (d.kind) {
    case DestinationKind::Directory: return MakeDirDestination(d, job.surveys);
    case DestinationKind::Https:
        if (std::optional<std::string> token = FindSecret(d, job, "tokens", d.token, secrets, error))
            return MakeHttpsDestination(d, std::move(*token));
        return nullptr;
    case DestinationKind::Postgres:
        if (std::optional<std::string> password = FindSecret(d, job, "passwords", d.password, secrets, error))
            return MakePostgresDestination(d, job.surveys,
                                           job.config.languages.empty() ? "fr" : job.config.languages.front(),
                                           std::move(*password));
        return nullptr;
    }
    return nullptr;
}

} // namespace

SyncExit WorseExit(SyncExit current, SyncExit candidate) {
    return Rank(candidate) > Rank(current) ? candidate : current;
}

SyncExit ExitFor(RunOutcome outcome) {
    switch (outcome) {
    case RunOutcome::Delivered: return SyncExit::Ok;
    case RunOutcome::Transient: return SyncExit::RetryLater;
    case RunOutcome::Permanent: return SyncExit::Refused;
    case RunOutcome::Failed: return SyncExit::NoData;
    }
    return SyncExit::NoData;
}

std::optional<SyncJob> LoadSyncJob(const std::filesystem::path& config_file, const std::string& db_file,
                                   const std::string& state_file, Diagnostics& diags) {
    std::optional<KioskConfig> config = LoadKioskConfig(config_file, diags);
    if (!config) return std::nullopt;
    std::optional<SyncConfig> sync = LoadSyncConfig(config_file, config->paths.database, diags);
    if (!sync) return std::nullopt;
    SyncJob job{std::move(*config), std::move(*sync), {}, {}};
    if (!db_file.empty()) {
        job.config.paths.database = AbsolutePath(db_file);
        if (!job.sync.state_given) job.sync.state = job.config.paths.database.parent_path() / "sync-state.db";
    }
    if (!state_file.empty()) job.sync.state = AbsolutePath(state_file);
    Diagnostics survey_diags;
    // With the profile block appended as the kiosk does, its answers get their own columns.
    const ProfileBlock profile = LoadConfiguredProfile(job.config, survey_diags);
    job.surveys = LoadSurveys(job.config.paths.surveys, job.config.languages, survey_diags, &profile,
                              job.config.paths.profile);
    if (survey_diags.HasErrors())
        LogWarning(
            "{} problem(s) in the survey files (kiosk --check-config lists them); responses to a refused "
            "survey are exported with columns taken from the data",
            survey_diags.ErrorCount());
    job.context = LoadExportContext(job.config, job.sync);
    return job;
}

std::optional<std::vector<DestinationConfig>> ChooseDestinations(const SyncJob& job,
                                                                 const std::vector<std::string>& to,
                                                                 DestinationChoice choice,
                                                                 std::string& error) {
    std::vector<DestinationConfig> destinations;
    if (choice == DestinationChoice::Add || to.empty()) destinations = job.sync.destinations;
    for (const std::string& text : to) {
        std::optional<DestinationConfig> d = ParseDestinationArgument(text, error);
        if (!d) return std::nullopt;
        // A --to target that is configured keeps its settings (token, CA, time-outs, mount point).
        for (const DestinationConfig& configured : job.sync.destinations)
            if (configured.kind == d->kind && configured.Target() == d->Target()) d = configured;
        if (std::optional<std::string> why = MissingMountPoint(*d)) {
            error =
                fmt::format("--to {}: {}; a --to directory takes the settings of the destination with the "
                            "same dir in {}: add one there",
                            text, *why, job.config.file.string());
            return std::nullopt;
        }
        const bool listed = std::any_of(destinations.begin(), destinations.end(),
                                        [&](const DestinationConfig& e) { return e.name == d->name; });
        if (!listed) destinations.push_back(*d);
    }
    return destinations;
}

SyncExit DeliverAll(const SyncJob& job, const std::vector<DestinationConfig>& destinations,
                    ResponseSource& source, SyncState& state, const RunOptions& options) {
    std::optional<std::optional<Secrets>> secrets;
    SyncExit exit = SyncExit::Ok;
    for (const DestinationConfig& d : destinations) {
        std::string make_error;
        std::unique_ptr<Destination> transport = MakeDestination(d, job, secrets, make_error);
        if (!transport) {
            LogError("{}: not delivered: {}", d.name, make_error);
            exit = WorseExit(exit, SyncExit::Refused);
            std::string error;
            if (!state.RecordError(d.name, make_error, options.now(), 0, error)) {
                LogError(
                    "{}: the state file could not keep this error, `kiosk-sync status` will not show it: {}",
                    d.name, error);
                exit = WorseExit(exit, SyncExit::NoData);
            }
            continue;
        }
        SyncContext context{source,
                            state,
                            job.config.kiosk_id,
                            options.include_test || job.sync.include_test,
                            options.now,
                            [&](int64_t done, int64_t total) {
                                if (options.progress.update) options.progress.update(d.name, done, total);
                            },
                            job.context};
        const DestinationRun run = RunDestination(context, d, *transport);
        if (options.progress.finish) options.progress.finish(d.name);
        if (!run.state_error.empty()) {
            LogError("{}: the state file could not keep this run's error, `kiosk-sync status` will not show "
                     "it: {}",
                     d.name, run.state_error);
            exit = WorseExit(exit, SyncExit::NoData);
        }
        if (run.outcome == RunOutcome::Delivered) {
            LogInfo("{}: up to date ({} new response(s) in {} batch(es))", d.name, run.responses,
                    run.batches);
            continue;
        }
        LogError("{}: {} after {} batch(es): {}", d.name, ToString(run.outcome), run.batches, run.error);
        exit = WorseExit(exit, ExitFor(run.outcome));
    }
    return exit;
}

SyncExit RunSync(const SyncJob& job, const std::vector<DestinationConfig>& destinations,
                 const RunOptions& options) {
    if (destinations.empty()) {
        LogWarning("no destination: add [[sync.destination]] to {} or give --to", job.config.file.string());
        return SyncExit::Ok;
    }
    ResponseSource source;
    std::string error;
    if (!source.Open(job.config.paths.database, error)) {
        LogError("{}", error);
        return SyncExit::NoData;
    }
    SyncState state;
    bool busy = false;
    if (!state.Open(job.sync.state, options.wait_lock, busy, error)) {
        LogError("{}: {}", job.sync.state.string(), error);
        return busy ? SyncExit::Busy : SyncExit::NoData;
    }
    return DeliverAll(job, destinations, source, state, options);
}

SyncExit SyncStatus(const SyncJob& job, const std::vector<DestinationConfig>& destinations, bool include_test,
                    nlohmann::json& out, std::string& database_error) {
    ResponseSource source;
    const bool have_source = source.Open(job.config.paths.database, database_error);
    SyncState state;
    std::string error;
    if (!state.OpenForReading(job.sync.state, error)) {
        LogError("{}", error);
        return SyncExit::NoData;
    }
    out = nlohmann::json::array();
    for (const DestinationConfig& d : destinations) {
        const DestinationRecord r = state.Destination(d.name);
        std::optional<int64_t> pending;
        if (have_source)
            pending = PendingResponses(source, state, d.name, include_test || job.sync.include_test, error);
        std::optional<BatchRecord> planned = state.PlannedBatch(d.name);
        out.push_back({{"name", d.name},
                       {"kind", ToString(d.kind)},
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
    return have_source ? SyncExit::Ok : SyncExit::NoData;
}

bool InitSyncLibraries() {
    return sodium_init() >= 0 && curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

void CleanupSyncLibraries() {
    curl_global_cleanup();
}

} // namespace kiosk
