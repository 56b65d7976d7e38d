#include <catch2/catch.hpp>

#include "config/opening_hours.h"

using namespace kiosk;

TEST_CASE("opening intervals parse only well-formed HH:MM-HH:MM") {
    CHECK(ParseOpenInterval("09:00-12:30")->start_minute == 9 * 60);
    CHECK(ParseOpenInterval("09:00-12:30")->end_minute == 12 * 60 + 30);
    CHECK(ParseOpenInterval("13:30-24:00")->end_minute == 24 * 60);
    CHECK_FALSE(ParseOpenInterval("9:00-12:00"));
    CHECK_FALSE(ParseOpenInterval("09:00-09:00"));
    CHECK_FALSE(ParseOpenInterval("18:00-09:00"));
    CHECK_FALSE(ParseOpenInterval("09:60-10:00"));
    CHECK_FALSE(ParseOpenInterval("24:30-25:00"));
    CHECK_FALSE(ParseOpenInterval("0900-1200"));
    CHECK_FALSE(ParseOpenInterval(""));
}

TEST_CASE("IsOpen follows the week, the intervals and the closed dates") {
    OpeningHours hours;
    hours.always_open = false;
    hours.week[0] = {{9 * 60, 12 * 60 + 30}, {13 * 60 + 30, 18 * 60}}; // Monday
    hours.closed_dates = {{2026, 12, 28}};
    LocalMoment monday{{2026, 11, 23}, 0, 10 * 60};
    CHECK(hours.IsOpen(monday));
    monday.minute_of_day = 12 * 60 + 45; // lunch break
    CHECK_FALSE(hours.IsOpen(monday));
    monday.minute_of_day = 18 * 60; // closing minute is excluded
    CHECK_FALSE(hours.IsOpen(monday));
    LocalMoment sunday{{2026, 11, 29}, 6, 10 * 60};
    CHECK_FALSE(hours.IsOpen(sunday));
    LocalMoment holiday{{2026, 12, 28}, 0, 10 * 60};
    CHECK_FALSE(hours.IsOpen(holiday));
    OpeningHours always;
    CHECK(always.IsOpen(sunday));
}

TEST_CASE("MinutesUntilChange points at the next opening or closing") {
    OpeningHours hours;
    hours.always_open = false;
    hours.week[0] = {{9 * 60, 12 * 60}};
    CHECK(hours.MinutesUntilChange({{2026, 11, 23}, 0, 8 * 60}) == 60);
    CHECK(hours.MinutesUntilChange({{2026, 11, 23}, 0, 11 * 60 + 59}) == 1);
    CHECK(hours.MinutesUntilChange({{2026, 11, 23}, 0, 13 * 60}) == 11 * 60); // until midnight
}
