// kiosk-capture — renders the kiosk's screens to PNG without a display, following a script.
//
//   kiosk-capture [--config FILE] [--db FILE] [--size WxH] --out DIR --script "ACTIONS"
//   kiosk-capture [--config FILE] [--size WxH] --frame-cost N
//
// ACTIONS, separated by ';':
//   tap X Y | drag X1 Y1 X2 Y2 [SECONDS] | pinch CX CY FROM TO | wheel X Y DY
//   wait SECONDS | frames N | go SCREEN [PARAM] | lang CODE | shot NAME.png | end-visit
//   settle   (frames until answers are recorded, images decoded and a staff PIN checked)
//   press X Y SECONDS (one finger held still, then lifted: the staff corner press)
//   tap-target NAME | hold-target NAME | release   (controls by name, see ui/ui_targets.h:
//            "survey.next", "option:yes", "key:é"…; hold = a long press kept down until release)
//   point N (taps the numbered point N of the plan open in the viewer)
//   big-screen ID [test] [example]   (the big screen over the kiosk's screen, bars at rest;
//            "test" and "example" show those banners)
// `shot` first waits (real time) for images being decoded or uploaded, so pictures and
// plans are in the shot rather than their placeholders.
// Coordinates are pixels of the --size screen, or percentages of its width (x) and height
// (y) when written "50%", so one script serves every size. `go` opens a screen directly (attract, home,
// plans, plan-viewer, timeline, agenda, surveys, survey, thanks; the staff screens open only
// through the corner press and the PIN, as on the kiosk).
//
// --frame-cost N renders N frames of every top-level screen and prints the CPU time per
// frame (a benchmark figure; see tests/bench/).
//
// Used by scripts/screenshots.sh (README pictures) and the benchmarks. Runs on SDL's
// offscreen driver with a manual clock: the same script gives the same pictures.
//
// Exit codes: 0 done; 1 invalid configuration; 2 bad command line (an unknown or missing
// option, a bad --size, a malformed action in --script); 3 no usable screen.
#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>
#include <time.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <SDL2/SDL_opengl.h>

#include "base/log.h"
#include "base/path_probe.h"
#include "big_screen/big_screen.h"
#include "common/command_line.h"
#include "common/config_path.h"
#include "kiosk_data.h"
#include "shell_driver.h"
#include "staff/staff_state.h"
#include "visit_state.h"

using namespace kiosk;

