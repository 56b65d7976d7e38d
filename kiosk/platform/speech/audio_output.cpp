#include "platform/speech/audio_output.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiosk {

namespace {
// Below this a sample is the noise floor of a recording, not sound (about −54 dBFS).
constexpr int kAudible = 64;
} // namespace

AudioOutput::~AudioOutput() {
    if (device_) SDL_CloseAudioDevice(device_);
    if (subsystem_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool AudioOutput::Open(int rate, std::string& error) {
    if (device_) return true;
    if (!subsystem_) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            error = std::string("no sound: SDL audio: ") + SDL_GetError();
            return false;
        }
        subsystem_ = true;
    }
    SDL_AudioSpec want{};
    want.freq = rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 512; // 23 ms at 22 050 Hz: part of the tap-to-sound latency
    want.callback = &AudioOutput::Pull;
    want.userdata = this;
    SDL_AudioSpec have{};
    // No allowed changes: SDL converts to whatever the device really takes.
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (!device_) {
        error = std::string("no sound: cannot open an audio device: ") + SDL_GetError();
        return false;
    }
    return true;
}

void AudioOutput::Append(const int16_t* samples, size_t count) {
    std::lock_guard lock(lock_);
    if (read_ > 0 && read_ == queue_.size()) {
        queue_.clear();
        read_ = 0;
    }
    queue_.insert(queue_.end(), samples, samples + count);
    if (paused_ && device_) {
        paused_ = false;
        SDL_PauseAudioDevice(device_, 0);
    }
}

void AudioOutput::Clear() {
    {
        std::lock_guard lock(lock_);
        queue_.clear();
        read_ = 0;
        if (paused_ || !device_) return;
        paused_ = true;
    }
    // Outside the lock: pausing waits for a callback in progress, which takes the lock.
    SDL_PauseAudioDevice(device_, 1);
}

void AudioOutput::PauseIfDrained() {
    {
        std::lock_guard lock(lock_);
        if (paused_ || !device_ || read_ < queue_.size()) return;
        paused_ = true;
    }
    SDL_PauseAudioDevice(device_, 1);
}

bool AudioOutput::Playing() const {
    std::lock_guard lock(lock_);
    return read_ < queue_.size();
}

void AudioOutput::SetGainDb(double db) {
    gain_ = (float)std::pow(10.0, db / 20.0);
}

std::chrono::steady_clock::time_point AudioOutput::FirstSound() const {
    return std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(first_sound_.load()));
}

void AudioOutput::ResetFirstSound() {
    first_sound_ = 0;
}

void AudioOutput::Pull(void* self_ptr, Uint8* stream, int bytes) {
    auto* self = static_cast<AudioOutput*>(self_ptr);
    auto* out = reinterpret_cast<int16_t*>(stream);
    const size_t wanted = (size_t)bytes / sizeof(int16_t);
    const float gain = self->gain_;
    size_t given = 0;
    bool audible = false;
    {
        std::lock_guard lock(self->lock_);
        given = std::min(wanted, self->queue_.size() - self->read_);
        const int16_t* in = self->queue_.data() + self->read_;
        for (size_t i = 0; i < given; i++) {
            const float v = std::clamp((float)in[i] * gain, -32768.0f, 32767.0f);
            out[i] = (int16_t)v;
            audible = audible || std::abs((int)in[i]) > kAudible;
        }
        self->read_ += given;
    }
    std::memset(out + given, 0, (wanted - given) * sizeof(int16_t));
    if (audible && self->first_sound_.load() == 0)
        self->first_sound_ = std::chrono::steady_clock::now().time_since_epoch().count();
}

} // namespace kiosk
