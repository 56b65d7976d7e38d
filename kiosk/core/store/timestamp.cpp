#include "store/timestamp.h"

#include <charconv>
#include <ctime>

#include <fmt/format.h>

namespace kiosk {

namespace {
// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil):
// no time zone, no locale, valid for any year the kiosk will see.
long long DaysFromCivil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

// February 29 only in leap years, day 31 only in the months that have one.
int DaysInMonth(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ReadDigits(std::string_view text, size_t pos, size_t count, int& out) {
    if (pos + count > text.size()) return false;
    for (size_t i = pos; i < pos + count; i++)
        if (text[i] < '0' || text[i] > '9') return false;
    std::from_chars(text.data() + pos, text.data() + pos + count, out);
    return true;
}
} // namespace

std::string FormatUtcMillis(long long unix_ms) {
    long long seconds = unix_ms / 1000, millis = unix_ms % 1000;
    if (millis < 0) {
        millis += 1000;
        seconds -= 1;
    }
    const time_t t = (time_t)seconds;
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
}

std::optional<long long> ParseUtcMillis(std::string_view text) {
    // 2026-11-18T10:13:20.123Z
    if (text.size() != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != '.' || text[23] != 'Z')
        return std::nullopt;
    int year, month, day, hour, minute, second, millis;
    if (!ReadDigits(text, 0, 4, year) || !ReadDigits(text, 5, 2, month) || !ReadDigits(text, 8, 2, day) ||
        !ReadDigits(text, 11, 2, hour) || !ReadDigits(text, 14, 2, minute) ||
        !ReadDigits(text, 17, 2, second) || !ReadDigits(text, 20, 3, millis))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 ||
        second > 60)
        return std::nullopt;
    const long long days = DaysFromCivil(year, (unsigned)month, (unsigned)day);
    return ((days * 24 + hour) * 60 + minute) * 60'000LL + second * 1000LL + millis;
}

std::optional<long long> ParseIsoDate(std::string_view text) {
    int year, month, day;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadDigits(text, 0, 4, year) ||
        !ReadDigits(text, 5, 2, month) || !ReadDigits(text, 8, 2, day) || month < 1 || month > 12 ||
        day < 1 || day > DaysInMonth(year, month))
        return std::nullopt;
    return DaysFromCivil(year, (unsigned)month, (unsigned)day);
}

} // namespace kiosk
