// "Aa": large text (×1.4) and high contrast for visitors who see poorly. The control is on
// every visitor screen, switches fonts and palette at once, and the end of the visit puts
// the ordinary screen back. In large text every screen is audited at 1920×1080, 1280×800 and
// portrait 1080×1920: targets big and spaced, no label cut off, nothing laid out off the
// screen. Every screen is saved to build/test-screens/large-text-*.png to be looked at.
#include <catch2/catch.hpp>

#include "fonts.h"
#include "palette.h"
#include "programme_fixture.h"
#include "survey_kiosk.h"
#include "touch_target_audit.h"
#include "visit_state.h"

using namespace kiosk;
using kiosk::test::SurveyKiosk;

namespace {

void AuditLarge(SurveyKiosk& kiosk, const std::string& what) {
    App& app = kiosk.GetApp();
    const Metrics& m = app.metrics;
    INFO(what << " in large text at " << m.width << "x" << m.height << " in " << app.nav.Language());
    REQUIRE(app.visit.large_text);
    REQUIRE(app.fonts.body == app.built_fonts.large.body);
    test::CheckTouchTargets(app);
    test::CheckTextFits(app);
    kiosk.Shot(fmt::format("large-text-{}-{}x{}-{}", what, (int)m.width, (int)m.height, app.nav.Language()));
}

} // namespace

TEST_CASE("Aa switches to large text and high contrast, and the end of the visit switches back") {
    SurveyKiosk kiosk("large-text-toggle");
    App& app = kiosk.GetApp();
    app.nav.Go({Screen::Home, ""}, app.now);
    kiosk.Driver().Frames(3);
    const float standard_body = app.fonts.body->FontSize;
    Image before = kiosk.Driver().Capture();
    CHECK(test::Rgb(before, 5, app.metrics.height * 0.5f) == palette::kBackground);

    kiosk.Tap("access.large_text");
    kiosk.Driver().Frames(2);
    CHECK(app.visit.large_text);
    CHECK(app.fonts.body->FontSize == Approx(standard_body * kLargeTextFactor));
    Image after = kiosk.Driver().Capture();
    CHECK(test::Rgb(after, 5, app.metrics.height * 0.5f) ==
          palette::Displayed(palette::kBackground, palette::Contrast::High));
    CHECK(palette::CurrentContrast() == palette::Contrast::Standard); // only while the screens draw
    kiosk.Shot("large-text-home-toggled");

    // It holds across screens of the same visit, and a second tap turns it off.
    kiosk.Tap("home.timeline");
    kiosk.Driver().Frames(2);
    CHECK(app.visit.large_text);
    kiosk.Tap("access.large_text");
    kiosk.Driver().Frames(2);
    CHECK_FALSE(app.visit.large_text);
    CHECK(app.fonts.body->FontSize == Approx(standard_body));

    // On again, then the visitor walks away: the idle timeout ends the visit, and the next
    // visitor finds the ordinary attract screen and home.
    kiosk.Tap("access.large_text");
    kiosk.Driver().Frames(2);
    REQUIRE(app.visit.large_text);
    const IdleConfig& idle = kiosk.Data().config.idle;
    kiosk.Driver().Wait(idle.timeout_seconds + idle.countdown_seconds + 1);
    REQUIRE(kiosk.CurrentScreen() == Screen::Attract);
    CHECK_FALSE(app.visit.large_text);
    CHECK(app.fonts.body->FontSize == Approx(standard_body));
    CHECK(test::Rgb(kiosk.Driver().Capture(), 5, app.metrics.height * 0.5f) == palette::kAttractBackground);
    Show(kiosk, {Screen::Home, ""});
    CHECK(test::Rgb(kiosk.Driver().Capture(), 5, app.metrics.height * 0.5f) == palette::kBackground);
}

namespace {

// Every visitor screen in large text at `w`×`h`, audited and saved.
void AuditEveryScreen(int w, int h) {
    SurveyKiosk kiosk(fmt::format("large-text-audit-{}x{}", w, h), w, h);
    Show(kiosk, {Screen::Home, ""});
    kiosk.Tap("access.large_text");
    kiosk.Driver().Frames(3);
    test::WalkVisitorScreens(kiosk, [&](const std::string& what) { AuditLarge(kiosk, what); });
}

} // namespace

// One case per size, so that CTest runs them side by side.
TEST_CASE("in large text every visitor screen fits at 1920x1080") {
    AuditEveryScreen(1920, 1080);
}

TEST_CASE("in large text every visitor screen fits at 1280x800") {
    AuditEveryScreen(1280, 800);
}

TEST_CASE("in large text every visitor screen fits in portrait 1080x1920") {
    AuditEveryScreen(1080, 1920);
}
