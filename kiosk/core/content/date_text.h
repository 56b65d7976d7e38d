// Dates and times as visitors read them, in their language, from the catalogue's patterns
// (assets/i18n/<lang>/dates.toml): "mardi 8 décembre 2026", "18 h 30", "2026 – 2028",
// "Tuesday 8 December 2026", "6:30". Month and weekday names come from the catalogue too,
// so a new language needs no code.
#pragma once

#include <string>
#include <string_view>

#include "content/agenda.h"
#include "content/timeline.h"
#include "i18n/catalog.h"

namespace kiosk {

std::string MonthName(const Catalogs& catalogs, std::string_view language, int month);      // "décembre"
std::string MonthShortName(const Catalogs& catalogs, std::string_view language, int month); // "déc."
std::string WeekdayName(const Catalogs& catalogs, std::string_view language, int weekday);  // 0 = Monday

// "2026", "mars 2027" or "14 mai 2026", following the date's precision.
std::string FormatFuzzyDate(const Catalogs& catalogs, std::string_view language, const FuzzyDate& date);
// "mardi 8 décembre 2026".
std::string FormatFullDate(const Catalogs& catalogs, std::string_view language, const CivilDate& date);
// "18 h 30" / "18:30".
std::string FormatClock(const Catalogs& catalogs, std::string_view language, int minute_of_day);

// A phase's period: the file's own wording if any, else "2026 – 2028", "2026" (same
// span), "depuis 2024" (open-ended, started) or "à partir de 2027" (open-ended, to come).
std::string FormatPeriod(const Catalogs& catalogs, std::string_view language, const Phase& phase,
                         const CivilDate& today);
// An event's hours: "18 h 30 – 20 h 30", "18 h 30", or "" when no time is given.
std::string FormatEventHours(const Catalogs& catalogs, std::string_view language, const AgendaEvent& event);

} // namespace kiosk
