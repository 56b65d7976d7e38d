// Survey results (issue 12) computed against a hand-made database whose figures are known:
// every number below was worked out by hand from the responses written in MakeDatabase().
#include <atomic>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "results/results.h"
#include "results/results_figures.h"
#include "results/results_service.h"
#include "store/schema.h"
#include "store_test_support.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

Question MakeQuestion(const char* id, QuestionType type, std::vector<const char*> options = {}) {
    Question q;
    q.id = id;
    q.type = type;
    for (const char* o : options)
        q.options.push_back(Option{o, {}, {}, {}});
    return q;
}

Survey TestSurvey() {
    Survey s;
    s.id = "enquete";
    s.questions = {
        MakeQuestion("freq", QuestionType::SingleChoice, {"jour", "semaine", "jamais"}),
        MakeQuestion("lieux", QuestionType::MultipleChoice, {"square", "marne", "gare"}),
        MakeQuestion("note", QuestionType::Scale),
        MakeQuestion("humeur", QuestionType::Smiley, {"bad", "neutral", "good"}),
        MakeQuestion("age", QuestionType::Number),
        MakeQuestion("prio", QuestionType::Ranking, {"eclairage", "bancs", "ombre"}),
        MakeQuestion("idee", QuestionType::FreeText),
        MakeQuestion("pins", QuestionType::PlanPin, {"danger", "agreable"}),
    };
    return s;
}

struct Spec {
    ResponseOrigin origin = ResponseOrigin::Kiosk;
    const char* language = "fr";
    const char* day = "2026-11-02";
    bool is_test = false, burst = false, abandoned = false;
    const char* freq = nullptr;
    std::vector<const char*> lieux;
    std::optional<double> note, age;
    const char* humeur = nullptr;
    std::vector<const char*> prio; // in rank order
    const char* idee = nullptr;
    std::vector<std::tuple<double, double, const char*>> pins;
};

Response Make(const Spec& spec) {
    Response r;
    r.uuid = NewUuidV4();
    r.kiosk_id = "k";
    r.survey_id = "enquete";
    r.survey_version = 1;
    r.language = spec.language;
    r.origin = spec.origin;
    if (spec.origin == ResponseOrigin::Paper) r.paper_date = spec.day;
    r.status = spec.abandoned ? ResponseStatus::Abandoned : ResponseStatus::Complete;
    r.is_test = spec.is_test;
    r.burst = spec.burst;
    // Paper: typed in weeks later; its date is the paper's.
    const std::string recorded = spec.origin == ResponseOrigin::Paper ? "2026-12-01" : spec.day;
    r.started_at = recorded + "T10:00:00.000Z";
    r.submitted_at = recorded + "T10:01:00.000Z";
    r.duration_ms = 60000;
    auto row = [&](const char* q) -> Answer& { return r.answers.emplace_back(Answer{q}); };
    if (spec.freq) row("freq").option_id = spec.freq;
    for (const char* o : spec.lieux)
        row("lieux").option_id = o;
    if (spec.note) row("note").number = spec.note;
    if (spec.humeur) {
        Answer& a = row("humeur");
        a.option_id = spec.humeur;
        a.number = std::string(spec.humeur) == "bad" ? 1 : std::string(spec.humeur) == "neutral" ? 2 : 3;
    }
    if (spec.age) row("age").number = spec.age;
    for (size_t i = 0; i < spec.prio.size(); i++) {
        Answer& a = row("prio");
        a.option_id = spec.prio[i];
        a.number = (double)(i + 1);
    }
    if (spec.idee) row("idee").text = spec.idee;
    for (const auto& [x, y, reason] : spec.pins) {
        Answer& a = row("pins");
        a.plan_id = "plan";
        a.x = x;
        a.y = y;
        if (reason) a.option_id = reason;
    }
    return r;
}

