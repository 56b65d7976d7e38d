// The staff panel's "Résultats" section on the real shell, headless, by synthetic touch:
// answers recorded through the real store show in the charts with their known counts, and
// hiding a free-text answer takes it out of the figures while it stays in the SQLite file.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sqlite3.h>

#include "config/opening_hours.h"
#include "content/fuzzy_date.h"
#include "staff/staff_state.h"
#include "staff_panel_opener.h"
#include "store/uuid.h"
#include "survey_kiosk.h"
#include "test_paths.h"

using namespace kiosk;
using kiosk::test::SettleResults;
using kiosk::test::Shown;
using kiosk::test::SurveyKiosk;

namespace {

constexpr const char* kSurvey = "usages-espaces-publics";

std::unique_ptr<SurveyKiosk> StaffKiosk(const std::string& name, int w, int h) {
    return test::PanelKiosk(name, w, h);
}

void OpenPanel(SurveyKiosk& k) {
    test::OpenStaffPanel(k);
}

// A complete kiosk response to the demo survey with these answers.
Response Make(std::vector<std::string> lieux, double proprete, const char* idee) {
    Response r;
    r.uuid = NewUuidV4();
    r.kiosk_id = "test";
    r.survey_id = kSurvey;
    r.survey_version = 1;
    r.language = "fr";
    r.started_at = "2026-12-01T10:00:00.000Z";
    r.submitted_at = "2026-12-01T10:01:00.000Z";
    r.duration_ms = 60000;
    for (const std::string& o : lieux)
        r.answers.push_back(Answer{.question_id = "lieux", .option_id = o});
    r.answers.push_back(Answer{.question_id = "proprete", .number = proprete});
    if (idee) r.answers.push_back(Answer{.question_id = "idee", .text = std::string(idee)});
    return r;
}

// `r` with the family questions and the ranking answered too (the demo smiley has 5 faces:
// bad = level 2, good = level 4).
Response WithFamily(Response r, int children, const std::vector<std::string>& ranking, const char* smiley,
                    double level) {
    r.answers.push_back(Answer{.question_id = "soir", .option_id = std::string(smiley), .number = level});
    r.answers.push_back(
        Answer{.question_id = "avec-enfants", .option_id = std::string(children ? "yes" : "no")});
    if (children) r.answers.push_back(Answer{.question_id = "nombre-enfants", .number = (double)children});
    for (size_t i = 0; i < ranking.size(); i++)
        r.answers.push_back(
            Answer{.question_id = "priorites", .option_id = ranking[i], .number = (double)(i + 1)});
    return r;
}

// Drags the results list up until the control `name` is on screen, then taps it.
void ScrollAndTap(SurveyKiosk& k, const std::string& name) {
    const float h = (float)k.GetApp().metrics.height, w = (float)k.GetApp().metrics.width;
    for (int i = 0; i < 60; i++) {
        std::optional<TargetRect> rect = k.GetApp().targets.Find(name);
        REQUIRE(rect);
        const float y = rect->Center().y;
        // In the lower part of the scrolled results (their top is about mid-screen): visible.
        if (y < h * 0.85f && y > h * 0.65f) break;
        // Up towards a target below (far: big strokes), down towards one the inertia carried
        // past (there is more below it when a survey ends with its "About you" questions).
        if (y >= h * 1.5f)
            k.Driver().Drag(w * 0.4f, h * 0.8f, w * 0.4f, h * 0.45f);
        else if (y >= h * 0.85f)
            k.Driver().Drag(w * 0.4f, h * 0.8f, w * 0.4f, h * 0.7f);
        else
            k.Driver().Drag(w * 0.4f, h * 0.7f, w * 0.4f, h * 0.8f);
        k.Driver().Wait(1.5); // the inertia settles
    }
    k.Tap(name);
}

int64_t HiddenRows(SurveyKiosk& k) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(k.Data().config.paths.database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM hidden_answer", -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const int64_t count = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return count;
}

} // namespace

