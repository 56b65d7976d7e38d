// Paper entry from the staff panel on the real shell, headless, by synthetic touch only: the
// date written on the paper set with the steppers (a future one refused), the questionnaire
// entered through the visitors' survey screens, then read back from the SQLite file — origin
// paper, its date, the answers tapped — and counted apart in the results; an abandoned entry
// (Stop, the panel's lock, the idle countdown) records nothing; test mode flags it is_test.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "config/opening_hours.h"
#include "staff/paper_date.h"
#include "staff/staff_state.h"
#include "staff_panel_opener.h"
#include "survey_kiosk.h"
#include "test_paths.h"
#include "touch_target_audit.h"
#include "visit_state.h"

using namespace kiosk;
using kiosk::test::SettleResults;
using kiosk::test::Shown;
using kiosk::test::SurveyKiosk;

namespace {

constexpr const char* kSurvey = "usages-espaces-publics";

std::unique_ptr<SurveyKiosk> StaffKiosk(const std::string& name, int lock_seconds = 120, int w = 1920,
                                        int h = 1080) {
    return test::PanelKiosk(name, w, h,
                            [&](KioskData& data) { data.config.staff.lock_seconds = lock_seconds; });
}

// The hidden gesture, the PIN, then the panel's "Questionnaires papier".
void OpenPaperEntry(SurveyKiosk& k) {
    test::OpenStaffPanel(k);
    k.Tap("panel.tab:paper");
}

CivilDate Today(SurveyKiosk& k) {
    return ToLocalMoment(k.GetApp().wall_now).date;
}

// Starts the paper entry of `survey_id` and checks it shows as one.
void StartEntry(SurveyKiosk& k, const std::string& survey_id) {
    k.Tap("paper.survey:" + survey_id);
    REQUIRE(k.CurrentScreen() == Screen::Survey);
    REQUIRE(k.GetApp().nav.Current().param == survey_id);
    CHECK(k.Has("paper.strip"));
}

} // namespace

