// Results benchmark (issue 12): the staff panel's aggregates at scale. Prints figures; no
// pass/fail timing.
//
//   results_bench --db FILE [--survey ID] [--keep]      a database made by kiosk-fill
//   results_bench --responses N                         makes its own (N synthetic responses)
//
// The database is copied to a scratch file first (never touched); a version-1 copy is
// migrated by the store's writer, and that migration is timed. Then, for each question of the
// survey, the time of its aggregate over every response:
//   cold — a new read-only connection, set up like ResultsService's, after the file's pages
//          were dropped from the OS cache (posix_fadvise DONTNEED);
//   warm — the same query again on that connection.
// The reference, measured the same way in the same run: `SELECT count(*) FROM response`, a
// plain scan of the same rows. Then the whole survey again after one new response (what the
// panel pays per vote), ResultsService end to end (first computation and a refresh), and the
// commit latency of a survey response on this database with and without what the results add
// to a commit (the tallies' triggers, the answer_question index).
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <random>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <sqlite3.h>

#include "base/log.h"
#include "results/participation.h"
#include "results/results.h"
#include "results/results_service.h"
#include "store/response_store.h"
#include "store/response_writer.h"
#include "store/schema.h"
#include "survey/survey_loader.h"
#include "survey/synthetic_answers.h"

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

double Ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

