#include "poll_offer.h"

#include "palette.h"
#include "staff/staff_state.h"
#include "survey_session.h"
#include "widgets.h"

namespace kiosk {

const Survey* OfferedPoll(const App& app) {
    const Survey* offered = nullptr;
    const std::vector<const Survey*> active = ActiveSurveys(app, SurveyMode::Poll);
    // The poll staff chose in the panel, while it is active.
    const std::string& chosen = app.staff.session.settings.attract_poll;
    for (const Survey* poll : active)
        if (!chosen.empty() && poll->id == chosen) return poll;
    for (const Survey* poll : active) {
        const CivilDate from = poll->active_from.value_or(CivilDate{});
        if (!offered || offered->active_from.value_or(CivilDate{}) < from) offered = poll;
    }
    return offered;
}

float PollBandHeight(const App& app) {
    return app.metrics.Px(210);
}

bool PollBand(App& app, const Survey& poll, const Area& area, PollCardStyle style) {
    const Metrics& m = app.metrics;
    const bool dark = style == PollCardStyle::Dark;
    const float text_w = area.Width() * 0.32f;
    ImGui::SetCursorScreenPos(area.min);
    WrappedText(app.Tr("surveys.quick_question"), app.fonts.body_bold,
                dark ? palette::kAttractAccent : palette::kTextMuted, text_w);
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, ImGui::GetCursorScreenPos().y + m.Px(6)));
    const std::string& question = app.Text(poll.questions.front().text);
    // The question in large type if it fits the band, else in the body font.
    ImFont* font = TextHeight(question, app.fonts.title, text_w) <= area.Height() - m.Px(50)
                       ? app.fonts.title
                       : app.fonts.body_bold;
    WrappedText(question, font, dark ? palette::kTextOnDark : palette::kText, text_w);
    const Area answers{ImVec2(area.min.x + text_w + m.gap, area.min.y), area.max};
    return PollCard(app, poll, answers, style, /*show_question=*/false);
}

} // namespace kiosk
