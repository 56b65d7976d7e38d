#include "survey_layout.h"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

#include "large_text_toggle.h"
#include "palette.h"
#include "programme_widgets.h"
#include "read_aloud/read_aloud_controls.h"
#include "smiley.h"
#include "staff/paper_entry.h"
#include "style_scope.h"
#include "visit_state.h"
#include "widgets.h"

namespace kiosk {

// [SECTION] Header, question, footer

void RecordTouchTarget(DrawContext& ui) {
    ui.touch_targets.push_back({ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

GestureFrame ScreenGestures(const App& app) {
    const bool disabled = ImGui::GetCurrentContext()->CurrentItemFlags & ImGuiItemFlags_Disabled;
    return disabled ? GestureFrame{} : app.gestures;
}

float SurveyHeader(App& app, const Survey& survey, const Progress* progress, bool can_stop) {
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(m.width, m.bar), Rgb(palette::kOpinion));

    const float button_h = m.bar - m.Px(24);
    ButtonStyle light{.fill = palette::kSurface, .text = palette::kText, .icon = Icon::Close};
    const std::string& stop = app.Tr("surveys.nav.cancel");
    ImVec2 stop_size = can_stop ? TouchButtonSize(app, stop, light) : ImVec2(0, 0);
    ImGui::SetCursorScreenPos(ImVec2(m.Px(20), m.Px(12)));
    if (can_stop) {
        if (TouchButton(app, "##stop", stop, ImVec2(stop_size.x, button_h), light))
            app.visit.survey.confirm_cancel = true;
        app.targets.Name("survey.stop");
    }

    // « Aa » at the right end and read-aloud beside it, where the top bars of the other
    // screens have them.
    const float toggle_w = LargeTextToggleWidth(app, button_h);
    LargeTextToggle(app, ImVec2(m.width - m.Px(20) - toggle_w, m.Px(12)), button_h);
    float right = m.width - m.Px(20) - toggle_w - m.gap;
    if (const float read_aloud_w = ReadAloudControlsWidth(app, button_h); read_aloud_w > 0) {
        right -= read_aloud_w;
        ReadAloudControls(app, ImVec2(right, m.Px(12)), button_h);
        right -= m.gap;
    }
    if (progress) {
        // "Question 3": no total, which a later answer could change (see Progress).
        const std::string text = app.Format("surveys.nav.progress", fmt::arg("position", progress->position));
        ImFont* font = app.fonts.title;
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
        right -= w;
        draw->AddText(font, font->FontSize, ImVec2(right, (m.bar - font->FontSize) * 0.5f),
                      Rgb(palette::kTextOnDark), text.c_str());
        right -= m.gap;
    }
    const float left = m.Px(20) + stop_size.x + m.gap;
    const std::string& title = app.Text(survey.title);
    ImFont* title_font = FittingFont(app, title, {app.fonts.body_bold, app.fonts.small},
                                     ImVec2(left, m.Px(4)), ImVec2(right, m.bar - m.Px(4)));
    const float h = TextHeight(title, title_font, right - left);
    ImGui::SetCursorScreenPos(ImVec2(left, std::max(m.Px(4), (m.bar - h) * 0.5f)));
    CenteredText(title, title_font, palette::kTextOnDark, left, right - left);

    float bottom = PaperEntryStrip(app, m.bar); // staff copying a paper questionnaire
    if (progress) {
        // The share answered, at a glance, without reading: a bar that only moves forward.
        const float bar_h = m.Px(12), y = bottom + m.Px(10);
        const float x0 = m.margin, x1 = m.width - m.margin;
        draw->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + bar_h), Rgb(palette::kSurfaceAlt), bar_h * 0.5f);
        const float filled = (x1 - x0) * std::clamp(progress->done, 0.0f, 1.0f);
        if (filled > 0)
            draw->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + std::max(filled, bar_h), y + bar_h),
                                Rgb(palette::kOpinion), bar_h * 0.5f);
        app.targets.Name("survey.progress", ImVec2(x0, y), ImVec2(x0 + filled, y + bar_h));
        bottom += m.Px(10) + bar_h;
    }
    return bottom;
}

