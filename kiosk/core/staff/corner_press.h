// The hidden gesture that opens the staff PIN pad: one finger held still for 3 s in the
// configured corner of the screen (`[staff] corner`, README "Staff mode").
//
// Nothing on the public screens shows the zone, and the press does nothing else: the
// gesture recogniser turns a finger still for longer than its long-press time into a long
// press, which never clicks (gesture_recognizer.h), so the control under the corner is not
// pressed. The press counts only while it is the only finger on the screen: a second
// finger (a pinch, a hand resting on the glass) cancels it for good, and so does moving
// more than the slop or leaving the zone (a drag that starts in the corner).
//
// The zone is a square of kZoneFraction of the screen's short side, so it has the same
// physical size on every screen of a given diagonal (86 px at 1080p, 64 px at 1280×800).
// Pure: pointer events and time in, "open the pad" out; tests drive it with synthetic
// sequences.
#pragma once

#include <cstdint>
#include <vector>

#include "config/config.h"
#include "input/gesture_recognizer.h"

namespace kiosk {

class StaffCornerPress {
public:
    static constexpr double kHoldSeconds = 3.0;
    static constexpr float kZoneFraction = 0.08f;
    // A finger silent for this long when another lands is taken as lost (its FINGERUP
    // dropped, as GestureConfig::lost_pointer_seconds), so a ghost cannot block the gesture.
    static constexpr double kLostSeconds = 5.0;

    // The screen in window coordinates, the configured corner, and the slop (px) a still
    // finger may drift.
    void SetScreen(float width, float height, ScreenCorner corner, float slop);
    bool InZone(Vec2 pos) const;

    void OnPointer(const PointerEvent& event);
    // True once, at the frame when the press has lasted kHoldSeconds.
    bool Update(double now);
    // When Update() next needs to run (+infinity when no press is pending).
    double NextDeadline(double now) const;
    // A press in the corner is in progress (not yet fired).
    bool Pending() const { return candidate_ && !fired_; }

private:
    struct Down {
        int64_t id;
        double last_event;
    };

    std::vector<Down> down_;
    float width_ = 1, height_ = 1, slop_ = 15;
    ScreenCorner corner_ = ScreenCorner::TopLeft;

    bool candidate_ = false; // the only finger down, in the zone, still
    bool fired_ = false;     // its press has opened the pad already
    int64_t candidate_id_ = 0;
    Vec2 start_;
    double since_ = 0;
};

} // namespace kiosk
