// Drag-to-scroll with inertia (BeginTouchScroll) on a long list: the content follows the
// finger, coasts after a flick, stops at its ends, and starts at the top for each visit.
#include <catch2/catch.hpp>
#include <imgui.h>

#include "app.h"
#include "kiosk_data.h"
#include "test_paths.h"
#include "widgets.h"

using namespace kiosk;

namespace {
// One ImGui frame per Frame() with a 600 px tall scroll area of 40 rows of 100 px at
// (100, 100); no window or GL needed: ImGui builds its draw lists on the CPU.
struct ScrollFixture {
    KioskData data;
    ManualClock clock;
    std::unique_ptr<App> app;
    GestureRecognizer recognizer;
    ImGuiContext* context = ImGui::CreateContext();
    float scroll = 0;
    float scroll_max = 0;
    uint64_t visit = 0;

    ScrollFixture() {
        Diagnostics diags;
        std::optional<KioskData> loaded = LoadKioskData(test::DemoConfig(), diags);
        REQUIRE(loaded);
        data = std::move(*loaded);
        app = std::make_unique<App>(data, clock);
        app->metrics = ComputeMetrics(1920, 1080, 1.0);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        std::string error;
        REQUIRE(BuildFonts(*io.Fonts, data.config.paths.assets / "fonts", app->metrics, {}, 16384,
                           app->built_fonts, error));
        app->fonts = app->built_fonts.standard;
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        Frame();
    }
    ~ScrollFixture() { ImGui::DestroyContext(context); }

    void Frame(double dt = 1.0 / 60) {
        clock.Advance(dt);
        app->now = clock.Now();
        if (app->nav.VisitId() != visit) { // as the shell does when a visit ends
            visit = app->nav.VisitId();
            recognizer.Reset();
        }
        app->gestures = recognizer.Update(app->now);
        ImGui::GetIO().DeltaTime = (float)std::max(dt, 1e-4); // ImGui asserts a positive step
        ImGui::NewFrame();
        {
            ScreenWindow window(*app, "##scroll-test");
            ImGui::SetCursorScreenPos(ImVec2(100, 100));
            if (BeginTouchScroll(*app, "##list", ImVec2(800, 600))) {
                for (int i = 0; i < 40; i++)
                    ImGui::Dummy(ImVec2(700, 100 - ImGui::GetStyle().ItemSpacing.y));
            }
            scroll = ImGui::GetScrollY();
            scroll_max = ImGui::GetScrollMaxY();
            EndTouchScroll();
        }
        ImGui::Render();
    }

    // A finger from y0 to y1 in `seconds`, held still `hold` seconds, then lifted.
    void Drag(float x, float y0, float y1, double seconds, double hold = 0, int steps = 10) {
        recognizer.OnPointer({PointerAction::Down, 1, {x, y0}, clock.Now()});
        Frame();
        for (int i = 1; i <= steps; i++) {
            clock.Advance(seconds / steps);
            recognizer.OnPointer({PointerAction::Move, 1, {x, y0 + (y1 - y0) * i / steps}, clock.Now()});
            Frame(0);
        }
        if (hold > 0) Frame(hold);
        recognizer.OnPointer({PointerAction::Up, 1, {x, y1}, clock.Now()});
        Frame();
    }
};
} // namespace

TEST_CASE("a drag scrolls the list by exactly the finger's travel") {
    ScrollFixture f;
    REQUIRE(f.scroll == 0);
    f.Drag(500, 600, 300, 1.0, /*hold=*/0.3); // the finger stops before lifting: no fling
    CHECK(f.scroll == Approx(300).margin(1));
    for (int i = 0; i < 30; i++)
        f.Frame();
    CHECK(f.scroll == Approx(300).margin(1)); // and no coasting
}

TEST_CASE("a flick keeps the list coasting, then it stops") {
    ScrollFixture f;
    f.Drag(500, 600, 400, 0.08); // 200 px in 80 ms: a flick
    float at_release = f.scroll;
    for (int i = 0; i < 20; i++)
        f.Frame();
    CHECK(f.scroll > at_release + 100);
    for (int i = 0; i < 300; i++)
        f.Frame();
    float rest = f.scroll;
    f.Frame();
    CHECK(f.scroll == rest);
}

TEST_CASE("scrolling stops at the ends of the list") {
    ScrollFixture f;
    f.Drag(500, 300, 600, 0.5); // pulling down at the top
    CHECK(f.scroll == 0);
    for (int i = 0; i < 10; i++)
        f.Drag(500, 650, 150, 0.5);
    for (int i = 0; i < 120; i++)
        f.Frame();
    REQUIRE(f.scroll_max > 3000);
    CHECK(f.scroll == f.scroll_max);
}

TEST_CASE("a drag that starts outside the list does not scroll it") {
    ScrollFixture f;
    f.Drag(1500, 600, 200, 0.5);
    CHECK(f.scroll == 0);
}

TEST_CASE("a new visit starts at the top of the list") {
    ScrollFixture f;
    f.Drag(500, 600, 200, 0.5);
    REQUIRE(f.scroll > 0);
    f.app->nav.GoHome(f.app->now);
    f.app->nav.EndVisit(f.app->now);
    f.Frame();
    f.Frame();
    CHECK(f.scroll == 0);
}
