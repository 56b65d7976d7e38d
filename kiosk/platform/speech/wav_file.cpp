#include "platform/speech/wav_file.h"

#include <SDL2/SDL.h>

namespace kiosk {

std::optional<Pcm> LoadWavAsPcm(const std::filesystem::path& file, int rate, std::string& error) {
    SDL_AudioSpec spec{};
    Uint8* data = nullptr;
    Uint32 size = 0;
    if (!SDL_LoadWAV(file.c_str(), &spec, &data, &size)) {
        error = file.string() + ": not a readable WAV file (" + SDL_GetError() + ")";
        return std::nullopt;
    }
    // SDL_AudioStream resamples and mixes down in one step, with no audio device open.
    SDL_AudioStream* stream =
        SDL_NewAudioStream(spec.format, spec.channels, spec.freq, AUDIO_S16SYS, 1, rate);
    if (!stream) {
        error = file.string() + ": cannot convert its audio (" + SDL_GetError() + ")";
        SDL_FreeWAV(data);
        return std::nullopt;
    }
    Pcm pcm;
    pcm.rate = rate;
    const bool put = SDL_AudioStreamPut(stream, data, (int)size) == 0 && SDL_AudioStreamFlush(stream) == 0;
    SDL_FreeWAV(data);
    if (put) {
        const int available = SDL_AudioStreamAvailable(stream);
        pcm.samples.resize((size_t)available / sizeof(int16_t));
        if (SDL_AudioStreamGet(stream, pcm.samples.data(), available) < 0) pcm.samples.clear();
    }
    SDL_FreeAudioStream(stream);
    if (!put) {
        error = file.string() + ": cannot convert its audio (" + SDL_GetError() + ")";
        return std::nullopt;
    }
    return pcm;
}

} // namespace kiosk
