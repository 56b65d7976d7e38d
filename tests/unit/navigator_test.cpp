// The navigation and idle state machine, driven with explicit times.
#include <cmath>

#include <catch2/catch.hpp>

#include "nav/navigator.h"

using namespace kiosk;

namespace {
IdleConfig Idle() {
    IdleConfig idle;
    idle.timeout_seconds = 90;
    idle.countdown_seconds = 15;
    idle.thanks_seconds = 8;
    return idle;
}
} // namespace

TEST_CASE("a visit goes attract → home → section → back → home") {
    Navigator nav(Idle(), "fr");
    CHECK(nav.CurrentScreen() == Screen::Attract);
    nav.GoHome(0);
    CHECK(nav.CurrentScreen() == Screen::Home);
    nav.Go({Screen::Plans, ""}, 1);
    nav.Go({Screen::PlanViewer, "square"}, 2);
    CHECK(nav.Current() == Route{Screen::PlanViewer, "square"});
    nav.Back(3);
    CHECK(nav.CurrentScreen() == Screen::Plans);
    nav.Back(4);
    CHECK(nav.CurrentScreen() == Screen::Home);
    nav.Back(5); // home has nowhere further back to go
    CHECK(nav.CurrentScreen() == Screen::Home);
}

TEST_CASE("no touch for the idle timeout shows the countdown, a touch dismisses it") {
    Navigator nav(Idle(), "fr");
    nav.GoHome(0);
    CHECK(nav.Tick(89.9) == VisitEnd::None);
    CHECK_FALSE(nav.CountdownVisible());
    CHECK(nav.NextDeadline(10) == Approx(90));
    CHECK(nav.Tick(90.0) == VisitEnd::None);
    REQUIRE(nav.CountdownVisible());
    CHECK(nav.CountdownRemaining(95.0) == Approx(10.0));
    nav.OnInput(96.0);
    CHECK_FALSE(nav.CountdownVisible());
    CHECK(nav.CurrentScreen() == Screen::Home);
    // The idle timer restarted from the touch.
    CHECK(nav.Tick(96.0 + 89) == VisitEnd::None);
    CHECK_FALSE(nav.CountdownVisible());
}

TEST_CASE("the countdown running out ends the visit and forgets the visitor") {
    Navigator nav(Idle(), "fr");
    nav.GoHome(0);
    nav.SetLanguage("en");
    nav.Go({Screen::Survey, "usages"}, 5);
    const uint64_t visit = nav.VisitId();
    nav.Tick(95);
    REQUIRE(nav.CountdownVisible());
    CHECK(nav.Tick(95 + 14.9) == VisitEnd::None);
    CHECK(nav.Tick(95 + 15) == VisitEnd::IdleTimeout);
    CHECK(nav.CurrentScreen() == Screen::Attract);
    CHECK(nav.Language() == "fr");
    CHECK(nav.VisitId() != visit);
    CHECK_FALSE(nav.CountdownVisible());
    // A new visit starts from a clean stack.
    nav.GoHome(200);
    nav.Back(201);
    CHECK(nav.CurrentScreen() == Screen::Home);
}

TEST_CASE("a long pause measured late still ends the visit at once") {
    // The loop may wake late (suspend, heavy load): one Tick far past both deadlines ends it.
    Navigator nav(Idle(), "fr");
    nav.GoHome(0);
    CHECK(nav.Tick(500) == VisitEnd::IdleTimeout);
}

TEST_CASE("the attract screen has no idle timer") {
    Navigator nav(Idle(), "fr");
    CHECK(nav.Tick(10000) == VisitEnd::None);
    CHECK(std::isinf(nav.NextDeadline(10000)));
}

TEST_CASE("the thank-you screen has no countdown and returns to attract by itself") {
    Navigator nav(Idle(), "fr");
    nav.GoHome(0);
    nav.SetLanguage("en");
    nav.ShowThanks("usages", 10);
    CHECK(nav.CurrentScreen() == Screen::Thanks);
    CHECK(nav.NextDeadline(10) == Approx(18));
    CHECK(nav.Tick(17.9) == VisitEnd::None);
    CHECK_FALSE(nav.CountdownVisible());
    CHECK(nav.ThanksRemaining(14) == Approx(4));
    CHECK(nav.Tick(18) == VisitEnd::ThanksDone);
    CHECK(nav.CurrentScreen() == Screen::Attract);
    CHECK(nav.Language() == "fr");
}

TEST_CASE("while the countdown shows, the loop wakes every second") {
    Navigator nav(Idle(), "fr");
    nav.GoHome(0);
    nav.Tick(90);
    CHECK(nav.NextDeadline(90.2) == Approx(91));
    CHECK(nav.NextDeadline(104.5) == Approx(105));
}

TEST_CASE("ending the visit by hand behaves like a timeout") {
    Navigator nav(Idle(), "fr");
    nav.GoHome(0);
    nav.SetLanguage("en");
    uint64_t visit = nav.VisitId();
    nav.EndVisit(3);
    CHECK(nav.CurrentScreen() == Screen::Attract);
    CHECK(nav.Language() == "fr");
    CHECK(nav.VisitId() == visit + 1);
}

TEST_CASE("outside opening hours the attract screen sleeps until a touch wakes it") {
    Navigator nav(Idle(), "fr");
    nav.SetWakeSeconds(120);
    nav.SetOpen(false);
    CHECK(nav.Asleep(0));
    nav.OnInput(10);
    CHECK_FALSE(nav.Asleep(10));
    CHECK(nav.NextDeadline(10) == Approx(130));
    CHECK(nav.Asleep(130));
    // Inside a visit the screen never sleeps, even outside hours.
    nav.GoHome(140);
    CHECK_FALSE(nav.Asleep(1000));
    nav.SetOpen(true);
    nav.EndVisit(1001);
    CHECK_FALSE(nav.Asleep(5000));
}
