// PointerInput: SDL touch and mouse events → GestureRecognizer.
//
// Fingers are handled directly (SDL_FINGER*): on KMSDRM touches arrive without a window and
// SDL synthesises no mouse events from them. Finger coordinates are 0..1 and are scaled to
// the window. The mouse (development, accessibility devices) is one more pointer; wheel
// motion is collected separately for zooming and scrolling.
#pragma once

#include <functional>

#include "base/vec2.h"
#include "input/gesture_recognizer.h"

union SDL_Event;

namespace kiosk {

class PointerInput {
public:
    explicit PointerInput(GestureRecognizer& recognizer) : recognizer_(recognizer) {}

    // Window size in window coordinates (fingers are normalised to it).
    void SetWindowSize(int width, int height) {
        width_ = width;
        height_ = height;
    }

    // Returns true if the event was a pointer event (consumed).
    bool Handle(const SDL_Event& event, double now);

    // Wheel motion since the last call (+y = away from the user) and where the mouse was.
    Vec2 TakeWheel() {
        Vec2 w = wheel_;
        wheel_ = {};
        return w;
    }
    Vec2 MousePos() const { return mouse_pos_; }

    // Also sees every pointer event the recogniser gets (the staff corner press, which
    // needs the raw touches: staff/corner_press.h).
    void SetObserver(std::function<void(const PointerEvent&)> observer) { observer_ = std::move(observer); }

    // Maps a point of the screen to where the frame drew it, for the recogniser and the
    // mouse position (a right-to-left frame is drawn mirrored: ui/rtl_mirror.h). The
    // observer keeps the screen's own coordinates.
    void SetMap(std::function<Vec2(Vec2)> map) { map_ = std::move(map); }

private:
    void Emit(const PointerEvent& event) {
        PointerEvent mapped = event;
        mapped.pos = Map(event.pos);
        recognizer_.OnPointer(mapped);
        if (observer_) observer_(event);
    }
    Vec2 Map(Vec2 p) const { return map_ ? map_(p) : p; }

    GestureRecognizer& recognizer_;
    std::function<void(const PointerEvent&)> observer_;
    std::function<Vec2(Vec2)> map_;
    int width_ = 1, height_ = 1;
    Vec2 wheel_;
    Vec2 mouse_pos_;
};

} // namespace kiosk
