#include "staff/staff_widgets.h"

#include <algorithm>
#include <cfloat>

#include <fmt/format.h>

#include "content/fuzzy_date.h"
#include "widgets.h"

namespace kiosk {

// A row of choices wrapped to `width` from (x, y), the selected ones filled; `y` moves below
// it, `end_x` (when given) gets the right edge of the last button. Returns the index tapped,
// or -1.
int ChoiceButtons(App& app, const char* id, const std::vector<Choice>& choices, float x, float width,
                  float min_w, float& y, float* end_x) {
    const Metrics& m = app.metrics;
    int tapped = -1;
    float cx = x;
    ImGui::PushID(id);
    for (size_t i = 0; i < choices.size(); i++) {
        const Choice& choice = choices[i];
        ButtonStyle style{.fill = palette::kPrimary, .text = palette::kTextOnDark, .icon = Icon::Check};
        if (!choice.selected) style = {.fill = palette::kSurface, .text = palette::kText, .outline = true};
        const float w = std::min(std::max(TouchButtonSize(app, choice.label, style).x, min_w), width);
        if (cx > x && cx + w > x + width) {
            cx = x;
            y += m.target + m.gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(cx, y));
        ImGui::PushID((int)i);
        if (TouchButton(app, "##choice", choice.label, ImVec2(w, m.target), style)) tapped = (int)i;
        ImGui::PopID();
        app.targets.Name(choice.target);
        cx += w + m.gap;
    }
    ImGui::PopID();
    if (end_x) *end_x = cx;
    y += m.target + m.gap;
    return tapped;
}

std::string PeriodStart(const App& app, ResultsPeriod period) {
    int days = 0;
    switch (period) {
    case ResultsPeriod::All: return {};
    case ResultsPeriod::Today: days = 1; break;
    case ResultsPeriod::Last7Days: days = 7; break;
    case ResultsPeriod::Last30Days: days = 30; break;
    }
    const CivilDate from = CivilFromDays(DaysFromCivil(ToLocalMoment(app.wall_now).date) - (days - 1));
    return fmt::format("{:04}-{:02}-{:02}", from.year, from.month, from.day);
}

std::string DecimalText(const App& app, double value) {
    std::string text = fmt::format("{:.1f}", value);
    // Easy-to-read French writes numbers as French does.
    if (app.data.config.languages.Base(app.nav.Language()) == "fr")
        std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

void DrawTextAt(ImFont* font, uint32_t color, ImVec2 pos, std::string_view text) {
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, Rgb(color), text.data(),
                                        text.data() + text.size());
}

float TextWidth(ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

void ChartBar(App& app, float x, float width, std::string_view label, double fraction, std::string_view value,
              uint32_t color, float value_width) {
    const Metrics& m = app.metrics;
    ImFont* font = app.fonts.body;
    const float row = font->FontSize + m.Px(14);
    const float y = ImGui::GetCursorScreenPos().y;
    const float label_w = width * 0.32f;
    // The value is never cut: a long one ("67 % · quartier 20 %") takes room from the track.
    const float value_w =
        std::max({m.Px(220), value_width, TextWidth(app.fonts.body_bold, value) + m.Px(12)});
    const float track_x = x + label_w + m.Px(12);
    const float track_w = std::max(m.Px(40), width - label_w - value_w - m.Px(24));
    ImGui::PushClipRect(ImVec2(x, y), ImVec2(x + label_w, y + row), true);
    DrawTextAt(font, palette::kText, ImVec2(x, y + m.Px(7)), label);
    ImGui::PopClipRect();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(track_x, y + m.Px(4)), ImVec2(track_x + track_w, y + row - m.Px(4)),
                        Rgb(palette::kSurfaceAlt), m.Px(4));
    const float filled = track_w * (float)std::clamp(fraction, 0.0, 1.0);
    if (filled > 0)
        draw->AddRectFilled(ImVec2(track_x, y + m.Px(4)), ImVec2(track_x + filled, y + row - m.Px(4)),
                            Rgb(color), m.Px(4));
    DrawTextAt(app.fonts.body_bold, palette::kText, ImVec2(track_x + track_w + m.Px(12), y + m.Px(7)), value);
    ImGui::SetCursorScreenPos(ImVec2(x, y + row + m.Px(6)));
}

void ChartLine(App& app, float x, std::string_view text, uint32_t color) {
    const float y = ImGui::GetCursorScreenPos().y;
    DrawTextAt(app.fonts.small, color, ImVec2(x, y), text);
    ImGui::SetCursorScreenPos(ImVec2(x, y + app.fonts.small->FontSize + app.metrics.Px(8)));
}

} // namespace kiosk