TEST_CASE("Résultats shows the recorded answers' figures, and hiding a free text leaves it in the database") {
    const auto [w, h] = GENERATE(std::pair{1920, 1080}, std::pair{1280, 800});
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    auto k = StaffKiosk("staff-results-" + size, w, h);
    const Response insult = Make({"commerces", "square", "ecole"}, 5, "Texte injurieux");
    const std::vector<std::string> lights_first = {"eclairage", "jeux", "ombre", "toilettes", "voitures"};
    const std::vector<std::string> play_first = {"jeux", "eclairage", "voitures", "ombre", "toilettes"};
    for (const Response& r :
         {WithFamily(Make({"square", "ecole"}, 2, "Plus de bancs"), 2, lights_first, "good", 4),
          WithFamily(Make({"square"}, 8, nullptr), 3, play_first, "bad", 2),
          WithFamily(insult, 0, lights_first, "good", 4)})
        REQUIRE(k->Store().WaitCommitted(k->Store().Submit(r), 10));

    OpenPanel(*k);
    k->Tap("panel.tab:results");
    k->Tap(std::string("results.survey:") + kSurvey);
    SettleResults(*k);
    CHECK(Shown(*k, "") == 3); // participants
    // Multiple choice, per option (never per combination).
    CHECK(Shown(*k, "lieux") == 3);
    CHECK(Shown(*k, "lieux/square") == 3);
    CHECK(Shown(*k, "lieux/ecole") == 2);
    CHECK(Shown(*k, "lieux/commerces") == 1);
    CHECK(Shown(*k, "lieux/allees") == 0);
    // Scale 0–10: the distribution.
    CHECK(Shown(*k, "proprete/2") == 1);
    CHECK(Shown(*k, "proprete/5") == 1);
    CHECK(Shown(*k, "proprete/8") == 1);
    CHECK(Shown(*k, "proprete/0") == 0);
    CHECK(Shown(*k, "idee/visible") == 2);
    // Yes/no and smiley: per option; number: one bin per value.
    CHECK(Shown(*k, "avec-enfants/yes") == 2);
    CHECK(Shown(*k, "avec-enfants/no") == 1);
    CHECK(Shown(*k, "soir/good") == 2);
    CHECK(Shown(*k, "nombre-enfants/2") == 1);
    CHECK(Shown(*k, "nombre-enfants/3") == 1);
    // Ranking: mean rank ×100 (1 = first): lighting (1+2+1)/3, play areas (2+1+2)/3.
    CHECK(Shown(*k, "priorites/eclairage") == 133);
    CHECK(Shown(*k, "priorites/jeux") == 167);
    // The charts with answers in them, for the screenshot.
    const float w2 = (float)w, h2 = (float)h;
    k->Driver().Drag(w2 * 0.4f, h2 * 0.85f, w2 * 0.4f, h2 * 0.45f);
    k->Driver().Wait(1.5);
    k->Shot("staff-results-" + size);

    // A vote recorded while the panel is open shows without leaving it.
    REQUIRE(k->Store().WaitCommitted(k->Store().Submit(Make({"allees"}, 10, nullptr)), 10));
    SettleResults(*k);
    CHECK(Shown(*k, "") == 4);
    CHECK(Shown(*k, "lieux/allees") == 1);

    // Hide the offensive answer: gone from the figures, listed greyed with "Afficher", kept
    // in the SQLite file with its hidden row.
    ScrollAndTap(*k, "results.hide:" + insult.uuid);
    SettleResults(*k);
    CHECK(Shown(*k, "idee/visible") == 1);
    CHECK(k->Has("results.show:" + insult.uuid));
    CHECK_FALSE(k->Has("results.hide:" + insult.uuid));
    CHECK(HiddenRows(*k) == 1);
    bool kept = false;
    for (const Response& r : k->Responses())
        if (r.uuid == insult.uuid)
            kept = test::FindAnswer(r, "idee") && test::FindAnswer(r, "idee")->text == "Texte injurieux";
    CHECK(kept);
    k->Shot("staff-results-hidden-" + size);

    // And shown again.
    k->Tap("results.show:" + insult.uuid);
    SettleResults(*k);
    CHECK(Shown(*k, "idee/visible") == 2);

    // One origin at a time: every answer here came from the kiosk, none on paper.
    k->Tap("results.filters");
    k->Tap("results.slice:paper");
    SettleResults(*k);
    CHECK(Shown(*k, "") == 0);
    CHECK(Shown(*k, "lieux/square") == 0);
    k->Tap("results.slice:kiosk");
    SettleResults(*k);
    CHECK(Shown(*k, "") == 4);
    CHECK(Shown(*k, "lieux/square") == 3);
}

