// App: what every screen receives — data, navigation, this frame's input and, being a
// DrawContext, the layout's metrics and fonts.
//
// Screens are free functions `DrawXxx(App&)`; they read the loaded data, draw, and change
// the navigation or what the visitor left on the screens. A helper that only reads takes
// `const App&`; a widget takes a DrawContext (draw_context.h) and can change neither. A
// visitor's traces live in VisitState (visit_state.h, beside the screens' own state), which
// this header only declares. Screens hold no SQL and no file I/O: slow work goes through
// services owned here that run off the UI thread.
#pragma once

#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "base/clock.h"
#include "draw_context.h"
#include "input/gesture_recognizer.h"
#include "kiosk_data.h"
#include "nav/navigator.h"
#include "platform/image_store.h"
#include "store/response_store.h"
#include "survey/burst_detector.h"
#include "text/localized_text.h"

namespace kiosk {

struct VisitState;    // visit_state.h: each screen's per-visit state, with the screens
struct StaffState;    // staff/staff_state.h: staff mode, kept across visits
class BigScreen;      // big_screen/big_screen.h: the inauguration's presentation view
class ResultsService; // results/results_service.h: the staff panel's results, off the UI thread
class SpeechPlayer;   // platform/speech/speech_player.h: read-aloud, off the UI thread

struct App : DrawContext {
    App(const KioskData& data_, const Clock& clock_);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    const KioskData& data;
    const Clock& clock;
    Navigator nav;

private:
    std::unique_ptr<VisitState> visit_; // declared before `visit`, which refers to it
public:
    // What this visitor left on the screens (visit_state.h). Screens include visit_state.h
    // to reach their part; this header stays free of every screen's types.
    VisitState& visit;

private:
    std::unique_ptr<StaffState> staff_;

public:
    // Staff mode: the corner press, the session and its settings, the PIN pad
    // (staff/staff_state.h). Outlives visits.
    StaffState& staff;
    // Set by the staff panel's "restart": the loop ends and the kiosk exits 0, which its
    // systemd unit (Restart=always) turns into a restart (README "Staff mode").
    bool quit_requested = false;

    // Records answers off the UI thread (owned by main, outlives the App). Screens Submit()
    // and poll State()/Status()/Tally() each frame; null where nothing is recorded.
    ResponseStore* store = nullptr;
    // The inauguration's big screen (owned by the shell): the staff panel opens and closes it.
    BigScreen* big_screen = nullptr;
    // The staff panel's results (owned by main, outlives the App): the panel only calls
    // Get() in a frame, never SQL. Null where no results are computed.
    ResultsService* results = nullptr;
    // Read-aloud (owned by the shell): null where there is none. « Écouter » sets
    // speech_requested; the shell sends the frame's script once every text is drawn.
    SpeechPlayer* speech = nullptr;
    bool speech_requested = false;

    // This frame
    double now = 0;         // monotonic seconds
    long long wall_now = 0; // UNIX seconds
    GestureFrame gestures;
    Vec2 wheel; // mouse wheel motion this frame
    Vec2 mouse_pos;
    int max_texture_size = 4096;

    // The window, and where the screens are laid out in it: all of it, or in low-reach mode
    // the band a wheelchair user reaches (low_reach.h). Screens draw in the layout's
    // coordinates, (0, 0) at its top-left corner; the shell shifts touches and drawing.
    ImVec2 window_size;
    ImVec2 layout_origin;

    // Text in the visitor's language.
    // Shaped and ordered for a right-to-left screen (text_direction.h).
    const std::string& Tr(std::string_view key) const {
        return text_direction.Shown(data.catalogs.Text(nav.Language(), key));
    }
    template <typename... Args>
    std::string Format(std::string_view key, Args&&... args) const {
        return text_direction.Shown(data.catalogs.Format(nav.Language(), key, std::forward<Args>(args)...));
    }
    const std::string& Text(const LocalizedText& text) const {
        return text_direction.Shown(text.Get(data.config.languages, nav.Language()));
    }
    // A line made of several texts (a label and a date) is joined as written and shaped
    // once: pieces shaped apart would come in the wrong order on an Arabic screen.
    const std::string& TrLogical(std::string_view key) const {
        return data.catalogs.Text(nav.Language(), key);
    }
    const std::string& TextLogical(const LocalizedText& text) const {
        return text.Get(data.config.languages, nav.Language());
    }
    std::string Shown(const std::string& logical) const { return text_direction.Shown(logical); }

    // Screens that animate ask for their next frame; the loop sleeps until the earliest.
    void RequestFrameAt(double time) { next_frame_at = std::min(next_frame_at, time); }
    void RequestFrameIn(double seconds) { RequestFrameAt(now + seconds); }
    double next_frame_at = std::numeric_limits<double>::infinity();

    // A screen that replaces what it shows without changing route (a survey's questions,
    // a dialog) names the page it drew, once per part, while drawing. The shell treats a
    // new page like a new route: the touches of the guard time after it do nothing
    // (docs/touch-input.md).
    void ShowsPage(uint64_t part) { page_key = (page_key * 1000003u) ^ (part + 1); }
    uint64_t page_key = 0; // reset by the shell before each frame

    // Images decoded off the UI thread (plans, photos): screens ask for them every frame
    // they draw them; the shell frees what no screen asked for.
    ImageStore images;

    // Rapid repeated poll votes; reset when a visit ends by the idle timeout.
    BurstDetector poll_bursts;

    // Forgets the visitor's traces (called when the navigator ends a visit, with why). A
    // survey left mid-way first gets its timeout policy (see survey/survey_session.h).
    void ForgetVisit(VisitEnd why = VisitEnd::None);

    // Scroll areas whose position was last reset in which visit (see BeginTouchScroll).
    std::unordered_map<ImGuiID, uint64_t> scroll_visit;
};

} // namespace kiosk
