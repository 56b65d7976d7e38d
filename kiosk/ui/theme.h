// Theme: sizes and colours for fingers and eyes, scaled with the display.
//
// Sizes are given for a 1920×1080 screen and multiplied by Metrics::scale (the smaller of
// width/1920 and height/1080, times display.scale from the configuration), so a layout that
// fits 1080p fits every screen of another size and aspect.
#pragma once

#include <cstdint>

#include <imgui.h>

#include "palette.h"

namespace kiosk {

struct Metrics {
    float scale = 1.0f;
    float width = 1920, height = 1080; // display size in window coordinates

    // Font sizes (px)
    float font_small = 0, font_body = 0, font_title = 0, font_huge = 0;
    // Layout (px)
    float target = 0; // smallest touch target: ≥ 70 px at 1080p (≈ 9 mm on a 24" screen)
    float gap = 0;    // space between targets, so a thumb cannot hit two
    float margin = 0; // screen edge margin
    float radius = 0; // corner radius
    float bar = 0;    // height of the top bar (back / home)

    float Px(float px_at_1080p) const { return px_at_1080p * scale; }
};

Metrics ComputeMetrics(float width, float height, double user_scale);
void ApplyTheme(ImGuiStyle& style, const Metrics& metrics);

// 0xRRGGBB → ImGui colours, in the current contrast (palette.h: a palette colour becomes
// its high-contrast value while high contrast is on).
inline ImU32 Rgb(uint32_t rgb, float alpha = 1.0f) {
    rgb = palette::Displayed(rgb);
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, (int)(alpha * 255.0f + 0.5f));
}
inline ImVec4 RgbV(uint32_t rgb, float alpha = 1.0f) {
    rgb = palette::Displayed(rgb);
    return ImVec4(((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f, alpha);
}
// A darker (factor < 1) or lighter (factor > 1) variant, for pressed and hovered states, of
// the colour as displayed in the current contrast.
uint32_t Shade(uint32_t rgb, float factor);

} // namespace kiosk
