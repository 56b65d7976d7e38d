// Navigator: where the visitor is, and when the kiosk gives up on them.
//
//   Attract ──tap──▶ Home ──▶ sections (plans, timeline, agenda, surveys…) ──back──▶ Home
//      ▲                                   │ no touch for idle.timeout_seconds
//      │                                   ▼
//      └──── countdown ran out ──── "Are you still there?" (idle.countdown_seconds)
//      └──── thanks_seconds ─────── Thanks (no countdown: it ends by itself)
//
// Ending a visit (countdown ran out, thank-you done) returns to Attract and forgets what
// the visitor left: the language goes back to the default, and VisitId() changes so that
// screens drop partial input and scroll positions. Time is passed in (seconds, monotonic)
// so tests drive every timeout without waiting.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/config.h"

namespace kiosk {

enum class Screen {
    Attract,
    Home,
    Plans,      // gallery
    PlanViewer, // param: plan id
    Timeline,   // param: phase id to open, or empty
    Agenda,
    Surveys, // list of surveys
    Survey,  // param: survey id
    Thanks,  // param: survey id whose answer was recorded
    // Staff mode (README "Staff mode"), opened by the hidden corner press: never reached
    // from a public screen's controls. Back returns to the screen it was opened from.
    StaffPin,   // the PIN pad
    StaffPanel, // the panel, once the PIN was right
};

const char* ScreenName(Screen screen);

struct Route {
    Screen screen = Screen::Attract;
    std::string param;
    bool operator==(const Route&) const = default;
};

enum class VisitEnd {
    None,
    IdleTimeout, // nobody answered "Are you still there?"
    ThanksDone,  // the thank-you screen ended by itself
};

class Navigator {
public:
    Navigator(const IdleConfig& idle, std::string default_language);

    const Route& Current() const { return stack_.back(); }
    Screen CurrentScreen() const { return stack_.back().screen; }

    // Opens `route` on top of the current one (Back returns here).
    void Go(Route route, double now);
    // One level up; from a top-level section to Home.
    void Back(double now);
    void GoHome(double now);
    // Shows the thank-you screen for `survey_id`; Back is not possible from there.
    void ShowThanks(std::string survey_id, double now);
    // Ends the visit at once (e.g. "quit" on the home screen) exactly as a timeout would.
    void EndVisit(double now);

    // Any touch or click: restarts the idle timer, dismisses the countdown, wakes the screen.
    void OnInput(double now);
    // Applies the timeouts; returns why a visit ended this call, if it did.
    VisitEnd Tick(double now);
    // The next moment Tick() or the countdown display needs a frame (+inf if none).
    double NextDeadline(double now) const;

    bool CountdownVisible() const { return countdown_started_ >= 0; }
    // Seconds left on the countdown (0 when not visible).
    double CountdownRemaining(double now) const;
    // Seconds left on the thank-you screen.
    double ThanksRemaining(double now) const;

    const std::string& Language() const { return language_; }
    void SetLanguage(std::string language) { language_ = std::move(language); }

    // Changes every time a visit ends: screens key their per-visit state on it.
    uint64_t VisitId() const { return visit_id_; }

    // Opening hours: outside them the attract screen sleeps (dim or blank) until a touch
    // wakes it for `wake_seconds`.
    void SetOpen(bool open) { open_ = open; }
    void SetWakeSeconds(int seconds) { wake_seconds_ = seconds; }
    bool Asleep(double now) const;

    const IdleConfig& Idle() const { return idle_; }

private:
    void Reset(double now);

    IdleConfig idle_;
    std::string default_language_;
    std::string language_;
    std::vector<Route> stack_{Route{}};
    double last_input_ = 0;
    double countdown_started_ = -1;
    double screen_entered_ = 0;
    uint64_t visit_id_ = 1;
    bool open_ = true;
    int wake_seconds_ = 120;
    double awake_until_ = -1;
};

} // namespace kiosk
