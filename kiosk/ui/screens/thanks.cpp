// The thank-you screen (route param: the survey id), shown only once the response is
// committed. The survey's own thanks; for a poll with show_results, the current results
// as bars — or, under a results embargo (results_public_from still ahead), no figure at
// all, only the day results will be shown. It ends the visit by itself (idle.thanks_seconds); "Finish" ends
// it at once, "Home" keeps the visit going.
#include "read_aloud/read_aloud_controls.h"
#include "screens.h"
#include "survey/own_vote.h"
#include "survey/poll_results.h"
#include "survey/results_embargo.h"
#include "visit_state.h"
#include "widgets.h"

namespace kiosk {

void DrawThanks(App& app) {
    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##thanks");
    const Survey* survey = app.data.FindSurvey(app.nav.Current().param);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float width = m.width - 2 * m.margin;
    const bool poll_results = survey && survey->mode == SurveyMode::Poll && survey->show_results && app.store;
    // Embargoed: the tally is not even read, so no figure can reach the screen.
    const bool embargoed = poll_results && !ResultsPublic(app, *survey);
    const bool results = poll_results && !embargoed;

    // Read-aloud at the top right, where the sections' top bars have it.
    const float read_aloud_w = ReadAloudControlsWidth(app, m.target);
    ReadAloudControls(app, ImVec2(m.width - m.Px(20) - read_aloud_w, m.Px(12)), m.target);

    // A big tick: understood without reading.
    const float r = results ? m.Px(70) : m.Px(110);
    const ImVec2 center(m.width * 0.5f, results ? m.margin + r : m.height * 0.3f);
    draw->AddCircleFilled(center, r, Rgb(palette::kOpinion), 64);
    DrawIcon(draw, Icon::Check, center, r * 1.1f, Rgb(palette::kTextOnDark));
    ImGui::SetCursorScreenPos(ImVec2(m.margin, center.y + r + m.gap));
    const std::string& text = survey ? app.Text(survey->thanks) : app.Tr("surveys.unavailable");
    CenteredText(text, results ? app.fonts.body_bold : app.fonts.title, palette::kText, m.margin, width);

    const float buttons_y = m.height - m.Px(24) - m.target;
    if (embargoed) {
        const float top = ImGui::GetCursorScreenPos().y + m.gap;
        ImGui::SetCursorScreenPos(ImVec2(m.margin, top));
        CenteredText(app.Format("surveys.thanks.embargo", fmt::arg("date", ResultsPublicDate(app, *survey))),
                     app.fonts.body, palette::kTextMuted, m.margin, width);
        app.targets.Name("thanks.embargo", ImVec2(m.margin, top),
                         ImVec2(m.margin + width, ImGui::GetCursorScreenPos().y));
    }
    if (results) {
        const float top = ImGui::GetCursorScreenPos().y + m.gap;
        ImGui::SetCursorScreenPos(ImVec2(m.margin, top));
        CenteredText(app.Tr("surveys.thanks.results"), app.fonts.title, palette::kOpinion, m.margin, width);
        const float bars_top = ImGui::GetCursorScreenPos().y + m.Px(16);
        const float bars_w = std::min(width, m.Px(1500));
        const float bars_x = (m.width - bars_w) * 0.5f;
        // The visitor's own vote shows counted, even one flagged burst (kept apart for staff).
        const SurveyVisit& visit = app.visit.survey;
        const bool voted = visit.survey_id == survey->id;
        PollResults(app, *survey,
                    TallyShownToVoter(app.store->Tally(survey->id), voted ? visit.vote : "",
                                      voted && visit.vote_burst),
                    {ImVec2(bars_x, bars_top), ImVec2(bars_x + bars_w, buttons_y - m.gap)});
    }

    ButtonStyle home{.fill = palette::kSurface, .text = palette::kText, .outline = true, .icon = Icon::Home};
    ButtonStyle finish{.fill = palette::kOpinion, .icon = Icon::Exit};
    const std::string& home_label = app.Tr("nav.home");
    const std::string& finish_label = app.Tr("surveys.thanks.finish");
    const ImVec2 home_size = TouchButtonSize(app, home_label, home);
    const ImVec2 finish_size = TouchButtonSize(app, finish_label, finish);
    const float total = home_size.x + m.gap * 2 + finish_size.x;
    ImGui::SetCursorScreenPos(ImVec2((m.width - total) * 0.5f, buttons_y));
    if (TouchButton(app, "##home", home_label, ImVec2(home_size.x, m.target), home)) app.nav.GoHome(app.now);
    app.targets.Name("thanks.home");
    ImGui::SetCursorScreenPos(ImVec2((m.width - total) * 0.5f + home_size.x + m.gap * 2, buttons_y));
    if (TouchButton(app, "##finish", finish_label, ImVec2(finish_size.x, m.target), finish))
        app.nav.EndVisit(app.now);
    app.targets.Name("thanks.finish");
}

} // namespace kiosk
