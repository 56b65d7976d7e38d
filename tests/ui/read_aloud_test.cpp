// Read-aloud driven through the screens: the speaker button, its volume, when speech stops,
// and the sound that reaches SDL's audio device (the `disk` driver writes it to a file).
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>

#include "platform/speech/speech_player.h"
#include "platform/speech/speech_render.h"
#include "read_aloud/read_aloud_controls.h"
#include "survey_kiosk.h"
#include "test_paths.h"

using namespace kiosk;
using test::SurveyKiosk;

namespace {

// SDL's disk audio driver: what the kiosk plays lands in `file` (raw samples, real time).
std::filesystem::path UseDiskAudio(const std::string& name) {
    const auto file = test::ScratchDir(name) / "audio.raw";
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
    return file;
}

// The loudest 16-bit sample written to `file` so far.
int PeakInFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return PeakOf(reinterpret_cast<const int16_t*>(bytes.data()), bytes.size() / 2);
}

// Renders frames (real time passing, the manual clock still) until `done`, at most `seconds`.
template <typename Done>
bool FramesUntil(SurveyKiosk& kiosk, Done done, double seconds = 10) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        kiosk.Driver().Frames(1);
    }
    return true;
}

void OpenHome(SurveyKiosk& kiosk) {
    kiosk.Driver().Frames(2);
    kiosk.Driver().Tap(500, 500);
    REQUIRE(kiosk.CurrentScreen() == Screen::Home);
}

