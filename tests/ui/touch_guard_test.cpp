// The touch guard (docs/touch-input.md), on the real shell: synthetic SDL finger and mouse
// events, a manual clock, the demo content and a scratch database. Each case is a touch
// that changes the screen, then a second touch at the same place 50 to 600 ms later — the
// double taps people make — and nothing but the first touch may act.
#include <SDL2/SDL.h>
#include <catch2/catch.hpp>

#include "survey/survey_session.h"
#include "survey_kiosk.h"

using namespace kiosk;
using test::SurveyKiosk;

namespace {

enum class Via { Finger, Mouse };

const char* Name(Via via) {
    return via == Via::Finger ? "finger" : "mouse";
}

// From the lift of the first tap to the landing of the second.
constexpr double kGaps[] = {0.05, 0.09, 0.2, 0.35, 0.45, 0.6};

void Mouse(ShellDriver& driver, Uint32 type, ImVec2 p) {
    SDL_Event e{};
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.which = 0;
        e.motion.x = (int)p.x;
        e.motion.y = (int)p.y;
        e.motion.state = 0; // no button: the pointer moves there first
    } else {
        e.button.which = 0;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = (int)p.x;
        e.button.y = (int)p.y;
    }
    driver.GetShell().HandleEvent(e);
}

// One tap held 50 ms. The mouse first moves there (a frame before its button goes down,
// as a pointer does), which alone is input: it dismisses the countdown, wakes the screen.
void TapOnce(ShellDriver& driver, Via via, ImVec2 p) {
    if (via == Via::Finger) {
        driver.FingerDown(1, p.x, p.y);
        driver.Frames(3);
        driver.FingerUp(1, p.x, p.y);
    } else {
        Mouse(driver, SDL_MOUSEMOTION, p);
        driver.Frames(1);
        Mouse(driver, SDL_MOUSEBUTTONDOWN, p);
        driver.Frames(3);
        Mouse(driver, SDL_MOUSEBUTTONUP, p);
    }
}

// Two taps at `p`, `gap` seconds apart, then the frames that play the last click.
void DoubleTap(ShellDriver& driver, Via via, ImVec2 p, double gap) {
    TapOnce(driver, via, p);
    driver.Wait(gap);
    TapOnce(driver, via, p);
    driver.Frames(8);
}

bool Contains(const TargetRect& r, ImVec2 p) {
    return p.x >= r.min.x && p.x <= r.max.x && p.y >= r.min.y && p.y <= r.max.y;
}

TargetRect Target(SurveyKiosk& kiosk, std::string_view name) {
    std::optional<TargetRect> target = kiosk.GetApp().targets.Find(name);
    INFO("no \"" << name << "\" on screen " << ScreenName(kiosk.CurrentScreen()));
    REQUIRE(target);
    return *target;
}

void Show(SurveyKiosk& kiosk, Screen screen) {
    App& app = kiosk.GetApp();
    app.nav.Go({screen, ""}, app.now);
    kiosk.Driver().Frames(3);
    kiosk.Driver().Wait(1); // past any guard: the visitor looks at the screen first
}

} // namespace

TEST_CASE("a double tap on Donner mon avis opens the list and votes for no picture under it") {
    SurveyKiosk kiosk("touch-guard-opinion");
    App& app = kiosk.GetApp();
    // Where the tile and a poll answer of the next screen overlap.
    Show(kiosk, Screen::Surveys);
    std::vector<TargetRect> answers;
    for (const Option& option : kiosk.Data().FindSurvey("futur-square")->questions.front().options)
        answers.push_back(Target(kiosk, "poll:futur-square:" + option.id));
    Show(kiosk, Screen::Home);
    const TargetRect tile = Target(kiosk, "home.opinion");
    std::optional<ImVec2> spot;
    for (const TargetRect& a : answers) {
        const TargetRect both{ImVec2(std::max(a.min.x, tile.min.x), std::max(a.min.y, tile.min.y)),
                              ImVec2(std::min(a.max.x, tile.max.x), std::min(a.max.y, tile.max.y))};
        if (both.min.x + 20 < both.max.x && both.min.y + 20 < both.max.y) spot = both.Center();
    }
    REQUIRE(spot); // else this layout cannot show the defect

    for (Via via : {Via::Finger, Via::Mouse}) {
        for (double gap : kGaps) {
            INFO(Name(via) << ", " << gap * 1000 << " ms apart");
            Show(kiosk, Screen::Home);
            DoubleTap(kiosk.Driver(), via, *spot, gap);
            kiosk.Settle();
            REQUIRE(kiosk.CurrentScreen() == Screen::Surveys);
            REQUIRE(app.visit.survey.stage == SurveyStage::Notice); // no vote under way
        }
    }
    CHECK(kiosk.Responses().empty());
    // The same spot on the list is a vote when tapped on its own: the case above was real.
    kiosk.Driver().Tap(spot->x, spot->y);
    kiosk.Settle();
    CHECK(kiosk.Responses().size() == 1);
}

