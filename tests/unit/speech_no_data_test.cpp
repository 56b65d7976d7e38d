// espeak-ng's data missing: a clear error naming where it looked, never an exit or a crash.
// Its own process: espeak-ng is initialised once per process (speech/espeak_synth.h).
#include <catch2/catch.hpp>

#include "speech/espeak_synth.h"
#include "test_paths.h"

using namespace kiosk;

TEST_CASE("without espeak-ng's data, synthesis fails with a message naming the data, and says so again") {
    const auto empty = test::ScratchDir("speech-no-data");
    Pcm pcm;
    std::string error;
    CHECK_FALSE(SynthesizeToPcm(empty, "Bonjour", "fr", pcm, error));
    INFO(error);
    CHECK_THAT(error, Catch::Contains("espeak-ng") && Catch::Contains(empty.string()));
    CHECK(pcm.samples.empty());
    std::string again;
    CHECK_FALSE(SynthesizeToPcm(empty, "Bonjour", "fr", pcm, again));
    CHECK(again == error);
}
