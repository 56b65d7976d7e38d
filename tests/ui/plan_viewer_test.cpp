// The plan viewer driven like a visitor would: real SDL finger events through the gesture
// recogniser into the screen, on the offscreen GL screen. Assertions on the view transform
// (VisitState::plan_viewer) and on rendered pixels (the test pictures are flat-coloured
// quadrants, so the colour under a plan point says whether the plan is drawn where the
// transform says).
#include <cmath>
#include <fstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "palette.h"
#include "programme_fixture.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr uint32_t kBeforeGrey = 0x7F7F7F;

// Two plans: "plain" (quadrants, 2000 × 1400, one hotspot per quadrant) and "pair" (the
// same "after" image, a smaller flat grey "before" stretched over it, markers per side).
std::filesystem::path WriteViewerKiosk(const std::string& name) {
    const auto dir = ScratchDir(name);
    const auto config = WriteKiosk(dir);
    WriteQuadrantPng(dir / "content" / "plans" / "quadrants.png", 2000, 1400);
    WriteFlatPng(dir / "content" / "plans" / "grey.png", 1000, 700, kBeforeGrey);
    const char* hotspots = R"(
[[hotspot]]
id = "red"
at = [500, 350]
title = { fr = "Rouge", en = "Red" }
text = { fr = "Le coin rouge.", en = "The red corner." }

[[hotspot]]
id = "yellow"
at = [1500, 1050]
title = { fr = "Jaune", en = "Yellow" }
text = { fr = "Le coin jaune.", en = "The yellow corner." }
)";
    WriteFile(dir / "content" / "plans" / "1-plain.toml", std::string(R"(id = "plain"
title = { fr = "Quadrants", en = "Quadrants" }
summary = { fr = "Test", en = "Test" }
image = "quadrants.png"
max_zoom = 2.0
)") + hotspots);
    WriteFile(dir / "content" / "plans" / "2-pair.toml", R"(id = "pair"
title = { fr = "Avant, après", en = "Before, after" }
summary = { fr = "Test", en = "Test" }
image = "quadrants.png"
[before]
image = "grey.png"
area = [0, 0, 2000, 1400]

[[hotspot]]
id = "before-only"
at = [500, 1050]
layer = "before"
title = { fr = "Avant", en = "Before" }
text = { fr = "Seulement avant.", en = "Before only." }

[[hotspot]]
id = "after-only"
at = [1500, 350]
layer = "after"
title = { fr = "Après", en = "After" }
text = { fr = "Seulement après.", en = "After only." }
)");
    return config;
}

void OpenPlan(TestKiosk& k, const std::string& id) {
    App& app = k.app();
    app.nav.GoHome(app.now);
    app.nav.Go({Screen::PlanViewer, id}, app.now);
    k.driver->Frames(2);
    REQUIRE(k.driver->WaitForImages());
}

PlanViewerState& Viewer(TestKiosk& k) {
    return k.app().visit.plan_viewer;
}

uint32_t ColorAtPlan(TestKiosk& k, Vec2 plan_point) {
    const Vec2 p = Viewer(k).view.PlanToScreen(plan_point);
    return Rgb(k.driver->Capture(), p.x, p.y);
}

// The quadrant colour a plan point of the 2000 × 1400 test picture should show.
uint32_t QuadrantAt(Vec2 plan_point) {
    return kQuadrantColors[(plan_point.y >= 700) * 2 + (plan_point.x >= 1000)];
}

