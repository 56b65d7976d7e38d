// Paper entry as staff see it (paper_entry.h): the panel's section "Questionnaires papier"
// — the date written on the paper set with steppers (the kiosk has no physical keyboard), the
// count of the sitting, one button per loaded survey and poll — and the strip that marks
// the survey screens during an entry.
#include <algorithm>
#include <vector>

#include "content/date_text.h"
#include "palette.h"
#include "paper_entry.h"
#include "staff/paper_date.h"
#include "staff_state.h"
#include "widgets.h"

namespace kiosk {

namespace {

// One stepper: its caption above, then "earlier", the value, "later". Returns the step
// tapped (-1, +1) or 0. `value_w` is the same for every stepper of a row.
int Stepper(App& app, const char* id, std::string_view caption, std::string_view value, float value_w,
            ImVec2 pos) {
    const Metrics& m = app.metrics;
    ImGui::SetCursorScreenPos(pos);
    WrappedText(caption, app.fonts.small, palette::kTextMuted, value_w + 2 * m.target);
    const float y = ImGui::GetCursorScreenPos().y + m.Px(4);
    int step = 0;
    ButtonStyle arrow{.fill = palette::kSurface, .text = palette::kText, .outline = true, .icon = Icon::Back};
    ImGui::PushID(id);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
    if (TouchButton(app, "##earlier", "", ImVec2(m.target, m.target), arrow)) step = -1;
    app.targets.Name(std::string("paper.date:") + id + "-");
    ImFont* font = app.fonts.title;
    const float text_w =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, value.data(), value.data() + value.size()).x;
    ImGui::GetWindowDrawList()->AddText(
        font, font->FontSize,
        ImVec2(pos.x + m.target + (value_w - text_w) * 0.5f, y + (m.target - font->FontSize) * 0.5f),
        Rgb(palette::kText), value.data(), value.data() + value.size());
    arrow.icon = Icon::Forward;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + m.target + value_w, y));
    if (TouchButton(app, "##later", "", ImVec2(m.target, m.target), arrow)) step = +1;
    app.targets.Name(std::string("paper.date:") + id + "+");
    ImGui::PopID();
    return step;
}

float TextWidth(ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

// The date row: day, month, year steppers and "Today". Returns the y below it.
float DateSteppers(App& app, float x, float y, float width) {
    const Metrics& m = app.metrics;
    const Catalogs& catalogs = app.data.catalogs;
    const std::string& language = app.nav.Language();
    StaffState::PaperEntry& paper = app.staff.paper;
    const CivilDate date = PaperDate(app);

    // The month's box fits the longest month name, so that the arrows never move.
    ImFont* font = app.fonts.title;
    float month_w = 0;
    for (int month = 1; month <= 12; month++)
        month_w = std::max(month_w, TextWidth(font, MonthName(catalogs, language, month)));
    const float number_w = TextWidth(font, "0000") + m.Px(24);
    month_w += m.Px(24);

    struct Field {
        const char* id;
        const char* caption_key;
        DateField field;
        std::string value;
        float value_w;
    };
    const Field fields[] = {
        {"day", "staff.paper.date.day", DateField::Day, std::to_string(date.day), number_w},
        {"month", "staff.paper.date.month", DateField::Month, MonthName(catalogs, language, date.month),
         month_w},
        {"year", "staff.paper.date.year", DateField::Year, std::to_string(date.year), number_w},
    };
    float cx = x, row_y = y, bottom = y;
    const float caption_h = app.fonts.small->FontSize + m.Px(4);
    for (const Field& f : fields) {
        const float w = f.value_w + 2 * m.target;
        if (cx > x && cx + w > x + width) { // a narrow screen: the next row
            cx = x;
            row_y = bottom + m.gap;
        }
        if (int step = Stepper(app, f.id, app.Tr(f.caption_key), f.value, f.value_w, ImVec2(cx, row_y));
            step != 0)
            paper.date = StepDate(date, f.field, step);
        bottom = std::max(bottom, row_y + caption_h + m.target);
        cx += w + m.gap * 2;
    }
    ButtonStyle today{
        .fill = palette::kSurface, .text = palette::kText, .outline = true, .icon = Icon::StartAgain};
    const std::string& today_label = app.Tr("staff.paper.date.today");
    const ImVec2 today_size = TouchButtonSize(app, today_label, today);
    if (cx > x && cx + today_size.x > x + width) {
        cx = x;
        row_y = bottom + m.gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(cx, row_y + caption_h));
    if (TouchButton(app, "##today", today_label, ImVec2(today_size.x, m.target), today)) paper.date.reset();
    app.targets.Name("paper.date:today");
    return std::max(bottom, row_y + caption_h + m.target);
}

// One button per loaded survey, then per loaded poll, offered today or not (paper from a
// past workshop), wrapped to `width`. Returns the survey tapped.
const Survey* SurveyButtons(App& app, float x, float y, float width) {
    const Metrics& m = app.metrics;
    std::vector<const Survey*> order;
    for (SurveyMode mode : {SurveyMode::Survey, SurveyMode::Poll})
        for (const Survey& survey : app.data.surveys)
            if (survey.mode == mode) order.push_back(&survey);
    const Survey* tapped = nullptr;
    float cx = x;
    for (const Survey* survey : order) {
        const std::string label =
            survey->mode == SurveyMode::Poll
                ? app.Format("staff.paper.poll", fmt::arg("title", app.Text(survey->title)))
                : app.Text(survey->title);
        ButtonStyle style{.fill = palette::kPrimary,
                          .text = palette::kTextOnDark,
                          .icon = Icon::Forward,
                          .icon_after = true};
        ImVec2 size = TouchButtonSize(app, label, style);
        size.x = std::min(size.x, width);
        if (cx > x && cx + size.x > x + width) {
            cx = x;
            y += m.target + m.gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(cx, y));
        ImGui::PushID(survey->id.c_str());
        if (TouchButton(app, "##paper-survey", label, ImVec2(size.x, m.target), style)) tapped = survey;
        ImGui::PopID();
        app.targets.Name("paper.survey:" + survey->id);
        cx += size.x + m.gap;
    }
    return tapped;
}

} // namespace

