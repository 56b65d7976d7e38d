// Speech synthesis with libespeak-ng, on the kiosk itself (no network).
//
// espeak-ng keeps one global state per process: every call goes through one lock here, and
// the library is initialised once, by the first call (its data directory then stays). A
// failure to initialise (data missing) is remembered and returned, with espeak-ng's own
// message naming the file, by every later call: the kiosk goes on without speech.
// Synthesis is synchronous (AUDIO_OUTPUT_SYNCHRONOUS): call it from a worker thread, never
// from the UI thread (docs/read-aloud.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "speech/pcm.h"

namespace kiosk {

// Receives successive chunks of samples at SynthSampleRate(); returning false stops the
// synthesis (the visitor tapped again, or left the screen).
using PcmSink = std::function<bool(const int16_t* samples, size_t count)>;

// Synthesises UTF-8 `text` with espeak-ng's voice `voice` ("fr", "en"…). False with
// `error` set when espeak-ng cannot start or the voice does not exist; true when stopped by
// the sink. `data_dir` (empty: espeak-ng's default) counts only on the first call.
bool Synthesize(const std::filesystem::path& data_dir, std::string_view text, const std::string& voice,
                const PcmSink& sink, std::string& error);

// The same, into one buffer.
bool SynthesizeToPcm(const std::filesystem::path& data_dir, std::string_view text, const std::string& voice,
                     Pcm& out, std::string& error);

// espeak-ng's sample rate (22050 Hz) once initialised; 22050 before.
int SynthSampleRate();

} // namespace kiosk
