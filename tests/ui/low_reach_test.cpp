// Low reach (EN 301 549 §8.3.2.4): on a screen mounted so that part of it is above 1220 mm
// from the floor, the wheelchair button beside « Aa » lays every visitor screen out in the
// band between 380 and 1220 mm, and the end of the visit puts the whole screen back. Every
// visitor screen is audited in low reach at 1920×1080, 1280×800 and 1080×1920 with the demo
// mounting (a 32" landscape screen, bottom edge at 900 mm), and in portrait with a totem's
// (bottom 600 mm, 1200 mm high): targets, text, and reach. Saved to
// build/test-screens/low-reach-*.png to be looked at.
#include <catch2/catch.hpp>

#include "low_reach.h"
#include "palette.h"
#include "programme_fixture.h"
#include "staff_panel_opener.h"
#include "survey_kiosk.h"
#include "touch_target_audit.h"
#include "visit_state.h"

using namespace kiosk;
using kiosk::test::SurveyKiosk;

namespace {

void Totem(KioskData& data) {
    data.config.display.bottom_mm = 600;
    data.config.display.height_mm = 1200;
}

void AuditLowReach(SurveyKiosk& kiosk, const std::string& mounting, const std::string& what) {
    App& app = kiosk.GetApp();
    const Metrics& m = app.metrics;
    INFO(what << " in low reach at " << app.window_size.x << "x" << app.window_size.y << " (" << mounting
              << "), laid out " << m.width << "x" << m.height << " from row " << app.layout_origin.y);
    REQUIRE(LowReachOn(app));
    REQUIRE(app.layout_origin.y > 0);
    test::CheckTouchTargets(app);
    test::CheckTextFits(app);
    test::CheckReach(app);
    kiosk.Shot(
        fmt::format("low-reach-{}-{}-{}x{}", mounting, what, (int)app.window_size.x, (int)app.window_size.y));
}

} // namespace

TEST_CASE("the wheelchair button brings every control within reach, until the end of the visit") {
    SurveyKiosk kiosk("low-reach-toggle");
    App& app = kiosk.GetApp();
    Show(kiosk, {Screen::Home, ""});
    const float window_h = app.window_size.y;
    REQUIRE(window_h == 1080);
    CHECK(app.metrics.height == window_h);
    // The demo screen's top edge is at 1298 mm: without low reach, home's top row (the
    // languages, « Aa », read-aloud) is out of a wheelchair user's reach.
    CHECK_FALSE(LowReachOn(app));
    CHECK_FALSE(test::TargetsOutOfReach(app).empty());
    REQUIRE(kiosk.Has("access.low_reach"));
    const float body = app.fonts.body->FontSize;

    kiosk.Tap("access.low_reach");
    kiosk.Driver().Frames(2);
    CHECK(app.visit.low_reach);
    REQUIRE(LowReachOn(app));
    // 78 mm of 398 above 1220 mm: the top 212 rows hold only something to read.
    const ReachBand band = ComputeReachBand(kiosk.Data().config.display, window_h);
    CHECK(band.top == Approx(78.0 / 398.0 * 1080).margin(0.5));
    CHECK(app.layout_origin.y == Approx(band.top).margin(0.5));
    CHECK(app.metrics.height == Approx(window_h - app.layout_origin.y).margin(0.5));
    CHECK(app.fonts.body->FontSize < body); // laid out again, in the band's sizes
    test::CheckTouchTargets(app);
    test::CheckReach(app);
    // The screen's own colour above the band, and the home's top row just below it.
    CHECK(test::Rgb(kiosk.Driver().Capture(), 5, 5) == palette::kBackground);
    kiosk.Shot("low-reach-home-toggled");

    // Switching moved everything under the finger: a touch right after it does nothing, as
    // after a change of screen (the touch guard, docs/touch-input.md).
    const ImVec2 tile = kiosk.GetApp().targets.Find("home.timeline")->Center();
    kiosk.Driver().FingerDown(1, tile.x, tile.y);
    kiosk.Driver().Frames(2);
    kiosk.Driver().FingerUp(1, tile.x, tile.y);
    kiosk.Driver().Frames(6);
    CHECK(kiosk.CurrentScreen() == Screen::Home);

    // Touches land where the screen drew: above the band nothing answers; a tile does.
    kiosk.Driver().Tap(app.window_size.x * 0.5f, band.top * 0.5f);
    CHECK(kiosk.CurrentScreen() == Screen::Home);
    kiosk.Tap("home.timeline");
    kiosk.Driver().Frames(2);
    CHECK(kiosk.CurrentScreen() == Screen::Timeline);
    CHECK(LowReachOn(app)); // for the rest of the visit
    test::CheckReach(app);

    // A second tap puts the whole screen back.
    kiosk.Tap("access.low_reach");
    kiosk.Driver().Frames(2);
    CHECK_FALSE(LowReachOn(app));
    CHECK(app.layout_origin.y == 0);
    CHECK(app.metrics.height == window_h);

    // On again, then the visitor leaves: the next one finds the whole screen.
    kiosk.Tap("access.low_reach");
    kiosk.Driver().Frames(2);
    REQUIRE(LowReachOn(app));
    const IdleConfig& idle = kiosk.Data().config.idle;
    kiosk.Driver().Wait(idle.timeout_seconds + idle.countdown_seconds + 1);
    REQUIRE(kiosk.CurrentScreen() == Screen::Attract);
    kiosk.Driver().Frames(2);
    CHECK_FALSE(app.visit.low_reach);
    CHECK(app.layout_origin.y == 0);
    CHECK(app.metrics.height == window_h);
    CHECK(app.fonts.body->FontSize == Approx(body));
}