// A mono 16-bit WAV file of `samples` at `rate`.
void WriteWav(const std::filesystem::path& file, const std::vector<int16_t>& samples, int rate) {
    std::ofstream out(file, std::ios::binary);
    auto u32 = [&](uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    auto u16 = [&](uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
    const uint32_t bytes = (uint32_t)samples.size() * 2;
    out.write("RIFF", 4);
    u32(36 + bytes);
    out.write("WAVEfmt ", 8);
    u32(16), u16(1), u16(1), u32(rate), u32(rate * 2), u16(2), u16(16);
    out.write("data", 4);
    u32(bytes);
    out.write(reinterpret_cast<const char*>(samples.data()), bytes);
}

std::vector<int16_t> Tone(size_t count) {
    std::vector<int16_t> samples(count);
    for (size_t i = 0; i < count; i++)
        samples[i] = (int16_t)((i / 25) % 2 ? 8000 : -8000); // a 441 Hz square wave
    return samples;
}

} // namespace

TEST_CASE("a recorded file takes precedence over synthesis, and an unreadable one falls back to it") {
    const auto dir = test::ScratchDir("read-aloud-recording");
    const std::vector<int16_t> tone = Tone(11025);
    WriteWav(dir / "bonjour.wav", tone, 22050);
    std::ofstream(dir / "broken.wav") << "not a wav file";
    RecordingIndex index;
    index.Add("fr", "Bonjour à tous", dir / "bonjour.wav");
    index.Add("fr", "Au revoir", dir / "broken.wav");

    auto render = [&](std::string text, std::string language) {
        std::vector<int16_t> out;
        SpeechRequest request{language, language, {std::move(text)}};
        CHECK(RenderSpeech(request, index, {}, [&](const int16_t* samples, size_t count) {
            out.insert(out.end(), samples, samples + count);
            return true;
        }));
        return out;
    };
    CHECK(render("Bonjour  à\ntous", "fr") == tone);
    // Another language's text is synthesised, as is a recording SDL cannot read.
    const std::vector<int16_t> english = render("Bonjour à tous", "en");
    CHECK(english != tone);
    CHECK(PeakOf(english.data(), english.size()) > 1000);
    const std::vector<int16_t> fallback = render("Au revoir", "fr");
    CHECK(PeakOf(fallback.data(), fallback.size()) > 1000);
}

TEST_CASE("the speaker button plays the screen through SDL's audio device, and a second tap stops it") {
    const auto file = UseDiskAudio("read-aloud-disk");
    SurveyKiosk kiosk("read-aloud-disk");
    OpenHome(kiosk);
    App& app = kiosk.GetApp();
    CHECK_FALSE(std::filesystem::exists(file)); // no device until asked
    kiosk.Tap("read_aloud.play");
    // What it reads: home's texts in order, the tiles among them.
    const auto& said = app.speech_script.pieces;
    CHECK(std::find(said.begin(), said.end(), app.Tr("home.plans.title")) != said.end());
    CHECK(std::find(said.begin(), said.end(), app.Tr("read_aloud.listen")) == said.end()); // no button
    REQUIRE(FramesUntil(kiosk, [&] { return app.speech->Speaking(); }));
    CHECK(FramesUntil(kiosk, [&] { return PeakInFile(file) > 1000; }));
    REQUIRE(app.speech->LastLatencySeconds());
    CHECK(*app.speech->LastLatencySeconds() < 1.0);
    kiosk.Tap("read_aloud.play"); // now « Silence »
    CHECK_FALSE(app.speech->Speaking());
}

TEST_CASE("speech stops when the visitor goes to another screen or page") {
    UseDiskAudio("read-aloud-navigation");
    SurveyKiosk kiosk("read-aloud-navigation");
    OpenHome(kiosk);
    App& app = kiosk.GetApp();
    kiosk.Tap("read_aloud.play");
    REQUIRE(FramesUntil(kiosk, [&] { return app.speech->Speaking(); }));
    kiosk.Tap("home.plans");
    REQUIRE(kiosk.CurrentScreen() == Screen::Plans);
    CHECK_FALSE(app.speech->Speaking());

    // A survey's next question is a new page of the same route.
    kiosk.StartSurvey("usages-espaces-publics");
    kiosk.Tap("read_aloud.play");
    REQUIRE(FramesUntil(kiosk, [&] { return app.speech->Speaking(); }));
    kiosk.Tap("option:chaque-jour");
    CHECK(app.speech->Speaking()); // answering is not leaving
    kiosk.Tap("survey.next");
    kiosk.Driver().Frames(2);
    CHECK_FALSE(app.speech->Speaking());
}

TEST_CASE("a survey question is read with its options numbered") {
    SurveyKiosk kiosk("read-aloud-options");
    kiosk.Driver().Frames(2);
    kiosk.StartSurvey("usages-espaces-publics");
    kiosk.Driver().Frames(1);
    const App& app = kiosk.GetApp();
    const auto& said = app.speech_script.pieces;
    const auto question = std::find(
        said.begin(), said.end(), app.Text(app.data.FindSurvey("usages-espaces-publics")->questions[0].text));
    INFO(fmt::format("{}", fmt::join(said, " | ")));
    const auto first = std::find(said.begin(), said.end(), "Réponse 1\u202f:");
    REQUIRE(first != said.end());
    CHECK(question < first);
    CHECK(*(first + 1) == "Tous les jours");
    const auto second = std::find(said.begin(), said.end(), "Réponse 2\u202f:");
    REQUIRE(second != said.end());
    CHECK(*(second + 1) == "Plusieurs fois par semaine");
}

TEST_CASE(
    "the visitor's volume spans 24 dB around the staff's default and returns to it at the end of the visit") {
    SurveyKiosk kiosk("read-aloud-volume", [](KioskData& data) { data.config.read_aloud.volume_db = -6; });
    OpenHome(kiosk);
    App& app = kiosk.GetApp();
    CHECK(app.speech->VolumeDb() == -6);
    for (int i = 0; i < 6; i++)
        kiosk.Tap("read_aloud.quieter");
    CHECK(app.speech->VolumeDb() == -18);
    for (int i = 0; i < 10; i++)
        kiosk.Tap("read_aloud.louder");
    CHECK(app.speech->VolumeDb() == 6); // -6 + 12: 24 dB from the quietest

    // The idle timeout ends the visit: the next visitor starts at the default, in silence.
    UseDiskAudio("read-aloud-volume");
    kiosk.Tap("read_aloud.play");
    REQUIRE(FramesUntil(kiosk, [&] { return app.speech->Speaking(); }));
    kiosk.Driver().Wait(app.data.config.idle.timeout_seconds + app.data.config.idle.countdown_seconds + 5);
    REQUIRE(kiosk.CurrentScreen() == Screen::Attract);
    CHECK_FALSE(app.speech->Speaking());
    CHECK(app.speech->VolumeDb() == -6);
    CHECK(app.visit.read_aloud.volume_offset_db == 0);
}

TEST_CASE("an unknown voice says nothing and leaves the player free for the next request") {
    const auto file = UseDiskAudio("read-aloud-bad-voice");
    SpeechPlayer player(ReadAloudConfig{}, RecordingIndex{});
    player.Speak({"fr", "xx-no-such-voice", {"Bonjour"}});
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (player.Speaking() && std::chrono::steady_clock::now() < end)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK_FALSE(player.Speaking());
    CHECK_FALSE(player.LastLatencySeconds()); // not a sound
    player.Speak({"fr", "fr", {"Bonjour"}});
    while (!player.LastLatencySeconds() && std::chrono::steady_clock::now() < end + std::chrono::seconds(5))
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(player.LastLatencySeconds());
}
