// Participation and representativeness figures (issue 13) against a hand-made database whose
// figures are known: every number below was worked out by hand from MakeDatabase().
//
// The kiosk's local time is Paris time, set as a POSIX TZ rule (no time-zone database
// needed): CET (UTC+1) in winter, CEST (UTC+2) from the last Sunday of March to the last
// Sunday of October.
#include <cstdlib>
#include <ctime>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "results/participation.h"
#include "store/schema.h"
#include "store/timestamp.h"
#include "store_test_support.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

void UseParisTime() {
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
}

struct Spec {
    const char* survey = "enquete";
    const char* submitted = "2026-11-02T09:30:00.000Z";
    int seconds = 60;
    ResponseOrigin origin = ResponseOrigin::Kiosk;
    const char* language = "fr";
    const char* kiosk = "k1";
    bool is_test = false, burst = false, abandoned = false;
    const char* paper_date = nullptr;
    const char* age = nullptr;
    const char* genre = nullptr;
    const char* residence = nullptr;
};

Response Make(const Spec& spec) {
    Response r;
    r.uuid = NewUuidV4();
    r.kiosk_id = spec.kiosk;
    r.survey_id = spec.survey;
    r.survey_version = 1;
    r.language = spec.language;
    r.origin = spec.origin;
    if (spec.paper_date) r.paper_date = spec.paper_date;
    r.status = spec.abandoned ? ResponseStatus::Abandoned : ResponseStatus::Complete;
    r.is_test = spec.is_test;
    r.burst = spec.burst;
    r.started_at = spec.submitted; // only submitted_at and duration_ms are read
    r.submitted_at = spec.submitted;
    r.duration_ms = spec.seconds * 1000;
    r.answers.push_back(Answer{"q1", std::string("a")});
    if (spec.age) r.answers.push_back(Answer{"profil-age", std::string(spec.age)});
    if (spec.genre) r.answers.push_back(Answer{"profil-genre", std::string(spec.genre)});
    if (spec.residence) r.answers.push_back(Answer{"profil-residence", std::string(spec.residence)});
    return r;
}

// Ten responses; eight counted (seven complete, one abandoned), one test, one burst.
// Local times (Paris) in the comments.
void MakeDatabase(const std::filesystem::path& db) {
    const Spec specs[] = {
        // 1. Monday 2 Nov, 10:30; 95 s
        {.submitted = "2026-11-02T09:30:00.000Z",
         .seconds = 95,
         .age = "30-44",
         .genre = "femme",
         .residence = "oui"},
        // 2. Monday 14:10, in English; 185 s
        {.submitted = "2026-11-02T13:10:00.000Z",
         .seconds = 185,
         .language = "en",
         .age = "15-29",
         .genre = "homme",
         .residence = "non"},
        // 3. Tuesday 3 Nov, 10:05, with staff, second kiosk; 125 s
        {.submitted = "2026-11-03T09:05:00.000Z",
         .seconds = 125,
         .origin = ResponseOrigin::Assisted,
         .kiosk = "k2",
         .age = "30-44",
         .genre = "sans-reponse"},
        // 4. Tuesday 16:00, in Arabic, second kiosk, left half-way (its profile answer counts nowhere)
        {.submitted = "2026-11-03T15:00:00.000Z",
         .seconds = 40,
         .language = "ar",
         .kiosk = "k2",
         .abandoned = true,
         .age = "75-plus"},
        // 5. A paper questionnaire of Sunday 1 Nov, typed in on 1 Dec (no hour; typing time not timed)
        {.submitted = "2026-12-01T10:00:00.000Z",
         .seconds = 600,
         .origin = ResponseOrigin::Paper,
         .paper_date = "2026-11-01",
         .age = "60-74"},
        // 6. Test mode, Monday 11:00: left out
        {.submitted = "2026-11-02T10:00:00.000Z", .is_test = true, .age = "75-plus"},
        // 7. The poll, Wednesday 4 Nov, 18:30; 8 s
        {.survey = "sondage", .submitted = "2026-11-04T17:30:00.000Z", .seconds = 8},
        // 8. The poll, a burst vote: left out
        {.survey = "sondage", .submitted = "2026-11-04T17:30:30.000Z", .seconds = 2, .burst = true},
        // 9. The poll in summer: 1 Jul 22:30 UTC is Thursday 2 Jul, 00:30 in Paris (CEST); 12 s
        {.survey = "sondage", .submitted = "2026-07-01T22:30:00.000Z", .seconds = 12},
        // 10. Monday 2 Nov 23:30 UTC is Tuesday 3 Nov, 00:30 in Paris; 2000 s; profile skipped
        {.submitted = "2026-11-02T23:30:00.000Z", .seconds = 2000},
    };
    ResponseStore store(FastRetry(db));
    for (const Spec& s : specs)
        REQUIRE(store.WaitCommitted(store.Submit(Make(s)), 10));
}

