// Store benchmark: how long recording one response takes, against the floor of a bare
// single-row SQLite commit with the same pragmas (WAL, synchronous=FULL) on the same disk,
// measured in the same run, interleaved in rounds so that both see the same disk weather.
//
//   store_bench [--iterations N] [--dir DIR]
//
// "Store" latency is what the kiosk's UI waits for: from Submit() on the UI thread to the
// moment the ticket is Committed (writer thread: BEGIN IMMEDIATE, inserts, COMMIT = fsync).
// Prints p50/p99 for the bare commit, a one-tap poll vote and a full survey response (the
// demo survey, about fifteen answer rows), and the ratios store / bare. Not a pass/fail test.
//
// The extra commit latency of the results index (answer_question, schema version 2): the
// same survey responses recorded, interleaved, into a second database whose answer_question
// index was dropped, i.e. the indexes of schema version 1.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

#include <CLI/CLI.hpp>
#include <sqlite3.h>

#include "base/log.h"
#include "store/response_store.h"
#include "store/uuid.h"
#include "survey/survey_loader.h"
#include "survey/synthetic_answers.h"

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

double Ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double Percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, (size_t)(p * (double)(v.size() - 1) + 0.5))];
}

bool Exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK) return true;
    std::fprintf(stderr, "store_bench: %s: %s\n", sql, error ? error : "?");
    sqlite3_free(error);
    return false;
}

// The reference: one connection, the kiosk's pragmas, one small row per transaction.
struct BareCommit {
    sqlite3* db = nullptr;
    sqlite3_stmt* insert = nullptr;
    bool Open(const std::filesystem::path& file) {
        return sqlite3_open(file.c_str(), &db) == SQLITE_OK &&
               Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;"
                        "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, "
                        "payload TEXT)") &&
               sqlite3_prepare_v2(db, "INSERT INTO t (uuid, payload) VALUES (?1, 'futur-square/envie/jeux')",
                                  -1, &insert, nullptr) == SQLITE_OK;
    }
    ~BareCommit() {
        sqlite3_finalize(insert);
        sqlite3_close(db);
    }
    double Once() {
        const std::string uuid = NewUuidV4();
        const auto start = Clock::now();
        Exec(db, "BEGIN IMMEDIATE");
        sqlite3_bind_text(insert, 1, uuid.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        Exec(db, "COMMIT");
        return Ms(Clock::now() - start);
    }
};

double RecordOnce(ResponseStore& store, Response r) {
    const auto start = Clock::now();
    const Ticket t = store.Submit(std::move(r));
    if (!store.WaitCommitted(t, 30)) std::fprintf(stderr, "store_bench: a response was not committed\n");
    return Ms(Clock::now() - start);
}

void Print(const char* name, const std::vector<double>& v, const std::vector<double>& bare) {
    const double p50 = Percentile(v, 0.50), p99 = Percentile(v, 0.99);
    std::printf("  %-34s p50 %7.3f ms   p99 %7.3f ms", name, p50, p99);
    if (&v != &bare)
        std::printf("   ratio p50 %.2f  p99 %.2f", p50 / Percentile(bare, 0.50),
                    p99 / Percentile(bare, 0.99));
    std::printf("\n");
}

} // namespace

