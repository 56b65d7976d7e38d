// "Give my opinion": the surveys offered today as big tiles, and the quick questions
// (polls) answered in one tap. An empty state when there is nothing to answer.
#include "screens.h"
#include "survey/poll_card.h"
#include "survey/survey_length_text.h"
#include "survey/survey_session.h"
#include "widgets.h"

namespace kiosk {

void DrawSurveys(App& app) {
    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##surveys");
    TopBar(app, app.Tr("home.opinion.title"), palette::kOpinion);
    const std::vector<const Survey*> surveys = ActiveSurveys(app, SurveyMode::Survey);
    const std::vector<const Survey*> polls = ActiveSurveys(app, SurveyMode::Poll);
    const float width = m.width - 2 * m.margin;
    if (surveys.empty() && polls.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(m.margin, m.height * 0.45f));
        CenteredText(app.Tr("surveys.list_empty"), app.fonts.title, palette::kTextMuted, m.margin, width);
        return;
    }

    const float top = m.bar + m.gap;
    ImGui::SetCursorScreenPos(ImVec2(m.margin, top));
    BeginTouchScroll(app, "##surveys-scroll", ImVec2(width, m.height - top - m.Px(24)));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y;
    if (!surveys.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        WrappedText(app.Tr("surveys.list_intro"), app.fonts.body, palette::kTextMuted, width);
        y = ImGui::GetCursorScreenPos().y + m.Px(16);
    }
    const float tile_h = m.Px(190);
    for (const Survey* survey : surveys) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        ImGui::PushID(survey->id.c_str());
        const std::string subtitle = LengthText(app, *survey);
        if (Tile(app, "##survey", Icon::Opinion, app.Text(survey->title), subtitle, palette::kOpinion,
                 ImVec2(width, tile_h)))
            OpenSurvey(app, *survey);
        app.targets.Name("survey:" + survey->id);
        ImGui::PopID();
        y += tile_h + m.gap;
    }
    for (const Survey* poll : polls) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y + m.Px(8)));
        WrappedText(app.Tr("surveys.quick_question"), app.fonts.body_bold, palette::kOpinion, width);
        y = ImGui::GetCursorScreenPos().y + m.Px(8);
        const float card_h = PollQuestionHeight(app, *poll, width) + m.Px(16) + m.Px(230);
        PollCard(app, *poll, {ImVec2(origin.x, y), ImVec2(origin.x + width, y + card_h)},
                 PollCardStyle::Light);
        y += card_h + m.Px(12);
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        CenteredText(app.Tr("surveys.poll_hint"), app.fonts.small, palette::kTextMuted, origin.x, width);
        y = ImGui::GetCursorScreenPos().y + m.gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::Dummy(ImVec2(width, 1));
    EndTouchScroll();
}

} // namespace kiosk