float QuestionText(const App& app, const Question& question, float top) {
    const Metrics& m = app.metrics;
    const float width = m.width - 2 * m.margin;
    ImGui::SetCursorScreenPos(ImVec2(m.margin, top + m.Px(20)));
    WrappedText(app.Text(question.text), app.fonts.title, palette::kText, width);
    if (!question.help.Empty()) {
        ImGui::SetCursorScreenPos(ImVec2(m.margin, ImGui::GetCursorScreenPos().y + m.Px(8)));
        WrappedText(app.Text(question.help), app.fonts.body, palette::kTextMuted, width);
    }
    return ImGui::GetCursorScreenPos().y;
}

float FooterTop(const App& app) {
    const Metrics& m = app.metrics;
    return m.height - m.Px(24) - m.target - m.gap;
}

std::string ValidationMessage(const App& app, const ValidationError& error) {
    return app.Format(error.key, fmt::arg("min", error.min), fmt::arg("max", error.max));
}

FooterAction QuestionFooter(App& app, bool can_go_back, std::string_view next_label, Icon next_icon,
                            const std::optional<ValidationError>& error) {
    const Metrics& m = app.metrics;
    const float y = m.height - m.Px(24) - m.target;
    FooterAction action = FooterAction::None;

    float left = m.margin;
    if (can_go_back) {
        ButtonStyle back{
            .fill = palette::kSurface, .text = palette::kText, .outline = true, .icon = Icon::Back};
        ImVec2 size = TouchButtonSize(app, app.Tr("surveys.nav.back"), back);
        size.x = std::max(size.x, m.Px(300));
        ImGui::SetCursorScreenPos(ImVec2(m.margin, y));
        if (TouchButton(app, "##back", app.Tr("surveys.nav.back"), ImVec2(size.x, m.target), back))
            action = FooterAction::Back;
        app.targets.Name("survey.back");
        left += size.x + m.gap;
    }

    ButtonStyle next{.fill = palette::kOpinion, .icon = next_icon, .icon_after = true};
    ImVec2 size = TouchButtonSize(app, next_label, next);
    size.x = std::max(size.x, m.Px(360));
    const float next_x = m.width - m.margin - size.x;
    ImGui::SetCursorScreenPos(ImVec2(next_x, y));
    if (TouchButton(app, "##next", next_label, ImVec2(size.x, m.target), next)) action = FooterAction::Next;
    app.targets.Name("survey.next");

    if (error) {
        // Between the buttons: a pictogram and the sentence, in the visitor's language.
        const std::string message = ValidationMessage(app, *error);
        const float icon = m.Px(44);
        const float text_x = left + icon + m.Px(16);
        const float width = next_x - m.gap - text_x;
        const float h = TextHeight(message, app.fonts.body_bold, width);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        DrawIcon(draw, Icon::Warning, ImVec2(left + icon * 0.5f, y + m.target * 0.5f), icon,
                 Rgb(palette::kDanger));
        ImGui::SetCursorScreenPos(ImVec2(text_x, y + (m.target - h) * 0.5f));
        WrappedText(message, app.fonts.body_bold, palette::kDanger, width);
    }
    return action;
}

// [SECTION] Choice cards and grids

bool ChoiceCardButton(App& app, const char* id, const ChoiceCard& card, const Area& area) {
    // Read with its number, so a visitor who cannot read chooses by listening ("Choice 2: …").
    if (SpeechScript* script = CurrentSpeechScript()) {
        script->pieces.push_back(app.Format("read_aloud.option", fmt::arg("number", ++script->options)));
        script->pieces.emplace_back(card.label);
    }
    ImGui::SetCursorScreenPos(area.min);
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(area.Width(), area.Height()));
    RecordTouchTarget(app);
    DrawChoiceCard(app, ImGui::GetWindowDrawList(), card, area, ImGui::IsItemActive(),
                   ImGui::IsItemHovered());
    return clicked;
}

