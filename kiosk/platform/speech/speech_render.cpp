#include "platform/speech/speech_render.h"

#include "base/log.h"
#include "platform/speech/wav_file.h"

namespace kiosk {

namespace {
// A short pause between pieces (a title, then its paragraph), as a reader would make.
constexpr double kPauseSeconds = 0.25;
} // namespace

bool RenderSpeech(const SpeechRequest& request, const RecordingIndex& recordings,
                  const std::filesystem::path& espeak_data, const PcmSink& sink) {
    bool first = true;
    for (const std::string& piece : request.pieces) {
        if (piece.empty()) continue;
        const int rate = SynthSampleRate();
        if (!first) {
            const std::vector<int16_t> pause((size_t)(kPauseSeconds * rate), 0);
            if (!sink(pause.data(), pause.size())) return false;
        }
        first = false;
        if (const std::filesystem::path* file = recordings.Find(request.language, piece)) {
            std::string error;
            if (std::optional<Pcm> pcm = LoadWavAsPcm(*file, rate, error)) {
                if (!sink(pcm->samples.data(), pcm->samples.size())) return false;
                continue;
            }
            LogLineOnce(LogLevel::Warning, "read-aloud:" + file->string(),
                        "read-aloud: " + error + "; synthesised instead");
        }
        bool stopped = false;
        std::string error;
        const bool ok = Synthesize(
            espeak_data, piece, request.voice,
            [&](const int16_t* samples, size_t count) {
                stopped = !sink(samples, count);
                return !stopped;
            },
            error);
        if (stopped) return false;
        if (!ok) {
            // A voice comes from the catalogue: say where to fix it.
            const std::string where = error.find("voice \"") != std::string::npos
                                          ? " (language.voice of the \"" + request.language + "\" catalogue)"
                                          : "";
            LogLineOnce(LogLevel::Warning, "read-aloud:" + error,
                        "read-aloud: " + error + where + "; nothing said");
            return true; // the same failure would repeat for every piece
        }
    }
    return true;
}

} // namespace kiosk
