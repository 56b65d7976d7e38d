#include "config/opening_hours.h"

#include <algorithm>
#include <charconv>
#include <ctime>

namespace kiosk {

bool OpeningHours::IsOpen(const LocalMoment& moment) const {
    if (always_open) return true;
    if (std::find(closed_dates.begin(), closed_dates.end(), moment.date) != closed_dates.end()) return false;
    for (const OpenInterval& interval : week[moment.weekday])
        if (moment.minute_of_day >= interval.start_minute && moment.minute_of_day < interval.end_minute)
            return true;
    return false;
}

int OpeningHours::MinutesUntilChange(const LocalMoment& moment) const {
    int next = 24 * 60; // midnight: the day's intervals (or a closed date) change
    if (!always_open) {
        for (const OpenInterval& interval : week[moment.weekday]) {
            if (interval.start_minute > moment.minute_of_day) next = std::min(next, interval.start_minute);
            if (interval.end_minute > moment.minute_of_day) next = std::min(next, interval.end_minute);
        }
    }
    return std::max(1, next - moment.minute_of_day);
}

namespace {
std::optional<int> ParseClock(std::string_view text) {
    // "HH:MM", two digits each.
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    int hours = 0, minutes = 0;
    if (std::from_chars(text.data(), text.data() + 2, hours).ptr != text.data() + 2 ||
        std::from_chars(text.data() + 3, text.data() + 5, minutes).ptr != text.data() + 5)
        return std::nullopt;
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
    return hours * 60 + minutes;
}
} // namespace

std::optional<OpenInterval> ParseOpenInterval(std::string_view text) {
    size_t dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    std::optional<int> start = ParseClock(text.substr(0, dash));
    std::optional<int> end = ParseClock(text.substr(dash + 1));
    if (!start || !end || *end <= *start) return std::nullopt;
    return OpenInterval{*start, *end};
}

LocalMoment ToLocalMoment(long long unix_seconds) {
    std::time_t t = (std::time_t)unix_seconds;
    std::tm local{};
    localtime_r(&t, &local);
    LocalMoment moment;
    moment.date = {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
    moment.weekday = (local.tm_wday + 6) % 7; // tm_wday: 0 = Sunday
    moment.minute_of_day = local.tm_hour * 60 + local.tm_min;
    return moment;
}

} // namespace kiosk
