#include "shell_driver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include <SDL2/SDL.h>

namespace kiosk {

namespace {
constexpr double kFrame = 1.0 / 60.0;
}

std::unique_ptr<ShellDriver> ShellDriver::Create(const KioskData& data, int width, int height,
                                                 std::string& error, ResponseStore* store) {
    std::unique_ptr<ShellDriver> driver(new ShellDriver());
    ShellOptions options;
    options.window.fullscreen = false;
    options.window.offscreen = true;
    options.window.width = width;
    options.window.height = height;
    driver->shell_ = Shell::Create(data, options, driver->clock_, error);
    if (!driver->shell_) return nullptr;
    driver->GetApp().store = store;
    driver->Frames(2);
    return driver;
}

void ShellDriver::PumpEvents() {
    SDL_Event event;
    while (SDL_PollEvent(&event))
        shell_->HandleEvent(event);
}

void ShellDriver::Frames(int count) {
    for (int i = 0; i < count; i++) {
        clock_.Advance(kFrame);
        PumpEvents();
        shell_->RenderFrame();
    }
}

void ShellDriver::Wait(double seconds) {
    const double end = clock_.Now() + seconds;
    while (clock_.Now() < end) {
        PumpEvents();
        double now = clock_.Now();
        double next = std::max(shell_->NextDeadline(now), now + kFrame);
        clock_.Advance(std::min(next, end) - now);
        PumpEvents();
        shell_->RenderFrame();
    }
}

void ShellDriver::Finger(unsigned type, int64_t id, float x, float y) {
    // The window's size, not the layout's: in low reach the screens are laid out in a band.
    const ImVec2 window = GetApp().window_size;
    SDL_Event event{};
    event.type = type;
    event.tfinger.touchId = 1;
    event.tfinger.fingerId = id;
    event.tfinger.x = x / window.x; // SDL reports fingers in 0..1 of the window
    event.tfinger.y = y / window.y;
    event.tfinger.pressure = 1.0f;
    shell_->HandleEvent(event);
}

void ShellDriver::FingerDown(int64_t id, float x, float y) {
    Finger(SDL_FINGERDOWN, id, x, y);
}
void ShellDriver::FingerMove(int64_t id, float x, float y) {
    Finger(SDL_FINGERMOTION, id, x, y);
}
void ShellDriver::FingerUp(int64_t id, float x, float y) {
    Finger(SDL_FINGERUP, id, x, y);
}

void ShellDriver::WaitUntilTouchActs(float x, float y) {
    const double now = clock_.Now();
    // The recogniser works in the frame's coordinates (a mirrored Arabic frame: rtl_mirror.h).
    const double from = shell_->Recognizer().ActsFrom(GetApp().mirror.ToFrame(Vec2(x, y)), now);
    // Infinite while a finger is still down: the gesture that follows shows the test's mistake.
    if (from > now && std::isfinite(from)) Wait(from - now + 0.001); // past it, whatever the rounding
}

void ShellDriver::Tap(float x, float y) {
    WaitUntilTouchActs(x, y);
    FingerDown(1, x, y);
    Frames(2);
    FingerUp(1, x, y);
    Frames(6); // hover → press → release → gone, then the layout settles
}

void ShellDriver::Drag(float x1, float y1, float x2, float y2, double seconds, int steps) {
    WaitUntilTouchActs(x1, y1);
    FingerDown(1, x1, y1);
    Frames(1);
    for (int i = 1; i <= steps; i++) {
        float t = (float)i / (float)steps;
        clock_.Advance(seconds / steps - kFrame);
        FingerMove(1, x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
        Frames(1);
    }
    FingerUp(1, x2, y2);
    Frames(2);
}

void ShellDriver::Pinch(float cx, float cy, float from, float to, double seconds, int steps) {
    WaitUntilTouchActs(cx - from / 2, cy);
    WaitUntilTouchActs(cx + from / 2, cy);
    FingerDown(1, cx - from / 2, cy);
    FingerDown(2, cx + from / 2, cy);
    Frames(1);
    for (int i = 1; i <= steps; i++) {
        float d = from + (to - from) * (float)i / (float)steps;
        clock_.Advance(seconds / steps - kFrame);
        FingerMove(1, cx - d / 2, cy);
        FingerMove(2, cx + d / 2, cy);
        Frames(1);
    }
    FingerUp(1, cx - to / 2, cy);
    FingerUp(2, cx + to / 2, cy);
    Frames(2);
}

void ShellDriver::Wheel(float x, float y, float dy) {
    WaitUntilTouchActs(x, y);
    SDL_Event motion{};
    motion.type = SDL_MOUSEMOTION;
    motion.motion.x = (int)x;
    motion.motion.y = (int)y;
    shell_->HandleEvent(motion);
    shell_->InjectWheel(Vec2(0, dy));
    Frames(2);
}

bool ShellDriver::WaitForImages(double max_seconds) {
    using namespace std::chrono;
    const auto deadline = steady_clock::now() + duration<double>(max_seconds);
    // A frame first: the current screen asks for its images during it.
    PumpEvents();
    shell_->RenderFrame();
    while (GetApp().images.Busy()) {
        if (steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(milliseconds(5));
        PumpEvents();
        shell_->RenderFrame();
    }
    PumpEvents();
    shell_->RenderFrame();
    return true;
}

Image ShellDriver::Capture() {
    // The driver never swaps: the back buffer still holds the last rendered frame.
    return shell_->Capture();
}

bool ShellDriver::SavePng(const std::filesystem::path& file, std::string& error) {
    return WritePng(Capture(), file, error);
}

} // namespace kiosk
