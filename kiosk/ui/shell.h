// Shell: the kiosk's window, its Dear ImGui context and its event-driven main loop.
//
// Each loop iteration sleeps until the earliest of: an input event, a wake-up from
// background work, the navigator's next timeout (idle, countdown, thank-you), a gesture's
// timer (inertia, long press, lost finger), an animation frame a screen asked for, a
// change of opening hours. Then it renders exactly one frame. Nothing happening means no
// frame and no CPU.
//
// Tests and the capture tool drive a Shell directly: a hidden offscreen window, a
// ManualClock, injected pointer events, RenderFrame() + Capture().
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app.h"
#include "platform/event_wait.h"
#include "platform/frame_capture.h"
#include "platform/pointer_input.h"
#include "platform/window.h"

union SDL_Event;

namespace kiosk {

class BigScreen;
class SpeechPlayer;

struct ShellOptions {
    WindowOptions window;
    bool dev_keys = false;    // Escape quits (windowed development only)
    double process_start = 0; // monotonic time the process started, for the first-frame log
};

class Shell {
public:
    // What stopped Create: the kiosk exits with a different code for each (README "Command line").
    enum class Failure { Display, Fonts };
    // Opens the window, builds the fonts and the theme. Returns nothing with `error` set
    // when the screen cannot be used (no display, fonts missing, atlas too large), and
    // `failure` (when given) saying which.
    static std::unique_ptr<Shell> Create(const KioskData& data, const ShellOptions& options,
                                         const Clock& clock, std::string& error, Failure* failure = nullptr);
    ~Shell();

    // Runs until SDL_QUIT (window closed, SIGTERM, SIGINT). Returns the exit code.
    int Run();

    // One frame: input → navigation → screens → GL. Present() shows it.
    void RenderFrame();
    void Present();
    Image Capture() const;

    void HandleEvent(const SDL_Event& event);
    void InjectWheel(Vec2 delta) { injected_wheel_ += delta; }
    // Earliest moment a frame is needed (monotonic seconds; +inf: only on input).
    double NextDeadline(double now) const;

    App& GetApp() { return *app_; }
    const Window& GetWindow() const { return window_; }
    GestureRecognizer& Recognizer() { return recognizer_; }
    BigScreen& GetBigScreen() { return *big_screen_; }
    // CPU time the last frame spent building its UI (input to ImGui::Render, no GL).
    double LastBuildCpuSeconds() const { return last_build_cpu_; }

private:
    Shell(const KioskData& data, const ShellOptions& options, const Clock& clock, Window window);
    bool SetUpScreen(std::string& error); // metrics, theme and fonts for the layout's size
    // Where the screens are laid out in the window (low_reach.h): all of it, or the band.
    struct LayoutBox {
        ImVec2 origin, size;
    };
    LayoutBox Layout() const;
    void ApplyOpeningHours();
    // The visitor's "Aa" (VisitState::large_text): this frame's fonts, palette and style.
    void UseVisitorDisplayMode();
    void FeedImGui(double now);
    // What is on screen as far as touches are concerned, but for the page a screen draws
    // (App::ShowsPage): the route, the visit, and the overlays (countdown, sleep).
    uint64_t ViewKey() const;
    // The screen changed under the pointer: the touch in progress and the touches of the
    // guard time after it do nothing (docs/touch-input.md).
    void ViewChanged(double now);

    const KioskData& data_;
    ShellOptions options_;
    const Clock& clock_;
    Window window_;
    std::unique_ptr<App> app_;
    GestureRecognizer recognizer_;
    PointerInput pointer_input_{recognizer_};
    EventWaiter waiter_;
    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<BigScreen> big_screen_; // its own window and ImGui context (big_screen.h)
    std::unique_ptr<SpeechPlayer> speech_;  // read-aloud: no thread nor sound device until asked
    bool example_content_ = false;          // the content is marked as an example (big screen banner)

    bool quit_ = false;
    bool screen_changed_ = false;   // resize: rebuild fonts before the next frame
    bool style_large_text_ = false; // the mode ImGui's style colours were last set for
    bool fonts_lost_ = false;       // the last font build failed: the next SetUpScreen rebuilds
    int settle_frames_ = 2;         // frames still owed after input (layouts settle on the 2nd)
    double hours_deadline_ = 0;     // monotonic time opening hours may next change
    double last_frame_time_ = -1;
    uint64_t shown_view_ = 0; // ViewKey() of the last frame drawn
    uint64_t shown_page_ = 0; // its App::page_key
    bool page_known_ = false; // false after a route change: the next page drawn is new anyway
    uint64_t frames_rendered_ = 0;
    double last_build_cpu_ = 0;
    Vec2 injected_wheel_;
};

} // namespace kiosk
