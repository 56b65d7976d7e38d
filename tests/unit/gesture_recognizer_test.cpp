// The gesture recogniser from synthetic pointer sequences: taps (and what ImGui sees),
// drags, flings with inertia, pinches, long presses and lost finger-ups.
#include <cmath>

#include <catch2/catch.hpp>

#include "input/gesture_recognizer.h"

using namespace kiosk;

namespace {
PointerEvent Down(int64_t id, float x, float y, double t) {
    return {PointerAction::Down, id, {x, y}, t};
}
PointerEvent Move(int64_t id, float x, float y, double t) {
    return {PointerAction::Move, id, {x, y}, t};
}
PointerEvent Up(int64_t id, float x, float y, double t) {
    return {PointerAction::Up, id, {x, y}, t};
}

// Runs frames at 60 Hz from `t` until `until`, summing scroll deltas.
Vec2 RunFrames(GestureRecognizer& g, double& t, double until, bool* inertia_seen = nullptr) {
    Vec2 total;
    while (t < until) {
        t += 1.0 / 60.0;
        GestureFrame f = g.Update(t);
        total += f.scroll_delta;
        if (inertia_seen && f.inertia) *inertia_seen = true;
    }
    return total;
}
} // namespace

TEST_CASE("a tap is played to ImGui as hover, press, release, then no pointer") {
    GestureRecognizer g;
    g.OnPointer(Down(1, 100, 200, 0.00));
    GestureFrame f1 = g.Update(0.016);
    CHECK(f1.had_input);
    CHECK(f1.imgui.present);
    CHECK_FALSE(f1.imgui.down); // touching is hovering until we know it is a tap
    CHECK_FALSE(f1.tap);
    g.OnPointer(Up(1, 103, 202, 0.09));
    GestureFrame f2 = g.Update(0.1);
    REQUIRE(f2.tap);
    CHECK(f2.tap->x == 103);
    CHECK((f2.imgui.present && !f2.imgui.down));
    GestureFrame f3 = g.Update(0.116);
    CHECK((f3.imgui.present && f3.imgui.down && f3.imgui.pos == Vec2(103, 202)));
    GestureFrame f4 = g.Update(0.133);
    CHECK((f4.imgui.present && !f4.imgui.down && f4.imgui.pos == Vec2(103, 202)));
    GestureFrame f5 = g.Update(0.15);
    CHECK_FALSE(f5.imgui.present);
    CHECK(g.NextDeadline(0.15) == std::numeric_limits<double>::infinity());
}

TEST_CASE("a finger down and up between two frames still clicks") {
    GestureRecognizer g;
    g.OnPointer(Down(1, 50, 50, 0.0));
    g.OnPointer(Up(1, 50, 50, 0.03));
    CHECK(g.NextDeadline(0.03) == 0.03); // the click needs frames now
    std::vector<bool> downs;
    for (int i = 0; i < 5; i++)
        downs.push_back(g.Update(0.05 + i * 0.016).imgui.down);
    CHECK(downs == std::vector<bool>{false, true, false, false, false});
}

TEST_CASE("moving beyond the slop is a drag: it scrolls and never clicks") {
    GestureRecognizer g(GestureConfig{.tap_slop = 15});
    g.OnPointer(Down(1, 500, 800, 0.0));
    g.Update(0.016);
    g.OnPointer(Move(1, 500, 790, 0.03)); // within the slop
    GestureFrame f = g.Update(0.033);
    CHECK_FALSE(f.dragging);
    g.OnPointer(Move(1, 500, 700, 0.05));
    f = g.Update(0.05);
    CHECK(f.drag_began);
    CHECK(f.dragging);
    CHECK(f.scroll_origin == Vec2(500, 800));
    CHECK(f.scroll_delta.y == Approx(-100)); // the content follows the finger from its first contact
    CHECK_FALSE(f.imgui.present);            // a drag hides the pointer from ImGui
    g.OnPointer(Move(1, 500, 650, 0.5));
    g.OnPointer(Up(1, 500, 650, 0.9)); // held still for 0.4 s before lifting: no fling
    f = g.Update(0.9);
    CHECK(f.drag_ended);
    CHECK(f.scroll_delta.y == Approx(-50));
    CHECK_FALSE(f.tap);
    for (int i = 0; i < 6; i++)
        CHECK_FALSE(g.Update(0.92 + i * 0.016).imgui.down);
    CHECK_FALSE(g.Update(1.1).inertia);
}