TEST_CASE("low_reach = \"always\": no button, every visitor screen in the band, the staff screens whole") {
    auto kiosk = test::PanelKiosk("low-reach-always", 1080, 1920, [](KioskData& data) {
        Totem(data);
        data.config.display.low_reach = LowReach::Always;
    });
    App& app = kiosk->GetApp();
    Show(*kiosk, {Screen::Home, ""});
    CHECK_FALSE(kiosk->Has("access.low_reach"));
    REQUIRE(LowReachOn(app));
    // The totem's top 580 mm of 1200 are out of reach.
    CHECK(app.layout_origin.y == Approx(std::round(580.0 / 1200.0 * 1920)));
    CHECK(app.metrics.width == 1080);
    test::CheckTouchTargets(app);
    test::CheckReach(app);
    kiosk->Shot("low-reach-always-home-1080x1920");
    // Staff stand: the PIN pad and the panel use the whole screen (the corner press is made
    // at the top-left corner of the window, above the band).
    test::OpenStaffPanel(*kiosk);
    CHECK_FALSE(LowReachOn(app));
    CHECK(app.layout_origin.y == 0);
    CHECK(app.metrics.height == 1920);
}

TEST_CASE("low reach is not offered where the whole screen is within reach") {
    SurveyKiosk kiosk(
        "low-reach-within", [](KioskData& data) { data.config.display.bottom_mm = 800; }, 1280, 800);
    App& app = kiosk.GetApp();
    Show(kiosk, {Screen::Home, ""});
    CHECK_FALSE(kiosk.Has("access.low_reach")); // 800 + 398 = 1198 mm: nothing is out of reach
    CHECK(test::TargetsOutOfReach(app).empty());
    CHECK(kiosk.Has("access.large_text"));
}

namespace {

// Every visitor screen in low reach at `w`×`h`, audited and saved.
void AuditEveryScreen(
    int w, int h, const std::string& mounting,
    const std::function<void(KioskData&)>& adjust = [](KioskData&) {}) {
    SurveyKiosk kiosk(fmt::format("low-reach-audit-{}-{}x{}", mounting, w, h), adjust, w, h);
    App& app = kiosk.GetApp();
    Show(kiosk, {Screen::Home, ""});
    // The regression: without low reach, this mounting puts controls out of reach.
    CHECK_FALSE(test::TargetsOutOfReach(app).empty());
    kiosk.Tap("access.low_reach");
    kiosk.Driver().Frames(3);
    test::WalkVisitorScreens(kiosk, [&](const std::string& what) { AuditLowReach(kiosk, mounting, what); });
}

} // namespace

// One case per size, so that CTest runs them side by side.
TEST_CASE("in low reach every visitor screen is within reach at 1920x1080") {
    AuditEveryScreen(1920, 1080, "demo");
}

TEST_CASE("in low reach every visitor screen is within reach at 1280x800") {
    AuditEveryScreen(1280, 800, "demo");
}

TEST_CASE("in low reach every visitor screen is within reach in portrait 1080x1920") {
    AuditEveryScreen(1080, 1920, "demo");
}

TEST_CASE("in low reach every visitor screen is within reach on a 1080x1920 totem") {
    AuditEveryScreen(1080, 1920, "totem", Totem);
}

TEST_CASE("large text and low reach together still fit, within reach, at 1280x800") {
    SurveyKiosk kiosk("low-reach-large-text", 1280, 800);
    App& app = kiosk.GetApp();
    Show(kiosk, {Screen::Home, ""});
    kiosk.Tap("access.low_reach");
    kiosk.Tap("access.large_text");
    kiosk.Driver().Frames(3);
    REQUIRE(app.visit.large_text);
    AuditLowReach(kiosk, "demo-large-text", "home");
    Show(kiosk, {Screen::PlanViewer, "plan-quartier-2030"});
    REQUIRE(kiosk.Driver().WaitForImages());
    AuditLowReach(kiosk, "demo-large-text", "plan");
    kiosk.StartSurvey("usages-espaces-publics");
    AuditLowReach(kiosk, "demo-large-text", "question-frequence");
}
