// Number: the typed number in a large box with its unit and the accepted range, next to
// the numeric keypad.
#include "keyboard/keyboard_model.h"
#include "palette.h"
#include "question_screens.h"
#include "widgets.h"

namespace kiosk {

bool DrawNumberQuestion(App& app, QuestionContext& q) {
    const Metrics& m = app.metrics;
    OnScreenKeyboard& keypad = q.visit.keyboard;
    if (!keypad.model.Valid()) return false;
    const KeyboardLayout& layout = keypad.model.Layout();
    const float rows = (float)layout.MaxRows();
    const float key_h = std::clamp((q.area.Height() - m.gap * (rows - 1)) / rows, m.target, m.Px(120));
    const float pad_h = KeyboardHeight(app, layout, key_h);
    const float pad_w = std::min(m.Px(620), q.area.Width() * 0.45f);
    const ImVec2 pad_pos(q.area.max.x - pad_w, q.area.min.y + (q.area.Height() - pad_h) * 0.5f);

    // The display: the number (or an invitation), its unit, the range.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float box_w = std::min(m.Px(760), pad_pos.x - m.gap * 2 - q.area.min.x);
    const float box_h = app.fonts.huge->FontSize + m.Px(60);
    const ImVec2 box_min(q.area.min.x + (pad_pos.x - m.gap * 2 - q.area.min.x - box_w) * 0.5f,
                         q.area.min.y + (q.area.Height() - box_h) * 0.4f);
    const ImVec2 box_max(box_min.x + box_w, box_min.y + box_h);
    draw->AddRectFilled(box_min, box_max, Rgb(palette::kSurface), m.radius);
    draw->AddRect(box_min, box_max, Rgb(palette::kPrimary), m.radius, 0, m.Px(3));
    const std::string text = app.Shown(keypad.model.Text()); // digits in order on an Arabic screen
    const std::string& unit = app.Text(q.question.unit);
    float x = box_min.x + m.Px(30);
    if (text.empty()) {
        const std::string& hint = app.Tr("surveys.question.number_placeholder");
        ImFont* font = app.fonts.body;
        draw->AddText(font, font->FontSize, ImVec2(x, (box_min.y + box_max.y - font->FontSize) * 0.5f),
                      Rgb(palette::kTextMuted), hint.c_str());
    } else {
        ImFont* font = app.fonts.huge;
        draw->AddText(font, font->FontSize, ImVec2(x, (box_min.y + box_max.y - font->FontSize) * 0.5f),
                      Rgb(palette::kText), text.c_str());
        x += font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x + m.Px(20);
        if (!unit.empty()) {
            ImFont* unit_font = app.fonts.title;
            draw->AddText(unit_font, unit_font->FontSize,
                          ImVec2(x, (box_min.y + box_max.y - unit_font->FontSize) * 0.5f + m.Px(8)),
                          Rgb(palette::kTextMuted), unit.c_str());
        }
    }
    const std::string range =
        app.Format("surveys.question.number_range", fmt::arg("min", q.question.number_min),
                   fmt::arg("max", q.question.number_max));
    ImGui::SetCursorScreenPos(ImVec2(box_min.x, box_max.y + m.Px(20)));
    CenteredText(range, app.fonts.body, palette::kTextMuted, box_min.x, box_w);

    const bool changed = KeyboardWidget(app, "##keypad", keypad, pad_pos, ImVec2(pad_w, pad_h));
    if (changed) q.answer.number = ParseTypedNumber(keypad.model.Text());
    return changed;
}

} // namespace kiosk
