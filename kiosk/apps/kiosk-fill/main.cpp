// kiosk-fill — records synthetic, valid responses through the kiosk's own store code.
//
//   kiosk-fill --config FILE [--db FILE] --survey ID --count N [--seed S] [--language L]
//
// For tests, benchmarks and demonstrations of the export. Every response is produced by
// walking the survey like a visitor (show_if, validation), then recorded by the same
// ResponseStore as the kiosk (one transaction each). They are marked origin "synthetic"
// and is_test = 1. kiosk-fill refuses to run while another process (the kiosk) holds the
// database's writer lock: two writers are exactly what the store forbids.
//
// It prints "N of COUNT recorded" every second while it runs. A fault of the store (disk full,
// I/O error, the database file deleted, replaced or renamed under it) ends the run at once
// with what was and was not recorded: kiosk-fill does not wait for faults to pass.
//
// Exit codes: 0 recorded; 1 invalid configuration (a --db / paths.database that is not a
// responses database included) or unknown survey; 2 bad command line; 3 the database is held
// by another process (the kiosk); 4 recording failed.
#include <chrono>
#include <cstdio>
#include <random>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "base/log.h"
#include "base/path_probe.h"
#include "common/command_line.h"
#include "common/config_path.h"
#include "common/database_path.h"
#include "kiosk_data.h"
#include "store/response_store.h"
#include "survey/synthetic_answers.h"

using namespace kiosk;

int main(int argc, char** argv) {
    SetLogProgramName("kiosk-fill");
    CLI::App cli{"Records N synthetic valid responses to a survey through the kiosk's store (for tests and "
                 "benchmarks). Refuses to run while the kiosk holds the database."};
    std::string config_file = DefaultConfigPath().string();
    std::string db_file, survey_id, language;
    long long count = 0;
    unsigned long long seed = 0;
    bool seed_given = false;
    cli.add_option("--config", config_file, "Configuration file (default: config/kiosk.toml)");
    cli.add_option("--db", db_file, "Responses database (overrides paths.database)");
    cli.add_option("--survey", survey_id, "Survey or poll id")->required();
    cli.add_option("--count", count, "Number of responses to record")
        ->required()
        ->check(CLI::Range(1LL, 10'000'000LL));
    cli.add_option_function<unsigned long long>(
        "--seed", [&](const unsigned long long& s) { seed = s, seed_given = true; },
        "Random seed for the answers (default: random); UUIDs are always random");
    cli.add_option("--language", language,
                   "Language of every response (default: mostly the first configured)");
    if (std::optional<int> exit = ParseCommandLine(cli, argc, argv)) return *exit;

    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(config_file, diags);
    if (data && !UseDatabasePath(data->config, db_file, diags)) data.reset();
    PrintDiagnostics(diags);
    if (!data) {
        std::fprintf(stderr, "kiosk-fill: invalid configuration %s\n", config_file.c_str());
        return 1;
    }
    const Survey* survey = data->FindSurvey(survey_id);
    if (!survey) {
        std::string known;
        for (const Survey& s : data->surveys)
            known += (known.empty() ? "" : ", ") + s.id;
        std::fprintf(stderr, "kiosk-fill: no survey \"%s\" in %s (loaded: %s)\n", survey_id.c_str(),
                     data->config.paths.surveys.c_str(), known.empty() ? "none" : known.c_str());
        return 1;
    }
    const std::vector<std::string>& languages = data->config.languages;
    if (!language.empty() && std::find(languages.begin(), languages.end(), language) == languages.end()) {
        std::fprintf(stderr, "kiosk-fill: --language %s is not one of the kiosk's languages\n",
                     language.c_str());
        return kExitBadCommandLine;
    }
    StoreOptions options = ResponseStoreOptions(*data);
    options.wait_for_lock = false;
    options.retry_seconds = 0.5;
    options.max_retry_seconds = 2.0;
    ResponseStore store(options);
    StoreStatus status = store.WaitUntilOpen(60.0);
    if (!status.open && status.fault == StoreFault::Locked) {
        std::fprintf(stderr,
                     "kiosk-fill: refusing to run: %s. Stop the kiosk first: the database has one writer.\n",
                     status.detail.c_str());
        return 3;
    }
    if (!status.open) {
        std::fprintf(stderr, "kiosk-fill: cannot record into %s: %s\n", options.database.c_str(),
                     status.detail.c_str());
        return 4;
    }

    std::mt19937_64 rng(seed_given ? seed : std::random_device{}());
    std::uniform_int_distribution<int> mostly_default(0, 4);
    const auto start = std::chrono::steady_clock::now();
    const long long now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    // Progress every second, from the start; any fault ends the run at once (the store would
    // retry for ever, as the kiosk must, but a tool must say what happened and stop).
    const auto progress_every = std::chrono::seconds(1);
    auto next_progress = start + progress_every;
    auto report_progress = [&](const StoreStatus& now) {
        if (std::chrono::steady_clock::now() < next_progress) return;
        std::printf("kiosk-fill: %lld of %lld recorded\n", (long long)now.committed, count);
        std::fflush(stdout);
        next_progress += progress_every;
    };
    auto stopped = [](const StoreStatus& now) {
        return now.fault != StoreFault::None || now.file_changes > 0;
    };
    for (long long i = 0; i < count; i++) {
        if (i % 1024 == 1023) {
            status = store.Status();
            if (stopped(status)) break;
            report_progress(status);
        }
        std::string lang = language;
        if (lang.empty())
            lang =
                mostly_default(rng) == 0
                    ? languages[(size_t)std::uniform_int_distribution<size_t>(0, languages.size() - 1)(rng)]
                    : languages.front();
        store.Submit(SyntheticResponse(*survey, data->config.kiosk_id, lang, now_ms, rng));
    }
    for (;;) {
        status = store.WaitIdleOrFault(0.25);
        if (status.pending == 0 || stopped(status)) break;
        report_progress(status);
    }
    // No last attempt: what is still queued is reported, not retried behind the user's back.
    status = store.Stop(false);
    if (status.committed < count || status.file_changes > 0) {
        std::string why = status.fault != StoreFault::None
                              ? fmt::format("({}): {}", ToString(status.fault), status.detail)
                              : "responses refused by the database (see the log)";
        if (status.file_changes > 0)
            why =
                "the database file was deleted, replaced or renamed during the run: what was recorded before "
                "is in that file, not at this path";
        std::fprintf(stderr, "kiosk-fill: recording into %s failed %s; %lld of %lld recorded, %lld not\n",
                     options.database.c_str(), why.c_str(), (long long)status.committed, count,
                     count - (long long)status.committed);
        return 4;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("kiosk-fill: recorded %lld response(s) to \"%s\" in %s (%.2f s, %.0f per second)\n", count,
                survey->id.c_str(), options.database.c_str(), seconds,
                (double)count / std::max(seconds, 1e-9));
    return 0;
}
