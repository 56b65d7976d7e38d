// Shapes shared by the content loaders, read through TableReader so that every problem is
// reported at its key's file:line:column.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/rect.h"
#include "config/toml_reader.h"
#include "content/fuzzy_date.h"

namespace kiosk {

// An identifier: 1 to 64 lower-case letters, digits, '-' or '_' (it appears in routes and
// in exported data, so keep it plain).
std::optional<std::string> ReadId(TableReader& t, std::string_view key, Need need);
// `[x, y]`: two numbers.
std::optional<Vec2> ReadPoint(TableReader& t, std::string_view key, Need need);
// `[x, y, width, height]`: four numbers, width and height > 0.
std::optional<Rect> ReadArea(TableReader& t, std::string_view key, Need need);
// A date at the precision given: 2026-05-14, "2026-05" or 2026.
std::optional<FuzzyDate> ReadFuzzyDate(TableReader& t, std::string_view key, Need need);
// "18:30" → minutes after midnight.
std::optional<int> ReadClockTime(TableReader& t, std::string_view key, Need need);

// An image file, relative to the content file. A missing or unreadable image is a warning
// (the kiosk shows a placeholder): the path is still returned, `width`/`height` stay 0.
std::optional<std::filesystem::path> ReadImagePath(TableReader& t, std::string_view key, Need need,
                                                   int* width = nullptr, int* height = nullptr);

} // namespace kiosk