// Checks the colours at a few places of the plan area against the picture, away from the
// markers, the quadrants' edges and the buttons.
void CheckPictureUnderView(TestKiosk& k) {
    const PlanView& view = Viewer(k).view;
    const Rect canvas = view.Viewport();
    const Image shot = k.driver->Capture();
    int checked = 0;
    for (float fy : {0.15f, 0.4f, 0.6f})
        for (float fx : {0.1f, 0.35f, 0.55f, 0.8f}) {
            const Vec2 screen(canvas.min.x + canvas.Width() * fx, canvas.min.y + canvas.Height() * fy);
            const Vec2 plan = view.ScreenToPlan(screen);
            const bool near_marker = Distance(view.PlanToScreen({500, 350}), screen) < 60 ||
                                     Distance(view.PlanToScreen({1500, 1050}), screen) < 60;
            const bool near_edge =
                std::fabs(plan.x - 1000) * view.Scale() < 4 || std::fabs(plan.y - 700) * view.Scale() < 4;
            if (near_marker || near_edge || plan.x < 0 || plan.y < 0 || plan.x > 2000 || plan.y > 1400)
                continue;
            INFO("screen " << screen.x << ", " << screen.y << " → plan " << plan.x << ", " << plan.y);
            CHECK(Near(Rgb(shot, screen.x, screen.y), QuadrantAt(plan)));
            checked++;
        }
    CHECK(checked >= 6);
}

// A drag that stops before lifting (no fling, no inertia).
void HeldDrag(TestKiosk& k, Vec2 from, Vec2 to) {
    k.driver->FingerDown(1, from.x, from.y);
    k.driver->Frames(1);
    for (int i = 1; i <= 10; i++) {
        k.driver->FingerMove(1, from.x + (to.x - from.x) * i / 10, from.y + (to.y - from.y) * i / 10);
        k.driver->Frames(2);
    }
    k.driver->Frames(12); // held still for 0.2 s
    k.driver->FingerUp(1, to.x, to.y);
    k.driver->Frames(3);
}

// Width of the run of `color` pixels through (x, y) along the row.
int RunWidth(const Image& image, int x, int y, uint32_t color) {
    int left = x, right = x;
    while (left > 0 && Near(Rgb(image, left - 1, y), color, 10))
        left--;
    while (right < image.width - 1 && Near(Rgb(image, right + 1, y), color, 10))
        right++;
    return Near(Rgb(image, x, y), color, 10) ? right - left + 1 : 0;
}

} // namespace

TEST_CASE("the viewer opens fitted and pinching zooms about the fingers' centre, within limits", "[plan]") {
    TestKiosk k = OpenKiosk(WriteViewerKiosk("viewer_pinch"));
    OpenPlan(k, "plain");
    const PlanView& view = Viewer(k).view;
    const Rect canvas = view.Viewport();
    CHECK(view.AtFit());
    CHECK(canvas.min.x == 0);
    CHECK(canvas.min.y == k.app().metrics.bar);
    CHECK(canvas.max.x < k.app().metrics.width); // the panel is on the right
    // The picture is drawn where the transform says: each quadrant has its colour (away
    // from the markers, at the quadrants' centres).
    CHECK(Near(ColorAtPlan(k, {400, 250}), kQuadrantColors[0]));
    CHECK(Near(ColorAtPlan(k, {1500, 350}), kQuadrantColors[1]));
    CHECK(Near(ColorAtPlan(k, {500, 1050}), kQuadrantColors[2]));
    CHECK(Near(ColorAtPlan(k, {1600, 1150}), kQuadrantColors[3]));
    CHECK(Near(ColorAtPlan(k, {990, 690}), kQuadrantColors[0])); // either side of the middle
    CHECK(Near(ColorAtPlan(k, {1010, 710}), kQuadrantColors[3]));
    SaveScreen(*k.driver, ScreenshotDir() / "plan-viewer-fit.png");

    // Two fingers 200 px apart spreading to 400 px around a point: ×2 about that point.
    const Vec2 centre = canvas.Center() + Vec2(-170, -90);
    const Vec2 under = view.ScreenToPlan(centre);
    k.driver->Pinch(centre.x, centre.y, 200, 400);
    CHECK(view.Zoom() == Approx(2.0).epsilon(0.03));
    CHECK(Distance(view.ScreenToPlan(centre), under) * view.Scale() < 1.5f); // within 1.5 screen px
    REQUIRE(k.driver->WaitForImages());
    CheckPictureUnderView(k);

    // Never beyond the maximum (2 screen px per picture px), never smaller than fit.
    k.driver->Pinch(centre.x, centre.y, 100, 1400);
    CHECK(view.AtMax());
    CHECK(view.Scale() == Approx(2.0f));
    k.driver->Pinch(centre.x, centre.y, 1400, 60);
    k.driver->Pinch(centre.x, centre.y, 1400, 60);
    CHECK(view.AtFit());
}

