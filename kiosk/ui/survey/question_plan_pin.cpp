// Plan pin: the visitor taps places on a plan; each tap puts a numbered pin there (up to
// max_pins). The side panel holds what goes with the selected pin — one of the question's
// choices, or a comment typed on the on-screen keyboard — and removes it. Pins are stored
// normalised to the plan image (0..1), with the plan id.
#include <algorithm>
#include <cmath>

#include "palette.h"
#include "plan_backdrop.h"
#include "question_screens.h"
#include "style_scope.h"
#include "widgets.h"

namespace kiosk {

namespace {

ImVec2 PinOnScreen(const Area& image, const PinAnswer& pin) {
    return ImVec2(image.min.x + (float)pin.x * image.Width(), image.min.y + (float)pin.y * image.Height());
}

// A map marker whose point is at `tip`, numbered.
void DrawPinMarker(App& app, ImDrawList* draw, ImVec2 tip, int number, bool selected) {
    const Metrics& m = app.metrics;
    const float size = selected ? m.Px(86) : m.Px(70);
    const ImVec2 center(tip.x, tip.y - size * 0.45f);
    if (selected)
        draw->AddCircle(ImVec2(tip.x, tip.y - size * 0.6f), size * 0.55f, Rgb(palette::kAttractAccent), 0,
                        m.Px(6));
    DrawIcon(draw, Icon::Pin, center, size, Rgb(selected ? palette::kDanger : palette::kPrimary));
    const std::string label = fmt::format("{}", number);
    ImFont* font = app.fonts.body_bold;
    const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str());
    const ImVec2 head(center.x, center.y - size * 0.15f);
    draw->AddText(font, font->FontSize, ImVec2(head.x - text.x * 0.5f, head.y - text.y * 0.5f),
                  Rgb(palette::kTextOnDark), label.c_str());
}

// The comment of the selected pin, typed on the keyboard (replaces the plan while open).
bool DrawCommentEditor(App& app, QuestionContext& q, PinAnswer& pin) {
    const Metrics& m = app.metrics;
    OnScreenKeyboard& keyboard = q.visit.keyboard;
    if (!keyboard.model.Valid()) return false;
    const KeyboardLayout& layout = keyboard.model.Layout();
    const float keyboard_h = KeyboardHeight(app, layout, m.target);
    const float top_h = q.area.Height() - keyboard_h - m.gap;
    const std::string& done = app.Tr("surveys.question.pin_done");
    ButtonStyle style{.fill = palette::kOpinion, .icon = Icon::Check};
    const ImVec2 done_size = TouchButtonSize(app, done, style);
    const float box_w = q.area.Width() - done_size.x - m.gap;
    ImGui::SetCursorScreenPos(q.area.min);
    WrappedText(app.Tr("surveys.question.pin_comment"), app.fonts.body_bold, palette::kText, box_w);
    const float box_top = ImGui::GetCursorScreenPos().y + m.Px(8);
    TypedTextBox(app, keyboard.model.Text(), app.Tr("surveys.question.text_placeholder"),
                 (size_t)q.question.max_length, app.fonts.body_bold, ImVec2(q.area.min.x, box_top),
                 ImVec2(box_w, q.area.min.y + top_h - box_top));
    ImGui::SetCursorScreenPos(ImVec2(q.area.max.x - done_size.x, box_top));
    if (TouchButton(app, "##comment-done", done, ImVec2(done_size.x, m.target), style))
        q.visit.editing_comment = false;
    app.targets.Name("pin.done");
    const bool changed =
        KeyboardWidget(app, "##comment-keyboard", keyboard, ImVec2(q.area.min.x, q.area.max.y - keyboard_h),
                       ImVec2(q.area.Width(), keyboard_h));
    if (changed) pin.comment = keyboard.model.Text();
    return changed;
}

} // namespace

