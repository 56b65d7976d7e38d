// Local times for spreadsheets: the workbook and the excel-fr CSV show a response's times in
// the kiosk's time zone — the machine's (TZ, else /etc/localtime), the one the results and
// the closing report count days and hours in (docs/evaluation.md) — beside the UTC value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct LocalTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0;
};

// A stored UTC timestamp ("2026-11-30T00:53:20.123Z") in the machine's time zone; nothing
// unless the text has the shape the kiosk writes.
std::optional<LocalTime> ToLocalTime(std::string_view utc);
// "2026-11-30 01:53:20": the shape spreadsheets read as a date-time in every locale.
std::string LocalTimeText(const LocalTime& time);

} // namespace kiosk
