// The results embargo (issue 12, `results_public_from`), on the real shell with a scratch
// database: before the date, the public screens — a poll's thank-you screen and the big
// screen — draw no bar, count or percentage and say when results will be shown, in the
// visitor's language; staff's "Résultats" keep every figure with a note; from the date on,
// the figures are back. The date comes from the app's clock, moved by the test.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "big_screen/big_screen.h"
#include "image_probe.h"
#include "palette.h"
#include "staff_panel_opener.h"
#include "survey/results_embargo.h"
#include "survey/survey_session.h"

using namespace kiosk;
using test::SurveyKiosk;

namespace {

constexpr CivilDate kPublicFrom{2026, 12, 2}; // the clock starts on 2026-11-18
constexpr long long kAfter = 1796212800;      // 2026-12-02 12:00 UTC

std::unique_ptr<SurveyKiosk> EmbargoKiosk(const std::string& name, int w, int h) {
    return test::PanelKiosk(name, w, h, [](KioskData& data) {
        for (Survey& s : data.surveys)
            if (s.id == "futur-square") s.results_public_from = kPublicFrom;
    });
}

// A visitor's vote on the poll, tapped from "Donner mon avis": ends on the thank-you screen.
void VoteByTouch(SurveyKiosk& k, const char* option) {
    App& app = k.GetApp();
    app.nav.Go({Screen::Surveys, ""}, app.now);
    k.Driver().Frames(3);
    k.Tap(std::string("poll:futur-square:") + option);
    k.Settle();
    REQUIRE(k.CurrentScreen() == Screen::Thanks);
}

// Whether any pixel between the thank-you text and the buttons has the results' colour.
bool OpinionColourBetweenTextAndButtons(SurveyKiosk& k, float top) {
    App& app = k.GetApp();
    const Image image = k.Driver().Capture();
    std::optional<TargetRect> home = app.targets.Find("thanks.home");
    REQUIRE(home);
    const test::Box area{0, (int)top + 1, (int)app.metrics.width, (int)home->min.y - 2};
    return test::FindColour(image, palette::kOpinion, area).has_value();
}

} // namespace

TEST_CASE("before results_public_from the thank-you screen shows no figure, only the date, and the bars from "
          "then on") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        INFO(size);
        auto k = EmbargoKiosk("embargo-thanks-" + size, w, h);
        App& app = k->GetApp();
        const Survey& poll = *k->Data().FindSurvey("futur-square");
        REQUIRE(poll.show_results);

        VoteByTouch(*k, "jeux");
        k->Tap("thanks.home");
        VoteByTouch(*k, "jardin");
        k->Driver().WaitForImages();
        CHECK_FALSE(ResultsPublic(app, poll));
        REQUIRE(k->Has("thanks.embargo"));
        for (const Option& option : poll.questions.front().options)
            CHECK_FALSE(k->Has("result:" + option.id)); // no bar row drawn
        CHECK_FALSE(OpinionColourBetweenTextAndButtons(*k, app.targets.Find("thanks.embargo")->min.y));
        CHECK(ResultsPublicDate(app, poll) == "mercredi 2 décembre 2026");
        k->Shot("embargo-thanks-" + size);
        // The date in the visitor's language.
        app.nav.SetLanguage("en");
        k->Driver().Frames(3);
        CHECK(ResultsPublicDate(app, poll) == "Wednesday 2 December 2026");
        CHECK(k->Has("thanks.embargo"));
        if (w == 1280) k->Shot("embargo-thanks-en-" + size);
        // The votes were recorded all the same.
        CHECK(k->Responses().size() == 2);

        // From the date on: the bars, with both votes.
        k->Driver().Clock().SetWall(kAfter);
        k->Tap("thanks.home");
        VoteByTouch(*k, "jeux");
        CHECK(ResultsPublic(app, poll));
        CHECK_FALSE(k->Has("thanks.embargo"));
        CHECK(k->Has("result:jeux"));
        CHECK(k->Has("result:jardin"));
    }
}

TEST_CASE("under an embargo the big screen shows the question and the date, no bar and no count") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        INFO(size);
        auto k = EmbargoKiosk("embargo-big-screen-" + size, w, h);
        App& app = k->GetApp();
        for (int i = 0; i < 3; i++) {
            VotePoll(app, *k->Data().FindSurvey("futur-square"), "jeux");
            REQUIRE(k->Store().WaitIdle(10));
            app.ForgetVisit();
            app.poll_bursts.Reset();
        }
        BigScreen& big = *app.big_screen;
        std::string error;
        REQUIRE(big.Open("futur-square", "", BigScreenTarget::OwnScreen, error));
        k->Driver().Frames(3);
        CHECK(big.Embargoed());
        CHECK(big.Participants() < 0); // the tally was not even read
        CHECK(big.BarLength(0) == 0.0f);
        const Image image = k->Driver().Capture();
        const BigScreenRow& row = big.Layout().rows[0];
        CHECK_FALSE(
            test::FindColour(image, palette::kOpinion,
                             {(int)row.bar_min.x, (int)row.bar_min.y, (int)(row.bar_min.x + row.bar_full),
                              (int)(row.bar_min.y + row.bar_height)})
                .has_value());
        // The date line fits on the screen, above its bottom edge.
        CHECK(big.Layout().participants_pos.y + big.Layout().text_font <= (float)h);
        for (const BigScreenRow& r : big.Layout().rows)
            CHECK(r.bar_min.y + r.bar_height <= big.Layout().participants_pos.y);
        for (int i = 0; i < 600 && big.ImagesBusy(); i++) { // the options' pictures, for the picture
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            k->Driver().GetShell().RenderFrame();
        }
        k->Driver().GetShell().RenderFrame();
        k->Shot("embargo-big-screen-" + size);

        // The morning the embargo ends, the figures appear without reopening the view.
        k->Driver().Clock().SetWall(kAfter);
        k->Driver().Wait(1.0);
        k->Driver().Frames(3);
        CHECK_FALSE(big.Embargoed());
        CHECK(big.Participants() == 3);
        CHECK(big.Count(0) == 3);
        big.Close();
    }
}

TEST_CASE("staff's results keep every figure under an embargo, with a note") {
    auto k = EmbargoKiosk("embargo-staff", 1920, 1080);
    App& app = k->GetApp();
    for (const char* option : {"jeux", "jeux", "eau"}) {
        VotePoll(app, *k->Data().FindSurvey("futur-square"), option);
        REQUIRE(k->Store().WaitIdle(10));
        app.ForgetVisit();
        app.poll_bursts.Reset();
    }
    test::OpenStaffPanel(*k);
    k->Tap("panel.tab:results");
    k->Tap("results.survey:futur-square");
    k->Settle();
    for (int i = 0; i < 3; i++) {
        REQUIRE(k->Results().WaitIdle(30));
        k->Driver().Frames(3);
    }
    CHECK(k->Has("results.embargo"));
    const auto& shown = app.staff.results_shown;
    REQUIRE(shown.count("envie/jeux"));
    CHECK(shown.at("envie/jeux") == 2);
    CHECK(shown.at("envie/eau") == 1);
    CHECK(shown.at("") == 3);
    k->Shot("embargo-staff-results-1920x1080");
}