int main(int argc, char** argv) {
    SetLogProgramName("store_bench");
    CLI::App cli{"Response record latency vs a bare single-row SQLite commit (same pragmas, same disk)"};
    int iterations = 400;
    std::string dir = std::filesystem::path(KIOSK_BINARY_DIR) / "test-scratch" / "store-bench";
    cli.add_option("--iterations", iterations, "Measurements of each kind")->check(CLI::Range(10, 1000000));
    cli.add_option("--dir", dir, "Directory for the databases (its disk is what is measured)");
    CLI11_PARSE(cli, argc, argv);

    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    Diagnostics diags;
    std::optional<Survey> survey =
        LoadSurveyFile(std::filesystem::path(KIOSK_SOURCE_DIR) / "config/surveys/usages-espaces-publics.toml",
                       {"fr", "en"}, diags);
    std::optional<Survey> poll = LoadSurveyFile(
        std::filesystem::path(KIOSK_SOURCE_DIR) / "config/surveys/futur-square.toml", {"fr", "en"}, diags);
    if (!survey || !poll) {
        std::fprintf(stderr, "%s", diags.FormatAll().c_str());
        return 1;
    }

    BareCommit bare;
    if (!bare.Open(std::filesystem::path(dir) / "bare.db")) return 1;
    StoreOptions options;
    options.database = std::filesystem::path(dir) / "responses.db";
    options.polls = {{poll->id, poll->questions[0].id}};
    ResponseStore store(options);
    if (!store.WaitUntilOpen(30).open) {
        std::fprintf(stderr, "store_bench: %s\n", store.Status().detail.c_str());
        return 1;
    }

    // The same store without the results index (schema version 1's indexes).
    const std::filesystem::path plain_db = std::filesystem::path(dir) / "responses-no-results-index.db";
    {
        StoreOptions plain_options;
        plain_options.database = plain_db;
        ResponseStore create(plain_options);
        if (!create.WaitUntilOpen(30).open) return 1;
    }
    {
        sqlite3* raw = nullptr;
        if (sqlite3_open(plain_db.c_str(), &raw) != SQLITE_OK || !Exec(raw, "DROP INDEX answer_question"))
            return 1;
        sqlite3_close(raw);
    }
    StoreOptions plain_options;
    plain_options.database = plain_db;
    ResponseStore plain(plain_options);
    if (!plain.WaitUntilOpen(30).open) return 1;

    std::mt19937_64 rng(1);
    std::vector<double> bare_ms, vote_ms, survey_ms, plain_ms;
    size_t answer_rows = 0;
    // Warm-up: page cache, WAL file creation.
    for (int i = 0; i < 10; i++) {
        bare.Once();
        RecordOnce(store, SyntheticResponse(*poll, "bench", "fr", 1795000000000LL, rng));
    }
    constexpr int kRound = 20;
    for (int done = 0; done < iterations; done += kRound) {
        const int n = std::min(kRound, iterations - done);
        for (int i = 0; i < n; i++)
            bare_ms.push_back(bare.Once());
        for (int i = 0; i < n; i++)
            vote_ms.push_back(
                RecordOnce(store, SyntheticResponse(*poll, "bench", "fr", 1795000000000LL, rng)));
        for (int i = 0; i < n; i++) {
            Response r = SyntheticResponse(*survey, "bench", "fr", 1795000000000LL, rng);
            answer_rows += r.answers.size();
            survey_ms.push_back(RecordOnce(store, std::move(r)));
        }
        for (int i = 0; i < n; i++)
            plain_ms.push_back(
                RecordOnce(plain, SyntheticResponse(*survey, "bench", "fr", 1795000000000LL, rng)));
    }

    std::printf("store_bench: %d of each, interleaved in rounds of %d, in %s\n", iterations, kRound,
                dir.c_str());
    std::printf("  (WAL, synchronous=FULL; SQLite %s)\n", sqlite3_libversion());
    Print("bare single-row commit (reference)", bare_ms, bare_ms);
    Print("store: poll vote (1 answer row)", vote_ms, bare_ms);
    char label[64];
    std::snprintf(label, sizeof label, "store: survey (%.1f answer rows)", (double)answer_rows / iterations);
    Print(label, survey_ms, bare_ms);
    Print("  same, without answer_question", plain_ms, bare_ms);
    const double p50 = Percentile(survey_ms, 0.5) - Percentile(plain_ms, 0.5);
    std::printf("  results index (answer_question): %+.3f ms at p50 (%+.1f %%), %+.3f ms at p99 per survey "
                "response\n",
                p50, 100 * p50 / Percentile(plain_ms, 0.5),
                Percentile(survey_ms, 0.99) - Percentile(plain_ms, 0.99));
    return 0;
}
