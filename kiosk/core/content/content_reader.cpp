#include "content/content_reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "image/image_file.h"

namespace kiosk {

std::optional<std::string> ReadId(TableReader& t, std::string_view key, Need need) {
    std::optional<std::string> id = t.String(key, need);
    if (!id) return std::nullopt;
    const bool valid =
        !id->empty() && id->size() <= 64 && std::all_of(id->begin(), id->end(), [](unsigned char c) {
            return std::islower(c) || std::isdigit(c) || c == '-' || c == '_';
        });
    if (!valid) {
        t.Error(key,
                fmt::format("\"{}\" is not an id: use 1 to 64 lower-case letters, digits, '-' or '_'", *id));
        return std::nullopt;
    }
    return id;
}

namespace {
// An array of exactly `count` numbers, or an error naming the expected shape.
std::optional<std::vector<float>> ReadNumbers(TableReader& t, std::string_view key, Need need, size_t count,
                                              std::string_view shape) {
    const toml::node* node = t.Node(key);
    if (!node) {
        if (need == Need::Required) t.Error(key, "this key is required");
        return std::nullopt;
    }
    const toml::array* array = node->as_array();
    std::vector<float> values;
    if (array && array->size() == count) {
        for (const toml::node& element : *array) {
            if (element.is_integer())
                values.push_back((float)element.as_integer()->get());
            else if (element.is_floating_point())
                values.push_back((float)element.as_floating_point()->get());
        }
    }
    if (values.size() != count ||
        !std::all_of(values.begin(), values.end(), [](float v) { return std::isfinite(v); })) {
        t.Error(key, fmt::format("expected {}", shape));
        return std::nullopt;
    }
    return values;
}
} // namespace

std::optional<Vec2> ReadPoint(TableReader& t, std::string_view key, Need need) {
    std::optional<std::vector<float>> v = ReadNumbers(t, key, need, 2, "two numbers [x, y]");
    if (!v) return std::nullopt;
    return Vec2((*v)[0], (*v)[1]);
}

std::optional<Rect> ReadArea(TableReader& t, std::string_view key, Need need) {
    std::optional<std::vector<float>> v = ReadNumbers(t, key, need, 4, "four numbers [x, y, width, height]");
    if (!v) return std::nullopt;
    if ((*v)[2] <= 0 || (*v)[3] <= 0) {
        t.Error(key, "width and height must be greater than 0");
        return std::nullopt;
    }
    return Rect::FromSize({(*v)[0], (*v)[1]}, {(*v)[2], (*v)[3]});
}

std::optional<FuzzyDate> ReadFuzzyDate(TableReader& t, std::string_view key, Need need) {
    const toml::node* node = t.Node(key);
    if (!node) {
        if (need == Need::Required) t.Error(key, "this key is required");
        return std::nullopt;
    }
    constexpr std::string_view kShape = "a date: 2026-05-14, \"2026-05\" (a month) or 2026 (a year)";
    if (const auto* date = node->as_date()) {
        const toml::date d = date->get();
        return FuzzyDate{d.year, d.month, d.day};
    }
    if (const auto* year = node->as_integer()) {
        if (year->get() < 1900 || year->get() > 2200) {
            t.Error(key, fmt::format("{} is not a plausible year", year->get()));
            return std::nullopt;
        }
        return FuzzyDate{(int)year->get(), 0, 0};
    }
    if (const auto* text = node->as_string()) {
        if (std::optional<FuzzyDate> date = ParseFuzzyDate(text->get())) return date;
        t.Error(key, fmt::format("\"{}\" is not {}", text->get(), kShape));
        return std::nullopt;
    }
    t.Error(key, fmt::format("expected {}, found {}", kShape, TomlTypeName(*node)));
    return std::nullopt;
}

std::optional<int> ReadClockTime(TableReader& t, std::string_view key, Need need) {
    std::optional<std::string> text = t.String(key, need);
    if (!text) return std::nullopt;
    int hour = -1, minute = -1;
    char extra = 0;
    if (text->size() == 5 && std::sscanf(text->c_str(), "%2d:%2d%c", &hour, &minute, &extra) == 2 &&
        hour >= 0 && hour < 24 && minute >= 0 && minute < 60)
        return hour * 60 + minute;
    t.Error(key, fmt::format("\"{}\" is not a time such as \"18:30\"", *text));
    return std::nullopt;
}

std::optional<std::filesystem::path> ReadImagePath(TableReader& t, std::string_view key, Need need,
                                                   int* width, int* height) {
    std::optional<std::filesystem::path> path = t.Path(key, need);
    if (!path) return std::nullopt;
    std::string error;
    if (std::optional<ImageInfo> info = ReadImageInfo(*path, error)) {
        if (width) *width = info->width;
        if (height) *height = info->height;
    } else {
        t.Warning(key, fmt::format("{}: {} (a placeholder will be shown)", path->string(), error));
    }
    return path;
}

} // namespace kiosk
