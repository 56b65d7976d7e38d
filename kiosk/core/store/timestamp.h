// UTC timestamps as stored in responses.db: ISO-8601 with milliseconds and a 'Z'.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// 1795000000123 → "2026-11-18T10:13:20.123Z" (milliseconds since the UNIX epoch, UTC).
std::string FormatUtcMillis(long long unix_ms);
// The inverse, for readers and tests; nothing unless the text has exactly that shape.
std::optional<long long> ParseUtcMillis(std::string_view text);
// "2026-11-18" → days since 1970-01-01; nothing unless a real calendar date of that shape
// (a paper questionnaire's date, results filters).
std::optional<long long> ParseIsoDate(std::string_view text);

} // namespace kiosk