TEST_CASE("a paper questionnaire entered by touch is recorded as paper with its date and counted apart") {
    auto k = StaffKiosk("staff-paper");
    OpenPaperEntry(*k);
    const CivilDate today = Today(*k);

    // Tomorrow: refused, said on screen, and no questionnaire can be opened.
    CHECK_FALSE(k->Has("paper.date.refused"));
    k->Tap("paper.date:day+");
    CHECK(k->Has("paper.date.refused"));
    k->Shot("staff-paper-future-1920x1080");
    CHECK_FALSE(k->Has(std::string("paper.survey:") + kSurvey));

    // The date written on the paper: a month and a day ago.
    k->Tap("paper.date:day-");
    k->Tap("paper.date:day-");
    k->Tap("paper.date:month-");
    CHECK_FALSE(k->Has("paper.date.refused"));
    const CivilDate written = StepDate(StepDate(today, DateField::Day, -1), DateField::Month, -1);
    CHECK(k->GetApp().staff.paper.date == written);

    // The visitors' screens, from the first question (no notice), marked as a paper entry.
    StartEntry(*k, kSurvey);
    REQUIRE(k->GetApp().visit.survey.runner);
    k->Shot("staff-paper-question-1920x1080");
    test::AnswerDemoSurveyUpToFreeText(*k);
    CHECK(k->Has("paper.strip"));
    test::SkipDemoProfileToLast(*k); // the free text and the "About you" questions are optional
    k->Tap("survey.next");           // "Send"
    k->Settle();
    // No thank-you screen: the panel, ready for the next questionnaire, counts this one.
    REQUIRE(k->CurrentScreen() == Screen::StaffPanel);
    CHECK(k->GetApp().staff.paper.entered == 1);
    CHECK(k->Has("paper.entered"));
    CHECK(k->GetApp().staff.paper.date == written); // kept for the rest of the pile
    k->Shot("staff-paper-panel-1920x1080");

    std::vector<Response> responses = k->Responses();
    REQUIRE(responses.size() == 1);
    const Response& paper = responses[0];
    CHECK(paper.origin == ResponseOrigin::Paper);
    CHECK(paper.paper_date == IsoDate(written));
    CHECK(paper.status == ResponseStatus::Complete);
    CHECK_FALSE(paper.is_test);
    REQUIRE(test::FindAnswer(paper, "frequence"));
    CHECK(test::FindAnswer(paper, "frequence")->option_id == "chaque-semaine");
    CHECK(test::FindAnswer(paper, "lieux", "square"));
    CHECK(test::FindAnswer(paper, "lieux", "ecole"));
    CHECK_FALSE(test::FindAnswer(paper, "lieux", "commerces"));
    REQUIRE(test::FindAnswer(paper, "proprete"));
    CHECK(test::FindAnswer(paper, "proprete")->number == 7);

    // An entry abandoned with "Stop": nothing recorded, back to the panel, not counted.
    StartEntry(*k, kSurvey);
    k->Tap("option:chaque-semaine");
    k->Tap("survey.next");
    // The hidden corner (under "Stop") held during an entry: no PIN pad, the entry goes on.
    k->Driver().WaitUntilTouchActs(20, 20);
    k->Driver().FingerDown(1, 20, 20);
    k->Driver().Wait(3.2);
    k->Driver().FingerUp(1, 20, 20);
    k->Driver().Frames(2);
    CHECK(k->CurrentScreen() == Screen::Survey);
    CHECK(k->GetApp().staff.paper.survey_id == kSurvey);
    k->Tap("survey.stop");
    k->Tap("confirm.confirm");
    CHECK(k->CurrentScreen() == Screen::StaffPanel);
    CHECK(k->GetApp().staff.paper.entered == 1);
    k->Settle();
    CHECK(k->Responses().size() == 1);

    // A poll not offered today (paper from another event), and a pile of votes on the poll
    // of the day: one tap each, no thank-you, and never flagged a burst (futur-square's
    // rule flags a fourth vote within a minute).
    const std::vector<std::pair<std::string, std::string>> votes = {{"inauguration-square", "bancs"},
                                                                    {"futur-square", "jeux"},
                                                                    {"futur-square", "ombre"},
                                                                    {"futur-square", "jardin"},
                                                                    {"futur-square", "sport"}};
    for (const auto& [poll, option] : votes) {
        StartEntry(*k, poll);
        k->Tap("poll:" + poll + ":" + option);
        k->Settle();
        REQUIRE(k->CurrentScreen() == Screen::StaffPanel);
    }
    CHECK(k->GetApp().staff.paper.entered == 6);
    responses = k->Responses();
    REQUIRE(responses.size() == 6);
    for (size_t i = 1; i < responses.size(); i++) {
        CHECK(responses[i].survey_id == votes[i - 1].first);
        CHECK(responses[i].origin == ResponseOrigin::Paper);
        CHECK(responses[i].paper_date == IsoDate(written));
        CHECK_FALSE(responses[i].burst);
        REQUIRE(responses[i].answers.size() == 1);
        CHECK(responses[i].answers[0].option_id == votes[i - 1].second);
    }

    // Results: the paper slice counts it, the kiosk slice does not.
    k->Tap("panel.tab:results");
    k->Tap(std::string("results.survey:") + kSurvey);
    k->Tap("results.filters");
    k->Tap("results.slice:paper");
    SettleResults(*k);
    CHECK(Shown(*k, "") == 1);
    CHECK(Shown(*k, "lieux/square") == 1);
    k->Tap("results.slice:kiosk");
    SettleResults(*k);
    CHECK(Shown(*k, "") == 0);
    k->Tap("results.slice:total");
    SettleResults(*k);
    CHECK(Shown(*k, "") == 1);
}

