// Plan pin: the visitor taps places on a plan; each tap puts a pin there (up to max_pins).
// The plan zooms and pans like the plan viewer (pinch, drag, wheel, and the panel's zoom
// buttons): a tap while zoomed places the pin where the finger is on the plan. The side
// panel holds what goes with the selected pin — one of the question's choices, or a
// comment typed on the on-screen keyboard — and removes it. Each pin shows its reason: the
// choice's pictogram, or its initial on the choice's colour ("?" until chosen); pins
// without choices show their number. Pins are stored normalised to the plan image (0..1),
// with the plan id.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <optional>

#include "palette.h"
#include "plan_backdrop.h"
#include "plan_canvas.h"
#include "programme_widgets.h"
#include "question_screens.h"
#include "style_scope.h"
#include "widgets.h"

namespace kiosk {

namespace {

constexpr float kButtonZoomFactor = 1.6f; // as the plan viewer's buttons
constexpr double kAnimationSeconds = 0.3;

// Colours of the choices on the pins, in option order (then again): distinct in hue and
// in lightness, all dark enough for white text.

bool Inside(const Area& a, ImVec2 p) {
    return p.x >= a.min.x && p.y >= a.min.y && p.x <= a.max.x && p.y <= a.max.y;
}

uint32_t ReasonColor(size_t option_index) {
    return palette::kReasonColors[option_index % std::size(palette::kReasonColors)];
}

// The first character of `label` (one UTF-8 code point), in capitals for a-z.
std::string Initial(std::string_view label) {
    if (label.empty()) return "?";
    size_t n = 1;
    const unsigned char c = (unsigned char)label[0];
    if (c >= 0xF0)
        n = 4;
    else if (c >= 0xE0)
        n = 3;
    else if (c >= 0xC0)
        n = 2;
    std::string initial(label.substr(0, std::min(n, label.size())));
    if (initial.size() == 1) initial[0] = (char)std::toupper((unsigned char)initial[0]);
    return initial;
}

// What a pin shows in its head.
struct PinFace {
    uint32_t color = palette::kPrimary;
    std::string text;                               // an initial, a number or "?"
    const std::filesystem::path* picture = nullptr; // the choice's pictogram, if it has one
};

PinFace FaceOf(const App& app, const Question& question, const PinAnswer& pin, int number) {
    PinFace face;
    if (question.pin_detail != PinDetail::Choice) {
        face.text = app.Shown(fmt::format("{}", number));
        return face;
    }
    for (size_t i = 0; i < question.options.size(); i++) {
        const Option& option = question.options[i];
        if (option.id != pin.option_id) continue;
        face.color = ReasonColor(i);
        face.text = Initial(app.Text(option.label));
        if (!option.picture.empty()) face.picture = &option.picture;
        return face;
    }
    face.color = palette::kTextMuted;
    face.text = "?";
    return face;
}

// The height of a pin's marker above its point.
float PinHeight(const Metrics& m, bool selected) {
    return selected ? m.Px(104) : m.Px(92);
}

// A map marker whose point is at `tip`: a rounded square head (the pictogram, or the text
// on the colour) over a pointer.
void DrawPinMarker(App& app, ImDrawList* draw, ImVec2 tip, const PinFace& face, bool selected) {
    const Metrics& m = app.metrics;
    const float height = PinHeight(m, selected);
    const float head = height * 0.72f;
    const ImVec2 min(tip.x - head * 0.5f, tip.y - height), max(tip.x + head * 0.5f, tip.y - height + head);
    const float border = m.Px(selected ? 7 : 5);
    const uint32_t edge = selected ? palette::kAttractAccent : face.color;
    if (selected) // a halo, so the selected pin stands out on any plan
        draw->AddRectFilled(ImVec2(min.x - border * 1.6f, min.y - border * 1.6f),
                            ImVec2(max.x + border * 1.6f, max.y + border * 1.6f), Rgb(palette::kText, 0.35f),
                            m.radius * 1.3f);
    draw->AddTriangleFilled(ImVec2(tip.x - head * 0.22f, max.y - m.Px(2)),
                            ImVec2(tip.x + head * 0.22f, max.y - m.Px(2)), tip, Rgb(edge));
    draw->AddRectFilled(min, max, Rgb(edge), m.radius);
    const ImVec2 in_min(min.x + border, min.y + border), in_max(max.x - border, max.y - border);
    if (face.picture) {
        draw->AddRectFilled(in_min, in_max, Rgb(palette::kSurface), m.radius * 0.6f);
        DrawPicture(app, *face.picture, ImageUse::Picture, in_min, in_max);
        return;
    }
    draw->AddRectFilled(in_min, in_max, Rgb(face.color), m.radius * 0.6f);
    ImFont* font = app.fonts.title;
    const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, face.text.c_str());
    draw->AddText(font, font->FontSize,
                  ImVec2((min.x + max.x - text.x) * 0.5f, (min.y + max.y - text.y) * 0.5f),
                  Rgb(palette::kTextOnDark), face.text.c_str());
}

// The choices' own mark in the panel: the same colour and letter as on the pins.
void DrawReasonMark(const App& app, const Area& card, size_t option_index, const Option& option) {
    const Metrics& m = app.metrics;
    if (!option.picture.empty()) return; // the card shows the pictogram itself
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float side = m.Px(48);
    const ImVec2 min(card.max.x - m.Px(16) - side, (card.min.y + card.max.y - side) * 0.5f);
    draw->AddRectFilled(min, ImVec2(min.x + side, min.y + side), Rgb(ReasonColor(option_index)),
                        m.radius * 0.6f);
    const std::string initial = Initial(app.Text(option.label));
    ImFont* font = app.fonts.body_bold;
    const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, initial.c_str());
    draw->AddText(font, font->FontSize,
                  ImVec2(min.x + (side - text.x) * 0.5f, min.y + (side - text.y) * 0.5f),
                  Rgb(palette::kTextOnDark), initial.c_str());
}