TEST_CASE("a drag pans the plan under the finger, a fling coasts and stops, edges hold", "[plan]") {
    TestKiosk k = OpenKiosk(WriteViewerKiosk("viewer_drag"));
    OpenPlan(k, "plain");
    const PlanView& view = Viewer(k).view;
    const Rect canvas = view.Viewport();
    k.driver->Pinch(canvas.Center().x, canvas.Center().y, 200, 600); // ×3: room to pan

    // A slow drag that stops before lifting: the plan point follows the finger, no inertia.
    const Vec2 from = canvas.Center(), to = from + Vec2(-220, 130);
    const Vec2 grabbed = view.ScreenToPlan(from);
    HeldDrag(k, from, to);
    CHECK(Distance(view.PlanToScreen(grabbed), to) < 1.5f);
    REQUIRE(k.driver->WaitForImages());
    CheckPictureUnderView(k);
    const Vec2 rest = view.Offset();
    k.driver->Wait(1.0);
    CHECK(view.Offset() == rest);

    // A fling: the plan keeps moving after the finger lifts, slows, then the kiosk sleeps.
    k.driver->Drag(from.x, from.y, from.x + 300, from.y, 0.1, 6);
    const float at_release = view.Offset().x;
    k.driver->Wait(0.2);
    const float coasting = view.Offset().x;
    CHECK(coasting > at_release);
    k.driver->Wait(2.0);
    CHECK(view.Offset().x >= coasting);
    const double now = k.app().now;
    CHECK(k.driver->GetShell().NextDeadline(now) > now + 1.0); // nothing animates any more

    // However far it is dragged, no margin opens beyond the plan's edge.
    HeldDrag(k, from, from + Vec2(1500, 1500));
    CHECK(view.PlanToScreen(Vec2(0, 0)).x == Approx(canvas.min.x));
    CHECK(view.PlanToScreen(Vec2(0, 0)).y == Approx(canvas.min.y));
}

TEST_CASE("a double tap zooms in about the tapped point, another goes back to the whole plan", "[plan]") {
    TestKiosk k = OpenKiosk(WriteViewerKiosk("viewer_double_tap"));
    OpenPlan(k, "plain");
    const PlanView& view = Viewer(k).view;
    const Vec2 tap = view.Viewport().Center() + Vec2(200, 120);
    const Vec2 under = view.ScreenToPlan(tap);
    k.driver->Tap(tap.x, tap.y);
    k.driver->Tap(tap.x, tap.y);
    k.driver->Wait(0.5); // the animation
    CHECK(view.Zoom() == Approx(2.5).epsilon(0.01));
    CHECK(Distance(view.ScreenToPlan(tap), under) * view.Scale() < 1.0f);
    k.driver->Wait(1.0);
    k.driver->Tap(tap.x, tap.y);
    k.driver->Tap(tap.x, tap.y);
    k.driver->Wait(0.5);
    CHECK(view.AtFit());
}

