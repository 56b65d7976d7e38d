#include "event_wait.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include <SDL2/SDL.h>

namespace kiosk {

namespace {
std::atomic<Uint32> g_wake_event{(Uint32)-1};

// Longest single sleep: bounds the damage of a missed deadline (clock changes, suspend).
constexpr double kMaxWaitSeconds = 60.0;
// Poll step where SDL cannot sleep for us: 100 wake-ups a second cost well under 1 % CPU
// and keep a touch's latency below one frame.
constexpr int kPollStepMs = 10;
} // namespace

EventWaiter::EventWaiter(std::string_view video_driver) {
    if (g_wake_event.load() == (Uint32)-1) g_wake_event = SDL_RegisterEvents(1);
    sleeps_in_sdl_ = video_driver == "x11" || video_driver == "wayland";
}

bool EventWaiter::Wait(double seconds, SDL_Event& event) {
    seconds = std::clamp(seconds, 0.0, kMaxWaitSeconds);
    int timeout_ms = (int)std::ceil(seconds * 1000.0);
    if (timeout_ms <= 0) return SDL_PollEvent(&event) != 0;
    if (sleeps_in_sdl_) return SDL_WaitEventTimeout(&event, timeout_ms) != 0;
    Uint64 deadline = SDL_GetTicks64() + (Uint64)timeout_ms;
    for (;;) {
        if (SDL_PollEvent(&event)) return true;
        Uint64 now = SDL_GetTicks64();
        if (now >= deadline) return false;
        SDL_Delay((Uint32)std::min<Uint64>(kPollStepMs, deadline - now));
    }
}

void WakeMainLoop() {
    Uint32 type = g_wake_event.load();
    if (type == (Uint32)-1) return;
    SDL_Event event{};
    event.type = type;
    SDL_PushEvent(&event);
}

} // namespace kiosk
