#include "staff/paper_date.h"

#include <algorithm>

#include <fmt/format.h>

#include "content/fuzzy_date.h"

namespace kiosk {

namespace {

constexpr int kMinYear = 2000, kMaxYear = 9999; // four digits, and no typo of a century

CivilDate ClampDay(CivilDate date) {
    date.day = std::clamp(date.day, 1, DaysInMonth(date.year, date.month));
    return date;
}

} // namespace

CivilDate StepDate(const CivilDate& date, DateField field, int delta) {
    CivilDate out = date;
    switch (field) {
    case DateField::Day: out = CivilFromDays(DaysFromCivil(date) + delta); break;
    case DateField::Month: {
        const int months = date.year * 12 + (date.month - 1) + delta;
        out.year = months / 12;
        out.month = months % 12 + 1;
        out = ClampDay(out);
        break;
    }
    case DateField::Year:
        out.year = date.year + delta;
        out = ClampDay(out);
        break;
    }
    if (out.year < kMinYear) return ClampDay(CivilDate{kMinYear, 1, 1});
    if (out.year > kMaxYear) return ClampDay(CivilDate{kMaxYear, 12, 31});
    return out;
}

std::optional<std::string> PaperDateProblem(const CivilDate& date, const CivilDate& today) {
    if (date > today) return "staff.paper.date.future";
    return std::nullopt;
}

std::string IsoDate(const CivilDate& date) {
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

} // namespace kiosk