TEST_CASE("the mouse wheel zooms about the pointer, the big button shows the whole plan again", "[plan]") {
    TestKiosk k = OpenKiosk(WriteViewerKiosk("viewer_wheel"));
    OpenPlan(k, "plain");
    const PlanView& view = Viewer(k).view;
    const Metrics& m = k.app().metrics;
    const Vec2 pointer = view.Viewport().Center() + Vec2(-300, 50);
    const Vec2 under = view.ScreenToPlan(pointer);
    k.driver->Wheel(pointer.x, pointer.y, 3);
    CHECK(view.Zoom() == Approx(std::pow(1.25, 3)).epsilon(0.01));
    CHECK(Distance(view.ScreenToPlan(pointer), under) * view.Scale() < 1.0f);
    k.driver->Wheel(pointer.x, pointer.y, -20);
    CHECK(view.AtFit());

    k.driver->Wheel(pointer.x, pointer.y, 4);
    REQUIRE_FALSE(view.AtFit());
    // "Show the whole plan": bottom right of the plan area.
    const Rect canvas = view.Viewport();
    k.driver->Tap(canvas.max.x - m.Px(24) - m.Px(80), canvas.max.y - m.Px(24) - m.target * 0.5f);
    k.driver->Wait(0.5);
    CHECK(view.AtFit());
}

TEST_CASE("the before/after divider follows a drag from its handle, each side shows its image", "[plan]") {
    TestKiosk k = OpenKiosk(WriteViewerKiosk("viewer_divider"));
    OpenPlan(k, "pair");
    PlanViewerState& s = Viewer(k);
    const Rect canvas = s.view.Viewport();
    CHECK(s.divider == 0.5f);
    const float x = DividerX(canvas, 0.5f), y = canvas.Center().y;
    Image shot = k.driver->Capture();
    CHECK(Near(Rgb(shot, x - 30, y - 200), kBeforeGrey));
    CHECK(Near(Rgb(shot, x + 30, y - 200), kQuadrantColors[1]));
    SaveScreen(*k.driver, ScreenshotDir() / "plan-viewer-divider.png");

    const Vec2 offset = s.view.Offset();
    const float target = canvas.min.x + canvas.Width() * 0.25f;
    k.driver->Drag(x, y, target, y + 40, 0.5, 15);
    CHECK(s.divider == Approx(0.25f).margin(0.003));
    CHECK(s.view.Offset() == offset); // the drag moved the divider, not the plan
    shot = k.driver->Capture();
    CHECK(Near(Rgb(shot, target - 30, y - 200), kBeforeGrey));
    CHECK(Near(Rgb(shot, target + 30, y - 200), kQuadrantColors[0]));

    // The "before" marker shows left of the divider only, the "after" one right of it only.
    const Vec2 before_marker = s.view.PlanToScreen({500, 1050}); // left of x, right of target
    CHECK(before_marker.x > target);
    k.driver->Tap(before_marker.x, before_marker.y);
    CHECK(s.open_hotspot == -1); // hidden: nothing to tap
    k.driver->Drag(target, y, canvas.max.x - 100, y, 0.5, 15);
    k.driver->Tap(before_marker.x, before_marker.y);
    CHECK(s.open_hotspot == 0);
}

TEST_CASE("a tapped marker opens its card, markers keep their size on screen at any zoom", "[plan]") {
    TestKiosk k = OpenKiosk(WriteViewerKiosk("viewer_markers"));
    OpenPlan(k, "plain");
    PlanViewerState& s = Viewer(k);
    const Vec2 yellow = s.view.PlanToScreen({1500, 1050});
    const int fit_width = RunWidth(k.driver->Capture(), (int)yellow.x, (int)yellow.y + 12, palette::kPrimary);
    CHECK(fit_width > 30);

    k.driver->Pinch(yellow.x, yellow.y, 200, 500);
    REQUIRE(s.view.Zoom() > 2.0f);
    REQUIRE(k.driver->WaitForImages());
    const Vec2 zoomed = s.view.PlanToScreen({1500, 1050});
    CHECK(Distance(zoomed, yellow) < 2.0f);
    const int zoomed_width =
        RunWidth(k.driver->Capture(), (int)zoomed.x, (int)zoomed.y + 12, palette::kPrimary);
    CHECK(std::abs(zoomed_width - fit_width) <= 2);

    k.driver->Tap(zoomed.x + 10, zoomed.y - 10);
    CHECK(s.open_hotspot == 1);
    REQUIRE(k.driver->WaitForImages());
    SaveScreen(*k.driver, ScreenshotDir() / "plan-viewer-card.png");
    // The open marker is drawn highlighted.
    const Image shot = k.driver->Capture();
    CHECK(Near(Rgb(shot, zoomed.x, zoomed.y + 14), palette::kAttractAccent, 10));
}

