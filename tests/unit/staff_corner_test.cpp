// The hidden corner press (core/staff/corner_press.h) and the staff session's locks
// (core/staff/staff_session.h), driven by synthetic pointer sequences and a clock passed in.
#include <catch2/catch.hpp>

#include "nav/navigator.h"
#include "staff/corner_press.h"
#include "staff/staff_session.h"

using namespace kiosk;

namespace {

struct Corner {
    StaffCornerPress press;
    explicit Corner(ScreenCorner corner = ScreenCorner::TopLeft, float w = 1920, float h = 1080) {
        press.SetScreen(w, h, corner, 15);
    }
    void Down(int64_t id, float x, float y, double t) {
        press.OnPointer({PointerAction::Down, id, {x, y}, t});
    }
    void Move(int64_t id, float x, float y, double t) {
        press.OnPointer({PointerAction::Move, id, {x, y}, t});
    }
    void Up(int64_t id, float x, float y, double t) { press.OnPointer({PointerAction::Up, id, {x, y}, t}); }
    // Runs Update() every 1/60 s from `from` to `to`; the time it fired, or -1.
    double FiredBetween(double from, double to) {
        for (double t = from; t <= to + 1e-9; t += 1.0 / 60)
            if (press.Update(t)) return t;
        return -1;
    }
};

} // namespace

TEST_CASE("a finger held 3 s in the configured corner opens the pad, once") {
    Corner c;
    c.Down(1, 30, 40, 10.0);
    CHECK(c.press.Pending());
    CHECK(c.press.NextDeadline(10.0) == Approx(13.0));
    CHECK(c.FiredBetween(10.0, 12.95) < 0);
    CHECK(c.FiredBetween(12.95, 13.1) == Approx(13.0).margin(0.02));
    CHECK(c.FiredBetween(13.1, 20.0) < 0); // held on: not again
    CHECK(c.press.NextDeadline(20.0) == std::numeric_limits<double>::infinity());
    c.Up(1, 30, 40, 20.0);
    c.Down(1, 30, 40, 21.0); // a new press may open it again
    CHECK(c.FiredBetween(21.0, 24.1) > 0);
}

TEST_CASE("the zone is 8 % of the short side, in the configured corner only") {
    Corner tl;
    CHECK(tl.press.InZone({0, 0}));
    CHECK(tl.press.InZone({86, 86})); // 0.08 × 1080 = 86.4
    CHECK_FALSE(tl.press.InZone({87, 10}));
    CHECK_FALSE(tl.press.InZone({1900, 10}));
    Corner br(ScreenCorner::BottomRight, 1280, 800); // 64 px
    CHECK(br.press.InZone({1279, 799}));
    CHECK(br.press.InZone({1217, 737}));
    CHECK_FALSE(br.press.InZone({1200, 790}));
    CHECK_FALSE(br.press.InZone({10, 10}));
    Corner tr(ScreenCorner::TopRight, 1080, 1920); // portrait: 86 px
    CHECK(tr.press.InZone({1070, 80}));
    CHECK_FALSE(tr.press.InZone({1070, 100}));
    Corner bl(ScreenCorner::BottomLeft);
    CHECK(bl.press.InZone({5, 1075}));
    CHECK_FALSE(bl.press.InZone({5, 5}));

    br.Down(1, 10, 10, 0); // top-left on a bottom-right kiosk: nothing
    CHECK(br.FiredBetween(0, 5) < 0);
}

TEST_CASE("a press that is too short, moves, leaves the zone or lands outside it does nothing") {
    Corner c;
    c.Down(1, 30, 40, 0);
    c.Up(1, 30, 40, 2.9);
    CHECK(c.FiredBetween(0, 5) < 0);

    c.Down(1, 30, 40, 10);
    c.Move(1, 40, 45, 10.5); // within the slop: still a press
    CHECK(c.press.Pending());
    c.Move(1, 60, 45, 11.0); // 30 px from where it landed: a drag
    CHECK(c.FiredBetween(10, 15) < 0);
    c.Up(1, 60, 45, 15);

    c.Down(1, 80, 80, 20);
    c.Move(1, 90, 80, 20.5); // slid out of the zone, within the slop
    CHECK(c.FiredBetween(20, 25) < 0);
    c.Up(1, 90, 80, 25);

    c.Down(1, 200, 200, 30); // outside
    CHECK_FALSE(c.press.Pending());
    CHECK(c.FiredBetween(30, 35) < 0);
}

