#include "content/fuzzy_date.h"

#include <charconv>

namespace kiosk {

namespace {
std::optional<int> ParseDigits(std::string_view text, size_t count) {
    if (text.size() != count) return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}
} // namespace

bool IsValidDate(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= DaysInMonth(year, month);
}

int DaysInMonth(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days.
long long DaysFromCivil(const CivilDate& date) {
    const int y = date.year - (date.month <= 2);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (unsigned)(date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (long long)era * 146097 + (long long)doe - 719468;
}

CivilDate CivilFromDays(long long days) {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = (unsigned)(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const int day = (int)(doy - (153 * mp + 2) / 5 + 1);
    const int month = (int)(mp < 10 ? mp + 3 : mp - 9);
    const int year = (int)((long long)yoe + era * 400) + (month <= 2);
    return {year, month, day};
}

int Weekday(const CivilDate& date) {
    const long long days = DaysFromCivil(date); // 1970-01-01 was a Thursday (3)
    return (int)(((days % 7) + 7 + 3) % 7);
}

CivilDate FuzzyDate::FirstDay() const {
    return {year, month ? month : 1, day ? day : 1};
}

CivilDate FuzzyDate::LastDay() const {
    if (day) return {year, month, day};
    if (month) return {year, month, DaysInMonth(year, month)};
    return {year, 12, 31};
}

std::optional<FuzzyDate> ParseFuzzyDate(std::string_view text) {
    FuzzyDate date;
    std::optional<int> year = ParseDigits(text.substr(0, 4), 4);
    if (!year || *year < 1) return std::nullopt;
    date.year = *year;
    if (text.size() == 4) return date;
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    std::optional<int> month = ParseDigits(text.substr(5, 2), 2);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    date.month = *month;
    if (text.size() == 7) return date;
    if (text.size() != 10 || text[7] != '-') return std::nullopt;
    std::optional<int> day = ParseDigits(text.substr(8, 2), 2);
    if (!day || !IsValidDate(date.year, date.month, *day)) return std::nullopt;
    date.day = *day;
    return date;
}

} // namespace kiosk