ParticipationFigures Compute(const std::filesystem::path& path, const ParticipationFilter& filter = {}) {
    ReadOnlyDb db(path);
    ParticipationFigures figures;
    figures.filter = filter;
    std::string error;
    const bool ok = ComputeParticipation(db.db, figures, error);
    INFO(error);
    REQUIRE(ok);
    return figures;
}

ProfileBlock Profile() {
    ProfileBlock profile;
    for (const char* id : {"profil-age", "profil-genre", "profil-residence"}) {
        Question q;
        q.id = id;
        profile.questions.push_back(q);
    }
    profile.population.dimensions = {
        {"profil-age",
         {{"moins-15", 290}, {"15-29", 200}, {"30-44", 200}, {"45-59", 170}, {"60-74", 80}, {"75-plus", 60}}},
        {"profil-genre", {{"femme", 520}, {"homme", 480}}},
    };
    return profile;
}

const BandComparison& Band(const DimensionComparison& d, const char* option) {
    for (const BandComparison& b : d.bands)
        if (b.option_id == option) return b;
    FAIL("no band " << option);
    return d.bands.front();
}

} // namespace

TEST_CASE("participation: every figure against a hand-made database") {
    UseParisTime();
    const auto path = ScratchDir("participation-figures") / "responses.db";
    MakeDatabase(path);
    const ParticipationFigures f = Compute(path);

    CHECK(f.up_to_seq == 10);
    CHECK(f.responses.complete == 7);
    CHECK(f.responses.abandoned == 1);
    CHECK(f.test_left_out == 1);
    CHECK(f.burst_left_out == 1);

    SECTION("by local day: the paper's own date, and midnight in Paris, not in UTC") {
        CHECK(f.by_day.size() == 5);
        CHECK(f.first_seen_days == 5);
        CHECK(f.by_day.at("2026-07-02").complete == 1);
        CHECK(f.by_day.at("2026-11-01").complete == 1);
        CHECK(f.by_day.at("2026-11-02").complete == 2);
        CHECK(f.by_day.at("2026-11-03").complete == 2);
        CHECK(f.by_day.at("2026-11-03").abandoned == 1);
        CHECK(f.by_day.at("2026-11-04").complete == 1);
        CHECK(f.by_day.count("2026-12-01") == 0); // the day the paper was typed in
    }
    SECTION("weekday × local hour, paper apart") {
        int64_t sum = 0;
        for (const auto& day : f.weekday_hour)
            for (int64_t n : day)
                sum += n;
        CHECK(sum == 7);
        CHECK(f.without_hour == 1);
        CHECK(f.weekday_hour[0][10] == 1); // Monday 10:30 (09:30 UTC in winter)
        CHECK(f.weekday_hour[0][14] == 1);
        CHECK(f.weekday_hour[1][10] == 1);
        CHECK(f.weekday_hour[1][16] == 1); // the abandoned one counts here
        CHECK(f.weekday_hour[1][0] == 1);  // Monday 23:30 UTC
        CHECK(f.weekday_hour[2][18] == 1);
        CHECK(f.weekday_hour[3][0] == 1);  // summer time: UTC+2
        CHECK(f.weekday_hour[0][11] == 0); // the test response
    }
    SECTION("by survey, origin, language, kiosk") {
        CHECK(f.by_survey.at("enquete").complete == 5);
        CHECK(f.by_survey.at("enquete").abandoned == 1);
        CHECK(f.by_survey.at("sondage").complete == 2);
        CHECK(f.by_origin.at("kiosk").complete == 5);
        CHECK(f.by_origin.at("kiosk").abandoned == 1);
        CHECK(f.by_origin.at("assisted").complete == 1);
        CHECK(f.by_origin.at("paper").complete == 1);
        CHECK(f.by_origin.size() == 3);
        CHECK(f.by_language.at("fr").complete == 6);
        CHECK(f.by_language.at("en").complete == 1);
        CHECK(f.by_language.at("ar").abandoned == 1);
        CHECK(f.by_language.at("ar").complete == 0);
        CHECK(f.by_kiosk.at("k1").Total() == 6);
        CHECK(f.by_kiosk.at("k2").complete == 1);
        CHECK(f.by_kiosk.at("k2").abandoned == 1);
    }
    SECTION("median time to answer: complete kiosk responses, read from 10 s classes") {
        // Timed: 8, 12, 95, 125, 185 and 2000 s (paper, test, burst and abandoned are not).
        // Classes [0,10) [10,20) [90,100) [120,130) [180,190) [1800,∞): the third of six
        // falls at the top of [90,100).
        CHECK(f.timed_responses == 6);
        REQUIRE(f.median_seconds);
        CHECK(*f.median_seconds == Approx(100.0));
        CHECK(f.median_seconds_by_survey.at("enquete") == Approx(130.0)); // 95 125 | 185 2000
        CHECK(f.median_seconds_by_survey.at("sondage") == Approx(10.0));  // 8 | 12
    }
}