// Six counted responses (four kiosk, one paper, one assisted), plus a test, a burst and an
// abandoned one that must count nowhere by default.
std::vector<Response> MakeDatabase(const std::filesystem::path& db) {
    std::vector<Spec> specs(9);
    specs[0] = {.freq = "jour",
                .lieux = {"square", "marne"},
                .note = 4,
                .age = 34,
                .humeur = "good",
                .prio = {"eclairage", "bancs", "ombre"},
                .idee = "Plus de bancs",
                .pins = {{0.10, 0.10, "danger"}, {0.90, 0.50, "agreable"}}};
    specs[1] = {.language = "en",
                .freq = "jour",
                .lieux = {"square"},
                .note = 2,
                .age = 70,
                .humeur = "bad",
                .prio = {"bancs", "eclairage", "ombre"},
                .idee = "Insulte",
                .pins = {{0.11, 0.12, "danger"}}};
    specs[2] = {.freq = "semaine",
                .lieux = {"square", "marne", "gare"},
                .note = 5,
                .age = 8,
                .humeur = "good",
                .prio = {"eclairage", "ombre", "bancs"}};
    specs[3] = {.day = "2026-11-20", .freq = "jamais", .note = 3, .humeur = "neutral", .idee = "Un kiosque"};
    specs[4] = {.origin = ResponseOrigin::Paper,
                .day = "2026-10-05",
                .freq = "jour",
                .lieux = {"gare"},
                .note = 1,
                .age = 45,
                .idee = "Ecrit sur papier",
                .pins = {{1.0, 1.0, nullptr}}};
    specs[5] = {.origin = ResponseOrigin::Assisted, .freq = "semaine", .lieux = {"marne"}, .note = 5};
    specs[6] = {.is_test = true, .freq = "jamais", .note = 1, .idee = "test"};
    specs[7] = {.burst = true, .freq = "jamais", .note = 1};
    specs[8] = {.abandoned = true, .freq = "jamais", .note = 1};
    std::vector<Response> out;
    ResponseStore store(FastRetry(db));
    for (const Spec& s : specs) {
        out.push_back(Make(s));
        REQUIRE(store.WaitCommitted(store.Submit(out.back()), 10));
    }
    return out;
}

SurveyResults Compute(sqlite3* db, const ResultsFilter& filter = {}) {
    const Survey survey = TestSurvey();
    SurveyResults results = EmptyResults(survey, filter);
    std::string error;
    const bool ok = ComputeResults(db, survey, results, error);
    INFO(error);
    REQUIRE(ok);
    return results;
}

int64_t Count(const QuestionResults& q, const char* option, Slice slice = Slice::Total) {
    const OptionTally* o = q.FindOption(option);
    REQUIRE(o);
    return o->count[(size_t)slice];
}

} // namespace

