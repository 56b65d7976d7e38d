#include "theme.h"

#include <algorithm>

#include "palette.h"

namespace kiosk {

Metrics ComputeMetrics(float width, float height, double user_scale) {
    Metrics m;
    m.width = width;
    m.height = height;
    m.scale = std::min(width / 1920.0f, height / 1080.0f) * (float)user_scale;
    m.font_small = m.Px(24);
    m.font_body = m.Px(30); // ≥ 28 px body text at 1080p
    m.font_title = m.Px(46);
    m.font_huge = m.Px(76);
    m.target = m.Px(84);
    m.gap = m.Px(28);
    m.margin = m.Px(48);
    m.radius = m.Px(18);
    m.bar = m.Px(110);
    return m;
}

uint32_t Shade(uint32_t rgb, float factor) {
    rgb = palette::Displayed(rgb);
    auto channel = [&](int shift) {
        float c = (float)((rgb >> shift) & 0xFF);
        c = factor < 1.0f ? c * factor : c + (255.0f - c) * (factor - 1.0f);
        return (uint32_t)std::clamp(c, 0.0f, 255.0f);
    };
    return channel(16) << 16 | channel(8) << 8 | channel(0);
}

void ApplyTheme(ImGuiStyle& style, const Metrics& m) {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(m.margin, m.margin);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildRounding = m.radius;
    style.ChildBorderSize = 0;
    style.PopupRounding = m.radius;
    style.FramePadding = ImVec2(m.Px(24), m.Px(18));
    style.FrameRounding = m.radius;
    style.ItemSpacing = ImVec2(m.gap, m.gap);
    style.ItemInnerSpacing = ImVec2(m.Px(14), m.Px(14));
    style.ScrollbarSize = m.Px(10); // a thin position indicator; scrolling is by dragging
    style.ScrollbarRounding = m.Px(5);
    style.GrabMinSize = m.Px(40);
    // A little extra hit area helps fingers; more would make neighbours overlap.
    style.TouchExtraPadding = ImVec2(m.Px(4), m.Px(4));
    style.AntiAliasedLines = true;
    style.AntiAliasedFill = true;

    ImVec4* c = style.Colors;
    using namespace palette;
    c[ImGuiCol_Text] = RgbV(kText);
    c[ImGuiCol_TextDisabled] = RgbV(kTextMuted);
    c[ImGuiCol_WindowBg] = RgbV(kBackground);
    c[ImGuiCol_ChildBg] = RgbV(kBackground, 0.0f);
    c[ImGuiCol_PopupBg] = RgbV(kSurface);
    c[ImGuiCol_Border] = RgbV(kBorder);
    c[ImGuiCol_FrameBg] = RgbV(kSurface);
    c[ImGuiCol_FrameBgHovered] = RgbV(kSurfaceAlt);
    c[ImGuiCol_FrameBgActive] = RgbV(kSurfaceAlt);
    c[ImGuiCol_Button] = RgbV(kPrimary);
    c[ImGuiCol_ButtonHovered] = RgbV(kPrimaryHover);
    c[ImGuiCol_ButtonActive] = RgbV(kPrimaryHover);
    c[ImGuiCol_ScrollbarBg] = RgbV(kBackground, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = RgbV(kBorder, 0.6f);
    c[ImGuiCol_ScrollbarGrabHovered] = RgbV(kBorder, 0.6f);
    c[ImGuiCol_ScrollbarGrabActive] = RgbV(kBorder, 0.8f);
    c[ImGuiCol_ModalWindowDimBg] = RgbV(palette::kScrim, 0.55f);
    c[ImGuiCol_Separator] = RgbV(kBorder, 0.5f);
}

} // namespace kiosk
