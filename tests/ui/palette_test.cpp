// Every pair of colours the palette's roles let meet reaches WCAG 2.x AA: 4.5:1 for text,
// 3:1 for outlines of controls and the meaningful parts of pictures; in high contrast (a
// visitor's "Aa") text reaches AAA, 7:1. The pairs come from the
// palette's table (ui/palette.h), so a colour added there cannot escape the check, and
// palette_literals_test.sh makes sure no colour is written anywhere else.
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "palette.h"
#include "theme.h"

using namespace kiosk;
using namespace kiosk::palette;

namespace {

std::string Hex(uint32_t rgb) {
    std::ostringstream out;
    out << std::hex << std::uppercase << rgb;
    return out.str();
}

uint32_t In(const Swatch& swatch, Contrast contrast) {
    return contrast == Contrast::High ? swatch.high_contrast : swatch.rgb;
}

// Checks `ratio` for every swatch having a role in `foreground` against every swatch having
// a role in `background`, in `contrast`; returns how many pairs it checked.
int CheckPairs(uint32_t foreground, uint32_t background, double ratio, float shade = 1.0f,
               Contrast contrast = Contrast::Standard) {
    int pairs = 0;
    for (const Swatch& fg : kSwatches) {
        if (!(fg.roles & foreground)) continue;
        for (const Swatch& bg : kSwatches) {
            if (!(bg.roles & background)) continue;
            const uint32_t fill = shade == 1.0f ? In(bg, contrast) : Shade(In(bg, contrast), shade);
            INFO(fg.name << " (" << Hex(In(fg, contrast)) << ") on " << bg.name << " (" << Hex(fill)
                         << ", shade " << shade << (contrast == Contrast::High ? ", high contrast" : "")
                         << ")");
            CHECK(ContrastRatio(In(fg, contrast), fill) >= ratio);
            ++pairs;
        }
    }
    return pairs;
}

} // namespace

TEST_CASE("the contrast formula matches WCAG's reference values") {
    CHECK(ContrastRatio(0x000000, 0xFFFFFF) == Approx(21.0));
    CHECK(ContrastRatio(0x777777, 0xFFFFFF) == Approx(4.48).epsilon(0.01));
    CHECK(ContrastRatio(0x123456, 0x123456) == Approx(1.0));
}

TEST_CASE("every text colour reaches 4.5:1 on every light surface it can meet") {
    CHECK(CheckPairs(kAsTextOnLight, kAsPage | kAsTextFill, 4.5) >= 10 * 8); // 10 text colours, 8 surfaces
}

TEST_CASE("white labels stay readable on every coloured fill, hovered and pressed") {
    for (float shade : {1.0f, 0.88f, 0.78f})
        CHECK(CheckPairs(kAsTextOnDark, kAsDarkFill, 4.5, shade) >= 13);
}

TEST_CASE("the attract screen's texts reach 4.5:1 on its background") {
    CHECK(CheckPairs(kAsAttractText, kAsAttractSurface, 4.5) == 3);
}

TEST_CASE("control outlines stand out from the pages controls sit on (3:1)") {
    CHECK(CheckPairs(kAsOutline, kAsPage, 3.0) == 2);
}

TEST_CASE("a smiley's eyes and mouth stand out from its face (3:1)") {
    CHECK(CheckPairs(kAsFaceInk, kAsFaceFill, 3.0) == 5);
}

TEST_CASE("every colour in the palette has a role that is checked or is declared an ornament") {
    const uint32_t checked = kAsPage | kAsTextFill | kAsTextOnLight | kAsOutline | kAsDarkFill |
                             kAsTextOnDark | kAsAttractSurface | kAsAttractText | kAsFaceFill | kAsFaceInk;
    for (const Swatch& swatch : kSwatches) {
        INFO(swatch.name);
        CHECK(swatch.roles != 0);
        CHECK(((swatch.roles & checked) != 0) != ((swatch.roles & kAsOrnament) != 0));
    }
}

TEST_CASE("high contrast: every text reaches 7:1 (WCAG AAA) on every surface and fill it can meet") {
    const Contrast high = Contrast::High;
    CHECK(CheckPairs(kAsTextOnLight, kAsPage | kAsTextFill, 7.0, 1.0f, high) >= 10 * 8);
    for (float shade : {1.0f, 0.88f, 0.78f})
        CHECK(CheckPairs(kAsTextOnDark, kAsDarkFill, 7.0, shade, high) >= 13);
    CHECK(CheckPairs(kAsAttractText, kAsAttractSurface, 7.0, 1.0f, high) == 3);
    CHECK(CheckPairs(kAsOutline, kAsPage, 4.5, 1.0f, high) == 2); // outlines: stronger than AA's 3:1
    CHECK(CheckPairs(kAsFaceInk, kAsFaceFill, 3.0, 1.0f, high) == 5);
}

TEST_CASE("high contrast swaps palette colours only, one value for each standard colour") {
    for (const Swatch& a : kSwatches) {
        INFO(a.name);
        CHECK(Displayed(a.rgb, Contrast::Standard) == a.rgb);
        CHECK(Displayed(a.rgb, Contrast::High) == a.high_contrast);
        for (const Swatch& b : kSwatches)
            if (a.rgb == b.rgb) CHECK(a.high_contrast == b.high_contrast);
    }
    CHECK(Displayed(0x123456, Contrast::High) == 0x123456); // not a palette colour: unchanged
    SetContrast(Contrast::High);
    CHECK(Rgb(kText) == IM_COL32(0, 0, 0, 255)); // what screens draw follows the switch
    CHECK(Shade(kBackground, 1.0f) == 0xEEEEEE);
    SetContrast(Contrast::Standard);
    CHECK(Rgb(kText) == IM_COL32(0x1A, 0x1A, 0x1A, 255));
}