TEST_CASE("results: every figure against a hand-made database") {
    const auto path = ScratchDir("results-figures") / "responses.db";
    MakeDatabase(path);
    ReadOnlyDb db(path);
    const SurveyResults r = Compute(db.db);
    const auto total = (size_t)Slice::Total;

    CHECK(r.responses[total] == 6); // test, burst and abandoned left out
    CHECK(r.burst_votes[total] == 1);
    CHECK(r.responses[(size_t)Slice::Kiosk] == 4);
    CHECK(r.responses[(size_t)Slice::Paper] == 1);
    CHECK(r.responses[(size_t)Slice::Assisted] == 1);

    SECTION("single choice: counts and percentages") {
        const QuestionResults& q = *r.Find("freq");
        CHECK(q.respondents[total] == 6);
        CHECK(Count(q, "jour") == 3);
        CHECK(Count(q, "semaine") == 2);
        CHECK(Count(q, "jamais") == 1);
        CHECK(Percent(q, *q.FindOption("jour"), Slice::Total) == Approx(50.0));
        CHECK(Percent(q, *q.FindOption("semaine"), Slice::Total) == Approx(100.0 / 3));
        // Split by origin: kiosk 2 × jour, 1 × semaine, 1 × jamais; paper 1 × jour.
        CHECK(Count(q, "jour", Slice::Kiosk) == 2);
        CHECK(Count(q, "jour", Slice::Paper) == 1);
        CHECK(Percent(q, *q.FindOption("jour"), Slice::Kiosk) == Approx(50.0));
        CHECK(Percent(q, *q.FindOption("jour"), Slice::Paper) == Approx(100.0));
        CHECK(Percent(q, *q.FindOption("jour"), Slice::Event) == 0.0); // nobody: no division by zero
    }
    SECTION("multiple choice: per option, a share of respondents") {
        const QuestionResults& q = *r.Find("lieux");
        CHECK(q.respondents[total] == 5); // response 3 skipped it
        CHECK(Count(q, "square") == 3);
        CHECK(Count(q, "marne") == 3);
        CHECK(Count(q, "gare") == 2);
        CHECK(Percent(q, *q.FindOption("square"), Slice::Total) == Approx(60.0));
        CHECK(Percent(q, *q.FindOption("gare"), Slice::Total) == Approx(40.0));
        CHECK(q.options.size() == 3); // never a "square+marne" combination
    }
    SECTION("scale: distribution, mean, median") {
        const QuestionResults& q = *r.Find("note");
        CHECK(q.respondents[total] == 6); // 4, 2, 5, 3, 1, 5
        CHECK(q.values.at(5)[total] == 2);
        CHECK(q.values.at(1)[total] == 1);
        CHECK(q.values.count(0) == 0);
        CHECK(*Mean(q, Slice::Total) == Approx(20.0 / 6));
        CHECK(*Median(q, Slice::Total) == Approx(3.5)); // 1 2 3 | 4 5 5
        CHECK(*Median(q, Slice::Kiosk) == Approx(3.5)); // 2 3 | 4 5
        CHECK(*Mean(q, Slice::Paper) == Approx(1.0));
        CHECK_FALSE(Mean(q, Slice::Event));
    }
    SECTION("smiley: faces and levels") {
        const QuestionResults& q = *r.Find("humeur");
        CHECK(Count(q, "good") == 2);
        CHECK(Count(q, "bad") == 1);
        CHECK(Count(q, "neutral") == 1);
        CHECK(*Mean(q, Slice::Total) == Approx(9.0 / 4)); // 3 1 3 2
        CHECK(*Median(q, Slice::Total) == Approx(2.5));
    }
    SECTION("number: histogram, mean, median") {
        const QuestionResults& q = *r.Find("age");
        CHECK(q.respondents[total] == 4); // 34 70 8 45
        CHECK(*Mean(q, Slice::Total) == Approx(39.25));
        CHECK(*Median(q, Slice::Total) == Approx(39.5));
        const std::vector<HistogramBin> bins = Histogram(q, Slice::Total, 10);
        // Span 8..70 in at most 10 round bins: width 10, [0, 10) … [70, 80).
        REQUIRE(bins.size() == 8);
        CHECK(bins.front().low == 0);
        CHECK(bins.back().high == 80);
        int64_t sum = 0;
        for (const HistogramBin& b : bins)
            sum += b.count;
        CHECK(sum == 4);
        CHECK(bins[0].count == 1); // 8
        CHECK(bins[3].count == 1); // 34
        CHECK(bins[4].count == 1); // 45
        CHECK(bins[6].count == 0);
        CHECK(bins[7].count == 1); // 70
    }
    SECTION("ranking: mean rank per option") {
        const QuestionResults& q = *r.Find("prio");
        CHECK(q.respondents[total] == 3);
        CHECK(*MeanRank(*q.FindOption("eclairage"), Slice::Total) == Approx(4.0 / 3)); // 1 2 1
        CHECK(*MeanRank(*q.FindOption("bancs"), Slice::Total) == Approx(2.0));         // 2 1 3
        CHECK(*MeanRank(*q.FindOption("ombre"), Slice::Total) == Approx(8.0 / 3));     // 3 3 2
    }
    SECTION("free text: newest first") {
        const QuestionResults& q = *r.Find("idee");
        CHECK(q.respondents[total] == 4);
        REQUIRE(q.texts.size() == 4);
        CHECK(q.texts[0].text == "Ecrit sur papier");
        CHECK(q.texts[0].origin == ResponseOrigin::Paper);
        CHECK(q.texts[3].text == "Plus de bancs");
        CHECK(VisibleTexts(q, Slice::Total) == 4);
    }
    SECTION("plan pins: heat cells and reasons") {
        const QuestionResults& q = *r.Find("pins");
        CHECK(q.pins[total] == 4);
        CHECK(q.respondents[total] == 3);
        CHECK(Count(q, "danger") == 2);
        CHECK(Count(q, "agreable") == 1);
        // Cells: (0.10, 0.10) → (6, 6); (0.11, 0.12) → (7, 7); (0.90, 0.50) → (57, 32); (1, 1) → clamped
        // to 63.
        int64_t cells = 0, at_corner = 0;
        for (const HeatCell& c : q.heat) {
            cells += c.count[total];
            if (c.cx == kHeatGrid - 1 && c.cy == kHeatGrid - 1) at_corner = c.count[total]; // (1, 1) clamped
        }
        CHECK(cells == 4);
        CHECK(at_corner == 1);
        CHECK(q.heat.size() == 4);
    }
}

