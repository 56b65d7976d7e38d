// What a tap on « Écouter » asks for, and turning it into samples: each piece from its
// recording when content ships one, else synthesised by espeak-ng.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "speech/espeak_synth.h"
#include "speech/recording_index.h"

namespace kiosk {

struct SpeechRequest {
    std::string language;            // the visitor's language: which recordings apply
    std::string voice;               // espeak-ng's voice for it (catalogue key language.voice)
    std::vector<std::string> pieces; // the screen's texts in reading order
};

// Renders `request` piece by piece into `sink` (a recording takes precedence over
// synthesis). A piece that cannot be rendered (unreadable WAV, unknown voice, espeak-ng's
// data missing) is logged once, naming the file or voice, and left out. Returns false
// when the sink stopped it.
bool RenderSpeech(const SpeechRequest& request, const RecordingIndex& recordings,
                  const std::filesystem::path& espeak_data, const PcmSink& sink);

} // namespace kiosk
