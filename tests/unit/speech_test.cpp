// Read-aloud's synthesis (libespeak-ng, core/speech/) and the index of recordings.
#include <fstream>

#include <catch2/catch.hpp>

#include "speech/espeak_synth.h"
#include "speech/recording_index.h"
#include "test_paths.h"

using namespace kiosk;

namespace {
Pcm Say(std::string_view text, const std::string& voice) {
    Pcm pcm;
    std::string error;
    INFO(error);
    const bool ok = SynthesizeToPcm({}, text, voice, pcm, error);
    INFO(error);
    REQUIRE(ok);
    return pcm;
}
} // namespace

TEST_CASE("espeak-ng synthesises French and English to a buffer that is not silent and grows with the text") {
    struct Case {
        const char* voice;
        const char* short_text;
        const char* long_text;
    };
    for (Case c : {Case{"fr", "Bonjour.",
                        "Bonjour. Voici les plans du quartier des Fauvettes, les étapes du projet et les "
                        "questions sur lesquelles votre avis compte."},
                   Case{"en", "Hello.",
                        "Hello. Here are the plans of the neighbourhood, the steps of the programme and "
                        "the questions on which your opinion counts."}}) {
        INFO(c.voice);
        const Pcm short_pcm = Say(c.short_text, c.voice);
        const Pcm long_pcm = Say(c.long_text, c.voice);
        CHECK(short_pcm.rate == 22050);
        CHECK(short_pcm.Seconds() > 0.2);
        CHECK(PeakOf(short_pcm.samples.data(), short_pcm.samples.size()) > 1000);
        CHECK(PeakOf(long_pcm.samples.data(), long_pcm.samples.size()) > 1000);
        CHECK(long_pcm.Seconds() > short_pcm.Seconds() * 4);
    }
}

TEST_CASE("a sink that refuses more samples stops the synthesis") {
    size_t received = 0;
    std::string error;
    CHECK(Synthesize(
        {}, "Une phrase assez longue pour être rendue en plusieurs morceaux par espeak-ng, bien sûr.", "fr",
        [&](const int16_t*, size_t count) {
            received += count;
            return false;
        },
        error));
    CHECK(received > 0);
    CHECK(received < 22050); // well under the sentence's several seconds
}

TEST_CASE("an unknown voice is an error naming it, and the next synthesis still works") {
    Pcm pcm;
    std::string error;
    CHECK_FALSE(SynthesizeToPcm({}, "Bonjour", "xx-no-such-voice", pcm, error));
    CHECK_THAT(error, Catch::Contains("xx-no-such-voice"));
    CHECK(Say("Bonjour", "fr").samples.size() > 1000);
}

TEST_CASE("the recordings index matches texts whatever their spacing, and names the file of a bad entry") {
    const auto dir = test::ScratchDir("speech-recordings");
    std::ofstream(dir / "plans.wav") << "RIFF";
    std::ofstream(dir / "recordings.toml") << "[[recording]]\n"
                                              "language = \"fr\"\n"
                                              "text = \"Les plans\\ndu  quartier\"\n"
                                              "file = \"plans.wav\"\n"
                                              "\n"
                                              "[[recording]]\n"
                                              "language = \"fr\"\n"
                                              "text = \"Absent\"\n"
                                              "file = \"absent.wav\"\n"
                                              "\n"
                                              "[[recording]]\n"
                                              "language = \"fr\"\n";
    Diagnostics diags;
    const RecordingIndex index = LoadRecordingIndex(dir / "recordings.toml", diags);
    CHECK(index.Size() == 1);
    REQUIRE(index.Find("fr", " Les plans du quartier "));
    CHECK(*index.Find("fr", "Les plans du quartier") == dir / "plans.wav");
    CHECK_FALSE(index.Find("en", "Les plans du quartier"));
    CHECK_FALSE(index.Find("fr", "Absent"));
    REQUIRE(diags.All().size() == 2);
    CHECK_THAT(diags.All()[0].Format(),
               Catch::Contains("recordings.toml:6:") && Catch::Contains("absent.wav"));
    CHECK_THAT(diags.All()[1].Format(),
               Catch::Contains("recordings.toml:11:") && Catch::Contains("language, text and file"));
}