TEST_CASE("participation: the range, the surveys and test responses") {
    UseParisTime();
    const auto path = ScratchDir("participation-filter") / "responses.db";
    MakeDatabase(path);

    SECTION("two local days") {
        const ParticipationFigures f = Compute(path, {.from_date = "2026-11-02", .to_date = "2026-11-03"});
        CHECK(f.responses.complete == 4); // 1, 2, 3 and 10 (00:30 on the 3rd)
        CHECK(f.responses.abandoned == 1);
        CHECK(f.test_left_out == 1);
        CHECK(f.burst_left_out == 0);
        CHECK(f.by_day.size() == 2);
    }
    SECTION("one survey") {
        const ParticipationFigures f = Compute(path, {.survey_ids = {"sondage"}});
        CHECK(f.responses.complete == 2);
        CHECK(f.burst_left_out == 1);
        CHECK(f.by_survey.size() == 1);
        CHECK(f.by_origin.at("kiosk").complete == 2);
    }
    SECTION("test responses included, when asked") {
        const ParticipationFigures f = Compute(path, {.include_test = true});
        CHECK(f.responses.complete == 8);
        CHECK(f.test_left_out == 0);
        CHECK(f.weekday_hour[0][11] == 1);
        CHECK(f.timed_responses == 7);
    }
    SECTION("an empty range gives zeros, not an error") {
        const ParticipationFigures f = Compute(path, {.from_date = "2025-01-01", .to_date = "2025-01-31"});
        CHECK(f.responses.Total() == 0);
        CHECK(f.by_day.empty());
        CHECK_FALSE(f.median_seconds);
    }
    SECTION("a bad range is refused with what is wrong") {
        ReadOnlyDb db(path);
        ParticipationFigures f;
        f.filter = {.from_date = "2026-11-05", .to_date = "2026-11-01"};
        std::string error;
        CHECK_FALSE(ComputeParticipation(db.db, f, error));
        CHECK(error.find("before it starts") != std::string::npos);
        f.filter = {.from_date = "2026-13-01"};
        CHECK_FALSE(ComputeParticipation(db.db, f, error));
        CHECK(error.find("not a date") != std::string::npos);
    }
}

