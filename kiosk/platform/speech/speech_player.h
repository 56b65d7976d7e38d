// SpeechPlayer: reads a screen aloud off the UI thread.
//
// Speak() only hands the request to a worker thread and returns: synthesis, reading
// recordings and opening the sound device (which can take a while) never delay a frame.
// The worker renders the pieces in order and appends each chunk to the audio device as it
// comes, so the first words play while the rest is synthesised (docs/read-aloud.md). A new
// Speak() or Stop() cuts the current speech at once: the worker drops what it renders for
// an older request. Nothing starts until a first Speak(): no thread, no sound device.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>

#include "config/config.h"
#include "platform/speech/audio_output.h"
#include "platform/speech/speech_render.h"

namespace kiosk {

class SpeechPlayer {
public:
    SpeechPlayer(const ReadAloudConfig& config, RecordingIndex recordings);
    ~SpeechPlayer();
    SpeechPlayer(const SpeechPlayer&) = delete;
    SpeechPlayer& operator=(const SpeechPlayer&) = delete;

    // Replaces whatever is being said with `request`.
    void Speak(SpeechRequest request);
    // Silence at once.
    void Stop();
    // Rendering, or samples still to be heard.
    bool Speaking() const;

    void SetVolumeDb(double db);
    double VolumeDb() const;

    // The last request's latency: from Speak() to its first audible sample handed to the
    // device; nothing while it has not sounded yet.
    std::optional<double> LastLatencySeconds() const;

private:
    void Run();

    const ReadAloudConfig config_;
    const RecordingIndex recordings_;
    AudioOutput output_;

    mutable std::mutex lock_; // everything below
    std::condition_variable wake_;
    std::optional<SpeechRequest> pending_;
    uint64_t generation_ = 0; // bumped by Speak and Stop: older renderings stop
    bool rendering_ = false;
    uint64_t rendering_generation_ = 0; // the request being rendered; stale once generation_ moves on
    bool quit_ = false;
    double volume_db_ = 0;
    std::chrono::steady_clock::time_point requested_;
    std::thread worker_; // started by the first Speak()
};

} // namespace kiosk