TEST_CASE("the end of a visit forgets the zoom, the divider and the open card", "[plan]") {
    TestKiosk k = OpenKiosk(WriteViewerKiosk("viewer_visit_end"));
    OpenPlan(k, "pair");
    PlanViewerState& s = Viewer(k);
    const Vec2 marker = s.view.PlanToScreen({1500, 350}); // the "after" marker, right of the divider
    k.driver->Tap(marker.x, marker.y);
    const Vec2 centre = s.view.Viewport().Center();
    k.driver->Drag(DividerX(s.view.Viewport(), s.divider), centre.y, centre.x - 300, centre.y, 0.5, 15);
    k.driver->Pinch(centre.x + 200, centre.y, 200, 500);
    REQUIRE_FALSE(s.view.AtFit());
    REQUIRE(s.divider != 0.5f);
    REQUIRE(s.open_hotspot == 1);
    // Nobody touches the screen: "are you still there?", then the visit ends.
    k.driver->Wait(k.data->config.idle.timeout_seconds + k.data->config.idle.countdown_seconds + 2);
    REQUIRE(k.app().nav.CurrentScreen() == Screen::Attract);
    CHECK(k.app().visit.plan_viewer.plan_id.empty());
    CHECK(k.app().visit.plan_viewer.open_hotspot == -1);
    // The next visitor finds the plan whole, the divider in the middle, no card open.
    OpenPlan(k, "pair");
    CHECK(Viewer(k).view.AtFit());
    CHECK(Viewer(k).divider == 0.5f);
    CHECK(Viewer(k).open_hotspot == -1);
}

TEST_CASE("leaving the viewer frees the plan's textures and pixels", "[plan]") {
    TestKiosk k = OpenKiosk(WriteViewerKiosk("viewer_free"));
    OpenPlan(k, "pair");
    CHECK(k.app().images.GpuBytes() > 0);
    CHECK(k.app().images.CpuBytes() > 2000u * 1400u * 3u);
    k.app().nav.Back(k.app().now);
    k.driver->Frames(3);
    CHECK(k.app().nav.CurrentScreen() == Screen::Home);
    CHECK(k.app().images.GpuBytes() == 0);
    CHECK(k.app().images.CpuBytes() == 0);
}