TEST_CASE("results: filters by date and origin and language, test responses on request") {
    const auto path = ScratchDir("results-filters") / "responses.db";
    MakeDatabase(path);
    ReadOnlyDb db(path);
    const auto total = (size_t)Slice::Total;

    ResultsFilter paper_only;
    paper_only.origins = {ResponseOrigin::Paper};
    CHECK(Compute(db.db, paper_only).responses[total] == 1);

    ResultsFilter november; // the paper one is dated October on paper though typed in December
    november.from_date = "2026-11-01";
    november.to_date = "2026-11-30";
    SurveyResults r = Compute(db.db, november);
    CHECK(r.responses[total] == 5);
    CHECK(r.responses[(size_t)Slice::Paper] == 0);
    november.to_date = "2026-11-19"; // leaves out the 20th
    CHECK(Compute(db.db, november).responses[total] == 4);
    ResultsFilter october;
    october.to_date = "2026-10-31";
    CHECK(Compute(db.db, october).responses[total] == 1);
    // The heat map of a date range is counted from the pins themselves (the pin tally has no
    // day): October holds the paper questionnaire's one pin, at the clamped corner.
    const SurveyResults october_results = Compute(db.db, october);
    const QuestionResults& october_pins = *october_results.Find("pins");
    CHECK(october_pins.pins[total] == 1);
    REQUIRE(october_pins.heat.size() == 1);
    CHECK(october_pins.heat[0].cx == kHeatGrid - 1);
    CHECK(october_pins.heat[0].count[(size_t)Slice::Paper] == 1);
    const SurveyResults november_results = Compute(db.db, november);
    const QuestionResults& november_pins = *november_results.Find("pins");
    CHECK(november_pins.pins[total] == 3); // the three kiosk pins of 2026-11-02, in three cells
    CHECK(november_pins.heat.size() == 3);

    ResultsFilter english;
    english.languages = {"en"};
    r = Compute(db.db, english);
    CHECK(r.responses[total] == 1);
    CHECK(Count(*r.Find("freq"), "jour") == 1);

    ResultsFilter with_tests;
    with_tests.include_test = true;
    r = Compute(db.db, with_tests);
    CHECK(r.responses[total] == 7);
    CHECK(Count(*r.Find("freq"), "jamais") == 2);
    CHECK(r.Find("idee")->texts.front().text == "test");

    ResultsFilter with_burst;
    with_burst.include_burst = true;
    CHECK(Compute(db.db, with_burst).responses[total] == 7);

    CHECK(CheckFilter(november).empty());
    ResultsFilter bad;
    bad.from_date = "2026-13-01";
    CHECK_FALSE(CheckFilter(bad).empty());
}

// The figures are sums of tallies kept by triggers as rows are inserted (schema version 3);
// migration 3 made the tallies of older rows by a recount. Both must agree row for row, or a
// database migrated in the field would show other figures than one that started at v3.
TEST_CASE("results: the tallies kept as responses commit equal a recount of the rows") {
    const auto path = ScratchDir("results-tallies") / "responses.db";
    MakeDatabase(path);
    {
        // More, in another survey, sharing question ids (the tallies are per survey).
        ResponseStore store(FastRetry(path));
        for (int i = 0; i < 3; i++) {
            Spec spec{.freq = "jour", .lieux = {"gare", "square"}, .note = 2, .pins = {{0.5, 0.5, "danger"}}};
            Response r = Make(spec);
            r.survey_id = "autre";
            REQUIRE(store.WaitCommitted(store.Submit(r), 10));
        }
    }
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
    const char* tables[] = {"response_tally", "answer_tally", "respondent_tally", "pin_tally"};
    exec("BEGIN");
    for (const char* t : tables)
        exec(fmt::format("CREATE TEMP TABLE kept_{0} AS SELECT * FROM {0}; DELETE FROM {0};", t));
    exec(TallyRecountSql());
    for (const char* t : tables) {
        INFO(t);
        CHECK(count(fmt::format("SELECT count(*) FROM {}", t)) > 0);
        CHECK(count(fmt::format("SELECT count(*) FROM (SELECT * FROM {0} EXCEPT SELECT * FROM kept_{0})",
                                t)) == 0);
        CHECK(count(fmt::format("SELECT count(*) FROM (SELECT * FROM kept_{0} EXCEPT SELECT * FROM {0})",
                                t)) == 0);
    }
    // Eight complete responses of "enquete" (the abandoned one is in no tally), three of "autre".
    CHECK(count("SELECT sum(responses) FROM response_tally WHERE survey_id = 'enquete'") == 8);
    CHECK(count("SELECT sum(responses) FROM response_tally WHERE survey_id = 'autre'") == 3);
    // "lieux": one respondent per response that ticked any, however many places it ticked.
    CHECK(count("SELECT sum(respondents) FROM respondent_tally WHERE survey_id = 'autre' AND question_id = "
                "'lieux'") == 3);
    CHECK(
        count("SELECT sum(answers) FROM answer_tally WHERE survey_id = 'autre' AND question_id = 'lieux'") ==
        6);
    exec("ROLLBACK");
    sqlite3_close(db);

    // And the figures of one survey ignore the other's answers to the same question ids.
    ReadOnlyDb reader(path);
    CHECK(Count(*Compute(reader.db).Find("freq"), "jour") == 3);
}