namespace {

std::string DayBefore(long long wall_now, int days) {
    const CivilDate d = CivilFromDays(DaysFromCivil(ToLocalMoment(wall_now).date) - days);
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

Response WithPins(Response r, const std::vector<std::tuple<double, double, const char*>>& pins) {
    for (const auto& [x, y, reason] : pins)
        r.answers.push_back(Answer{.question_id = "endroits",
                                   .option_id = std::string(reason),
                                   .plan_id = std::string("plan-quartier-2030"),
                                   .x = x,
                                   .y = y});
    return r;
}

} // namespace

TEST_CASE("Résultats: origins side by side, the period and language filters, the pins' heat map") {
    const auto [w, h] = GENERATE(std::pair{1920, 1080}, std::pair{1280, 800});
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    auto k = StaffKiosk("staff-results-filters-" + size, w, h);
    k->Driver().Frames(1);
    const long long now = k->GetApp().wall_now;
    // Two kiosk answers today (French), and a paper questionnaire in English written 40 days
    // ago, typed in today.
    Response today_a =
        WithPins(Make({"square"}, 4, nullptr), {{0.210, 0.300, "insecurite"}, {0.215, 0.305, "abime"}});
    Response today_b = WithPins(Make({"square", "ecole"}, 6, nullptr), {{0.80, 0.70, "agreable"}});
    Response paper = WithPins(Make({"ecole"}, 9, nullptr), {{0.50, 0.50, "agreable"}});
    for (Response* r : {&today_a, &today_b, &paper}) {
        r->submitted_at = DayBefore(now, 0) + "T10:01:00.000Z";
        r->started_at = DayBefore(now, 0) + "T10:00:00.000Z";
    }
    paper.origin = ResponseOrigin::Paper;
    paper.paper_date = DayBefore(now, 40);
    paper.language = "en";
    for (const Response& r : {today_a, today_b, paper})
        REQUIRE(k->Store().WaitCommitted(k->Store().Submit(r), 10));

    OpenPanel(*k);
    k->Tap("panel.tab:results");
    k->Tap(std::string("results.survey:") + kSurvey);
    SettleResults(*k);
    CHECK(Shown(*k, "") == 3);
    CHECK(Shown(*k, "lieux/square") == 2);
    // The heat map: four pins in three cells (two are in the same cell of the 64 × 64 grid).
    CHECK(Shown(*k, "endroits/heat_cells") == 3);
    CHECK(Shown(*k, "endroits/agreable") == 2);

    // Side by side: the total, the kiosk and paper columns, each with its own figures.
    CHECK_FALSE(k->Has("results.slice:compare")); // the filters are folded until asked for
    k->Tap("results.filters");
    k->Tap("results.slice:compare");
    SettleResults(*k);
    CHECK(Shown(*k, "lieux/square") == 2);
    CHECK(Shown(*k, "kiosk:lieux/square") == 2);
    CHECK(Shown(*k, "paper:lieux/square") == 0);
    CHECK(Shown(*k, "paper:lieux/ecole") == 1);
    CHECK(Shown(*k, "kiosk:endroits/heat_cells") == 2);
    CHECK(Shown(*k, "paper:endroits/heat_cells") == 1);
    CHECK_FALSE(
        k->GetApp().staff.results_shown.count("assisted:lieux/square")); // no assisted answers: no column
    k->Tap("results.filters");
    k->Driver().Frames(2);
    k->Shot("staff-results-compare-" + size);
    k->Tap("results.filters");

    // The last 7 days leave out the paper questionnaire, dated 40 days ago on the paper.
    k->Tap("results.period:7");
    SettleResults(*k);
    CHECK(Shown(*k, "") == 2);
    CHECK(Shown(*k, "lieux/ecole") == 1);
    CHECK(Shown(*k, "endroits/heat_cells") == 2);
    k->Tap("results.period:30");
    SettleResults(*k);
    CHECK(Shown(*k, "") == 2);
    k->Tap("results.period:all");
    SettleResults(*k);
    CHECK(Shown(*k, "") == 3);

    // English only: the paper questionnaire.
    k->Tap("results.language:en");
    SettleResults(*k);
    CHECK(Shown(*k, "") == 1);
    CHECK(Shown(*k, "lieux/ecole") == 1);
    k->Tap("results.language:all");
    k->Tap("results.slice:total");
    k->Tap("results.filters"); // folded again: the choices stay
    SettleResults(*k);
    CHECK_FALSE(k->Has("results.slice:total"));
    CHECK(Shown(*k, "") == 3);
    CHECK_FALSE(k->GetApp().staff.results_shown.count("kiosk:lieux/square"));
    k->Shot("staff-results-filters-" + size);
    // Down to the plan-pin question, for a screenshot of the heat map.
    for (int i = 0; i < 11; i++) {
        k->Driver().Drag(w * 0.4f, h * 0.85f, w * 0.4f, h * 0.35f);
        k->Driver().Wait(0.4);
    }
    k->Driver().Wait(1.5);
    k->Shot("staff-results-heatmap-" + size);
}
