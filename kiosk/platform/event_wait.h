// Waiting for the next event without burning CPU.
//
// The kiosk runs all day; between touches it must sleep. SDL_WaitEventTimeout really
// sleeps on x11 and wayland. On kmsdrm and offscreen it spins at 1 ms, so there we poll
// and sleep in short steps ourselves (docs/architecture.md, "The frame loop: sleep when idle").
// Background work (an image decoded, a sync finished) wakes the loop with WakeMainLoop(),
// which pushes a registered SDL user event: safe from any thread.
#pragma once

#include <string_view>

union SDL_Event;

namespace kiosk {

class EventWaiter {
public:
    // Registers the wake-up event; call after SDL_Init.
    explicit EventWaiter(std::string_view video_driver);

    // Waits at most `seconds` (may be +inf) for an event. Returns true and fills `event`
    // when one arrived; further pending events are then read with SDL_PollEvent.
    bool Wait(double seconds, SDL_Event& event);

private:
    bool sleeps_in_sdl_ = true;
};

// Wakes the main loop from any thread (no-op before the EventWaiter exists).
void WakeMainLoop();

} // namespace kiosk