TEST_CASE("a fling keeps scrolling with inertia that decays to a stop") {
    GestureRecognizer g;
    double t = 0;
    g.OnPointer(Down(1, 500, 900, t));
    // 600 px upwards in 0.2 s: about 3000 px/s.
    for (int i = 1; i <= 12; i++) {
        t = i / 60.0;
        g.OnPointer(Move(1, 500, 900 - 50.0f * i, t));
        g.Update(t);
    }
    g.OnPointer(Up(1, 500, 300, t));
    GestureFrame release = g.Update(t);
    CHECK(release.drag_ended);
    REQUIRE(g.NextDeadline(t) == t); // inertia needs frames

    bool inertia_seen = false;
    Vec2 coast = RunFrames(g, t, t + 0.2, &inertia_seen);
    CHECK(inertia_seen);
    CHECK(coast.y < -200); // keeps going the same way
    Vec2 rest = RunFrames(g, t, t + 5.0);
    // v·τ is the whole distance of an exponential decay: 3000 px/s × 0.325 s ≈ 975 px.
    CHECK((coast.y + rest.y) == Approx(-975).epsilon(0.1));
    CHECK_FALSE(g.Update(t + 0.02).inertia); // it stopped
    CHECK(g.NextDeadline(t) == std::numeric_limits<double>::infinity());
}

TEST_CASE("inertia covers the same distance whatever the frame rate") {
    auto fling_distance = [](double frame_dt) {
        GestureRecognizer g;
        g.OnPointer(Down(1, 0, 1000, 0));
        for (int i = 1; i <= 10; i++)
            g.OnPointer(Move(1, 0, 1000 - 40.0f * i, i * 0.01));
        g.OnPointer(Up(1, 0, 600, 0.1));
        float total = g.Update(0.1).scroll_delta.y;
        for (double t = 0.1 + frame_dt; t < 6; t += frame_dt)
            total += g.Update(t).scroll_delta.y;
        return total;
    };
    CHECK(fling_distance(1.0 / 60) == Approx(fling_distance(1.0 / 10)).epsilon(0.02));
}

TEST_CASE("a new touch stops inertia at once") {
    GestureRecognizer g;
    g.OnPointer(Down(1, 0, 1000, 0));
    for (int i = 1; i <= 10; i++)
        g.OnPointer(Move(1, 0, 1000 - 40.0f * i, i * 0.01));
    g.OnPointer(Up(1, 0, 600, 0.1));
    g.Update(0.1);
    CHECK(g.Update(0.12).inertia);
    g.OnPointer(Down(2, 10, 10, 0.13));
    CHECK_FALSE(g.Update(0.14).inertia);
}

TEST_CASE("two fingers pinch about their centroid and cancel the tap") {
    GestureRecognizer g;
    g.OnPointer(Down(1, 400, 500, 0.0));
    g.Update(0.016);
    g.OnPointer(Down(2, 600, 500, 0.02));
    GestureFrame f = g.Update(0.033);
    CHECK(f.pinch_began);
    CHECK(f.pinching);
    CHECK(f.pinch_center == Vec2(500, 500));
    CHECK(f.pinch_scale_delta == Approx(1.0f));
    // Spread to twice the distance, and move the pair 30 px right.
    g.OnPointer(Move(1, 330, 500, 0.05));
    g.OnPointer(Move(2, 730, 500, 0.05));
    f = g.Update(0.05);
    CHECK(f.pinch_scale_delta == Approx(2.0f));
    CHECK(f.pinch_center == Vec2(530, 500));
    CHECK(f.pinch_pan_delta == Vec2(30, 0));
    // Scale deltas multiply: 400 → 300 px is 0.75.
    g.OnPointer(Move(1, 380, 500, 0.07));
    g.OnPointer(Move(2, 680, 500, 0.07));
    CHECK(g.Update(0.07).pinch_scale_delta == Approx(0.75f));

    g.OnPointer(Up(2, 680, 500, 0.1));
    f = g.Update(0.1);
    CHECK(f.pinch_ended);
    // The finger left keeps panning; lifting it is not a tap.
    g.OnPointer(Move(1, 360, 520, 0.12));
    f = g.Update(0.12);
    CHECK(f.dragging);
    CHECK(f.scroll_delta == Vec2(-20, 20));
    g.OnPointer(Up(1, 360, 520, 0.3));
    f = g.Update(0.3);
    CHECK_FALSE(f.tap);
    for (int i = 0; i < 5; i++)
        CHECK_FALSE(g.Update(0.32 + 0.016 * i).imgui.down);
}