TEST_CASE("a missing or corrupt plan image is a placeholder and one log line, never a crash", "[plan]") {
    const auto dir = ScratchDir("viewer_broken_images");
    const auto config = WriteKiosk(dir);
    WriteQuadrantPng(dir / "cut-source.png", 600, 400);
    {
        // A PNG cut in half: its header reads, its pixels do not.
        std::ifstream in(dir / "cut-source.png", std::ios::binary);
        const std::string bytes(std::istreambuf_iterator<char>(in), {});
        WriteFile(dir / "content" / "plans" / "cut.png", bytes.substr(0, bytes.size() / 2));
    }
    for (const char* name : {"missing", "cut"}) {
        WriteFile(dir / "content" / "plans" / (std::string(name) + ".toml"),
                  std::string("id = \"") + name + "\"\n" + R"(title = { fr = "Cassé", en = "Broken" }
summary = { fr = "Test", en = "Test" }
size = [600, 400]
)" + "image = \"" + (std::string(name) == "missing" ? "nowhere.png" : "cut.png") +
                      "\"\n" + R"(
[[hotspot]]
id = "point"
at = [300, 200]
title = { fr = "Point", en = "Point" }
text = { fr = "Toujours là.", en = "Still there." }
)");
    }
    TestKiosk k = OpenKiosk(config);
    CaptureLog log;
    for (const char* name : {"missing", "cut"}) {
        for (int visit = 0; visit < 2; visit++) {
            OpenPlan(k, name);
            const Rect canvas = Viewer(k).view.Viewport();
            const Image shot = k.driver->Capture();
            CHECK(Near(Rgb(shot, canvas.min.x + 60, canvas.Center().y), palette::kSurfaceAlt));
            // The markers still work on the placeholder.
            const Vec2 point = Viewer(k).view.PlanToScreen({300, 200});
            k.driver->Tap(point.x, point.y);
            CHECK(Viewer(k).open_hotspot == 0);
            if (visit == 0)
                SaveScreen(*k.driver, ScreenshotDir() / (std::string("plan-viewer-") + name + ".png"));
        }
    }
    const std::string text = log.Text();
    CHECK(CountLines(text, "nowhere.png: no such file; a placeholder is shown instead") == 1);
    CHECK(CountLines(text, "cut.png: not a readable PNG image") == 1);
}

// Issue 9: without `size`, the placeholder frame (1600×1000) left these points outside the
// plan, an error, and the plan disappeared from the gallery.
TEST_CASE(
    "a plan without size and with an unreadable image stays in the gallery, its points on a placeholder",
    "[plan]") {
    const auto dir = ScratchDir("viewer_no_size");
    const auto config = WriteKiosk(dir);
    WriteFile(dir / "content" / "plans" / "empty.png", "");
    WriteFile(dir / "content" / "plans" / "1-no-size.toml", R"(id = "no-size"
title = { fr = "Plan sans image", en = "Plan without its image" }
summary = { fr = "L’image ne se lit pas.", en = "The image does not read." }
image = "empty.png"

[[hotspot]]
id = "far"
at = [3000, 2000]
title = { fr = "Loin", en = "Far" }
text = { fr = "Au-delà de 1600 × 1000.", en = "Beyond 1600 × 1000." }

[[hotspot]]
id = "low"
at = [400, 2600]
title = { fr = "En bas", en = "Low" }
text = { fr = "Tout en bas.", en = "At the bottom." }
)");
    for (auto [w, h] : {std::pair{1920, 1080}, {1280, 800}, {1080, 1920}}) {
        TestKiosk k = OpenKiosk(config, w, h);
        App& app = k.app();
        REQUIRE(app.data.content.plans.size() == 1);
        app.nav.GoHome(app.now);
        app.nav.Go({Screen::Plans, ""}, app.now);
        REQUIRE(k.driver->WaitForImages());
        SaveScreen(*k.driver, ScreenshotDir() / fmt::format("plans-gallery-no-size-{}x{}.png", w, h));
        // The first card, below the bar and the intro line, in any orientation.
        k.driver->Tap(app.metrics.width * 0.2f, app.metrics.bar + app.metrics.Px(200));
        REQUIRE(app.nav.Current() == Route{Screen::PlanViewer, "no-size"});
        k.driver->Frames(2);
        REQUIRE(k.driver->WaitForImages());
        // Every point is inside the placeholder and opens its card when tapped.
        const Rect canvas = Viewer(k).view.Viewport();
        for (int i : {0, 1}) {
            const Vec2 point = Viewer(k).view.PlanToScreen(app.data.content.plans[0].hotspots[i].at);
            CHECK(canvas.Contains(point));
            k.driver->Tap(point.x, point.y);
            CHECK(Viewer(k).open_hotspot == i);
            if (i == 0)
                SaveScreen(*k.driver, ScreenshotDir() / fmt::format("plan-viewer-no-size-{}x{}.png", w, h));
            Viewer(k).open_hotspot = -1;
            k.driver->Frames(2);
        }
    }
}