namespace {

std::optional<Screen> ParseScreen(std::string_view name) {
    for (Screen s :
         {Screen::Attract, Screen::Home, Screen::Plans, Screen::PlanViewer, Screen::Timeline, Screen::Agenda,
          Screen::Surveys, Screen::Survey, Screen::Thanks, Screen::StaffPin, Screen::StaffPanel})
        if (name == ScreenName(s)) return s;
    return std::nullopt;
}

double ProcessCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

// Where a finger is held down between hold-target and release.
std::optional<ImVec2> held;

// Runs one action. Returns false with `error` set on a malformed action.
bool RunAction(ShellDriver& driver, const std::vector<std::string>& words, const std::filesystem::path& out,
               std::string& error) {
    const std::string& verb = words[0];
    App& app = driver.GetApp();
    // Word i as a number; "N%" is N percent of the screen's width (along x) or height (y).
    auto coord = [&](size_t i, bool along_x) {
        const std::string& w = words.at(i);
        if (!w.empty() && w.back() == '%')
            return std::stof(w.substr(0, w.size() - 1)) / 100.0f *
                   (along_x ? app.window_size.x : app.window_size.y);
        return std::stof(w);
    };
    auto x = [&](size_t i) { return coord(i, true); };
    auto y = [&](size_t i) { return coord(i, false); };
    auto number = [&](size_t i) { return std::stof(words.at(i)); };
    try {
        if (verb == "tap" && words.size() == 3)
            driver.Tap(x(1), y(2));
        else if (verb == "drag" && (words.size() == 5 || words.size() == 6))
            driver.Drag(x(1), y(2), x(3), y(4), words.size() == 6 ? number(5) : 0.3);
        else if (verb == "pinch" && words.size() == 5)
            driver.Pinch(x(1), y(2), x(3), x(4));
        else if (verb == "wheel" && words.size() == 4)
            driver.Wheel(x(1), y(2), number(3));
        else if (verb == "wait" && words.size() == 2)
            driver.Wait(number(1));
        else if (verb == "frames" && words.size() == 2)
            driver.Frames((int)number(1));
        else if (verb == "lang" && words.size() == 2) {
            app.nav.SetLanguage(words[1]);
            driver.Frames(2);
        } else if ((verb == "tap-target" || verb == "hold-target") && words.size() == 2) {
            std::optional<TargetRect> target = app.targets.Find(words[1]);
            if (!target) {
                error = "no control named '" + words[1] + "' on screen";
                return false;
            }
            // Where the control is seen: an Arabic frame is drawn mirrored (ui/rtl_mirror.h).
            const Vec2 seen = app.mirror.ToScreen(Vec2(target->Center().x, target->Center().y));
            const ImVec2 c(seen.x, seen.y);
            if (verb == "tap-target") {
                driver.Tap(c.x, c.y);
            } else {
                driver.WaitUntilTouchActs(c.x, c.y);
                driver.FingerDown(1, c.x, c.y);
                driver.Wait(1.0); // past the long-press time
                held = c;
            }
        } else if (verb == "press" && words.size() == 4) {
            // A finger held still (the staff corner press: staff/corner_press.h), then lifted.
            driver.WaitUntilTouchActs(x(1), y(2));
            driver.FingerDown(1, x(1), y(2));
            driver.Wait(number(3));
            driver.FingerUp(1, x(1), y(2));
            driver.Frames(3);
        } else if (verb == "release" && words.size() == 1 && held) {
            driver.FingerUp(1, held->x, held->y);
            driver.Frames(6);
            held.reset();
        } else if (verb == "settle" && words.size() == 1) {
            // Recording and decoding run on other threads: render until they are done and shown.
            for (int i = 0; i < 200 && app.store && !app.store->WaitIdle(0.01); i++)
                driver.Frames(1);
            for (int i = 0; i < 500 && app.staff.checker && app.staff.checker->Busy(); i++) // a PIN check
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            for (int i = 0;
                 i < 1000 && app.staff.sync && (app.staff.sync->StatusReading() || app.staff.sync->Running());
                 i++) { // kiosk-sync, run by the panel's Synchronisation
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                driver.Frames(1);
            }
            driver.WaitForImages();
            driver.Frames(3);
        } else if (verb == "end-visit") {
            app.nav.EndVisit(app.now);
            driver.Frames(2);
        } else if (verb == "go" && (words.size() == 2 || words.size() == 3)) {
            std::optional<Screen> screen = ParseScreen(words[1]);
            if (!screen) {
                error = "unknown screen '" + words[1] + "'";
                return false;
            }
            app.nav.Go({*screen, words.size() == 3 ? words[2] : ""}, app.now);
            driver.Frames(3);
        } else if (verb == "big-screen" && words.size() >= 2) {
            BigScreen& big = *app.big_screen;
            big.test_mode = std::find(words.begin() + 2, words.end(), "test") != words.end();
            big.example = std::find(words.begin() + 2, words.end(), "example") != words.end();
            if (!big.Open(words[1], "", BigScreenTarget::OwnScreen, error)) return false;
            driver.Frames(45); // the bars grow to rest
            for (int i = 0; i < 600 && big.ImagesBusy(); i++) {
                usleep(10000); // pictures decode on another thread
                driver.GetShell().RenderFrame();
            }
            driver.Frames(2);
        } else if (verb == "point" && words.size() == 2) {
            const PlanViewerState& viewer = app.visit.plan_viewer;
            const Plan* plan = app.data.content.FindPlan(viewer.plan_id);
            const int n = (int)number(1);
            if (app.nav.CurrentScreen() != Screen::PlanViewer || !plan || n < 1 ||
                n > (int)plan->hotspots.size()) {
                error = "'point " + words[1] + "': no such point on the plan open in the viewer";
                return false;
            }
            const Vec2 p = viewer.view.PlanToScreen(plan->hotspots[n - 1].at);
            driver.Tap(p.x, p.y);
        } else if (verb == "shot" && words.size() == 2) {
            if (!driver.WaitForImages())
                LogWarning("images still loading after 60 s; the shot shows placeholders");
            std::string write_error;
            if (!driver.SavePng(out / words[1], write_error)) {
                error = write_error;
                return false;
            }
            LogInfo("saved {}", (out / words[1]).string());
        } else {
            error = "malformed action '" + verb + "'";
            return false;
        }
    } catch (const std::exception&) {
        error = "bad number in action '" + verb + "'";
        return false;
    }
    return true;
}

int RunScript(ShellDriver& driver, const std::string& script, const std::filesystem::path& out) {
    std::stringstream actions(script);
    std::string action;
    while (std::getline(actions, action, ';')) {
        std::stringstream tokens(action);
        std::vector<std::string> words;
        for (std::string w; tokens >> w;)
            words.push_back(w);
        if (words.empty()) continue;
        std::string error;
        if (!RunAction(driver, words, out, error)) {
            LogError("script: {}", error);
            return kExitBadCommandLine;
        }
    }
    return 0;
}

// CPU time per frame of each screen: building the UI (ImGui, this thread), and the whole
// frame including Mesa's software rasteriser (all threads, glFinish'ed). On a kiosk with a
// GPU the second figure is close to the first.
int MeasureFrameCost(ShellDriver& driver, int frames) {
    App& app = driver.GetApp();
    std::printf("%-14s %14s %18s\n", "screen", "build_ms/frame", "with_llvmpipe_ms");
    for (Screen screen :
         {Screen::Attract, Screen::Home, Screen::Plans, Screen::Timeline, Screen::Agenda, Screen::Surveys}) {
        app.nav.EndVisit(app.now);
        if (screen != Screen::Attract) app.nav.Go({screen, ""}, app.now);
        driver.Frames(5); // warm up: textures, layout
        glFinish();
        double build = 0;
        double start = ProcessCpuSeconds();
        for (int i = 0; i < frames; i++) {
            driver.Frames(1);
            build += driver.GetShell().LastBuildCpuSeconds();
            glFinish();
        }
        double total = (ProcessCpuSeconds() - start) / frames;
        std::printf("%-14s %14.2f %18.2f\n", ScreenName(screen), build / frames * 1000.0, total * 1000.0);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    SetLogProgramName("kiosk-capture");
    CLI::App cli{"Render the kiosk's screens to PNG without a display, following a script."};
    std::string config_file = DefaultConfigPath().string();
    std::string size_text = "1920x1080";
    std::string out_dir = ".";
    std::string script;
    std::string db_file;
    int frame_cost = 0;
    cli.add_option("--config", config_file, "Configuration file");
    cli.add_option("--size", size_text, "Screen size, e.g. 1280x800");
    cli.add_option("--out", out_dir, "Directory for the screenshots");
    cli.add_option("--db", db_file,
                   "Responses database for answers given by the script (overrides paths.database)");
    cli.add_option("--script", script, "Actions separated by ';' (see the source's header)");
    cli.add_option("--frame-cost", frame_cost, "Print the CPU time per frame of each screen over N frames");
    if (std::optional<int> exit = ParseCommandLine(cli, argc, argv)) return *exit;

    std::optional<std::pair<int, int>> size = ParseSize(size_text);
    if (!size) {
        LogError("--size: \"{}\" is not a size such as 1280x800", size_text);
        return kExitBadCommandLine;
    }
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(config_file, diags);
    PrintDiagnostics(diags);
    if (!data) return 1;
    if (!db_file.empty()) data->config.paths.database = AbsolutePath(db_file);
    ResponseStore store(ResponseStoreOptions(*data)); // outlives the driver
    std::string error;
    std::unique_ptr<ShellDriver> driver =
        ShellDriver::Create(*data, size->first, size->second, error, &store);
    if (!driver) {
        LogError("{}", error);
        return 3;
    }
    if (frame_cost > 0) return MeasureFrameCost(*driver, frame_cost);
    return RunScript(*driver, script, out_dir);
}
