// The touch-target audit every screen test applies to the last frame drawn: each target is
// at least Metrics::target on both sides, lies on the screen, and leaves room for a thumb
// (half a Metrics::gap) to each of its neighbours; and, for a screen whose mounting is
// known, each is within a wheelchair user's reach.
#pragma once

#include <algorithm>
#include <vector>

#include <catch2/catch.hpp>
#include <imgui_internal.h>

#include "app.h"
#include "low_reach.h"

namespace kiosk::test {

// Distance between two rectangles (0 when they touch or overlap).
inline float TargetGap(const App::TouchTarget& a, const App::TouchTarget& b) {
    const float dx = std::max({0.0f, b.min.x - a.max.x, a.min.x - b.max.x});
    const float dy = std::max({0.0f, b.min.y - a.max.y, a.min.y - b.max.y});
    return std::max(dx, dy);
}

inline void CheckTouchTargets(const App& app) {
    const auto& targets = app.touch_targets;
    CHECK(!targets.empty());
    const Metrics& m = app.metrics;
    for (size_t i = 0; i < targets.size(); i++) {
        const App::TouchTarget& t = targets[i];
        INFO("target " << i << " at " << t.min.x << "," << t.min.y << " size " << t.max.x - t.min.x << "x"
                       << t.max.y - t.min.y);
        CHECK(t.max.x - t.min.x >= m.target - 0.5f);
        CHECK(t.max.y - t.min.y >= m.target - 0.5f);
        CHECK((t.min.x >= 0 && t.min.y >= 0 && t.max.x <= m.width && t.max.y <= m.height));
        for (size_t j = i + 1; j < targets.size(); j++)
            CHECK(TargetGap(t, targets[j]) >= m.gap * 0.5f);
    }
}

// Nothing cut off: every button and tile label fits its box (DrawContext::text_overflows),
// and no screen lays anything out below its window's bottom edge (ImGui's content size of each
// top-level window: scrolled areas are child windows and may be taller).
inline void CheckTextFits(const App& app) {
    for (const App::TextOverflow& overflow : app.text_overflows) {
        INFO("\"" << overflow.text << "\" needs " << overflow.text_size.x << "x" << overflow.text_size.y
                  << " in the box " << overflow.box_min.x << "," << overflow.box_min.y << " - "
                  << overflow.box_max.x << "," << overflow.box_max.y);
        CHECK(false);
    }
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
        if (!window->Active || (window->Flags & ImGuiWindowFlags_ChildWindow)) continue;
        INFO("window " << window->Name << " content " << window->ContentSize.x << "x" << window->ContentSize.y
                       << " in " << window->Size.x << "x" << window->Size.y);
        // Height only: the timeline's frieze is wider than the screen on purpose (it is dragged).
        CHECK(window->ContentSize.y <= window->Size.y + 1.0f);
    }
}

// Reach (EN 301 549 §8.3.2.4): given the screen's mounting ([display] bottom_mm, height_mm),
// the targets whose top or bottom edge lies above 1220 mm or below 380 mm from the floor.
// Targets are in the layout's coordinates, the mounting in the window's (ui/low_reach.h).
inline std::vector<App::TouchTarget> TargetsOutOfReach(const App& app) {
    const DisplayConfig& display = app.data.config.display;
    const float window_h = app.window_size.y;
    std::vector<App::TouchTarget> out;
    for (const App::TouchTarget& t : app.touch_targets) {
        const double top = RowHeightMm(display, window_h, app.layout_origin.y + t.min.y);
        const double bottom = RowHeightMm(display, window_h, app.layout_origin.y + t.max.y);
        // Half a millimetre for the rounding of the band to whole pixels.
        if (top > kReachHighestMm + 0.5 || bottom < kReachLowestMm - 0.5) out.push_back(t);
    }
    return out;
}

inline void CheckReach(const App& app) {
    const DisplayConfig& display = app.data.config.display;
    REQUIRE(display.MountingKnown());
    const float window_h = app.window_size.y;
    for (const App::TouchTarget& t : TargetsOutOfReach(app)) {
        INFO("target at " << t.min.x << "," << t.min.y << " (layout) spans "
                          << RowHeightMm(display, window_h, app.layout_origin.y + t.max.y) << "–"
                          << RowHeightMm(display, window_h, app.layout_origin.y + t.min.y)
                          << " mm from the floor");
        CHECK(false);
    }
}

} // namespace kiosk::test
