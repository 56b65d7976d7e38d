// The timeline strip's geometry (core/view/timeline_strip.h).
#include <catch2/catch.hpp>

#include "view/timeline_strip.h"

using namespace kiosk;

TEST_CASE("the strip scrolls from the first card centred to the last card centred") {
    TimelineStrip s{400, 28, 1800, 9};
    CHECK(s.ContentWidth() == Approx(9 * 400 + 8 * 28));
    CHECK(s.MinScroll() == Approx(200 - 900));
    CHECK(s.MaxScroll() == Approx(8 * 428 + 200 - 900));
    CHECK(s.ClampScroll(-5000) == s.MinScroll());
    CHECK(s.ClampScroll(5000) == s.MaxScroll());
    // Centring a card puts its centre in the middle of the view.
    const float scroll = s.ScrollToCenter(4);
    CHECK(s.CardCenter(4) - scroll == Approx(900));
    CHECK(s.CardLeft(3) == Approx(3 * 428));
    CHECK(s.CardCenter(2.5f) == Approx((s.CardCenter(2) + s.CardCenter(3)) * 0.5f));
}

TEST_CASE("a strip narrower than the view is centred and does not scroll") {
    TimelineStrip s{400, 28, 1800, 2};
    CHECK(s.MinScroll() == Approx(-(1800 - 828) * 0.5f));
    CHECK(s.MaxScroll() == s.MinScroll());
    CHECK(s.ScrollToCenter(1) == s.MinScroll());
}