TEST_CASE("a long press fires once, follows the finger, and is not a tap") {
    GestureRecognizer g(GestureConfig{.long_press_seconds = 0.5});
    g.OnPointer(Down(1, 100, 100, 0.0));
    CHECK(g.NextDeadline(0.0) == Approx(0.5));
    CHECK_FALSE(g.Update(0.4).long_press);
    GestureFrame f = g.Update(0.5);
    REQUIRE(f.long_press);
    CHECK(f.long_press_held);
    CHECK_FALSE(g.Update(0.6).long_press); // once
    g.OnPointer(Move(1, 160, 60, 0.7));
    f = g.Update(0.7);
    CHECK(f.long_press_pos == Vec2(160, 60));
    CHECK_FALSE(f.dragging); // sliding after a long press picks, it does not scroll
    g.OnPointer(Up(1, 160, 60, 0.8));
    f = g.Update(0.8);
    REQUIRE(f.long_press_release);
    CHECK(*f.long_press_release == Vec2(160, 60));
    CHECK_FALSE(f.tap);
}

TEST_CASE("a double tap is two taps close in time and place") {
    GestureRecognizer g;
    g.OnPointer(Down(1, 300, 300, 0.0));
    g.OnPointer(Up(1, 300, 300, 0.08));
    GestureFrame f = g.Update(0.09);
    CHECK(f.tap);
    CHECK_FALSE(f.double_tap);
    g.OnPointer(Down(2, 310, 305, 0.25));
    g.OnPointer(Up(2, 310, 305, 0.3));
    f = g.Update(0.31);
    CHECK(f.tap);
    CHECK(f.double_tap);
    // A third tap right after starts a new pair rather than making a "triple".
    g.OnPointer(Down(3, 310, 305, 0.4));
    g.OnPointer(Up(3, 310, 305, 0.45));
    CHECK_FALSE(g.Update(0.46).double_tap);
    // Too far apart in time: no double tap.
    g.OnPointer(Down(4, 310, 305, 2.0));
    g.OnPointer(Up(4, 310, 305, 2.05));
    CHECK_FALSE(g.Update(2.06).double_tap);
}

TEST_CASE("a finger whose up was lost is lifted after a silence, without a click") {
    GestureRecognizer g(GestureConfig{.lost_pointer_seconds = 5.0});
    g.OnPointer(Down(1, 100, 100, 0.0));
    g.OnPointer(Move(1, 300, 100, 0.1)); // a drag, then the panel loses the FINGERUP
    g.Update(0.1);
    CHECK(g.PointerCount() == 1);
    CHECK(g.NextDeadline(0.2) == Approx(5.1));
    GestureFrame f = g.Update(5.2);
    CHECK(f.had_input);
    CHECK(f.drag_ended);
    CHECK(g.PointerCount() == 0);
    // The next touch is an ordinary tap again, not the second finger of a pinch.
    g.OnPointer(Down(2, 400, 400, 6.0));
    g.OnPointer(Up(2, 400, 400, 6.05));
    f = g.Update(6.06);
    CHECK(f.tap);
    CHECK_FALSE(f.pinch_began);
}

TEST_CASE("a lost up also ends a still finger (no tap, no long-press release)") {
    GestureRecognizer g(GestureConfig{.long_press_seconds = 0.5, .lost_pointer_seconds = 5.0});
    g.OnPointer(Down(1, 100, 100, 0.0));
    g.Update(0.6);
    GestureFrame f = g.Update(5.5);
    CHECK_FALSE(f.tap);
    CHECK_FALSE(f.long_press_release);
    CHECK(g.PointerCount() == 0);
}

TEST_CASE("a repeated down for the same finger does not add a phantom second finger") {
    GestureRecognizer g;
    g.OnPointer(Down(1, 100, 100, 0.0));
    g.OnPointer(Down(1, 110, 100, 0.5)); // the up in between was lost
    CHECK(g.PointerCount() == 1);
    CHECK_FALSE(g.Update(0.5).pinching);
}