TEST_CASE("a double tap on Les plans opens the gallery, not the plan under the tile") {
    SurveyKiosk kiosk("touch-guard-plans");
    Show(kiosk, Screen::Home);
    const ImVec2 spot = Target(kiosk, "home.plans").Center();
    for (Via via : {Via::Finger, Via::Mouse}) {
        for (double gap : kGaps) {
            INFO(Name(via) << ", " << gap * 1000 << " ms apart");
            Show(kiosk, Screen::Home);
            DoubleTap(kiosk.Driver(), via, spot, gap);
            REQUIRE(kiosk.CurrentScreen() == Screen::Plans);
        }
    }
    // A tap of its own at that spot opens a plan: the second taps above were on one.
    kiosk.Driver().Tap(spot.x, spot.y);
    CHECK(kiosk.CurrentScreen() == Screen::PlanViewer);
}

TEST_CASE("a double tap on Passer shows the last question and does not send the survey") {
    SurveyKiosk kiosk("touch-guard-skip");
    kiosk.StartSurvey("usages-espaces-publics");
    test::AnswerDemoSurveyUpToPlanPin(kiosk);
    const SurveyRunner& runner = *kiosk.GetApp().visit.survey.runner;
    const ImVec2 skip = Target(kiosk, "survey.next").Center();
    for (Via via : {Via::Finger, Via::Mouse}) {
        for (double gap : kGaps) {
            INFO(Name(via) << ", " << gap * 1000 << " ms apart");
            REQUIRE(runner.Current().id == "endroits");
            DoubleTap(kiosk.Driver(), via, skip, gap);
            kiosk.Settle();
            REQUIRE(kiosk.CurrentScreen() == Screen::Survey);
            REQUIRE(kiosk.GetApp().visit.survey.stage == SurveyStage::Answering);
            REQUIRE(runner.Current().id == "idee");
            CHECK(Contains(Target(kiosk, "survey.next"), skip)); // "Envoyer" sits where "Passer" was
            kiosk.Tap("survey.back");
            kiosk.Driver().Wait(1); // the visitor looks at the question again
        }
    }
    CHECK(kiosk.Responses().empty());
}

TEST_CASE("outside opening hours the touch that wakes a blank screen votes on nothing") {
    SurveyKiosk kiosk("touch-guard-wake",
                      [](KioskData& data) { data.config.opening_hours.outside = OutsideHours::Blank; });
    App& app = kiosk.GetApp();
    kiosk.Driver().Clock().SetWall(1795345200); // Sunday 2026-11-22 10:00 UTC: closed
    kiosk.Driver().Frames(2);
    const ImVec2 answer = Target(kiosk, "poll:futur-square:jardin").Center();
    for (Via via : {Via::Finger, Via::Mouse}) {
        for (double gap : kGaps) {
            INFO(Name(via) << ", " << gap * 1000 << " ms apart");
            kiosk.Driver().Wait(kiosk.Data().config.opening_hours.wake_seconds + 1);
            REQUIRE(app.nav.Asleep(app.now));
            DoubleTap(kiosk.Driver(), via, answer, gap);
            kiosk.Settle();
            REQUIRE_FALSE(app.nav.Asleep(app.now));
            REQUIRE(kiosk.CurrentScreen() == Screen::Attract); // the wake touch did nothing else
        }
    }
    CHECK(kiosk.Responses().empty());
    // Awake, a tap of its own on that answer votes.
    kiosk.Driver().Tap(answer.x, answer.y);
    kiosk.Settle();
    CHECK(kiosk.Responses().size() == 1);
}

TEST_CASE("the touch that dismisses Are you still there ticks nothing under it") {
    SurveyKiosk kiosk("touch-guard-countdown");
    App& app = kiosk.GetApp();
    kiosk.StartSurvey("usages-espaces-publics");
    const SurveyRunner& runner = *app.visit.survey.runner;
    REQUIRE(runner.Current().id == "frequence");
    const ImVec2 option = Target(kiosk, "option:chaque-jour").Center();
    for (Via via : {Via::Finger, Via::Mouse}) {
        for (double gap : kGaps) {
            INFO(Name(via) << ", " << gap * 1000 << " ms apart");
            for (int i = 0; i < 300 && !app.nav.CountdownVisible(); i++)
                kiosk.Driver().Wait(1);
            REQUIRE(app.nav.CountdownVisible());
            DoubleTap(kiosk.Driver(), via, option, gap);
            REQUIRE_FALSE(app.nav.CountdownVisible());
            REQUIRE(kiosk.CurrentScreen() == Screen::Survey);
            REQUIRE(runner.CurrentAnswer().Empty());
        }
    }
    // A tap of its own there ticks the option: the touches above were on it.
    kiosk.Driver().Tap(option.x, option.y);
    CHECK_FALSE(runner.CurrentAnswer().Empty());
}
