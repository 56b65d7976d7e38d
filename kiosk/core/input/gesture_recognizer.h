// GestureRecognizer: turns raw pointer events (fingers and mouse) into what the UI needs.
//
// Touch screens have no hover and no precise press: a finger lands, maybe moves, lifts.
// The recogniser decides what that was and hands each frame a GestureFrame:
//   - a tap (moved less than the slop before lifting), played to Dear ImGui over several
//     frames as hover → press → release → pointer gone, because ImGui only registers a click
//     when it has seen the pointer over the button before and during the press;
//   - a drag (moved beyond the slop): scroll deltas, then inertia that decays after a fling;
//     ImGui never sees a press for a drag, so dragging a list never clicks a button in it;
//   - a pinch (two fingers): scale and pan about the fingers' centroid; it cancels any tap;
//   - a long press (still for a while), double tap;
//   - a lost finger-up (some panels drop FINGERUP): a pointer silent for too long is
//     cancelled, so a ghost finger cannot block every later tap;
//   - the touch guard after a change of screen (Guard(), docs/touch-input.md): the touches
//     down at the change, those that land within guard_seconds of it, and a repeat of the
//     last touch at its place within repeat_seconds, do nothing until they lift.
// Pure C++: time is passed in, so tests drive it with synthetic sequences.
#pragma once

#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <vector>

#include "base/vec2.h"

namespace kiosk {

struct GestureConfig {
    float tap_slop = 15;                  // px a finger may move and still tap
    float double_tap_slop = 40;           // px between the two taps of a double tap
    double double_tap_seconds = 0.35;     // max time between the two taps
    double long_press_seconds = 0.55;     // still for this long → long press (no tap on release)
    double lost_pointer_seconds = 5.0;    // no event from a pointer for this long → cancelled
    float fling_min_speed = 200;          // px/s at release to start inertia
    float inertia_stop_speed = 20;        // px/s below which inertia stops
    double inertia_time_constant = 0.325; // s; velocity *= exp(-dt / constant)
    double velocity_window = 0.1;         // s of recent motion used to estimate the fling velocity
    // After a change of screen (docs/touch-input.md): no touch acts for guard_seconds, and
    // none within repeat_slop of the last touch for repeat_seconds (the second half of a
    // double tap, up to the slowest double taps people make).
    double guard_seconds = 0.35;
    double repeat_seconds = 0.8;
    float repeat_slop = 60;

    // Returns a copy with distances multiplied by the display scale.
    GestureConfig Scaled(float scale) const;
};

enum class PointerAction { Down, Move, Up, Cancel };

struct PointerEvent {
    PointerAction action = PointerAction::Down;
    int64_t id = 0; // finger id; the mouse uses kMousePointerId
    Vec2 pos;
    double time = 0; // seconds, monotonic
};

inline constexpr int64_t kMousePointerId = -1;

// What the pointer looks like to Dear ImGui this frame.
struct ImGuiPointer {
    bool present = false; // false → io.MousePos = (-FLT_MAX, -FLT_MAX)
    Vec2 pos;
    bool down = false;
};

struct GestureFrame {
    bool had_input = false; // any pointer event since the previous frame
    ImGuiPointer imgui;     // the pointer to give ImGui

    std::optional<Vec2> tap;                // a tap completed (ImGui gets its click in later frames)
    std::optional<Vec2> double_tap;         // second tap of a double tap
    std::optional<Vec2> long_press;         // a finger has just been still long enough
    bool long_press_held = false;           // the long-pressing finger is still down...
    Vec2 long_press_pos;                    // ...and is here now
    std::optional<Vec2> long_press_release; // it lifted here

    // One-finger drag, and the inertia that follows a fling. `scroll_origin` is where the
    // drag started: the UI scrolls the area under it, for the drag and its inertia alike.
    bool drag_began = false;
    bool dragging = false;
    bool drag_ended = false;
    bool inertia = false;
    Vec2 scroll_origin;
    Vec2 drag_pos;     // current finger position while dragging
    Vec2 scroll_delta; // movement this frame (drag or inertia)

