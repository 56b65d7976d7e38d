// The stored timestamps' parser (store/timestamp.h), which `kiosk-sync export --since` and
// the store's checks of a response use: a date that does not exist is refused.
#include <catch2/catch.hpp>

#include "store/timestamp.h"

using namespace kiosk;

TEST_CASE("timestamps name days that exist: day 31 only in long months, February 29 only in leap years") {
    auto valid = [](const char* date) {
        return ParseUtcMillis(std::string(date) + "T00:00:00.000Z").has_value();
    };
    for (const char* day : {"2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31",
                            "2026-10-31", "2026-12-31", "2026-04-30", "2026-02-28"})
        CHECK(valid(day));
    for (const char* day :
         {"2026-02-31", "2026-02-30", "2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31", "2026-02-29",
          "2026-01-32", "2026-01-00", "2026-00-10", "2026-13-01"}) {
        INFO(day);
        CHECK_FALSE(valid(day));
    }
    // Leap years: every 4th, but not centuries, except every 400th.
    CHECK(valid("2024-02-29"));
    CHECK(valid("2028-02-29"));
    CHECK(valid("2000-02-29"));
    CHECK_FALSE(valid("1900-02-29"));
    CHECK_FALSE(valid("2100-02-29"));
    CHECK_FALSE(valid("2027-02-29"));
    // The day after February 29 is March 1.
    CHECK(*ParseUtcMillis("2028-03-01T00:00:00.000Z") - *ParseUtcMillis("2028-02-29T00:00:00.000Z") ==
          86'400'000);
    CHECK(FormatUtcMillis(*ParseUtcMillis("2024-02-29T23:59:59.999Z")) == "2024-02-29T23:59:59.999Z");
}