TEST_CASE("a paper entry left when the panel locks, or when the idle countdown runs out, records nothing") {
    SECTION("the panel's lock (lock_seconds shorter than the idle timeout)") {
        auto k = StaffKiosk("staff-paper-lock", 30);
        OpenPaperEntry(*k);
        StartEntry(*k, kSurvey);
        k->Tap("option:chaque-semaine");
        k->Tap("survey.next");
        k->Tap("option:sport");
        k->Driver().Wait(31);
        CHECK(k->CurrentScreen() == Screen::Attract);
        CHECK_FALSE(k->GetApp().staff.session.Unlocked());
        CHECK(k->GetApp().staff.paper.survey_id.empty());
        k->Settle();
        CHECK(k->Responses().empty()); // not even "abandoned", whatever keep_partial says
    }
    SECTION("the visitors' idle countdown") {
        auto k = StaffKiosk("staff-paper-idle", 3600);
        OpenPaperEntry(*k);
        StartEntry(*k, kSurvey);
        k->Tap("option:chaque-semaine");
        k->Tap("survey.next");
        k->Tap("option:sport");
        const IdleConfig& idle = k->Data().config.idle;
        k->Driver().Wait(idle.timeout_seconds + idle.countdown_seconds + 1);
        CHECK(k->CurrentScreen() == Screen::Attract);
        CHECK_FALSE(k->GetApp().staff.session.Unlocked());
        k->Settle();
        CHECK(k->Responses().empty());
        // And a visitor's survey left the same way still keeps its partial answers.
        k->Driver().Tap(k->GetApp().metrics.width / 2.0f, k->GetApp().metrics.height / 3.0f);
        k->StartSurvey(kSurvey);
        k->Tap("option:chaque-semaine");
        k->Tap("survey.next");
        k->Driver().Wait(idle.timeout_seconds + idle.countdown_seconds + 1);
        k->Settle();
        const std::vector<Response> responses = k->Responses();
        REQUIRE(responses.size() == 1);
        CHECK(responses[0].origin == ResponseOrigin::Kiosk);
        CHECK(responses[0].status == ResponseStatus::Abandoned);
    }
}

TEST_CASE("test mode and paper: recorded is_test = 1 and left out of the results by default") {
    auto k = StaffKiosk("staff-paper-test-mode");
    OpenPaperEntry(*k);
    k->Tap("panel.tab:controls");
    k->Tap("panel.test:on");
    k->Tap("panel.tab:paper");
    StartEntry(*k, "futur-square");
    CHECK(k->Has("test-banner"));
    k->Tap("poll:futur-square:jeux");
    k->Settle();
    REQUIRE(k->CurrentScreen() == Screen::StaffPanel);
    const std::vector<Response> responses = k->Responses();
    REQUIRE(responses.size() == 1);
    CHECK(responses[0].is_test);
    CHECK(responses[0].origin == ResponseOrigin::Paper);
    CHECK(responses[0].paper_date == IsoDate(Today(*k)));

    k->Tap("panel.tab:results");
    k->Tap("results.survey:futur-square");
    k->Tap("results.filters");
    for (const char* slice : {"results.slice:paper", "results.slice:total"}) {
        k->Tap(slice);
        SettleResults(*k);
        CHECK(Shown(*k, "") == 0);
    }
}

TEST_CASE("the paper entry's screens at every size: touch targets, the strip, screenshots") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        auto k = StaffKiosk("staff-paper-" + size, 120, w, h);
        for (const std::string& language : k->GetApp().data.catalogs.Languages()) {
            INFO(size << " in " << language);
            k->GetApp().nav.SetLanguage(language);
            OpenPaperEntry(*k);
            k->GetApp().nav.SetLanguage(language);
            k->Tap("paper.date:day+"); // the refusal's text, the longest state of the section
            k->Driver().Frames(2);
            test::CheckTouchTargets(k->GetApp());
            if (language == "fr") k->Shot("staff-paper-future-" + size);
            k->Tap("paper.date:today");
            k->Driver().Frames(2);
            CHECK_FALSE(k->Has("paper.date.refused"));
            if (language == "fr") k->Shot("staff-paper-" + size);
            for (const std::string& id : {std::string(kSurvey), std::string("futur-square")}) {
                StartEntry(*k, id);
                k->GetApp().nav.SetLanguage(language);
                k->Driver().WaitForImages(); // the poll's pictures, decoded off the UI thread
                k->Driver().Frames(2);
                test::CheckTouchTargets(k->GetApp());
                if (language == "fr") k->Shot("staff-paper-" + id + "-" + size);
                if (id == kSurvey) {
                    k->Tap("survey.stop");
                    k->Tap("confirm.confirm");
                } else {
                    // The top bar's "Back", at its left end.
                    const Metrics& m = k->GetApp().metrics;
                    k->Driver().Tap(m.Px(20) + m.target * 0.5f, m.bar * 0.5f);
                    k->Driver().Frames(2);
                }
                REQUIRE(k->CurrentScreen() == Screen::StaffPanel);
            }
            k->Tap("panel.leave");
            REQUIRE(k->CurrentScreen() == Screen::Attract);
        }
    }
}