TEST_CASE("on a GPU with small textures, plans are tiled and photos down-sampled with a log line", "[plan]") {
    const auto dir = ScratchDir("viewer_small_gpu");
    const auto config = WriteKiosk(dir);
    WriteQuadrantPng(dir / "content" / "plans" / "quadrants.png", 2000, 1400);
    WriteQuadrantPng(dir / "content" / "plans" / "photo.png", 1200, 800);
    WriteFile(dir / "content" / "plans" / "plan.toml", R"(id = "small-gpu"
title = { fr = "Petit GPU", en = "Small GPU" }
summary = { fr = "Test", en = "Test" }
image = "quadrants.png"

[[hotspot]]
id = "photo"
at = [400, 250]
title = { fr = "Photo", en = "Photo" }
text = { fr = "Une photo.", en = "A photo." }
photo = "photo.png"
)");
    TestKiosk k = OpenKiosk(config);
    k.app().images.SetMaxTextureSize(256);
    CaptureLog log;
    OpenPlan(k, "small-gpu");
    TiledImage* plan = k.app().images.Tiled(dir / "content" / "plans" / "quadrants.png");
    CHECK(plan->TileSize() == 256);
    CHECK(plan->LevelCount() == 4); // 2000, 1000, 500, 250
    CheckPictureUnderView(k);

    const Vec2 marker = Viewer(k).view.PlanToScreen({400, 250});
    k.driver->Tap(marker.x, marker.y);
    REQUIRE(Viewer(k).open_hotspot == 0);
    REQUIRE(k.driver->WaitForImages());
    CHECK(CountLines(log.Text(),
                     "photo.png: 1200×800 px is larger than the GPU's maximum texture size (256 px); "
                     "down-sampled to fit") == 1);
    // The photo shows (its top-left quadrant's red at the card's picture), not a placeholder.
    const Image shot = k.driver->Capture();
    int red = 0;
    for (int y = (int)Viewer(k).view.Viewport().min.y; y < shot.height; y += 4)
        for (int x = (int)Viewer(k).view.Viewport().max.x; x < shot.width; x += 4)
            red += Near(Rgb(shot, (float)x, (float)y), kQuadrantColors[0]);
    CHECK(red > 100);
}

TEST_CASE("a tap on the divider's handle never opens the marker under it", "[plan]") {
    TestKiosk k = OpenKiosk(WriteViewerKiosk("viewer_handle_wins"));
    OpenPlan(k, "pair");
    PlanViewerState& s = Viewer(k);
    const Rect canvas = s.view.Viewport();
    // Zoomed in with the "before" marker at the middle of the plan area, the divider just
    // right of it: the handle lies over the marker.
    k.driver->Wheel(canvas.Center().x, canvas.Center().y, 4);
    s.view.CenterOn({500, 1050});
    k.driver->Frames(2);
    const Vec2 marker = s.view.PlanToScreen({500, 1050});
    REQUIRE(Distance(marker, canvas.Center()) < 2.0f);
    s.divider = DividerFractionAt(canvas, marker.x + 12, 0);
    k.driver->Frames(2);
    const Vec2 handle = DividerHandle(canvas, s.divider);
    REQUIRE(Distance(handle, marker) < 20.0f);
    SaveScreen(*k.driver, ScreenshotDir() / "plan-viewer-handle-over-marker.png");
    k.driver->Tap(handle.x, handle.y);
    k.driver->Frames(2);
    CHECK(s.open_hotspot == -1);
    // The handle drawn over the marker: its white disc at the marker's centre.
    CHECK(Near(Rgb(k.driver->Capture(), marker.x - 2, marker.y - 16), 0xFFFFFF, 10));
    // Beside the handle (on the marker's left) the marker still opens.
    k.driver->Tap(marker.x - k.app().metrics.target * 0.4f, marker.y);
    CHECK(s.open_hotspot == 0);
}
