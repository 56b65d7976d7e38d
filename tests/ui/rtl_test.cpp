// Arabic, right to left: the visitor's frame is drawn mirrored (ui/rtl_mirror.h) with its
// texts shaped by FriBidi (ui/text_direction.h). Touches follow what is seen; a plan keeps its
// geography; the keyboard shows its keys in the physical layout's order; « Écouter » reads the
// text, not the shaped glyphs. Every visitor screen in Arabic passes the layout audit at
// 1920×1080, 1280×800 and portrait 1080×1920, saved to build/test-screens/rtl-*.png.
#include <algorithm>

#include <catch2/catch.hpp>

#include "palette.h"
#include "programme_fixture.h"
#include "survey_kiosk.h"
#include "touch_target_audit.h"
#include "visit_state.h"

using namespace kiosk;
using kiosk::test::SurveyKiosk;

namespace {

Vec2 CenterOf(SurveyKiosk& kiosk, std::string_view target) {
    std::optional<TargetRect> rect = kiosk.GetApp().targets.Find(target);
    INFO("target " << target);
    REQUIRE(rect);
    return Vec2(rect->Center().x, rect->Center().y);
}

} // namespace

TEST_CASE("Arabic by touch: the frame is mirrored, touches and speech follow it") {
    SurveyKiosk kiosk("rtl-toggle");
    App& app = kiosk.GetApp();
    Show(kiosk, {Screen::Home, ""});
    const Vec2 plans = CenterOf(kiosk, "home.plans");
    REQUIRE(plans.x < app.metrics.width * 0.5f); // the first tile, on the left in French
    CHECK(test::Rgb(kiosk.Driver().Capture(), plans.x, plans.y) == palette::kPrimary);
    CHECK_FALSE(app.mirror.Active());

    kiosk.Tap("language:ar");
    kiosk.Driver().Frames(3);
    REQUIRE(app.nav.Language() == "ar");
    CHECK(app.mirror.Active());
    // The screens lay out as before; the frame shows the plans tile on the right and the
    // timeline's where the plans' was.
    CHECK(CenterOf(kiosk, "home.plans").x == Approx(plans.x));
    const Vec2 seen = app.mirror.ToScreen(plans);
    CHECK(seen.x == Approx(app.metrics.width - plans.x));
    const Image mirrored = kiosk.Driver().Capture();
    CHECK(test::Rgb(mirrored, seen.x, seen.y) == palette::kPrimary);
    CHECK(test::Rgb(mirrored, plans.x, plans.y) == palette::kTimeline);
    kiosk.Shot("rtl-home-toggled");

    // The catalogue's text is drawn shaped; « Écouter » gets the text itself.
    const std::string& logical = kiosk.Data().catalogs.Text("ar", "home.plans.title");
    CHECK(app.Tr("home.plans.title") != logical);
    const std::vector<std::string>& said = app.speech_script.pieces;
    CHECK(std::find(said.begin(), said.end(), logical) != said.end());

    // A finger where the plans tile is seen opens the plans.
    kiosk.Driver().Tap(seen.x, seen.y);
    kiosk.Settle();
    CHECK(kiosk.CurrentScreen() == Screen::Plans);

    // Back to French: the frame is no longer mirrored.
    Show(kiosk, {Screen::Home, ""});
    kiosk.Tap("language:fr");
    kiosk.Driver().Frames(3);
    CHECK_FALSE(app.mirror.Active());
    CHECK(test::Rgb(kiosk.Driver().Capture(), plans.x, plans.y) == palette::kPrimary);
}

TEST_CASE("Arabic: a plan keeps its orientation, moved whole to the other side") {
    SurveyKiosk kiosk("rtl-plan");
    App& app = kiosk.GetApp();
    Show(kiosk, {Screen::PlanViewer, "square"});
    kiosk.Driver().Frames(30); // the plan's tiles decoded
    kiosk.Settle();
    const Vec2 zoom_in = CenterOf(kiosk, "plan.zoom_in");
    // A few points of the plan, seen in French.
    const float w = app.metrics.width, h = app.metrics.height;
    const Image french = kiosk.Driver().Capture();
    const Vec2 points[] = {{w * 0.15f, h * 0.3f}, {w * 0.3f, h * 0.55f}, {w * 0.45f, h * 0.8f}};

    app.nav.SetLanguage("ar");
    kiosk.Driver().Frames(3);
    REQUIRE(app.mirror.Active());
    const Image arabic = kiosk.Driver().Capture();
    kiosk.Shot("rtl-plan-square");
    // The canvas moved as a block: each point of the plan is seen at the same offset from
    // the canvas's edge, so the plan is not flipped.
    const float shift = app.mirror.ToScreen(points[0]).x - points[0].x;
    CHECK(shift > 0); // the panel went to the left, the plan to the right
    for (const Vec2& p : points) {
        INFO("plan point " << p.x << "," << p.y);
        CHECK(app.mirror.ToScreen(p).x == Approx(p.x + shift));
        CHECK(test::Rgb(arabic, p.x + shift, p.y) == test::Rgb(french, p.x, p.y));
    }
    // Touches on the plan map back by the same shift: zooming in by touch works.
    const float before = app.visit.plan_viewer.view.Scale();
    kiosk.Tap("plan.zoom_in");
    kiosk.Driver().Wait(1.0);
    CHECK(app.visit.plan_viewer.view.Scale() > before);
    CHECK(app.mirror.ToFrame(app.mirror.ToScreen(zoom_in)).x == Approx(zoom_in.x));
}

namespace {

void AuditArabic(SurveyKiosk& kiosk, const std::string& what) {
    App& app = kiosk.GetApp();
    const Metrics& m = app.metrics;
    INFO(what << " in Arabic at " << m.width << "x" << m.height);
    REQUIRE(app.mirror.Active());
    test::CheckTouchTargets(app);
    test::CheckTextFits(app);
    kiosk.Shot(fmt::format("rtl-{}-{}x{}", what, (int)m.width, (int)m.height));
}

void AuditEveryScreen(int w, int h) {
    SurveyKiosk kiosk(fmt::format("rtl-audit-{}x{}", w, h), w, h);
    App& app = kiosk.GetApp();
    Show(kiosk, {Screen::Home, ""});
    kiosk.Tap("language:ar");
    kiosk.Driver().Frames(3);
    test::WalkVisitorScreens(
        kiosk, [&](const std::string& what) { AuditArabic(kiosk, what); },
        [&](const std::string& question) {
            if (question != "idee") return;
            // The Arabic keyboard, seen in the physical layout's order (ض first, on the left).
            CHECK(app.mirror.ToScreen(CenterOf(kiosk, "key:ض")).x <
                  app.mirror.ToScreen(CenterOf(kiosk, "key:د")).x);
            kiosk.Tap("key:ب");
            kiosk.Tap("key:ي");
            kiosk.Tap("key:ت");
            CHECK(app.visit.survey.runner->CurrentAnswer().text == "بيت");
            AuditArabic(kiosk, "question-idee-typed");
        });
}

} // namespace

TEST_CASE("in Arabic every visitor screen fits at 1920x1080") {
    AuditEveryScreen(1920, 1080);
}

TEST_CASE("in Arabic every visitor screen fits at 1280x800") {
    AuditEveryScreen(1280, 800);
}

TEST_CASE("in Arabic every visitor screen fits in portrait 1080x1920") {
    AuditEveryScreen(1080, 1920);
}
