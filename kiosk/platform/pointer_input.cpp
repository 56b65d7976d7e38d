#include "pointer_input.h"

#include <SDL2/SDL.h>

namespace kiosk {

bool PointerInput::Handle(const SDL_Event& event, double now) {
    switch (event.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        const SDL_TouchFingerEvent& f = event.tfinger;
        PointerAction action = event.type == SDL_FINGERDOWN ? PointerAction::Down
                               : event.type == SDL_FINGERUP ? PointerAction::Up
                                                            : PointerAction::Move;
        // Finger ids are unique per touch device; fold the device in for multi-panel set-ups.
        int64_t id = (int64_t)f.fingerId ^ ((int64_t)f.touchId << 32);
        if (id == kMousePointerId) id = 0x7fffffff;
        Emit({action, id, Vec2(f.x * (float)width_, f.y * (float)height_), now});
        return true;
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) return true;
        mouse_pos_ = Map(Vec2((float)event.button.x, (float)event.button.y));
        Emit({event.type == SDL_MOUSEBUTTONDOWN ? PointerAction::Down : PointerAction::Up, kMousePointerId,
              Vec2((float)event.button.x, (float)event.button.y), now});
        return true;
    case SDL_MOUSEMOTION:
        if (event.motion.which == SDL_TOUCH_MOUSEID) return true;
        mouse_pos_ = Map(Vec2((float)event.motion.x, (float)event.motion.y));
        if (event.motion.state & SDL_BUTTON_LMASK)
            Emit({PointerAction::Move, kMousePointerId, Vec2((float)event.motion.x, (float)event.motion.y),
                  now});
        else
            recognizer_.OnHover(mouse_pos_, now);
        return true;
    case SDL_MOUSEWHEEL:
        if (event.wheel.which == SDL_TOUCH_MOUSEID) return true;
        wheel_ += Vec2(event.wheel.preciseX, event.wheel.preciseY);
        return true;
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_LEAVE) {
            recognizer_.OnHoverLost();
            return true;
        }
        return false;
    default: return false;
    }
}

} // namespace kiosk
