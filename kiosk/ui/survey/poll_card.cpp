#include "poll_card.h"

#include <algorithm>

#include "palette.h"
#include "smiley.h"
#include "style_scope.h"
#include "survey_session.h"
#include "widgets.h"

namespace kiosk {

float PollQuestionHeight(const App& app, const Survey& poll, float width) {
    return TextHeight(app.Text(poll.questions.front().text), app.fonts.title, width);
}

bool PollCard(App& app, const Survey& poll, const Area& area, PollCardStyle style, bool show_question) {
    const Metrics& m = app.metrics;
    const Question& question = poll.questions.front();
    const uint32_t ink = style == PollCardStyle::Dark ? palette::kTextOnDark : palette::kText;
    float top = area.min.y;
    if (show_question) {
        ImGui::SetCursorScreenPos(area.min);
        CenteredText(app.Text(question.text), app.fonts.title, ink, area.min.x, area.Width());
        top = ImGui::GetCursorScreenPos().y + m.Px(16);
    }
    const Area options{ImVec2(area.min.x, top), area.max};
    const int count = (int)question.options.size();
    // One row when the answers fit side by side at a readable width, else two.
    const float min_w = question.picture_only ? m.Px(150) : m.Px(260);
    int columns = count;
    while (columns > 1 && (options.Width() - m.gap * (float)(columns - 1)) / (float)columns < min_w)
        columns--;
    columns = std::max(columns, (count + 1) / 2);
    std::vector<Area> cells = FixedGrid(app, count, columns, options);
    ImDrawList* draw = ImGui::GetWindowDrawList();

    StyleScope id;
    id.Id(poll.id.c_str());
    for (int i = 0; i < count; i++) {
        const Option& option = question.options[(size_t)i];
        StyleScope option_id;
        option_id.Id(i);
        Area cell = cells[(size_t)i];
        if (question.picture_only) { // square pictures, centred in their cells
            const float side = std::min(cell.Width(), cell.Height());
            const ImVec2 c((cell.min.x + cell.max.x) * 0.5f, (cell.min.y + cell.max.y) * 0.5f);
            cell = {ImVec2(c.x - side * 0.5f, c.y - side * 0.5f),
                    ImVec2(c.x + side * 0.5f, c.y + side * 0.5f)};
        }
        bool tapped = false;
        if (question.type == QuestionType::Smiley || question.type == QuestionType::YesNo) {
            // A face or a tick/cross above its word.
            ImGui::SetCursorScreenPos(cell.min);
            tapped = ImGui::InvisibleButton("##vote", ImVec2(cell.Width(), cell.Height()));
            RecordTouchTarget(app);
            uint32_t fill = ImGui::IsItemActive() ? palette::kSurfaceAlt : palette::kSurface;
            draw->AddRectFilled(cell.min, cell.max, Rgb(fill), m.radius);
            draw->AddRect(cell.min, cell.max, Rgb(palette::kBorder), m.radius, 0, m.Px(2));
            const std::string caption = OptionCaption(app, question, (size_t)i);
            const float caption_h = app.fonts.body_bold->FontSize * 1.3f;
            const float r = std::min(cell.Width(), cell.Height() - caption_h) * 0.36f;
            const ImVec2 c((cell.min.x + cell.max.x) * 0.5f,
                           cell.min.y + (cell.Height() - caption_h) * 0.5f + m.Px(4));
            if (question.type == QuestionType::Smiley) {
                DrawSmiley(draw, i + 1, question.faces, c, r);
            } else {
                const bool yes = option.id == "yes";
                draw->AddCircleFilled(c, r, Rgb(yes ? palette::kOpinion : palette::kDanger), 40);
                DrawIcon(draw, yes ? Icon::Check : Icon::Close, c, r * 1.2f, Rgb(palette::kTextOnDark));
            }
            ImGui::SetCursorScreenPos(ImVec2(cell.min.x, cell.max.y - caption_h));
            CenteredText(caption, app.fonts.body_bold, palette::kText, cell.min.x, cell.Width());
        } else {
            ChoiceCard card{.label = app.Text(option.label),
                            .picture = &option.picture,
                            .picture_only = question.picture_only};
            tapped = ChoiceCardButton(app, "##vote", card, cell);
        }
        app.targets.Name("poll:" + poll.id + ":" + option.id);
        if (tapped) {
            VotePoll(app, poll, option.id);
            return true;
        }
    }
    return false;
}

} // namespace kiosk
