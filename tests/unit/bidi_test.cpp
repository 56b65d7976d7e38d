// Arabic through FriBidi: joining forms, lam-alef, and the order of a mixed line.
#include <catch2/catch.hpp>

#include "text/bidi.h"
#include "text/utf8.h"

using namespace kiosk;

namespace {
std::u32string Points(const std::string& utf8) {
    std::u32string out;
    for (char32_t c : DecodeUtf8(utf8))
        out += c;
    return out;
}
} // namespace

TEST_CASE("bidi: an Arabic word takes its joining forms, read from the right") {
    // بيت (house): beh initial, yeh medial, teh final; seen from the left: teh first.
    CHECK(Points(VisualOrderRtl("بيت")) == U"\uFE96\uFEF4\uFE91");
    // لا alone is one ligature (lam-alef isolated), and FriBidi's filler is dropped.
    CHECK(Points(VisualOrderRtl("لا")) == U"\uFEFB");
    // سلام: sin initial, lam-alef final ligature, mim isolated (alef does not join on).
    CHECK(Points(VisualOrderRtl("سلام")) == U"\uFEE1\uFEFC\uFEB3");
}

TEST_CASE("bidi: a mixed Arabic, Latin and digits line in display order") {
    // Logical: "بيت 12 ABC". In a right-to-left paragraph the Arabic word is rightmost; the
    // number after it reads left to right, and so does the Latin word after that.
    CHECK(Points(VisualOrderRtl("بيت 12 ABC")) == U"ABC 12 \uFE96\uFEF4\uFE91");
    // A year inside an Arabic sentence keeps its digits' order.
    CHECK(Points(VisualOrderRtl("في 2026")) == U"2026 \uFEF2\uFED3");
    // Brackets are mirrored in a right-to-left run: "(بيت)" shows ")…(" as "(" on the right.
    CHECK(Points(VisualOrderRtl("(بيت)")) == U"(\uFE96\uFEF4\uFE91)");
}

TEST_CASE("bidi: the mirrored draw order is the visual order reversed, line by line") {
    // Digits reversed too: the mirror turns them back.
    CHECK(Points(MirroredDrawOrder("بيت 12 ABC")) == U"\uFE91\uFEF4\uFE96 21 CBA");
    // Each line on its own: the first line stays first.
    CHECK(Points(MirroredDrawOrder("بيت\nABC")) == U"\uFE91\uFEF4\uFE96\nCBA");
    // Latin-only text reversed is what the mirror turns back.
    CHECK(MirroredDrawOrder("abc") == "cba");
    CHECK(MirroredDrawOrder("") == "");
}

TEST_CASE("bidi: which texts need it") {
    CHECK(HasRtlLetters("Bonjour بيت"));
    CHECK(HasRtlLetters("שלום"));
    CHECK_FALSE(HasRtlLetters("Œuvre à 12 € « oui »"));
    CHECK_FALSE(HasRtlLetters(""));
    // Invalid bytes are replaced, not read past.
    CHECK_FALSE(HasRtlLetters(std::string("\xD8", 1)));
}