TEST_CASE("a second finger — a pinch, a resting hand — cancels the press for good") {
    Corner c;
    c.Down(1, 30, 40, 0);
    c.Down(2, 600, 500, 1.0);
    c.Up(2, 600, 500, 1.2); // lifting the other finger does not bring it back
    CHECK(c.FiredBetween(0, 6) < 0);
    c.Up(1, 30, 40, 6);

    // A finger already down elsewhere (dragging a list): a press landing in the corner is a
    // second finger, never the gesture.
    c.Down(3, 900, 500, 10);
    c.Move(3, 900, 700, 10.2);
    c.Down(4, 30, 40, 10.3);
    CHECK_FALSE(c.press.Pending());
    CHECK(c.FiredBetween(10.3, 15) < 0);
    c.Up(3, 900, 700, 15);
    c.Up(4, 30, 40, 15);

    // Once every finger is up, the corner works again.
    c.Down(5, 30, 40, 20);
    CHECK(c.FiredBetween(20, 23.1) > 0);
}

TEST_CASE("a finger whose lift was lost does not block the corner for ever") {
    Corner c;
    c.Down(1, 900, 500, 0); // its FINGERUP never comes
    c.Down(2, 30, 40, 3);   // 3 s later: still taken as a second finger
    CHECK_FALSE(c.press.Pending());
    c.Up(2, 30, 40, 4);
    c.Down(2, 30, 40, 8); // silent for 8 s: lost
    CHECK(c.FiredBetween(8, 11.1) > 0);
}

TEST_CASE("the staff session locks after lock_seconds without a touch") {
    StaffSession session(120);
    CHECK_FALSE(session.Unlocked());
    CHECK(session.NextDeadline() == std::numeric_limits<double>::infinity());
    session.Unlock(100);
    CHECK(session.Unlocked());
    CHECK(session.NextDeadline() == Approx(220));
    CHECK_FALSE(session.Tick(219.9, Screen::StaffPanel));
    session.OnTouch(200); // a touch restarts the count
    CHECK_FALSE(session.Tick(319.9, Screen::StaffPanel));
    CHECK(session.Tick(320, Screen::StaffPanel));
    CHECK_FALSE(session.Unlocked());
    CHECK_FALSE(session.Tick(400, Screen::StaffPanel)); // locked once
}

TEST_CASE("the staff session locks when the kiosk returns to the attract screen, settings kept") {
    IdleConfig idle;
    idle.timeout_seconds = 30;
    idle.countdown_seconds = 10;
    Navigator nav(idle, "fr");
    StaffSession session(3600);
    nav.GoHome(0);
    nav.Go({Screen::StaffPanel, ""}, 0);
    session.Unlock(0);
    session.settings.test_mode = true;
    session.settings.origin = ResponseOrigin::Event;
    for (double t = 0; t < 39.5; t += 0.5) {
        nav.Tick(t);
        REQUIRE_FALSE(session.Tick(t, nav.CurrentScreen()));
    }
    CHECK(nav.Tick(40) == VisitEnd::IdleTimeout); // the countdown ran out
    CHECK(nav.CurrentScreen() == Screen::Attract);
    CHECK(session.Tick(40, nav.CurrentScreen()));
    CHECK_FALSE(session.Unlocked());
    CHECK(session.settings.test_mode); // the banner stays until staff turn it off
    CHECK(session.settings.origin == ResponseOrigin::Event);
}

TEST_CASE("the origins staff may choose come from one table") {
    std::vector<std::string> names;
    for (const StaffOriginChoice& choice : StaffOriginChoices())
        names.push_back(ToString(choice.origin));
    CHECK(names == std::vector<std::string>{"kiosk", "assisted", "event"});
}