void DrawStaffPaper(App& app, ImVec2 min, ImVec2 max) {
    const Metrics& m = app.metrics;
    const float width = max.x - min.x;
    const CivilDate today = ToLocalMoment(app.wall_now).date;
    ImGui::SetCursorScreenPos(min);
    WrappedText(app.Tr("staff.paper.title"), app.fonts.body_bold, palette::kText, width);
    WrappedText(app.Tr("staff.paper.note"), app.fonts.small, palette::kTextMuted, width);
    if (app.staff.paper.entered > 0) {
        ImGui::SetCursorScreenPos(ImVec2(min.x, ImGui::GetCursorScreenPos().y + m.Px(10)));
        const std::string count =
            app.Format(app.staff.paper.entered == 1 ? "staff.paper.entered_one" : "staff.paper.entered_many",
                       fmt::arg("count", app.staff.paper.entered));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        WrappedText(count, app.fonts.body_bold, palette::kDone, width);
        app.targets.Name("paper.entered", at, ImVec2(min.x + width, ImGui::GetCursorScreenPos().y));
    }

    // The date written on the paper.
    float y = ImGui::GetCursorScreenPos().y + m.Px(24);
    ImGui::SetCursorScreenPos(ImVec2(min.x, y));
    WrappedText(app.Tr("staff.paper.date.title"), app.fonts.body_bold, palette::kText, width);
    y = DateSteppers(app, min.x, ImGui::GetCursorScreenPos().y + m.Px(6), width);
    const CivilDate date = PaperDate(app);
    ImGui::SetCursorScreenPos(ImVec2(min.x, y + m.Px(10)));
    WrappedText(FormatFullDate(app.data.catalogs, app.nav.Language(), date), app.fonts.body, palette::kText,
                width);
    const std::optional<std::string> problem = PaperDateProblem(date, today);
    if (problem) {
        // Said on screen, in words: the questionnaires cannot be entered with this date.
        ImGui::SetCursorScreenPos(ImVec2(min.x, ImGui::GetCursorScreenPos().y + m.Px(6)));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float icon = app.fonts.body_bold->FontSize * 1.2f;
        DrawIcon(ImGui::GetWindowDrawList(), Icon::Warning, ImVec2(at.x + icon * 0.5f, at.y + icon * 0.5f),
                 icon, Rgb(palette::kDanger));
        ImGui::SetCursorScreenPos(ImVec2(at.x + icon + m.Px(10), at.y));
        WrappedText(app.Tr(*problem), app.fonts.body_bold, palette::kDanger, width - icon - m.Px(10));
        app.targets.Name("paper.date.refused", at, ImVec2(min.x + width, ImGui::GetCursorScreenPos().y));
    }

    // The questionnaire to enter: every loaded one, none while the date is refused (the
    // reason above says what to do).
    if (problem) return;
    y = ImGui::GetCursorScreenPos().y + m.Px(24);
    ImGui::SetCursorScreenPos(ImVec2(min.x, y));
    WrappedText(app.Tr("staff.paper.survey.title"), app.fonts.body_bold, palette::kText, width);
    const Survey* tapped = SurveyButtons(app, min.x, ImGui::GetCursorScreenPos().y + m.Px(6), width);
    if (tapped) StartPaperEntry(app, *tapped);
}

float PaperEntryStrip(App& app, float top) {
    if (!InPaperEntry(app)) return top;
    const Metrics& m = app.metrics;
    const std::string text =
        app.Format("staff.paper.strip",
                   fmt::arg("date", FormatFullDate(app.data.catalogs, app.nav.Language(), PaperDate(app))));
    ImFont* font = app.fonts.body_bold;
    const float x = m.margin, width = m.width - 2 * m.margin;
    const float strip_h = TextHeight(text, font, width) + m.Px(16);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, top), ImVec2(m.width, top + strip_h),
                                              Rgb(palette::kPrimary));
    ImGui::SetCursorScreenPos(ImVec2(x, top + m.Px(8)));
    CenteredText(text, font, palette::kTextOnDark, x, width);
    app.targets.Name("paper.strip", ImVec2(0, top), ImVec2(m.width, top + strip_h));
    return top + strip_h;
}

} // namespace kiosk
