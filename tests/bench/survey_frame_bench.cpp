// Benchmark: CPU per frame of the survey screens, against the home screen measured in the
// same run — the UI build on this thread, and the whole frame with Mesa's software
// rasteriser (glFinish'ed). The kiosk renders only on input, so these are the costs of a
// touch's frames: the keyboard screen while typing, the plan-pin screen, the notice with
// its QR code, pictures, the results bars.
// Figures, not pass/fail. Run directly to see them: build/tests/bench_survey_frames
#include <cstdio>
#include <time.h>

#include <SDL2/SDL_opengl.h>
#include <catch2/catch.hpp>

#include "survey_kiosk.h"

using namespace kiosk;
using kiosk::test::SurveyKiosk;

namespace {

double ProcessCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct FrameCost {
    double build_ms = 0, total_ms = 0;
};

FrameCost Measure(ShellDriver& driver, int frames) {
    driver.Frames(3);
    driver.WaitForImages();
    glFinish();
    double build = 0;
    const double start = ProcessCpuSeconds();
    for (int i = 0; i < frames; i++) {
        driver.Frames(1);
        build += driver.GetShell().LastBuildCpuSeconds();
        glFinish();
    }
    return {build / frames * 1000.0, (ProcessCpuSeconds() - start) / frames * 1000.0};
}

void Print(const char* screen, const FrameCost& cost, const FrameCost& home) {
    std::printf("%-28s %9.2f %9.2f %12.2f %9.2f\n", screen, cost.build_ms, cost.build_ms / home.build_ms,
                cost.total_ms, cost.total_ms / home.total_ms);
}

} // namespace

TEST_CASE("CPU per frame of the survey screens against the home screen") {
    const int frames = 60;
    SurveyKiosk kiosk("bench-survey-frames");
    App& app = kiosk.GetApp();
    ShellDriver& driver = kiosk.Driver();
    std::printf("%-28s %9s %9s %12s %9s\n", "screen (1920x1080)", "build_ms", "x home", "llvmpipe_ms",
                "x home");

    app.nav.Go({Screen::Home, ""}, app.now);
    const FrameCost home = Measure(driver, frames);
    Print("home (reference)", home, home);

    app.nav.Go({Screen::Surveys, ""}, app.now);
    Print("surveys list (pictures)", Measure(driver, frames), home);
    kiosk.Tap("survey:usages-espaces-publics");
    Print("notice (QR code)", Measure(driver, frames), home);
    kiosk.Tap("survey.start");
    kiosk.Tap("option:chaque-jour");
    kiosk.Tap("survey.next");
    Print("single choice (pictures)", Measure(driver, frames), home);
    kiosk.Tap("survey.back");
    kiosk.Tap("survey.next");
    kiosk.Tap("option:sport");
    kiosk.Tap("survey.next");
    kiosk.Tap("option:square");
    kiosk.Tap("survey.next");
    Print("smiley", Measure(driver, frames), home);
    kiosk.Tap("option:good");
    kiosk.Tap("survey.next");
    kiosk.Tap("value:7");
    kiosk.Tap("survey.next");
    kiosk.Tap("option:no");
    kiosk.Tap("survey.next");
    Print("ranking", Measure(driver, frames), home);
    for (const char* id : {"jeux", "ombre", "eclairage", "toilettes", "voitures"})
        kiosk.Tap(std::string("option:") + id);
    kiosk.Tap("survey.next");
    REQUIRE(app.visit.survey.runner->Current().id == "endroits");
    Print("plan pin (tiled plan)", Measure(driver, frames), home);
    kiosk.Tap("survey.next");
    REQUIRE(app.visit.survey.runner->Current().id == "idee");
    Print("free text + keyboard", Measure(driver, frames), home);
    kiosk.Type("Des bancs");
    Print("  … with text typed", Measure(driver, frames), home);
    // A long press holding the accents open: the popup is drawn on top every frame.
    const TargetRect e = *app.targets.Find("key:e");
    driver.FingerDown(1, e.Center().x, e.Center().y);
    driver.Wait(0.8);
    Print("  … accents popup open", Measure(driver, frames), home);
    driver.FingerUp(1, e.Center().x, e.Center().y);
    driver.Frames(6);

    app.nav.Go({Screen::Surveys, ""}, app.now);
    driver.Frames(3);
    kiosk.Tap("poll:futur-square:jeux");
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
    Print("thanks + poll results", Measure(driver, frames), home);
}
