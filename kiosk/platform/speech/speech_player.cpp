#include "platform/speech/speech_player.h"

#include "base/log.h"
#include "platform/event_wait.h"

namespace kiosk {

SpeechPlayer::SpeechPlayer(const ReadAloudConfig& config, RecordingIndex recordings)
    : config_(config), recordings_(std::move(recordings)) {
    SetVolumeDb(config.volume_db);
}

SpeechPlayer::~SpeechPlayer() {
    {
        std::lock_guard lock(lock_);
        quit_ = true;
        generation_++;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void SpeechPlayer::Speak(SpeechRequest request) {
    {
        std::lock_guard lock(lock_);
        generation_++;
        pending_ = std::move(request);
        requested_ = std::chrono::steady_clock::now();
        output_.ResetFirstSound();
        output_.Clear();
        if (!worker_.joinable()) worker_ = std::thread([this] { Run(); });
    }
    wake_.notify_all();
}

void SpeechPlayer::Stop() {
    std::lock_guard lock(lock_);
    generation_++;
    pending_.reset();
    output_.Clear();
}

bool SpeechPlayer::Speaking() const {
    std::lock_guard lock(lock_);
    // A rendering Stop() made stale no longer counts, though the worker may not have seen it yet.
    return pending_ || (rendering_ && rendering_generation_ == generation_) || output_.Playing();
}

void SpeechPlayer::SetVolumeDb(double db) {
    std::lock_guard lock(lock_);
    volume_db_ = db;
    output_.SetGainDb(db);
}

double SpeechPlayer::VolumeDb() const {
    std::lock_guard lock(lock_);
    return volume_db_;
}

std::optional<double> SpeechPlayer::LastLatencySeconds() const {
    std::lock_guard lock(lock_);
    const auto first = output_.FirstSound();
    if (first.time_since_epoch().count() == 0 || first < requested_) return std::nullopt;
    return std::chrono::duration<double>(first - requested_).count();
}

void SpeechPlayer::Run() {
    std::unique_lock lock(lock_);
    for (;;) {
        wake_.wait(lock, [&] { return quit_ || pending_; });
        if (quit_) return;
        SpeechRequest request = std::move(*pending_);
        pending_.reset();
        const uint64_t generation = generation_;
        rendering_ = true;
        rendering_generation_ = generation;
        lock.unlock();

        std::string error;
        const bool open = output_.Open(SynthSampleRate(), error); // first time: may take a while
        if (!open)
            LogLineOnce(LogLevel::Warning, "read-aloud:" + error, "read-aloud: " + error);
        else // appending under the lock: a Stop() between the check and the append cannot be missed
            RenderSpeech(request, recordings_, config_.espeak_data,
                         [&](const int16_t* samples, size_t count) {
                             std::lock_guard append(lock_);
                             if (generation_ != generation) return false;
                             output_.Append(samples, count);
                             return true;
                         });

        lock.lock();
        // Wait for the device to play the end (or a newer request), then let it sleep.
        while (generation_ == generation && !quit_ && output_.Playing())
            wake_.wait_for(lock, std::chrono::milliseconds(20));
        output_.PauseIfDrained();
        rendering_ = false;
        WakeMainLoop(); // the button goes back from « Silence » to « Écouter »
    }
}

} // namespace kiosk
