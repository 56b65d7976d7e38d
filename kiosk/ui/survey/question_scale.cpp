// Scale (1–5, 0–10): one big numbered button per value in a row, the end labels under
// the two ends.
#include <cmath>

#include "palette.h"
#include "question_screens.h"
#include "style_scope.h"
#include "widgets.h"

namespace kiosk {

bool DrawScaleQuestion(App& app, QuestionContext& q) {
    const Metrics& m = app.metrics;
    const int from = q.question.scale_from, to = q.question.scale_to;
    const int count = to - from + 1;
    const float labels_h = app.fonts.body->FontSize * 2.4f + m.Px(16);
    const float button_w = std::min(m.Px(220), (q.area.Width() - m.gap * (float)(count - 1)) / (float)count);
    const float button_h = std::clamp(q.area.Height() - labels_h - m.gap, m.target, m.Px(170));
    const float row_w = button_w * (float)count + m.gap * (float)(count - 1);
    const float x0 = q.area.min.x + (q.area.Width() - row_w) * 0.5f;
    const float y0 = q.area.min.y + std::max(0.0f, (q.area.Height() - button_h - labels_h) * 0.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();

    bool changed = false;
    for (int i = 0; i < count; i++) {
        const int value = from + i;
        const ImVec2 min(x0 + (float)i * (button_w + m.gap), y0), max(min.x + button_w, y0 + button_h);
        const bool selected = q.answer.number && std::lround(*q.answer.number) == value;
        ImGui::SetCursorScreenPos(min);
        StyleScope id;
        id.Id(value);
        const bool tapped = ImGui::InvisibleButton("##value", ImVec2(button_w, button_h));
        RecordTouchTarget(app);
        app.targets.Name(fmt::format("value:{}", value));
        if (tapped) {
            if (selected && !q.question.required)
                q.answer.number.reset();
            else
                q.answer.number = value;
            changed = true;
        }
        uint32_t fill = selected ? palette::kOpinion : palette::kSurface;
        if (ImGui::IsItemActive()) fill = Shade(fill, 0.85f);
        draw->AddRectFilled(min, max, Rgb(fill), m.radius);
        draw->AddRect(min, max, Rgb(selected ? palette::kOpinion : palette::kBorder), m.radius, 0, m.Px(2));
        const std::string label = app.Shown(fmt::format("{}", value)); // "10" on an Arabic screen
        ImFont* font = app.fonts.huge;
        const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str());
        draw->AddText(font, font->FontSize,
                      ImVec2((min.x + max.x - size.x) * 0.5f, (min.y + max.y - size.y) * 0.5f),
                      Rgb(selected ? palette::kTextOnDark : palette::kText), label.c_str());
    }

    // End labels: under the first and the last value, each over half the row at most.
    const float label_y = y0 + button_h + m.Px(16);
    const float half = row_w * 0.5f - m.gap;
    ImGui::SetCursorScreenPos(ImVec2(x0, label_y));
    WrappedText(app.Text(q.question.from_label), app.fonts.body_bold, palette::kTextMuted, half);
    const std::string& right = app.Text(q.question.to_label);
    ImFont* font = app.fonts.body_bold;
    const float right_w = std::min(
        half,
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, right.data(), right.data() + right.size()).x + 1.0f);
    ImGui::SetCursorScreenPos(ImVec2(x0 + row_w - right_w, label_y));
    WrappedText(right, font, palette::kTextMuted, right_w);
    return changed;
}

} // namespace kiosk
