// The date written on a paper questionnaire, as staff set it in the panel's paper entry
// with touch-only steppers (day, month, year: the kiosk has no physical keyboard).
//
// Stepping a day or a month carries into the month or year beside it, as a calendar does
// (the 31st + 1 day is the 1st of the next month); a month or year step keeps the day when
// it exists and otherwise takes the month's last day (31 March − 1 month → 28 or 29
// February). A questionnaire cannot have been filled in after today: a future date is
// refused (the panel says why and starts no entry). Pure: today is passed in.
#pragma once

#include <optional>
#include <string>

#include "config/opening_hours.h"

namespace kiosk {

enum class DateField { Day, Month, Year };

// `date` moved by `delta` units of `field` (see above). Years stay within 2000..9999.
CivilDate StepDate(const CivilDate& date, DateField field, int delta);

// The catalogue key saying why staff may not use `date` as a paper questionnaire's date
// (a future date), or nothing when it is acceptable.
std::optional<std::string> PaperDateProblem(const CivilDate& date, const CivilDate& today);

// "2026-11-28", as Response::paper_date records it.
std::string IsoDate(const CivilDate& date);

} // namespace kiosk