TEST_CASE("Consume drops the pending click and ignores the rest of the touch") {
    GestureRecognizer g;
    g.OnPointer(Down(1, 100, 100, 0.0));
    g.OnPointer(Up(1, 100, 100, 0.05));
    g.Update(0.06); // hover frame of the click
    g.Consume();
    for (int i = 0; i < 4; i++)
        CHECK_FALSE(g.Update(0.08 + 0.016 * i).imgui.down);

    g.OnPointer(Down(2, 100, 100, 1.0));
    g.Consume(); // e.g. this touch dismissed "Are you still there?"
    g.OnPointer(Move(2, 100, 400, 1.1));
    g.OnPointer(Up(2, 100, 400, 1.2));
    GestureFrame f = g.Update(1.2);
    CHECK_FALSE(f.tap);
    CHECK_FALSE(f.dragging);
    CHECK(f.scroll_delta == Vec2());
}

// docs/touch-input.md: after a change of screen nothing acts until every finger has lifted
// and the guard time has passed; a repeat of the last touch at its place waits longer.
TEST_CASE("the guard after a change of screen: fingers down, early touches and repeats do nothing") {
    GestureConfig config;
    GestureRecognizer g(config);
    auto taps = [&](int64_t id, float x, float y, double t) {
        g.OnPointer(Down(id, x, y, t));
        g.OnPointer(Up(id, x, y, t + 0.05));
        bool pressed = false;
        for (int i = 0; i < 6; i++)
            pressed = g.Update(t + 0.06 + 0.016 * i).imgui.down || pressed;
        return pressed;
    };
    // The tap at (100, 100) changed the screen at t = 1.0.
    REQUIRE(taps(1, 100, 100, 0.9));
    g.Guard(1.0);
    CHECK(g.Guarded({900, 500}, 1.0 + config.guard_seconds * 0.9));  // anywhere, too soon
    CHECK_FALSE(g.Guarded({900, 500}, 1.0 + config.guard_seconds));  // elsewhere, after the guard
    CHECK(g.Guarded({110, 105}, 1.0 + config.repeat_seconds * 0.9)); // a repeat, at its place
    CHECK_FALSE(g.Guarded({110, 105}, 1.0 + config.repeat_seconds));
    CHECK(g.ActsFrom({900, 500}, 1.0) == Approx(1.0 + config.guard_seconds));
    CHECK(g.ActsFrom({100, 100}, 1.0) == Approx(1.0 + config.repeat_seconds));
    CHECK_FALSE(taps(2, 900, 500, 1.0 + config.guard_seconds * 0.5));
    CHECK_FALSE(taps(3, 105, 100, 1.0 + config.guard_seconds + 0.1)); // the second half of a double tap
    CHECK(taps(4, 900, 500, 1.0 + config.guard_seconds + 0.2));

    // A touch landing in the guard does nothing until it lifts, even long after; nor does
    // a finger that lands beside it.
    g.Guard(5.0);
    g.OnPointer(Down(5, 500, 500, 5.1));
    g.OnPointer(Down(6, 800, 500, 7.0));
    g.OnPointer(Move(6, 800, 800, 7.1));
    g.OnPointer(Up(6, 800, 800, 7.2));
    GestureFrame f = g.Update(7.2);
    CHECK_FALSE(f.tap);
    CHECK_FALSE(f.pinching);
    CHECK_FALSE(f.dragging);
    CHECK(f.scroll_delta == Vec2());
    CHECK(std::isinf(g.ActsFrom({900, 900}, 7.2))); // finger 5 is still down
    g.OnPointer(Up(5, 500, 500, 7.3));
    CHECK_FALSE(g.Update(7.3).tap);
    CHECK(g.ActsFrom({900, 900}, 7.3) == 7.3);
    CHECK(taps(7, 900, 900, 7.4));
}

TEST_CASE("mouse hover is a present pointer that never presses") {
    GestureRecognizer g;
    g.OnHover({20, 30}, 0.0);
    GestureFrame f = g.Update(0.01);
    CHECK(f.imgui.present);
    CHECK_FALSE(f.imgui.down);
    g.OnHoverLost();
    CHECK_FALSE(g.Update(0.02).imgui.present);
}

TEST_CASE("distances scale with the display") {
    GestureConfig c = GestureConfig{}.Scaled(2.0f);
    CHECK(c.tap_slop == Approx(30));
    CHECK(c.long_press_seconds == Approx(GestureConfig{}.long_press_seconds));
}
