// Benchmark: the 10000 × 7000 px plan (generated on first run, cached in
// build/test-data-cache/). Prints
//   - time to open it: the first frame (placeholder), then the sharp image (every visible
//     tile uploaded), against decoding the same file alone in the same run;
//   - CPU per frame while panning it zoomed in, against an idle frame of the same screen and
//     a frame of the home screen (the UI build on this thread, and the whole frame with
//     Mesa's software rasteriser, glFinish'ed);
//   - peak memory with it open, against the picture's raw size, and what leaving gives back.
// Figures, not pass/fail: it only checks that the plan opened. Run directly to see them:
//   build/tests/bench_plan_viewer
// KIOSK_BENCH_PLAN_SIZE=WxH picks another size (the CTest smoke run uses a small one).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <time.h>

#include <SDL2/SDL.h>
#include <SDL2/SDL_opengl.h>
#include <catch2/catch.hpp>

#include "image/image_file.h"
#include "image/image_pyramid.h"
#include "programme_fixture.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {
double WallSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double ProcessCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
// VmHWM (peak) or VmRSS (current) of this process, in MiB.
double MemoryMiB(const char* field) {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind(field, 0) == 0) return std::stod(line.substr(std::string(field).size() + 1)) / 1024.0;
    return 0;
}

struct FrameCost {
    double build_ms = 0, total_ms = 0;
};

// Renders `frames` frames, calling `step` before each; CPU per frame.
template <typename Step>
FrameCost MeasureFrames(ShellDriver& driver, int frames, Step step) {
    glFinish();
    double build = 0;
    const double start = ProcessCpuSeconds();
    for (int i = 0; i < frames; i++) {
        step(i);
        driver.Frames(1);
        build += driver.GetShell().LastBuildCpuSeconds();
        glFinish();
    }
    return {build / frames * 1000.0, (ProcessCpuSeconds() - start) / frames * 1000.0};
}
} // namespace

TEST_CASE("bench: opening, panning and holding a 10000 × 7000 plan", "[bench]") {
    int width = 10000, height = 7000;
    if (const char* size = std::getenv("KIOSK_BENCH_PLAN_SIZE"))
        REQUIRE(std::sscanf(size, "%dx%d", &width, &height) == 2);
    const auto dir = ScratchDir("bench_plan_viewer");
    const auto config = WriteKiosk(dir);
    const auto picture = dir / "content" / "plans" / "big.png";
    WritePlanLikePng(picture, width, height);
    WriteFile(dir / "content" / "plans" / "big.toml", R"(id = "big"
title = { fr = "Très grand plan", en = "Very large plan" }
summary = { fr = "10000 × 7000", en = "10000 × 7000" }
image = "big.png"
max_zoom = 1.0
)");

    // Reference: decoding the file alone, and building its pyramid, on this thread.
    std::string error;
    double t = WallSeconds();
    std::optional<Raster> raster = DecodeImageFile(picture, MaxDecodedBytes(ImageUse::Plan), error);
    REQUIRE(raster);
    const double decode_s = WallSeconds() - t;
    t = WallSeconds();
    const size_t pyramid_bytes = BuildPyramid(std::move(*raster), 1024).Bytes();
    const double pyramid_s = WallSeconds() - t;
    raster.reset();

    TestKiosk k = OpenKiosk(config);
    App& app = k.app();
    app.nav.GoHome(app.now);
    k.driver->Frames(3);
    const FrameCost home = MeasureFrames(*k.driver, 60, [](int) {});
    const double rss_before = MemoryMiB("VmRSS:");

    // Open: the first frame shows the placeholder at once; the sharp image follows.
    const double open_start = WallSeconds();
    app.nav.Go({Screen::PlanViewer, "big"}, app.now);
    k.driver->Frames(1);
    const double first_frame_s = WallSeconds() - open_start;
    const bool placeholder_first = app.images.Tiled(picture)->Status() != ImageStatus::Ready;
    // Frames as the real loop renders them: none while the decoder works (the loop sleeps),
    // one when it wakes the loop, then one after another while uploads are owed (each frame
    // uploads a few milliseconds' worth of tiles).
    int frames_to_sharp = 1;
    while (app.images.Busy()) {
        if (SDL_HasEvents(SDL_USEREVENT, SDL_LASTEVENT) ||
            k.driver->GetShell().NextDeadline(app.now) <= app.now) {
            k.driver->Frames(1);
            frames_to_sharp++;
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    const double sharp_s = WallSeconds() - open_start;
    REQUIRE(app.images.Tiled(picture)->Status() == ImageStatus::Ready);

    const FrameCost idle = MeasureFrames(*k.driver, 60, [](int) {});
    // Zoomed in ×4 about the middle, then a finger pans steadily across.
    PlanViewerState& viewer = app.visit.plan_viewer;
    const Vec2 middle = viewer.view.Viewport().Center();
    k.driver->Pinch(middle.x, middle.y, 200, 800);
    k.driver->WaitForImages();
    const float zoom = viewer.view.Zoom();
    k.driver->FingerDown(1, middle.x + 300, middle.y);
    k.driver->Frames(2);
    const FrameCost pan = MeasureFrames(*k.driver, 120, [&](int i) {
        k.driver->FingerMove(1, middle.x + 300 - 5.0f * (float)(i + 1), middle.y + 2.0f * (float)(i % 40));
    });
    k.driver->FingerUp(1, middle.x - 300, middle.y);
    k.driver->WaitForImages();
    const double peak = MemoryMiB("VmHWM:");
    const double rss_open = MemoryMiB("VmRSS:");
    const size_t cpu_bytes = app.images.CpuBytes(), gpu_bytes = app.images.GpuBytes();

    app.nav.Back(app.now);
    k.driver->Frames(3);
    const double rss_after = MemoryMiB("VmRSS:");
    CHECK(app.images.CpuBytes() == 0);

    const double mib = 1024.0 * 1024.0;
    std::printf("\n== bench_plan_viewer: a %d x %d px plan\n", width, height);
    std::printf("open   first frame (placeholder%s)        %8.1f ms\n", placeholder_first ? "" : " NOT shown",
                first_frame_s * 1000.0);
    std::printf("open   sharp image (all visible tiles)       %8.1f ms  (%d frames)\n", sharp_s * 1000.0,
                frames_to_sharp);
    std::printf("  ref  decode alone (stb_image, RGB)          %8.1f ms\n", decode_s * 1000.0);
    std::printf("  ref  pyramid alone (levels down to 1024 px) %8.1f ms\n", pyramid_s * 1000.0);
    std::printf("frame  panning at zoom x%.1f: UI build / whole %6.2f / %6.2f ms CPU\n", zoom, pan.build_ms,
                pan.total_ms);
    std::printf("  ref  same screen, still:      build / whole %6.2f / %6.2f ms CPU\n", idle.build_ms,
                idle.total_ms);
    std::printf("  ref  home screen:             build / whole %6.2f / %6.2f ms CPU\n", home.build_ms,
                home.total_ms);
    std::printf("memory peak of the process (VmHWM)            %8.1f MiB\n", peak);
    std::printf("       resident before opening / while open  %8.1f / %.1f MiB\n", rss_before, rss_open);
    std::printf("       image store: pixels %.1f MiB, textures %.1f MiB\n", cpu_bytes / mib, gpu_bytes / mib);
    std::printf("  ref  raw picture RGB %.1f MiB, its pyramid %.1f MiB\n", (double)width * height * 3 / mib,
                pyramid_bytes / mib);
    std::printf("       resident after leaving the viewer     %8.1f MiB\n", rss_after);
    std::fflush(stdout);
}
