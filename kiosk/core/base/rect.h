// Rect: an axis-aligned rectangle (screen pixels or plan coordinates), min inclusive.
#pragma once

#include "base/vec2.h"

namespace kiosk {

struct Rect {
    Vec2 min, max;

    constexpr Rect() = default;
    constexpr Rect(Vec2 min_, Vec2 max_) : min(min_), max(max_) {}
    static constexpr Rect FromSize(Vec2 pos, Vec2 size) { return {pos, pos + size}; }

    constexpr float Width() const { return max.x - min.x; }
    constexpr float Height() const { return max.y - min.y; }
    constexpr Vec2 Size() const { return {Width(), Height()}; }
    constexpr Vec2 Center() const { return (min + max) * 0.5f; }
    constexpr bool Contains(Vec2 p) const {
        return p.x >= min.x && p.y >= min.y && p.x < max.x && p.y < max.y;
    }
    constexpr bool Empty() const { return Width() <= 0 || Height() <= 0; }
    constexpr bool operator==(const Rect&) const = default;
};

} // namespace kiosk
