// Read-aloud latency: from the tap (SpeechPlayer::Speak) to the first audible sample handed
// to the audio device, for a short and a long text in French and English, against the
// espeak-ng command line synthesising the same text to a WAV file (`espeak-ng -w`), in the
// same run, and against synthesising the whole text in process before playing (what
// streaming chunks saves). The target: under 300 ms. Run build/tests/bench_read_aloud
// (README "Benchmarks"); it uses SDL's disk audio driver unless SDL_AUDIODRIVER is set.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "platform/speech/speech_player.h"

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Seconds from Speak() to the first audible sample at the device; negative on a timeout.
double TapToSound(SpeechPlayer& player, const std::string& language, const std::string& text) {
    player.Stop();
    player.Speak({language, language, {text}});
    const auto end = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < end) {
        if (std::optional<double> latency = player.LastLatencySeconds()) {
            player.Stop();
            return *latency;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    return -1;
}

// The whole text synthesised in this process before playing it: what streaming saves.
double WholeText(const std::string& voice, const std::string& text) {
    Pcm pcm;
    std::string error;
    const auto start = Clock::now();
    if (!SynthesizeToPcm({}, text, voice, pcm, error)) return -1;
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Wall time of `espeak-ng -v VOICE -w FILE TEXT`: the whole text synthesised to a file.
double CommandLine(const std::string& voice, const std::string& text, const std::filesystem::path& wav) {
    const std::string command =
        fmt::format("espeak-ng -v {} -w '{}' '{}' 2>/dev/null", voice, wav.string(), text);
    const auto start = Clock::now();
    if (std::system(command.c_str()) != 0) return -1;
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    const auto scratch = std::filesystem::temp_directory_path() / "kiosk-read-aloud-bench";
    std::filesystem::create_directories(scratch);
    if (!std::getenv("SDL_AUDIODRIVER")) {
        setenv("SDL_AUDIODRIVER", "disk", 1);
        setenv("SDL_DISKAUDIOFILE", (scratch / "audio.raw").c_str(), 1);
    }

    struct Case {
        const char* language;
        const char* length;
        std::string text;
    };
    const std::vector<Case> cases = {
        {"fr", "short", "Écouter les plans du quartier."},
        {"fr", "long",
         "À quelle fréquence passez-vous du temps dehors dans le quartier, au square, dans les allées ou sur "
         "la place ? Réponse 1 : tous les jours. Réponse 2 : plusieurs fois par semaine. Réponse 3 : "
         "quelques "
         "fois par mois. Réponse 4 : rarement ou jamais."},
        {"en", "short", "Listen to the plans of the neighbourhood."},
        {"en", "long",
         "How often do you spend time outdoors in the neighbourhood, in the park, on the paths or on the "
         "little "
         "square by the shops? Answer 1: every day. Answer 2: several times a week. Answer 3: a few times a "
         "month. Answer 4: rarely or never."},
    };

    SpeechPlayer player(ReadAloudConfig{}, RecordingIndex{});
    const double cold = TapToSound(player, "fr", cases[0].text); // starts espeak-ng and opens the device
    fmt::print("read-aloud, tap to first sound (audio driver: {}; {} runs, median)\n",
               std::getenv("SDL_AUDIODRIVER"), runs);
    fmt::print("  first tap of the day (espeak-ng and the sound device start): {:.0f} ms\n", cold * 1000);
    fmt::print("  {:<4} {:<6} {:>5} {:>11} {:>18} {:>7} {:>23}\n", "lang", "text", "chars", "kiosk (ms)",
               "espeak-ng -w (ms)", "ratio", "whole text first (ms)");
    bool ok = cold >= 0;
    for (const Case& c : cases) {
        std::vector<double> kiosk, reference, whole;
        for (int i = 0; i < runs; i++) {
            kiosk.push_back(TapToSound(player, c.language, c.text));
            reference.push_back(CommandLine(c.language, c.text, scratch / "reference.wav"));
            whole.push_back(WholeText(c.language, c.text));
        }
        const double k = Median(kiosk), r = Median(reference), w = Median(whole);
        ok = ok && k >= 0 && *std::min_element(kiosk.begin(), kiosk.end()) >= 0;
        fmt::print("  {:<4} {:<6} {:>5} {:>11.0f} {:>18.0f} {:>7.2f} {:>23.0f}\n", c.language, c.length,
                   c.text.size(), k * 1000, r * 1000, r > 0 ? k / r : 0.0, w * 1000);
    }
    if (!ok) fmt::print(stderr, "bench_read_aloud: no sound reached the device\n");
    return ok ? 0 : 1;
}