void DrawChoiceCard(App& app, ImDrawList* draw, const ChoiceCard& card, const Area& area, bool held,
                    bool hovered) {
    const Metrics& m = app.metrics;

    uint32_t fill = card.selected ? Shade(palette::kOpinion, 1.85f) : palette::kSurface;
    if (held)
        fill = Shade(fill, 0.85f);
    else if (hovered)
        fill = Shade(fill, 0.94f);
    draw->AddRectFilled(area.min, area.max, Rgb(fill), m.radius);
    draw->AddRect(area.min, area.max, Rgb(card.selected ? palette::kOpinion : palette::kBorder), m.radius, 0,
                  card.selected ? m.Px(5) : m.Px(2));

    const float pad = m.Px(20);
    float x = area.min.x + pad;
    const float cy = (area.min.y + area.max.y) * 0.5f;

    // The mark: a rank stamp, or a radio circle / check box that fills when selected.
    const float mark = m.Px(44);
    const ImVec2 mark_center = card.picture_only
                                   ? ImVec2(area.min.x + pad + mark * 0.5f, area.min.y + pad + mark * 0.5f)
                                   : ImVec2(x + mark * 0.5f, cy);
    if (card.picture_only) {
        // The mark shows on the picture once chosen (below).
    } else if (card.badge > 0) {
        draw->AddCircleFilled(mark_center, mark * 0.62f, Rgb(palette::kOpinion));
        const std::string rank = app.Shown(fmt::format("{}", card.badge));
        ImFont* font = app.fonts.title;
        ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, rank.c_str());
        draw->AddText(font, font->FontSize,
                      ImVec2(mark_center.x - size.x * 0.5f, mark_center.y - size.y * 0.5f),
                      Rgb(palette::kTextOnDark), rank.c_str());
    } else if (card.multiple) {
        const ImVec2 a(mark_center.x - mark * 0.5f, mark_center.y - mark * 0.5f),
            b(mark_center.x + mark * 0.5f, mark_center.y + mark * 0.5f);
        draw->AddRectFilled(a, b, Rgb(card.selected ? palette::kOpinion : palette::kSurface), m.Px(8));
        draw->AddRect(a, b, Rgb(card.selected ? palette::kOpinion : palette::kBorder), m.Px(8), 0, m.Px(3));
        if (card.selected) DrawIcon(draw, Icon::Check, mark_center, mark * 0.8f, Rgb(palette::kTextOnDark));
    } else {
        draw->AddCircleFilled(mark_center, mark * 0.5f, Rgb(palette::kSurface));
        draw->AddCircle(mark_center, mark * 0.5f, Rgb(card.selected ? palette::kOpinion : palette::kBorder),
                        0, m.Px(3));
        if (card.selected) {
            draw->AddCircleFilled(mark_center, mark * 0.5f, Rgb(palette::kOpinion));
            DrawIcon(draw, Icon::Check, mark_center, mark * 0.75f, Rgb(palette::kTextOnDark));
        }
    }

    if (card.picture && !card.picture->empty() && card.picture_only) {
        DrawPicture(app, *card.picture, ImageUse::Picture, ImVec2(area.min.x + pad, area.min.y + pad),
                    ImVec2(area.max.x - pad, area.max.y - pad));
        // The mark again on top of the picture, so the choice stays visible.
        if (card.selected) {
            draw->AddCircleFilled(mark_center, mark * 0.5f, Rgb(palette::kOpinion));
            DrawIcon(draw, Icon::Check, mark_center, mark * 0.75f, Rgb(palette::kTextOnDark));
        }
        return;
    }
    x += mark + pad;
    if (card.picture && !card.picture->empty()) {
        const float side = area.Height() - 2 * m.Px(10);
        DrawPicture(app, *card.picture, ImageUse::Picture, ImVec2(x, area.min.y + m.Px(10)),
                    ImVec2(x + side, area.max.y - m.Px(10)));
        x += side + pad;
    }
    const float width = area.max.x - pad - x;
    ImFont* font = app.fonts.body_bold;
    const float h = TextHeight(card.label, font, width);
    draw->PushClipRect(area.min, area.max, true);
    draw->AddText(font, font->FontSize, ImVec2(x, cy - h * 0.5f), Rgb(palette::kText), card.label.data(),
                  card.label.data() + card.label.size(), width);
    draw->PopClipRect();
}

std::vector<Area> GridCells(const App& app, int count, const Area& area, float min_height, float max_height,
                            int max_columns) {
    const float gap = app.metrics.gap;
    std::vector<Area> cells;
    if (count <= 0) return cells;
    int columns = 1;
    float row_h = min_height;
    for (columns = 1; columns <= max_columns; columns++) {
        const int rows = (count + columns - 1) / columns;
        row_h = (area.Height() - gap * (float)(rows - 1)) / (float)rows;
        if (row_h >= min_height) break;
    }
    columns = std::min(columns, max_columns);
    row_h = std::clamp(row_h, min_height, max_height);
    const int rows = (count + columns - 1) / columns;
    const float cell_w = (area.Width() - gap * (float)(columns - 1)) / (float)columns;
    // Rows shorter than the room: centred vertically, so few answers do not cling to the top.
    const float total = row_h * (float)rows + gap * (float)(rows - 1);
    const float top = area.min.y + std::max(0.0f, (area.Height() - total) * 0.5f);
    for (int i = 0; i < count; i++) {
        const int r = i / columns, c = i % columns;
        const ImVec2 min(area.min.x + (float)c * (cell_w + gap), top + (float)r * (row_h + gap));
        cells.push_back({min, ImVec2(min.x + cell_w, min.y + row_h)});
    }
    return cells;
}

