// Every text/background pair the screens use meets WCAG 2.x AA (4.5:1 for text, 3:1 for
// the outlines of controls), including the hovered and pressed shades of buttons.
#include <catch2/catch.hpp>

#include "palette.h"
#include "theme.h"

using namespace kiosk;
using namespace kiosk::palette;

TEST_CASE("the contrast formula matches WCAG's reference values") {
    CHECK(ContrastRatio(0x000000, 0xFFFFFF) == Approx(21.0));
    CHECK(ContrastRatio(0x777777, 0xFFFFFF) == Approx(4.48).epsilon(0.01));
    CHECK(ContrastRatio(0x123456, 0x123456) == Approx(1.0));
}

TEST_CASE("text colours reach AA contrast on their backgrounds") {
    struct Pair {
        const char* what;
        uint32_t text, background;
    };
    const Pair pairs[] = {
        {"body text", kText, kBackground},
        {"muted text", kTextMuted, kBackground},
        {"text on cards", kText, kSurface},
        {"muted text on cards", kTextMuted, kSurface},
        {"text on selected surfaces", kText, kSurfaceAlt},
        {"titles in primary", kPrimary, kBackground},
        {"warnings", kWarning, kSurface},
        {"errors", kDanger, kSurface},
        {"attract invitation", kTextOnDark, kAttractBackground},
        {"attract place name", kAttractAccent, kAttractBackground},
        {"attract other languages", kAttractTextSecondary, kAttractBackground},
    };
    for (const Pair& p : pairs) {
        INFO(p.what);
        CHECK(ContrastRatio(p.text, p.background) >= 4.5);
    }
}

TEST_CASE("white labels stay readable on every coloured button, hovered and pressed") {
    for (uint32_t fill : {kPrimary, kPrimaryHover, kTimeline, kOpinion, kAgenda, kDanger, kDone}) {
        for (float shade : {1.0f, 0.88f, 0.78f}) {
            INFO(std::hex << fill << " shade " << shade);
            CHECK(ContrastRatio(kTextOnDark, Shade(fill, shade)) >= 4.5);
        }
    }
}

TEST_CASE("control outlines are distinguishable from the background (3:1)") {
    CHECK(ContrastRatio(kBorder, kBackground) >= 3.0);
    CHECK(ContrastRatio(kBorder, kSurface) >= 3.0);
}
