#include "nav/navigator.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace kiosk {

const char* ScreenName(Screen screen) {
    switch (screen) {
    case Screen::Attract: return "attract";
    case Screen::Home: return "home";
    case Screen::Plans: return "plans";
    case Screen::PlanViewer: return "plan-viewer";
    case Screen::Timeline: return "timeline";
    case Screen::Agenda: return "agenda";
    case Screen::Surveys: return "surveys";
    case Screen::Survey: return "survey";
    case Screen::Thanks: return "thanks";
    case Screen::StaffPin: return "staff-pin";
    case Screen::StaffPanel: return "staff-panel";
    }
    return "?";
}

Navigator::Navigator(const IdleConfig& idle, std::string default_language)
    : idle_(idle), default_language_(std::move(default_language)), language_(default_language_) {}

void Navigator::Go(Route route, double now) {
    if (route.screen == Screen::Attract) {
        Reset(now);
        return;
    }
    if (route.screen == Screen::Home) {
        stack_.resize(1);
        stack_.push_back(std::move(route));
    } else if (Current() != route) {
        stack_.push_back(std::move(route));
    }
    screen_entered_ = now;
    OnInput(now);
}

void Navigator::Back(double now) {
    if (stack_.size() > 2)
        stack_.pop_back();
    else
        stack_ = {Route{}, Route{Screen::Home, ""}};
    screen_entered_ = now;
    OnInput(now);
}

void Navigator::GoHome(double now) {
    Go(Route{Screen::Home, ""}, now);
}

void Navigator::ShowThanks(std::string survey_id, double now) {
    stack_ = {Route{}, Route{Screen::Thanks, std::move(survey_id)}};
    screen_entered_ = now;
    OnInput(now);
}

void Navigator::EndVisit(double now) {
    Reset(now);
}

void Navigator::OnInput(double now) {
    last_input_ = now;
    countdown_started_ = -1;
    if (!open_) awake_until_ = std::max(awake_until_, now + wake_seconds_);
}

void Navigator::Reset(double now) {
    stack_ = {Route{}};
    language_ = default_language_;
    countdown_started_ = -1;
    screen_entered_ = now;
    visit_id_++;
}

VisitEnd Navigator::Tick(double now) {
    switch (CurrentScreen()) {
    case Screen::Attract: return VisitEnd::None;
    case Screen::Thanks:
        if (now - screen_entered_ >= idle_.thanks_seconds) {
            Reset(now);
            return VisitEnd::ThanksDone;
        }
        return VisitEnd::None;
    default: break;
    }
    if (countdown_started_ < 0) {
        if (now - last_input_ >= idle_.timeout_seconds)
            countdown_started_ = last_input_ + idle_.timeout_seconds;
    }
    if (countdown_started_ >= 0 && now - countdown_started_ >= idle_.countdown_seconds) {
        Reset(now);
        return VisitEnd::IdleTimeout;
    }
    return VisitEnd::None;
}

double Navigator::NextDeadline(double now) const {
    constexpr double never = std::numeric_limits<double>::infinity();
    double deadline = never;
    if (!open_ && awake_until_ > now) deadline = awake_until_; // falls asleep then
    switch (CurrentScreen()) {
    case Screen::Attract: return deadline;
    case Screen::Thanks: return std::min(deadline, screen_entered_ + idle_.thanks_seconds);
    default: break;
    }
    if (countdown_started_ < 0) return std::min(deadline, last_input_ + idle_.timeout_seconds);
    // While the countdown shows, wake for each displayed second and for its end.
    double elapsed = now - countdown_started_;
    double next_second = countdown_started_ + std::floor(elapsed) + 1.0;
    return std::min({deadline, next_second, countdown_started_ + idle_.countdown_seconds});
}

double Navigator::CountdownRemaining(double now) const {
    if (countdown_started_ < 0) return 0;
    return std::max(0.0, idle_.countdown_seconds - (now - countdown_started_));
}

double Navigator::ThanksRemaining(double now) const {
    if (CurrentScreen() != Screen::Thanks) return 0;
    return std::max(0.0, idle_.thanks_seconds - (now - screen_entered_));
}

bool Navigator::Asleep(double now) const {
    return !open_ && CurrentScreen() == Screen::Attract && now >= awake_until_;
}

} // namespace kiosk