bool DrawPlanPinQuestion(App& app, QuestionContext& q) {
    const Metrics& m = app.metrics;
    const Question& question = q.question;
    std::vector<PinAnswer>& pins = q.answer.pins;
    int& selected = q.visit.selected_pin;
    if (selected >= (int)pins.size()) selected = -1;

    if (q.visit.editing_comment && selected >= 0) return DrawCommentEditor(app, q, pins[(size_t)selected]);
    q.visit.editing_comment = false;

    const float panel_w = std::min(m.Px(600), q.area.Width() * 0.36f);
    const Area plan_area{q.area.min, ImVec2(q.area.max.x - panel_w - m.gap, q.area.max.y)};
    const PlanBackdrop backdrop = DrawPlanBackdrop(app, question.plan_id, plan_area);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    bool changed = false;

    if (backdrop.state == BackdropState::Ready) {
        const Area& image = backdrop.image;
        ImGui::SetCursorScreenPos(image.min);
        const bool tapped = ImGui::InvisibleButton("##plan", ImVec2(image.Width(), image.Height()));
        RecordTouchTarget(app);
        app.targets.Name("plan");
        if (tapped) {
            const ImVec2 tap = ImGui::GetIO().MousePos;
            // A tap on a pin selects it; elsewhere it places a new pin (while there is room).
            int hit = -1;
            float best = m.Px(60);
            for (size_t i = 0; i < pins.size(); i++) {
                const ImVec2 p = PinOnScreen(image, pins[i]);
                const float d = std::hypot(tap.x - p.x, tap.y - (p.y - m.Px(30)));
                if (d < best) {
                    best = d;
                    hit = (int)i;
                }
            }
            if (hit >= 0) {
                selected = hit;
            } else if ((int)pins.size() < question.max_pins) {
                PinAnswer pin;
                pin.x = std::clamp((tap.x - image.min.x) / image.Width(), 0.0f, 1.0f);
                pin.y = std::clamp((tap.y - image.min.y) / image.Height(), 0.0f, 1.0f);
                pins.push_back(pin);
                selected = (int)pins.size() - 1;
                changed = true;
            } else {
                q.visit.error = ValidationError{"survey.validation.max_pins", 0, question.max_pins};
            }
        }
        // Markers stand above their point: one near the plan's top edge may rise over the
        // question's help line rather than be cut.
        draw->PushClipRect(ImVec2(plan_area.min.x, plan_area.min.y - m.Px(90)), plan_area.max, true);
        for (size_t i = 0; i < pins.size(); i++)
            DrawPinMarker(app, draw, PinOnScreen(image, pins[i]), (int)i + 1, (int)i == selected);
        draw->PopClipRect();
    }

    // The side panel: how to, how many, and the selected pin's details.
    const float x = q.area.max.x - panel_w;
    ImGui::SetCursorScreenPos(ImVec2(x, q.area.min.y));
    WrappedText(app.Tr("surveys.question.pin_hint"), app.fonts.body, palette::kTextMuted, panel_w);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(8)));
    WrappedText(app.Format("surveys.question.pin_count", fmt::arg("count", pins.size()),
                           fmt::arg("max", question.max_pins)),
                app.fonts.body_bold, palette::kText, panel_w);
    float y = ImGui::GetCursorScreenPos().y + m.Px(20);
    if (selected < 0) return changed;

    PinAnswer& pin = pins[(size_t)selected];
    if (question.pin_detail == PinDetail::Choice) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        WrappedText(app.Tr("surveys.question.pin_choose"), app.fonts.body_bold, palette::kText, panel_w);
        y = ImGui::GetCursorScreenPos().y + m.Px(12);
        const float bottom = q.area.max.y - m.target - m.gap;
        const Area choices{ImVec2(x, y), ImVec2(q.area.max.x, bottom)};
        const std::vector<Area> cells =
            GridCells(app, (int)question.options.size(), choices, m.target, m.Px(110), 1);
        for (size_t i = 0; i < question.options.size(); i++) {
            const Option& option = question.options[i];
            StyleScope id;
            id.Id((int)i);
            ChoiceCard card{.label = app.Text(option.label), .selected = pin.option_id == option.id};
            if (ChoiceCardButton(app, "##pin-choice", card, cells[i])) {
                pin.option_id = option.id;
                changed = true;
            }
            app.targets.Name("pin-choice:" + option.id);
        }
    } else if (question.pin_detail == PinDetail::Comment) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string& label = pin.comment.empty() ? app.Tr("surveys.question.pin_comment") : pin.comment;
        ButtonStyle style{.fill = palette::kSurface, .text = palette::kText, .outline = true};
        if (TouchButton(app, "##pin-comment", label, ImVec2(panel_w, m.target * 1.6f), style)) {
            q.visit.editing_comment = true;
            q.visit.keyboard =
                MakeKeyboard(app, false, {.max_length = (size_t)question.max_length}, pin.comment);
        }
        app.targets.Name("pin.comment");
    }
    ButtonStyle remove{
        .fill = palette::kSurface, .text = palette::kDanger, .outline = true, .icon = Icon::Trash};
    const std::string& remove_label = app.Tr("surveys.question.pin_remove");
    const ImVec2 size = TouchButtonSize(app, remove_label, remove);
    ImGui::SetCursorScreenPos(ImVec2(q.area.max.x - size.x, q.area.max.y - m.target));
    if (TouchButton(app, "##pin-remove", remove_label, ImVec2(size.x, m.target), remove)) {
        pins.erase(pins.begin() + selected);
        selected = -1;
        changed = true;
    }
    app.targets.Name("pin.remove");
    return changed;
}

} // namespace kiosk
