#include "content/date_text.h"

#include <algorithm>

#include <fmt/format.h>

namespace kiosk {

namespace {
// Whole literal keys, one per month and weekday, so that tests/i18n/check_translation_keys.py
// finds each of them in the code (docs/translations.md).
constexpr const char* kMonthKeys[12] = {
    "date.month.m1", "date.month.m2", "date.month.m3", "date.month.m4",  "date.month.m5",  "date.month.m6",
    "date.month.m7", "date.month.m8", "date.month.m9", "date.month.m10", "date.month.m11", "date.month.m12"};
constexpr const char* kMonthShortKeys[12] = {
    "date.month_short.m1", "date.month_short.m2",  "date.month_short.m3",  "date.month_short.m4",
    "date.month_short.m5", "date.month_short.m6",  "date.month_short.m7",  "date.month_short.m8",
    "date.month_short.m9", "date.month_short.m10", "date.month_short.m11", "date.month_short.m12"};
constexpr const char* kWeekdayKeys[7] = {"date.weekday.d1", "date.weekday.d2", "date.weekday.d3",
                                         "date.weekday.d4", "date.weekday.d5", "date.weekday.d6",
                                         "date.weekday.d7"};
} // namespace

std::string MonthName(const Catalogs& catalogs, std::string_view language, int month) {
    return catalogs.Text(language, kMonthKeys[std::clamp(month, 1, 12) - 1]);
}

std::string MonthShortName(const Catalogs& catalogs, std::string_view language, int month) {
    return catalogs.Text(language, kMonthShortKeys[std::clamp(month, 1, 12) - 1]);
}

std::string WeekdayName(const Catalogs& catalogs, std::string_view language, int weekday) {
    return catalogs.Text(language, kWeekdayKeys[std::clamp(weekday, 0, 6)]);
}

namespace {
// "1er" in French, "1" in English: the first of the month has its own form in some languages.
std::string DayNumber(const Catalogs& catalogs, std::string_view language, int day) {
    return day == 1 ? catalogs.Text(language, "date.first_day") : fmt::format("{}", day);
}
} // namespace

std::string FormatFuzzyDate(const Catalogs& catalogs, std::string_view language, const FuzzyDate& date) {
    switch (date.Precision()) {
    case DatePrecision::Year: return catalogs.Format(language, "date.year", fmt::arg("year", date.year));
    case DatePrecision::Month:
        return catalogs.Format(language, "date.month_year",
                               fmt::arg("month", MonthName(catalogs, language, date.month)),
                               fmt::arg("year", date.year));
    case DatePrecision::Day:
        return catalogs.Format(
            language, "date.day_month_year", fmt::arg("day", DayNumber(catalogs, language, date.day)),
            fmt::arg("month", MonthName(catalogs, language, date.month)), fmt::arg("year", date.year));
    }
    return {};
}

std::string FormatFullDate(const Catalogs& catalogs, std::string_view language, const CivilDate& date) {
    return catalogs.Format(
        language, "date.full", fmt::arg("weekday", WeekdayName(catalogs, language, Weekday(date))),
        fmt::arg("day", DayNumber(catalogs, language, date.day)),
        fmt::arg("month", MonthName(catalogs, language, date.month)), fmt::arg("year", date.year));
}

std::string FormatClock(const Catalogs& catalogs, std::string_view language, int minute_of_day) {
    return catalogs.Format(language, "date.time", fmt::arg("hour", minute_of_day / 60),
                           fmt::arg("minute", minute_of_day % 60));
}

std::string FormatPeriod(const Catalogs& catalogs, std::string_view language, const Phase& phase,
                         const CivilDate& today) {
    if (!phase.period.Empty()) return phase.period.Get(language, catalogs.ReferenceLanguage());
    const std::string from = FormatFuzzyDate(catalogs, language, phase.start);
    if (!phase.end) {
        const bool started = !(today < phase.start.FirstDay());
        return catalogs.Format(language, started ? "date.since" : "date.from", fmt::arg("from", from));
    }
    const std::string to = FormatFuzzyDate(catalogs, language, *phase.end);
    if (to == from) return from;
    return catalogs.Format(language, "date.period", fmt::arg("from", from), fmt::arg("to", to));
}

std::string FormatEventHours(const Catalogs& catalogs, std::string_view language, const AgendaEvent& event) {
    if (event.start_minute < 0) return {};
    const std::string from = FormatClock(catalogs, language, event.start_minute);
    if (event.end_minute < 0) return from;
    return catalogs.Format(language, "date.time_range", fmt::arg("from", from),
                           fmt::arg("to", FormatClock(catalogs, language, event.end_minute)));
}

} // namespace kiosk
