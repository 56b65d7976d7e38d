#include "export/local_time.h"

#include <ctime>

#include <fmt/format.h>

#include "store/timestamp.h"

namespace kiosk {

std::optional<LocalTime> ToLocalTime(std::string_view utc) {
    const std::optional<long long> ms = ParseUtcMillis(utc);
    if (!ms) return std::nullopt;
    long long seconds = *ms / 1000;
    if (*ms % 1000 < 0) seconds--; // before 1970: round towards the past
    const std::time_t t = (std::time_t)seconds;
    std::tm local{};
    if (!localtime_r(&t, &local)) return std::nullopt;
    return LocalTime{
        local.tm_year + 1900, local.tm_mon + 1,           local.tm_mday, local.tm_hour, local.tm_min,
        local.tm_sec,         (int)(*ms - seconds * 1000)};
}

std::string LocalTimeText(const LocalTime& t) {
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", t.year, t.month, t.day, t.hour, t.minute,
                       t.second);
}

} // namespace kiosk
