// AudioOutput: one SDL audio device playing mono 16-bit samples, at a volume that can
// change while it plays.
//
// The device is opened by the first Open() — the first time a visitor asks for speech —
// and never before: a kiosk nobody asks to speak holds no sound device and can start no
// sound. Samples are appended from the speech worker and pulled by SDL's audio thread
// (callback); the gain is applied there, so −/+ act on speech already queued.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <SDL2/SDL.h>

namespace kiosk {

class AudioOutput {
public:
    AudioOutput() = default;
    ~AudioOutput();
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;

    // Opens the device at `rate` the first time (SDL's audio subsystem too). False, with
    // `error`, when there is no sound device; later calls retry.
    bool Open(int rate, std::string& error);
    bool IsOpen() const { return device_ != 0; }

    // Queues samples and lets the device play.
    void Append(const int16_t* samples, size_t count);
    // Drops what is queued and pauses the device (silence at once).
    void Clear();
    // Pauses the device once everything queued has been played (no callbacks while idle).
    void PauseIfDrained();
    bool Playing() const;

    void SetGainDb(double db);

    // When the first sample louder than silence was handed to the device since the last
    // ResetFirstSound() (the latency benchmark, tests); the epoch when none yet.
    std::chrono::steady_clock::time_point FirstSound() const;
    void ResetFirstSound();

private:
    static void Pull(void* self, Uint8* stream, int bytes);

    SDL_AudioDeviceID device_ = 0;
    bool subsystem_ = false;
    mutable std::mutex lock_; // queue_, read_, paused_
    std::vector<int16_t> queue_;
    size_t read_ = 0;
    bool paused_ = true;
    std::atomic<float> gain_{1.0f};
    std::atomic<int64_t> first_sound_{0}; // steady_clock ticks; 0: none
};

} // namespace kiosk