std::vector<Area> FixedGrid(const App& app, int count, int columns, const Area& area) {
    const float gap = app.metrics.gap;
    std::vector<Area> cells;
    if (count <= 0 || columns <= 0) return cells;
    const int rows = (count + columns - 1) / columns;
    const float cell_w = (area.Width() - gap * (float)(columns - 1)) / (float)columns;
    const float cell_h = (area.Height() - gap * (float)(rows - 1)) / (float)rows;
    for (int i = 0; i < count; i++) {
        // The last row is centred when it is not full.
        const int r = i / columns, c = i % columns;
        const int in_row = std::min(columns, count - r * columns);
        const float shift = (float)(columns - in_row) * (cell_w + gap) * 0.5f;
        const ImVec2 min(area.min.x + shift + (float)c * (cell_w + gap),
                         area.min.y + (float)r * (cell_h + gap));
        cells.push_back({min, ImVec2(min.x + cell_w, min.y + cell_h)});
    }
    return cells;
}

std::string OptionCaption(const App& app, const Question& question, size_t index) {
    const Option& option = question.options.at(index);
    if (question.type == QuestionType::YesNo)
        return app.Tr(option.id == "yes" ? "surveys.question.yes" : "surveys.question.no");
    if (question.type == QuestionType::Smiley)
        return app.Tr(SmileyCaptionKey((int)index + 1, question.faces));
    return app.Text(option.label);
}

// [SECTION] Confirmation dialog

ConfirmAnswer ConfirmDialog(DrawContext& ui, const char* id, std::string_view title, std::string_view text,
                            std::string_view keep_label, std::string_view confirm_label) {
    const Metrics& m = ui.metrics;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ConfirmAnswer answer = ConfirmAnswer::None;
    {
        StyleScope style;
        style.Color(ImGuiCol_WindowBg, Rgb(palette::kScrim, 0.6f))
            .Var(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::Begin(id, nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings);
    }
    const float card_w = std::min(m.width - 2 * m.margin, m.Px(1100));
    const float inner = card_w - 2 * m.margin;
    const float buttons_h = m.target;
    const float card_h = m.margin * 2 + TextHeight(title, ui.fonts.title, inner) + m.Px(20) +
                         TextHeight(text, ui.fonts.body, inner) + m.gap * 1.5f + buttons_h;
    const ImVec2 card(0.5f * (m.width - card_w), 0.5f * (m.height - card_h));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(card, ImVec2(card.x + card_w, card.y + card_h), Rgb(palette::kSurface),
                        m.radius * 1.5f);
    ImGui::SetCursorScreenPos(ImVec2(card.x + m.margin, card.y + m.margin));
    CenteredText(title, ui.fonts.title, palette::kText, card.x + m.margin, inner);
    ImGui::SetCursorScreenPos(ImVec2(card.x + m.margin, ImGui::GetCursorScreenPos().y + m.Px(20)));
    CenteredText(text, ui.fonts.body, palette::kTextMuted, card.x + m.margin, inner);

    const float button_w = (inner - m.gap) * 0.5f;
    const float y = card.y + card_h - m.margin - buttons_h;
    ImGui::SetCursorScreenPos(ImVec2(card.x + m.margin, y));
    ButtonStyle keep{.fill = palette::kOpinion, .icon = Icon::Back};
    if (TouchButton(ui, "##keep", keep_label, ImVec2(button_w, buttons_h), keep))
        answer = ConfirmAnswer::Keep;
    ui.targets.Name("confirm.keep");
    ImGui::SetCursorScreenPos(ImVec2(card.x + m.margin + button_w + m.gap, y));
    ButtonStyle confirm{.fill = palette::kDanger, .icon = Icon::Close};
    if (TouchButton(ui, "##confirm", confirm_label, ImVec2(button_w, buttons_h), confirm))
        answer = ConfirmAnswer::Confirm;
    ui.targets.Name("confirm.confirm");
    ImGui::End();
    return answer;
}

} // namespace kiosk
