// A 10000 × 7000 px plan (generated at run time, cached in build/test-data-cache/) opens:
// decoded off the UI thread with a placeholder meanwhile, tiled within the GPU's maximum
// texture size, sharp when zoomed in, and its memory given back when the viewer closes.
#include <chrono>

#include <catch2/catch.hpp>

#include "palette.h"
#include "programme_fixture.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("a 10000 × 7000 plan opens, tiled within a small maximum texture size", "[plan][large]") {
    const auto dir = ScratchDir("large_plan");
    const auto config = WriteKiosk(dir);
    WriteQuadrantPng(dir / "content" / "plans" / "big.png", 10000, 7000);
    WriteFile(dir / "content" / "plans" / "big.toml", R"(id = "big"
title = { fr = "Très grand plan", en = "Very large plan" }
summary = { fr = "10000 × 7000", en = "10000 × 7000" }
image = "big.png"
max_zoom = 1.0
)");
    TestKiosk k = OpenKiosk(config);
    App& app = k.app();
    app.images.SetMaxTextureSize(2048); // as on a small GPU: the plan is 5× wider than a texture may be
    app.nav.GoHome(app.now);
    app.nav.Go({Screen::PlanViewer, "big"}, app.now);
    k.driver->Frames(1);

    // The first frames show the placeholder: the decode runs on the store's thread.
    const PlanView& view = app.visit.plan_viewer.view;
    const Rect canvas = view.Viewport();
    TiledImage* image = app.images.Tiled(dir / "content" / "plans" / "big.png");
    if (image->Status() == ImageStatus::Loading) {
        const Image shot = k.driver->Capture();
        CHECK(Near(Rgb(shot, canvas.min.x + 60, canvas.Center().y), palette::kSurfaceAlt));
    }
    REQUIRE(k.driver->WaitForImages(120));
    image = app.images.Tiled(dir / "content" / "plans" / "big.png");
    REQUIRE(image->Status() == ImageStatus::Ready);
    CHECK(image->Width() == 10000);
    CHECK(image->LevelCount() == 5); // 10000, 5000, 2500, 1250, 625: the coarsest fits one tile
    CHECK(image->TileSize() <= 2048);
    CHECK(image->LevelWidth(4) <= image->TileSize());

    const auto color_at = [&](Vec2 plan_point) {
        const Vec2 p = view.PlanToScreen(plan_point);
        return Rgb(k.driver->Capture(), p.x, p.y);
    };
    CHECK(Near(color_at({2500, 1750}), kQuadrantColors[0]));
    CHECK(Near(color_at({7500, 5250}), kQuadrantColors[3]));

    // Zoomed right in on the middle: full-size tiles, the quadrants' edge exactly where it is.
    k.driver->Pinch(view.PlanToScreen({5000, 3500}).x, view.PlanToScreen({5000, 3500}).y, 100, 1300);
    k.driver->Pinch(view.PlanToScreen({5000, 3500}).x, view.PlanToScreen({5000, 3500}).y, 100, 1300);
    CHECK(view.AtMax());
    REQUIRE(k.driver->WaitForImages(60));
    CHECK(Near(color_at({4990, 3490}), kQuadrantColors[0]));
    CHECK(Near(color_at({5010, 3510}), kQuadrantColors[3]));
    SaveScreen(*k.driver, ScreenshotDir() / "plan-viewer-large-zoomed.png");

    app.nav.Back(app.now);
    k.driver->Frames(2);
    CHECK(app.images.CpuBytes() == 0);
    CHECK(app.images.GpuBytes() == 0);
}