TEST_CASE("results: a hidden free-text answer is kept but gone from results") {
    const auto path = ScratchDir("results-hidden") / "responses.db";
    std::vector<Response> sent;
    {
        sent = MakeDatabase(path);
        ResponseStore store(FastRetry(path));
        store.SetHidden(sent[1].uuid, "idee", true); // "Insulte"
        REQUIRE(store.WaitIdle(10));
        REQUIRE(store.Status().hidden_changes == 1);
    }
    ReadOnlyDb db(path);
    const auto total = (size_t)Slice::Total;
    SurveyResults r = Compute(db.db);
    const QuestionResults& q = *r.Find("idee");
    CHECK(q.respondents[total] == 4);
    CHECK(q.hidden_texts[total] == 1);
    CHECK(VisibleTexts(q, Slice::Total) == 3);
    REQUIRE(q.texts.size() == 3);
    for (const FreeTextItem& t : q.texts)
        CHECK(t.text != "Insulte");

    ResultsFilter staff;
    staff.include_hidden_texts = true; // staff see it, marked, to show it again
    r = Compute(db.db, staff);
    REQUIRE(r.Find("idee")->texts.size() == 4);
    const FreeTextItem& insult = r.Find("idee")->texts[2];
    CHECK(insult.text == "Insulte");
    CHECK(insult.hidden);
    CHECK(insult.uuid == sent[1].uuid);
    // Still in the database, answer untouched.
    CHECK(db.One("SELECT text FROM answer a JOIN response r ON r.seq = a.response_seq WHERE r.uuid = '" +
                 sent[1].uuid + "' AND a.question_id = 'idee'") == "Insulte");
}

TEST_CASE("results service: computes off the caller's thread and refreshes when responses commit") {
    const auto path = ScratchDir("results-service") / "responses.db";
    const auto total = (size_t)Slice::Total;
    std::vector<Response> sent = MakeDatabase(path);
    ResponseStore store(FastRetry(path));
    REQUIRE(store.WaitUntilOpen(10).open);

    std::atomic<int> updates{0};
    ResultsServiceOptions options;
    options.database = path;
    options.surveys = {TestSurvey()};
    options.on_update = [&] { updates++; };
    ResultsService service(options);

    ResultsSnapshot first = service.Get("enquete", {});
    CHECK(first.refreshing); // nothing computed yet: the caller never waits
    CHECK_FALSE(first.results);
    REQUIRE(service.WaitIdle(10));
    ResultsSnapshot snap = service.Get("enquete", {});
    REQUIRE(snap.results);
    CHECK_FALSE(snap.refreshing);
    CHECK(snap.error.empty());
    CHECK(snap.results->responses[total] == 6);
    CHECK(snap.results->up_to_seq == 9);
    CHECK(WaitUntil([&] { return updates > 0; })); // called just after the snapshot is published

    // Two new votes: counted at the next refresh, and the old snapshot stays as it was.
    Spec spec;
    spec.freq = "jamais";
    spec.note = 5;
    REQUIRE(store.WaitCommitted(store.Submit(Make(spec)), 10));
    REQUIRE(store.WaitCommitted(store.Submit(Make(spec)), 10));
    service.NotifyChanged();
    REQUIRE(service.WaitIdle(10));
    ResultsSnapshot later = service.Get("enquete", {});
    REQUIRE(later.results);
    CHECK(later.results->responses[total] == 8);
    CHECK(Count(*later.results->Find("freq"), "jamais") == 3);
    CHECK(later.results->Find("note")->values.at(5)[total] == 4);
    CHECK(later.results->up_to_seq == 11);
    CHECK(snap.results->responses[total] == 6);

    // Hiding: no new response, yet the free-text list changes.
    store.SetHidden(sent[0].uuid, "idee", true);
    REQUIRE(store.WaitIdle(10));
    service.NotifyChanged();
    REQUIRE(service.WaitIdle(10));
    const QuestionResults& idee = *service.Get("enquete", {}).results->Find("idee");
    CHECK(idee.hidden_texts[total] == 1);
    for (const FreeTextItem& t : idee.texts)
        CHECK(t.text != "Plus de bancs");

    // Another filter is another entry; an unknown survey is an error, not a crash.
    ResultsFilter paper;
    paper.origins = {ResponseOrigin::Paper};
    service.Get("enquete", paper);
    service.Get("nope", {});
    REQUIRE(service.WaitIdle(10));
    CHECK(service.Get("enquete", paper).results->responses[total] == 1);
    CHECK_FALSE(service.Get("nope", {}).error.empty());
}
