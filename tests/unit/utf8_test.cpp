#include <catch2/catch.hpp>

#include "text/utf8.h"

using namespace kiosk;

TEST_CASE("UTF-8 decodes French typography and the euro sign") {
    std::vector<char32_t> cps = DecodeUtf8("Œuvre « 5 € » l’été\u202F!");
    CHECK(cps.front() == U'Œ');
    CHECK(std::count(cps.begin(), cps.end(), U'€') == 1);
    CHECK(std::count(cps.begin(), cps.end(), U'\u202F') == 1);
    CHECK(CountCodePoints("l’été") == 5);
}

TEST_CASE("invalid UTF-8 becomes replacement characters and never overruns") {
    CHECK(DecodeUtf8("\xC3") == std::vector<char32_t>{kReplacementChar});                       // truncated
    CHECK(DecodeUtf8("\xC0\xAF") == std::vector<char32_t>{kReplacementChar, kReplacementChar}); // overlong
    CHECK(DecodeUtf8("\xED\xA0\x80").front() == kReplacementChar);                              // surrogate
    CHECK(DecodeUtf8("a\xFFz") == std::vector<char32_t>{U'a', kReplacementChar, U'z'});
    CHECK_FALSE(IsCleanText("a\xFFz"));
    CHECK_FALSE(IsCleanText(std::string("a\0b", 3)));
    CHECK_FALSE(IsCleanText("bell\x07"));
    CHECK(IsCleanText("ligne 1\nligne 2 — 5 € 🙂"));
}

TEST_CASE("encoding round-trips every plane") {
    for (char32_t c : {U'A', U'é', U'€', U'\u202F', U'😀'}) {
        std::string s = EncodeUtf8(c);
        size_t pos = 0;
        CHECK(DecodeUtf8(s, pos) == c);
        CHECK(pos == s.size());
    }
}

TEST_CASE("backspace removes one whole character") {
    std::string s = "Ça coûte 5 €";
    PopBackCodePoint(s);
    CHECK(s == "Ça coûte 5 ");
    s = "é";
    PopBackCodePoint(s);
    CHECK(s.empty());
    PopBackCodePoint(s); // empty stays empty
    CHECK(s.empty());
}
