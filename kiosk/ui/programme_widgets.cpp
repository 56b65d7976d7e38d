#include "programme_widgets.h"

#include <algorithm>

#include <fmt/format.h>

#include "app.h"
#include "icons.h"
#include "palette.h"
#include "widgets.h"

namespace kiosk {

ImVec2 ExampleBadgeSize(const App& app) {
    return ChipSize(app.fonts.small, app.Tr("content.example"), app.metrics);
}

void ExampleBadge(const App& app, ImVec2 top_right) {
    const ImVec2 size = ExampleBadgeSize(app);
    const ImVec2 pos(top_right.x - size.x, top_right.y);
    Chip(pos, app.fonts.small, app.Tr("content.example"), palette::kExampleFill, palette::kWarning,
         app.metrics);
    ImGui::GetWindowDrawList()->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), Rgb(palette::kWarning),
                                        size.y * 0.5f, 0, app.metrics.Px(2));
}

void DrawImagePlaceholder(const App& app, ImVec2 min, ImVec2 max, ImageStatus status, std::string_view text) {
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, Rgb(palette::kSurfaceAlt), m.radius * 0.5f);
    draw->AddRect(min, max, Rgb(palette::kBorder), m.radius * 0.5f, 0, m.Px(2));
    if (text.empty())
        text = app.Tr(status == ImageStatus::Failed ? "content.image_missing" : "content.image_loading");
    const float w = max.x - min.x, h = max.y - min.y;
    const bool large = w > m.Px(500) && h > m.Px(300); // a whole plan's place: read from afar
    ImFont* font = large ? app.fonts.body : app.fonts.small;
    const float wrap = std::max(std::min(w - m.Px(24), m.Px(900)), m.Px(40));
    const ImVec2 text_size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.data(), text.data() + text.size());
    const float icon = std::min({large ? m.Px(110) : m.Px(64), h * 0.4f, w * 0.4f});
    const bool with_icon = h > text_size.y + icon + m.Px(16);
    const float total = text_size.y + (with_icon ? icon + m.Px(10) : 0);
    float y = min.y + (h - total) * 0.5f;
    if (with_icon) {
        DrawIcon(draw, status == ImageStatus::Failed ? Icon::Close : Icon::Plan,
                 ImVec2(min.x + w * 0.5f, y + icon * 0.5f), icon, Rgb(palette::kTextMuted));
        y += icon + m.Px(10);
    }
    if (text_size.y <= h) {
        ImGui::SetCursorScreenPos(ImVec2(min.x + (w - wrap) * 0.5f, y));
        CenteredText(text, font, palette::kTextMuted, min.x + (w - wrap) * 0.5f, wrap);
    }
}

void DrawPicture(App& app, const std::filesystem::path& file, ImageUse use, ImVec2 min, ImVec2 max,
                 bool center) {
    const float w = max.x - min.x, h = max.y - min.y;
    if (w <= 1 || h <= 1) return;
    // Decode at the size it is shown (rounded up to limit the variants kept in memory).
    const int side = std::clamp(((int)std::max(w, h) + 127) / 128 * 128, 128, 2048);
    const PictureView picture = app.images.Picture(file, side, use);
    if (picture.status != ImageStatus::Ready) {
        DrawImagePlaceholder(app, min, max, picture.status);
        return;
    }
    const float scale = std::min(w / (float)picture.width, h / (float)picture.height);
    const ImVec2 size(picture.width * scale, picture.height * scale);
    const ImVec2 p(min.x + (w - size.x) * 0.5f, center ? min.y + (h - size.y) * 0.5f : min.y);
    ImGui::GetWindowDrawList()->AddImage(TextureId(picture.texture), p, ImVec2(p.x + size.x, p.y + size.y));
}

ImVec2 ChipSize(ImFont* font, std::string_view text, const Metrics& m) {
    const ImVec2 t = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size());
    return ImVec2(t.x + m.Px(28), t.y + m.Px(12));
}

ImVec2 Chip(ImVec2 pos, ImFont* font, std::string_view text, uint32_t fill, uint32_t text_color,
            const Metrics& m, bool outline) {
    const ImVec2 size = ChipSize(font, text, m);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    if (outline)
        draw->AddRect(pos, max, Rgb(fill), size.y * 0.5f, 0, m.Px(2));
    else
        draw->AddRectFilled(pos, max, Rgb(fill), size.y * 0.5f);
    draw->AddText(font, font->FontSize, ImVec2(pos.x + m.Px(14), pos.y + m.Px(6)), Rgb(text_color),
                  text.data(), text.data() + text.size());
    return size;
}

void AddTouchTarget(DrawContext& ui, ImVec2 min, ImVec2 max) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
    const ImVec2 a(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
    const ImVec2 b(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    const float target = ui.metrics.target - 0.5f;
    if (b.x - a.x >= target && b.y - a.y >= target) ui.touch_targets.push_back({a, b});
}

float ScrollContentWidth(float width) {
    return width - ImGui::GetStyle().ScrollbarSize * 2.0f;
}

void NumberDisc(const DrawContext& ui, ImVec2 center, float radius, int number, bool selected) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const uint32_t fill = selected ? palette::kAttractAccent : palette::kPrimary;
    const uint32_t text = selected ? palette::kText : palette::kTextOnDark;
    // A white ring (and a dark one when selected) keeps the disc visible on any plan.
    if (selected) draw->AddCircleFilled(center, radius + ui.metrics.Px(6), Rgb(palette::kText));
    draw->AddCircleFilled(center, radius + ui.metrics.Px(3), Rgb(palette::kSurface));
    draw->AddCircleFilled(center, radius, Rgb(fill));
    const std::string label = ui.text_direction.Shown(fmt::format("{}", number)); // "12" on an Arabic screen
    ImFont* font = ui.fonts.body_bold;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str());
    draw->AddText(font, font->FontSize, ImVec2(center.x - size.x * 0.5f, center.y - size.y * 0.5f), Rgb(text),
                  label.c_str());
}

} // namespace kiosk