    // Two-finger pinch. scale_delta multiplies the previous frame's scale; pan_delta is the
    // centroid's movement this frame.
    bool pinch_began = false;
    bool pinching = false;
    bool pinch_ended = false;
    Vec2 pinch_center;
    float pinch_scale_delta = 1.0f;
    Vec2 pinch_pan_delta;
};

class GestureRecognizer {
public:
    explicit GestureRecognizer(GestureConfig config = {}) : config_(config) {}

    void SetConfig(const GestureConfig& config) { config_ = config; }
    void OnPointer(const PointerEvent& event);
    // A mouse moving with no button down: hover for ImGui (mouse users only).
    void OnHover(Vec2 pos, double time);
    // The mouse left the window.
    void OnHoverLost();

    // Advances timed behaviour to `now` and returns this frame's gestures. Call once per
    // frame, after feeding the frame's events.
    GestureFrame Update(double now);

    // When the recogniser next needs a frame even without input: now while a click is being
    // played to ImGui or inertia runs; the long-press or lost-finger time while a finger is
    // down; +infinity otherwise.
    double NextDeadline(double now) const;

    // The touch in progress belongs to something else: it dismissed an overlay, or the
    // screen changed under it. No click is played, and the fingers down now do nothing
    // more until they lift.
    void Consume();

    // The screen changed at `now`: Consume() the touch in progress, then ignore every touch
    // that lands before now + guard_seconds, or before now + repeat_seconds within
    // repeat_slop of where the last touch was. An ignored touch does nothing until every
    // finger has lifted.
    void Guard(double now);
    // Whether a touch landing at `pos` at `time` would be ignored by the guard.
    bool Guarded(Vec2 pos, double time) const;
    // The earliest time from `now` on at which a touch at `pos` would act (`now` when it
    // would act at once): when every finger is up and the guard is over.
    double ActsFrom(Vec2 pos, double now) const;

    // Forgets every pointer, pending click and inertia (visitor reset). The guard stays.
    void Reset();

    size_t PointerCount() const { return pointers_.size(); }

private:
    enum class Mode { Idle, Pressed, Dragging, Pinching, LongPress, Consumed };

    struct Pointer {
        int64_t id;
        Vec2 down_pos;
        Vec2 pos;
        Vec2 prev_pos; // position at the previous Update()
        double down_time;
        double last_event_time;
        std::deque<std::pair<double, Vec2>> samples; // recent positions for velocity
    };

    Pointer* FindPointer(int64_t id);
    void RemovePointer(int64_t id);
    void Release(Pointer& pointer, double time, bool cancelled);
    void BeginPinch();
    void QueueClick(Vec2 pos);
    Vec2 Velocity(const Pointer& pointer) const;

    GestureConfig config_;
    Mode mode_ = Mode::Idle;
    std::vector<Pointer> pointers_;
    GestureFrame pending_; // gestures gathered from events since the last Update()

    Vec2 drag_origin_; // where the current drag started

    // Pinch reference from the previous frame.
    float pinch_prev_distance_ = 0;
    Vec2 pinch_prev_center_;

    // Inertia after a fling.
    bool inertia_ = false;
    Vec2 inertia_velocity_;
    Vec2 inertia_origin_;
    double inertia_time_ = 0;

    // Click playback to ImGui: one state per frame.
    std::deque<ImGuiPointer> imgui_queue_;
    ImGuiPointer imgui_current_;
    bool hover_present_ = false;
    Vec2 hover_pos_;

    // Last tap, for double-tap detection.
    std::optional<std::pair<double, Vec2>> last_tap_;

    // The touch guard (Guard()).
    Vec2 last_touch_pos_;                                            // last pointer or hover position
    double guard_until_ = -std::numeric_limits<double>::infinity();  // no touch acts before
    double repeat_until_ = -std::numeric_limits<double>::infinity(); // none near repeat_pos_ before
    Vec2 repeat_pos_;
};

} // namespace kiosk
