// FuzzyDate: a date known to the year, the month or the day.
//
// A programme's phases are planned with the precision people actually have: "2026",
// "March 2027", "14 May 2026". Content files write them as a TOML date (2026-05-14), a
// "YYYY-MM" string, or a bare year (2026). A fuzzy date covers a span of days — the whole
// year, the whole month, or one day — which is what "is this phase over?" compares against.
#pragma once

#include <optional>
#include <string_view>

#include "config/opening_hours.h"

namespace kiosk {

enum class DatePrecision { Year, Month, Day };

struct FuzzyDate {
    int year = 0;
    int month = 0; // 1..12; 0 when only the year is known
    int day = 0;   // 1..31; 0 when only the year or the month is known

    DatePrecision Precision() const {
        return day ? DatePrecision::Day : month ? DatePrecision::Month : DatePrecision::Year;
    }
    // First and last days of the span the date covers.
    CivilDate FirstDay() const;
    CivilDate LastDay() const;
    bool operator==(const FuzzyDate&) const = default;
};

// Parses "2026", "2026-03" or "2026-03-14" (a valid calendar date). Nothing when malformed.
std::optional<FuzzyDate> ParseFuzzyDate(std::string_view text);

// Calendar arithmetic (proleptic Gregorian).
bool IsValidDate(int year, int month, int day);
int DaysInMonth(int year, int month);
// Days since 1970-01-01 (negative before), and back.
long long DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(long long days);
// 0 = Monday … 6 = Sunday.
int Weekday(const CivilDate& date);

} // namespace kiosk
