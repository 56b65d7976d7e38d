// OpeningHours: when the Maison du projet is open, so the screen can dim or blank outside.
//
// A week of intervals ("09:00-12:30") per day plus closed dates (public holidays). A kiosk
// without an [opening_hours] table is always open. Times are local wall-clock times.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct CivilDate {
    int year = 0, month = 0, day = 0; // month and day 1-based
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// A local moment: the calendar date, the weekday (0 = Monday) and the minute of the day.
struct LocalMoment {
    CivilDate date;
    int weekday = 0;
    int minute_of_day = 0;
};

struct OpenInterval {
    int start_minute = 0; // inclusive, minutes after midnight
    int end_minute = 0;   // exclusive; may be 1440 ("24:00")
};

enum class OutsideHours { Dim, Blank };

struct OpeningHours {
    bool always_open = true;
    std::array<std::vector<OpenInterval>, 7> week; // index 0 = Monday
    std::vector<CivilDate> closed_dates;
    OutsideHours outside = OutsideHours::Dim;
    int wake_seconds = 120; // a touch outside hours wakes the kiosk for this long

    bool IsOpen(const LocalMoment& moment) const;
    // Minutes from `moment` until IsOpen() may change (at most to the next midnight), so the
    // event loop can sleep exactly until then.
    int MinutesUntilChange(const LocalMoment& moment) const;
};

// Parses "HH:MM-HH:MM" (end may be 24:00, end after start). Returns nothing when malformed.
std::optional<OpenInterval> ParseOpenInterval(std::string_view text);

// Local moment of a UNIX time in the machine's time zone.
LocalMoment ToLocalMoment(long long unix_seconds);

} // namespace kiosk
