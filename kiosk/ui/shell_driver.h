// ShellDriver: runs the kiosk with no person and no display — for screen tests, README
// screenshots (kiosk-capture) and per-frame benchmarks.
//
// Touches go through the real path (SDL finger events → PointerInput → GestureRecognizer
// → ImGui), time is a ManualClock, and Wait() advances it the way the real loop sleeps:
// straight to the next deadline when nothing needs a frame, frame by frame (60 Hz) while
// something animates. A 105-second idle timeout therefore costs a handful of frames.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "base/clock.h"
#include "platform/frame_capture.h"
#include "shell.h"

namespace kiosk {

class ShellDriver {
public:
    // A hidden window of `width`×`height` on SDL's offscreen driver. Answers go to `store`
    // (owned by the caller, who keeps it alive longer than the driver).
    static std::unique_ptr<ShellDriver> Create(const KioskData& data, int width, int height,
                                               std::string& error, ResponseStore* store = nullptr);

    Shell& GetShell() { return *shell_; }
    App& GetApp() { return shell_->GetApp(); }
    ManualClock& Clock() { return clock_; }

    // Renders `count` frames, 1/60 s apart.
    void Frames(int count = 1);
    // Lets `seconds` pass as the real loop would (see above).
    void Wait(double seconds);

    // A visitor's deliberate gestures: each first lets the touch guard after a change of
    // screen pass (docs/touch-input.md), as a person looks at a new screen before touching
    // it. One finger (id 1), down, moves, up, each step a frame.
    void Tap(float x, float y);
    void Drag(float x1, float y1, float x2, float y2, double seconds = 0.3, int steps = 12);
    // Two fingers centred on (cx, cy), horizontally `from` px apart, ending `to` px apart.
    void Pinch(float cx, float cy, float from, float to, double seconds = 0.4, int steps = 12);
    // Lets time pass until a touch at (x, y) would act (every finger up, guard over).
    void WaitUntilTouchActs(float x, float y);
    // Raw events at the current time, guard or not (tests of the guard use these).
    void FingerDown(int64_t id, float x, float y);
    void FingerMove(int64_t id, float x, float y);
    void FingerUp(int64_t id, float x, float y);
    void Wheel(float x, float y, float dy);

    // Waits (real time, at most `max_seconds`) until no image is decoding or uploading,
    // rendering frames as the real loop would (without moving the manual clock), then
    // renders one more so the last textures show. False if it timed out.
    bool WaitForImages(double max_seconds = 60);

    // The last rendered frame.
    Image Capture();
    bool SavePng(const std::filesystem::path& file, std::string& error);

private:
    ShellDriver() = default;
    void Finger(unsigned type, int64_t id, float x, float y);
    void PumpEvents();

    std::unique_ptr<KioskData> data_copy_;
    ManualClock clock_;
    std::unique_ptr<Shell> shell_;
};

} // namespace kiosk