// Zoom out, zoom in, whole plan: a row of buttons in the panel (never over the plan).
float ZoomButtons(App& app, PinPlanZoom& zoom, float x, float y, float width) {
    const Metrics& m = app.metrics;
    PlanView target = zoom.animation.active ? zoom.animation.to : zoom.view;
    const Vec2 center = target.Viewport().Center();
    auto animate = [&] {
        zoom.animation.duration = kAnimationSeconds;
        zoom.animation.Start(zoom.view, target, app.now);
        app.RequestFrameIn(0);
    };
    const Rect out = Rect::FromSize({x, y}, {m.target, m.target});
    if (IconSquareButton(app, "##pin-zoom-out", out, Icon::ZoomOut, !target.AtFit())) {
        target.ZoomAbout(center, 1.0f / kButtonZoomFactor);
        animate();
    }
    app.targets.Name("pin.zoom_out");
    const Rect in = Rect::FromSize({x + m.target + m.gap * 0.5f, y}, {m.target, m.target});
    if (IconSquareButton(app, "##pin-zoom-in", in, Icon::ZoomIn, !target.AtMax())) {
        target.ZoomAbout(center, kButtonZoomFactor);
        animate();
    }
    app.targets.Name("pin.zoom_in");
    const float whole_x = in.max.x + m.gap * 0.5f;
    const ButtonStyle style{.fill = target.AtFit() ? palette::kBorder : palette::kPrimary,
                            .icon = Icon::Reset};
    ImGui::SetCursorScreenPos(ImVec2(whole_x, y));
    const float whole_w = std::max(m.target, x + width - whole_x);
    if (TouchButton(app, "##pin-whole", app.Tr("plans.reset_view"), ImVec2(whole_w, m.target), style) &&
        !target.AtFit()) {
        target.Fit();
        animate();
    }
    app.targets.Name("pin.whole_plan");
    return y + m.target;
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
    PinPlanZoom& zoom = q.visit.pin_zoom;
    // The plan and its pins keep their geography on an Arabic screen (rtl_mirror.h).
    std::optional<UnmirroredRegion> plan_unmirrored;
    plan_unmirrored.emplace(
        app, Rect(Vec2(plan_area.min.x, plan_area.min.y), Vec2(plan_area.max.x, plan_area.max.y)));
    const PlanBackdrop backdrop = DrawPlanBackdrop(app, question.plan_id, plan_area, zoom);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    bool changed = false;

    if (backdrop.state == BackdropState::Ready) {
        const Plan& plan = *backdrop.plan;
        const PlanView& view = zoom.view;
        auto on_screen = [&](const PinAnswer& pin) {
            const Vec2 p = view.PlanToScreen(PinToPlan(plan, pin.x, pin.y));
            return ImVec2(p.x, p.y);
        };
        ImGui::SetCursorScreenPos(plan_area.min);
        const bool tapped = ImGui::InvisibleButton("##plan", ImVec2(plan_area.Width(), plan_area.Height()));
        RecordTouchTarget(app);
        const ImVec2 tap = ImGui::GetIO().MousePos;
        const Rect& image = backdrop.image;
        // Named by the part of the plan on screen, so that scripts tap fractions of the plan.
        app.targets.Name(
            "plan", ImVec2(std::max(image.min.x, plan_area.min.x), std::max(image.min.y, plan_area.min.y)),
            ImVec2(std::min(image.max.x, plan_area.max.x), std::min(image.max.y, plan_area.max.y)));
        if (tapped && image.Contains(Vec2(tap.x, tap.y))) {
            // A tap on a pin's head selects it; elsewhere it places a new pin (while there is room).
            int hit = -1;
            float best = m.Px(60);
            for (size_t i = 0; i < pins.size(); i++) {
                const ImVec2 p = on_screen(pins[i]);
                const float d = std::hypot(tap.x - p.x, tap.y - (p.y - PinHeight(m, false) * 0.6f));
                if (d < best) {
                    best = d;
                    hit = (int)i;
                }
            }
            if (hit >= 0) {
                selected = hit;
            } else if ((int)pins.size() < question.max_pins) {
                const Vec2 at = PlanToPin(plan, view.ScreenToPlan(Vec2(tap.x, tap.y)));
                PinAnswer pin;
                pin.x = std::clamp(at.x, 0.0f, 1.0f);
                pin.y = std::clamp(at.y, 0.0f, 1.0f);
                pins.push_back(pin);
                selected = (int)pins.size() - 1;
                changed = true;
            } else {
                q.visit.error = ValidationError{"surveys.validation.max_pins", 0, question.max_pins};
            }
        }
        // Markers stand above their point: one near the plan's top edge may rise over the
        // question's help line rather than be cut; a point scrolled out of the area is not drawn.
        draw->PushClipRect(ImVec2(plan_area.min.x, plan_area.min.y - m.Px(110)), plan_area.max, true);
        for (size_t i = 0; i < pins.size(); i++) {
            if ((int)i == selected) continue; // drawn last, on top
            const ImVec2 p = on_screen(pins[i]);
            if (Inside(plan_area, p))
                DrawPinMarker(app, draw, p, FaceOf(app, question, pins[i], (int)i + 1), false);
        }
        if (selected >= 0) {
            const ImVec2 p = on_screen(pins[(size_t)selected]);
            if (Inside(plan_area, p))
                DrawPinMarker(app, draw, p, FaceOf(app, question, pins[(size_t)selected], selected + 1),
                              true);
        }
        draw->PopClipRect();
    }
    plan_unmirrored.reset();

    // The side panel: how to, how many, zoom, and the selected pin's details.
    const float x = q.area.max.x - panel_w;
    ImGui::SetCursorScreenPos(ImVec2(x, q.area.min.y));
    WrappedText(app.Tr("surveys.question.pin_hint"), app.fonts.body, palette::kTextMuted, panel_w);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(8)));
    WrappedText(app.Format("surveys.question.pin_count", fmt::arg("count", pins.size()),
                           fmt::arg("max", question.max_pins)),
                app.fonts.body_bold, palette::kText, panel_w);
    float y = ImGui::GetCursorScreenPos().y + m.Px(12);
    if (backdrop.state == BackdropState::Ready) y = ZoomButtons(app, zoom, x, y, panel_w) + m.Px(20);
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
            ChoiceCard card{.label = app.Text(option.label),
                            .picture = &option.picture,
                            .selected = pin.option_id == option.id};
            if (ChoiceCardButton(app, "##pin-choice", card, cells[i])) {
                pin.option_id = option.id;
                changed = true;
            }
            app.targets.Name("pin-choice:" + option.id);
            DrawReasonMark(app, cells[i], i, option);
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