TEST_CASE("representativeness: donated profile answers against the reference population") {
    UseParisTime();
    const auto path = ScratchDir("participation-profile") / "responses.db";
    MakeDatabase(path);
    ReadOnlyDb db(path);
    Representativeness r;
    std::string error;
    REQUIRE(ComputeRepresentativeness(db.db, {}, Profile(), r, error));
    REQUIRE(r.dimensions.size() == 2);

    const DimensionComparison& age = r.dimensions[0];
    CHECK(age.question_id == "profil-age");
    // Four complete, non-test responses gave an age (the abandoned and the test one do not
    // count); five complete responses were asked: the totals do not add up, by design.
    CHECK(age.compared == 4);
    CHECK(age.responses_asked == 5);
    CHECK(Band(age, "30-44").respondents == 2);
    CHECK(Band(age, "30-44").respondent_share == Approx(0.5));
    CHECK(Band(age, "30-44").reference_share == Approx(0.2));
    CHECK(Band(age, "30-44").ratio == Approx(2.5));
    CHECK(Band(age, "60-74").ratio == Approx(0.25 / 0.08));
    CHECK(Band(age, "75-plus").respondents == 0);
    CHECK(Band(age, "15-29").ratio == Approx(1.25));
    CHECK(age.over == std::vector<std::string>{"60-74", "30-44"});
    CHECK(age.under == std::vector<std::string>{"moins-15", "45-59", "75-plus"});

    const DimensionComparison& genre = r.dimensions[1];
    CHECK(genre.compared == 2);
    CHECK(genre.other.at("sans-reponse") == 1); // answered, not compared
    CHECK(genre.over.empty());
    CHECK(genre.under.empty());

    // No reference for "lives here": counted only.
    CHECK(r.unreferenced.at("profil-residence").at("oui") == 1);
    CHECK(r.unreferenced.at("profil-residence").at("non") == 1);

    SECTION("with test responses") {
        REQUIRE(ComputeRepresentativeness(db.db, {.include_test = true}, Profile(), r, error));
        CHECK(Band(r.dimensions[0], "75-plus").respondents == 1);
        CHECK(r.dimensions[0].responses_asked == 6);
    }
    SECTION("in a range") {
        REQUIRE(ComputeRepresentativeness(db.db, {.from_date = "2026-11-03"}, Profile(), r, error));
        CHECK(r.dimensions[0].compared == 1); // response 3 (the paper's date is 1 Nov)
        CHECK(r.dimensions[0].responses_asked == 2);
    }
}

TEST_CASE("participation tallies: the triggers count what a recount of the rows gives") {
    UseParisTime();
    const auto path = ScratchDir("participation-recount") / "responses.db";
    MakeDatabase(path);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    auto exec = [&](const std::string& sql) {
        char* message = nullptr;
        const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
        INFO(sql << ": " << (message ? message : ""));
        sqlite3_free(message);
        REQUIRE(code == SQLITE_OK);
    };
    auto count = [&](const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
        const int64_t n = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return n;
    };
    const char* tables[] = {"participation_tally", "channel_tally", "duration_tally"};
    exec("BEGIN");
    for (const char* t : tables)
        exec(fmt::format("CREATE TEMP TABLE kept_{0} AS SELECT * FROM {0}; DELETE FROM {0};", t));
    exec(ParticipationRecountSql());
    for (const char* t : tables) {
        INFO(t);
        CHECK(count(fmt::format("SELECT count(*) FROM {}", t)) > 0);
        CHECK(count(fmt::format("SELECT count(*) FROM (SELECT * FROM {0} EXCEPT SELECT * FROM kept_{0})",
                                t)) == 0);
        CHECK(count(fmt::format("SELECT count(*) FROM (SELECT * FROM kept_{0} EXCEPT SELECT * FROM {0})",
                                t)) == 0);
    }
    CHECK(count("SELECT sum(responses) FROM participation_tally") == 10);
    exec("ROLLBACK");
    sqlite3_close(db);
}

TEST_CASE("participation: a row whose timestamp cannot be read counts, on no day and no hour") {
    UseParisTime();
    const auto path = ScratchDir("participation-unreadable") / "responses.db";
    MakeDatabase(path);
    {
        // Only another program could write it: the store writes ISO timestamps.
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(
            sqlite3_exec(db,
                         "INSERT INTO response (uuid, kiosk_id, survey_id, survey_version, language, origin, "
                         "status, started_at, submitted_at, duration_ms) VALUES ('odd', 'k1', 'enquete', 1, "
                         "'fr', 'kiosk', 'complete', 'b', 'b', 0)",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    const ParticipationFigures f = Compute(path);
    CHECK(f.responses.complete == 8);
    CHECK(f.without_hour == 2); // the paper questionnaire and this one
    CHECK(f.by_day.size() == 5);
    for (const auto& [day, counts] : f.by_day)
        CHECK(ParseIsoDate(day));
}