// Drops the database's pages from the OS cache: the next read comes from the disk.
void DropFromOsCache(const std::filesystem::path& db) {
    for (const char* suffix : {"", "-wal"}) {
        const int fd = ::open((db.string() + suffix).c_str(), O_RDONLY);
        if (fd < 0) continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

// A read-only connection set up like ResultsService's.
sqlite3* OpenReader(const std::filesystem::path& db) {
    sqlite3* raw = nullptr;
    std::string error;
    if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        !ConfigureConnection(raw, true, error) ||
        sqlite3_exec(raw, "PRAGMA cache_size = -65536; PRAGMA mmap_size = 4294967296;", nullptr, nullptr,
                     nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "results_bench: cannot open %s: %s\n", db.c_str(),
                     raw ? sqlite3_errmsg(raw) : "");
        std::exit(1);
    }
    return raw;
}

// Cold then warm time of `run` (which gets a fresh connection).
template <typename Run>
std::pair<double, double> ColdWarm(const std::filesystem::path& db, Run&& run) {
    DropFromOsCache(db);
    sqlite3* reader = OpenReader(db);
    auto start = Clock::now();
    run(reader);
    const double cold = Ms(Clock::now() - start);
    start = Clock::now();
    run(reader);
    const double warm = Ms(Clock::now() - start);
    sqlite3_close(reader);
    return {cold, warm};
}

void Row(const std::string& name, std::pair<double, double> t, double reference_warm) {
    std::printf("  %-36s cold %8.1f ms   warm %8.1f ms   warm / reference %6.1f\n", name.c_str(), t.first,
                t.second, t.second / reference_warm);
}

double RecordSurvey(ResponseStore& store, const Survey& survey, std::mt19937_64& rng) {
    Response r = SyntheticResponse(survey, "bench", "fr", 1795000000000LL, rng);
    r.is_test = false;
    r.origin = ResponseOrigin::Kiosk;
    const auto start = Clock::now();
    if (!store.WaitCommitted(store.Submit(std::move(r)), 60))
        std::fprintf(stderr, "results_bench: not committed\n");
    return Ms(Clock::now() - start);
}

// The demo's "About you" questions when the surveys carry them, else three profile ids with
// a reference (the cost is the same: one tally query per question).
ProfileBlock BenchProfile(const std::vector<Survey>& surveys) {
    ProfileBlock profile;
    for (const char* id : {"profil-age", "profil-genre", "profil-residence"}) {
        Question q;
        q.id = id;
        for (const Survey& s : surveys)
            if (const Question* found = s.FindQuestion(id)) q = *found;
        profile.questions.push_back(q);
    }
    profile.population.dimensions = {{"profil-age", {{"15-29", 2000}, {"30-44", 2000}, {"45-59", 1500}}},
                                     {"profil-genre", {{"femme", 5200}, {"homme", 4800}}}};
    return profile;
}

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    SetLogProgramName("results_bench");
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures as they come: a run at 1 000 000 takes minutes
    CLI::App cli{"Staff panel results: each aggregate's time over a large database, cold and warm"};
    std::string source_db, survey_id = "usages-espaces-publics";
    int responses = 0, commits = 100;
    cli.add_option("--db", source_db, "Database to measure (copied first; made by kiosk-fill)");
    cli.add_option("--responses", responses, "Without --db: make a database of N synthetic responses");
    cli.add_option("--survey", survey_id, "Survey whose results are computed");
    cli.add_option("--commits", commits, "Survey responses recorded for the index's commit cost");
    CLI11_PARSE(cli, argc, argv);

    Diagnostics diags;
    std::vector<Survey> surveys =
        LoadSurveys(std::filesystem::path(KIOSK_SOURCE_DIR) / "config/surveys", {"fr", "en"}, diags);
    const Survey* survey = nullptr;
    for (const Survey& s : surveys)
        if (s.id == survey_id) survey = &s;
    if (!survey) {
        std::fprintf(stderr, "results_bench: no survey %s\n%s", survey_id.c_str(), diags.FormatAll().c_str());
        return 1;
    }

    const std::filesystem::path dir =
        std::filesystem::path(KIOSK_BINARY_DIR) / "test-scratch" / "results-bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::filesystem::path db = dir / "responses.db";
    std::mt19937_64 rng(7);
    if (!source_db.empty()) {
        auto start = Clock::now();
        std::filesystem::copy_file(source_db, db);
        std::printf("results_bench: copied %s (%.0f MiB) in %.1f s\n", source_db.c_str(),
                    (double)std::filesystem::file_size(db) / (1 << 20), Ms(Clock::now() - start) / 1000);
    } else {
        ResponseWriter writer;
        std::string moved;
        if (!writer.Open(db, 5000, moved).ok) return 1;
        for (int i = 0; i < std::max(responses, 1); i++) {
            Response r =
                SyntheticResponse(*survey, "bench", i % 3 ? "fr" : "en", 1795000000000LL + i * 1000, rng);
            r.is_test = false;
            r.origin = i % 5 == 0 ? ResponseOrigin::Paper : ResponseOrigin::Kiosk;
            if (r.origin == ResponseOrigin::Paper) r.paper_date = "2026-10-15";
            writer.Insert(r);
        }
    }

    // The migration, through the store's writer (what a kiosk does at its first start).
    {
        sqlite3* raw = OpenReader(db);
        const int version = SchemaVersion(raw);
        sqlite3_close(raw);
        ResponseWriter writer;
        std::string moved;
        const auto start = Clock::now();
        const WriteOutcome opened = writer.Open(db, 5000, moved);
        if (!opened.ok) {
            std::fprintf(stderr, "results_bench: %s\n", opened.detail.c_str());
            return 1;
        }
        std::printf("  open (schema %d → %d, integrity check + migration): %.1f s\n", version, kSchemaVersion,
                    Ms(Clock::now() - start) / 1000);
    }

    std::string error;
    int64_t max_seq = 0, total = 0;
    {
        sqlite3* reader = OpenReader(db);
        max_seq = MaxResponseSeq(reader, error).value_or(0);
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(reader, "SELECT count(*) FROM answer", -1, &stmt, nullptr);
        if (sqlite3_step(stmt) == SQLITE_ROW) total = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        sqlite3_close(reader);
    }
    std::printf("results_bench: %lld responses, %lld answer rows, survey %s, SQLite %s\n", (long long)max_seq,
                (long long)total, survey->id.c_str(), sqlite3_libversion());

    const auto reference = ColdWarm(db, [&](sqlite3* reader) {
        sqlite3_exec(reader, "SELECT count(*) FROM response", nullptr, nullptr, nullptr);
    });
    Row("SELECT count(*) FROM response (ref.)", reference, reference.second);

    const ResultsFilter filter; // the default: complete, not test, not burst
    SurveyResults counts = EmptyResults(*survey, filter);
    Row("responses per origin",
        ColdWarm(db,
                 [&](sqlite3* reader) {
                     counts = EmptyResults(*survey, filter);
                     AddResponseCounts(reader, survey->id, filter, counts, error);
                 }),
        reference.second);
    for (const Question& q : survey->questions) {
        QuestionResults result;
        const auto t = ColdWarm(db, [&](sqlite3* reader) {
            result = EmptyResults(*survey, filter).questions[(size_t)survey->QuestionIndex(q.id)];
            if (!AddQuestionResults(reader, survey->id, filter, max_seq, result, error))
                std::fprintf(stderr, "results_bench: %s\n", error.c_str());
        });
        Row(q.id + " (" + ToString(q.type) + ")", t, reference.second);
    }
    ResultsFilter narrow;
    narrow.origins = {ResponseOrigin::Paper, ResponseOrigin::Assisted};
    narrow.languages = {"en"};
    narrow.from_date = "2026-01-01";
    Row("whole survey, origin+language+date filter",
        ColdWarm(db,
                 [&](sqlite3* reader) {
                     SurveyResults r = EmptyResults(*survey, narrow);
                     ComputeResults(reader, *survey, r, error);
                 }),
        reference.second);
    double whole_warm = 0;
    Row("whole survey (every question)",
        ColdWarm(db,
                 [&](sqlite3* reader) {
                     const auto start = Clock::now();
                     SurveyResults r = EmptyResults(*survey, filter);
                     ComputeResults(reader, *survey, r, error);
                     whole_warm = Ms(Clock::now() - start);
                 }),
        reference.second);

    // The participation view's figures (issue 13): every survey, then one survey over 30 days,
    // then the profile against the reference population.
    ParticipationFilter everything;
    Row("participation, every survey",
        ColdWarm(db,
                 [&](sqlite3* reader) {
                     ParticipationFigures f;
                     f.filter = everything;
                     if (!ComputeParticipation(reader, f, error))
                         std::fprintf(stderr, "results_bench: %s\n", error.c_str());
                 }),
        reference.second);
    ParticipationFilter month{.from_date = "2026-11-01", .to_date = "2026-11-30", .survey_ids = {survey->id}};
    Row("participation, one survey, 30 days",
        ColdWarm(db,
                 [&](sqlite3* reader) {
                     ParticipationFigures f;
                     f.filter = month;
                     ComputeParticipation(reader, f, error);
                 }),
        reference.second);
    const ProfileBlock profile = BenchProfile(surveys);
    Row("representativeness (" + std::to_string(profile.questions.size()) + " profile questions)",
        ColdWarm(db,
                 [&](sqlite3* reader) {
                     Representativeness r;
                     ComputeRepresentativeness(reader, everything, profile, r, error);
                 }),
        reference.second);

    // The store, on this database: the service's refreshes and the index's commit cost.
    StoreOptions options;
    options.database = db;
    ResponseStore store(options);
    if (!store.WaitUntilOpen(60).open) return 1;
    {
        sqlite3* reader = OpenReader(db);
        SurveyResults r = EmptyResults(*survey, filter);
        ComputeResults(reader, *survey, r, error);
        RecordSurvey(store, *survey, rng);
        const auto start = Clock::now();
        ComputeResults(reader, *survey, r, error);
        std::printf("  computed again after one new response (every question, warm): %.2f ms\n",
                    Ms(Clock::now() - start));
        sqlite3_close(reader);
    }
    {
        ResultsServiceOptions service_options;
        service_options.database = db;
        service_options.surveys = surveys;
        ResultsService service(service_options);
        auto start = Clock::now();
        service.Get(survey->id, filter);
        service.WaitIdle(600);
        const double first = Ms(Clock::now() - start);
        double get_max = 0;
        RecordSurvey(store, *survey, rng);
        start = Clock::now();
        service.NotifyChanged();
        // The UI's side meanwhile: Get() every "frame" while the worker refreshes.
        while (service.Get(survey->id, filter).refreshing) {
            const auto get_start = Clock::now();
            service.Get(survey->id, filter);
            get_max = std::max(get_max, Ms(Clock::now() - get_start));
        }
        const double refresh = Ms(Clock::now() - start);
        std::printf(
            "  ResultsService: first computation %.0f ms; a vote's refresh %.2f ms; Get() at most %.3f ms\n",
            first, refresh, get_max);
    }
    {
        ResultsServiceOptions service_options;
        service_options.database = db;
        service_options.surveys = surveys;
        service_options.profile = profile;
        ResultsService service(service_options);
        auto start = Clock::now();
        service.GetParticipation(everything);
        service.WaitIdle(600);
        const double first = Ms(Clock::now() - start);
        RecordSurvey(store, *survey, rng);
        start = Clock::now();
        service.NotifyChanged();
        service.WaitIdle(600);
        std::printf(
            "  ResultsService, participation view: first computation %.0f ms; a vote's refresh %.2f ms\n",
            first, Ms(Clock::now() - start));
    }

    // Commit latency with and without what the results add to a commit, on this database:
    // the tallies' triggers and the answer_question index.
    std::vector<double> with_index, without_index;
    for (int i = 0; i < commits; i++)
        with_index.push_back(RecordSurvey(store, *survey, rng));
    store.Stop(true);
    {
        sqlite3* raw = nullptr;
        sqlite3_open(db.c_str(), &raw);
        sqlite3_exec(raw,
                     "DROP INDEX answer_question; DROP TRIGGER response_tally_insert; "
                     "DROP TRIGGER answer_tally_insert; DROP TRIGGER participation_tally_insert;",
                     nullptr, nullptr, nullptr);
        sqlite3_close(raw);
    }
    {
        ResponseStore plain(options);
        if (!plain.WaitUntilOpen(60).open) return 1;
        for (int i = 0; i < commits; i++)
            without_index.push_back(RecordSurvey(plain, *survey, rng));
    }
    std::printf("  survey response commit on this database, median of %d: with the tallies' triggers "
                "(results and participation) and "
                "answer_question %.2f ms, without %.2f ms (%+.2f ms)\n",
                commits, Median(with_index), Median(without_index),
                Median(with_index) - Median(without_index));
    (void)whole_warm;
    return 0;
}
