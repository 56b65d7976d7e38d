// Free text: the typed text in a box (its length and the maximum under it) above the
// on-screen keyboard of the visitor's language.
#include "palette.h"
#include "question_screens.h"

namespace kiosk {

bool DrawFreeTextQuestion(App& app, QuestionContext& q) {
    const Metrics& m = app.metrics;
    OnScreenKeyboard& keyboard = q.visit.keyboard;
    if (!keyboard.model.Valid()) return false;
    const KeyboardLayout& layout = keyboard.model.Layout();
    ImFont* font = app.fonts.body_bold;
    // The text box keeps at least two lines and its counter; the keys take the rest, from
    // m.target up to a comfortable size.
    const float box_min = font->FontSize * 1.15f * 2 + m.Px(28) + app.fonts.small->FontSize + m.Px(8);
    const float rows = (float)layout.MaxRows();
    const float key_h =
        std::clamp((q.area.Height() - box_min - m.gap - m.gap * (rows - 1)) / rows, m.target, m.Px(100));
    const float keyboard_h = KeyboardHeight(app, layout, key_h);
    const float box_h = std::max(box_min, q.area.Height() - keyboard_h - m.gap);
    TypedTextBox(app, keyboard.model.Text(), app.Tr("surveys.question.text_placeholder"),
                 (size_t)q.question.max_length, font, q.area.min, ImVec2(q.area.Width(), box_h));
    const bool changed =
        KeyboardWidget(app, "##keyboard", keyboard, ImVec2(q.area.min.x, q.area.max.y - keyboard_h),
                       ImVec2(q.area.Width(), keyboard_h));
    if (changed) q.answer.text = keyboard.model.Text();
    return changed;
}

} // namespace kiosk
