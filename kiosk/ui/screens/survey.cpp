// The survey screen (route param: the survey id): the information notice, the questions,
// then "recording…" until the store has committed the response. A poll shown on its own
// is its question in one tap. "Stop" asks for confirmation over whatever is shown.
#include <cmath>

#include "screens.h"
#include "staff/paper_entry.h"
#include "survey/poll_card.h"
#include "survey/survey_layout.h"
#include "survey/survey_session.h"
#include "visit_state.h"
#include "widgets.h"

namespace kiosk {

namespace {

constexpr double kQuietSending = 0.3; // s before "recording…" shows

// The store refused the response for good (RecordState::Rejected: a schema constraint, or
// malformed by a program bug; the store logged it in full): nothing will be recorded, so the
// visitor is told so in their language and leaves — home, keeping the visit, or "Finish".
// Static: no frame is asked for.
void DrawSurveyRejected(App& app, ImVec2 center, float r) {
    const Metrics& m = app.metrics;
    const float width = m.width - 4 * m.margin;
    const float x = 2 * m.margin;
    DrawIcon(ImGui::GetWindowDrawList(), Icon::Warning, center, r * 2, Rgb(palette::kWarning));
    const float text_top = center.y + r + m.gap;
    ImGui::SetCursorScreenPos(ImVec2(x, text_top));
    CenteredText(app.Tr("surveys.recording.rejected"), app.fonts.title, palette::kText, x, width);
    app.targets.Name("sending.rejected", ImVec2(x, text_top),
                     ImVec2(x + width, ImGui::GetCursorScreenPos().y));

    ButtonStyle home{.fill = palette::kOpinion, .icon = Icon::Home};
    ButtonStyle finish{
        .fill = palette::kSurface, .text = palette::kText, .outline = true, .icon = Icon::Exit};
    const std::string& home_label = app.Tr("nav.home");
    const std::string& finish_label = app.Tr("surveys.sending.finish");
    const ImVec2 home_size = TouchButtonSize(app, home_label, home);
    const ImVec2 finish_size = TouchButtonSize(app, finish_label, finish);
    const float y = ImGui::GetCursorScreenPos().y + m.gap * 2;
    const float total = home_size.x + m.gap * 2 + finish_size.x;
    ImGui::SetCursorScreenPos(ImVec2((m.width - total) * 0.5f, y));
    if (TouchButton(app, "##rejected-home", home_label, home_size, home)) LeaveRejectedResponse(app);
    app.targets.Name("sending.home");
    ImGui::SetCursorScreenPos(ImVec2((m.width - total) * 0.5f + home_size.x + m.gap * 2, y));
    if (TouchButton(app, "##rejected-finish", finish_label, finish_size, finish)) app.nav.EndVisit(app.now);
    app.targets.Name("sending.finish");
}

// Waiting for COMMIT: a spinner while it is quick, and if recording fails, why the visitor
// can leave anyway (the answer is kept and retried) and a way to retry now; if the store
// refused the response, that it could not be recorded and the way home.
void DrawSurveySending(App& app, const Survey& survey) {
    const Metrics& m = app.metrics;
    SurveyHeader(app, survey, nullptr, /*can_stop=*/false);
    const RecordState state = UpdateSending(app);
    if (state == RecordState::Committed) return; // the thank-you screen is next
    const float width = m.width - 4 * m.margin;
    const float x = 2 * m.margin;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 center(m.width * 0.5f, m.height * 0.38f);
    const float r = m.Px(60);
    // Unknown: the store has no such ticket, so it will never commit either.
    if (state == RecordState::Rejected || state == RecordState::Unknown) {
        DrawSurveyRejected(app, center, r);
        return;
    }

    if (state != RecordState::Retrying) {
        // Recording usually takes a few milliseconds: nothing flashes on screen unless it
        // takes longer; then three quarters of a ring turn.
        const double waited = app.now - app.visit.survey.sent_at;
        if (waited < kQuietSending) {
            app.RequestFrameIn(kQuietSending - waited);
            return;
        }
        const float start = (float)std::fmod(app.now * 5.0, 2.0 * M_PI);
        draw->PathArcTo(center, r, start, start + (float)M_PI * 1.5f, 32);
        draw->PathStroke(Rgb(palette::kOpinion), 0, m.Px(10));
        app.RequestFrameIn(1.0 / 30.0);
        ImGui::SetCursorScreenPos(ImVec2(x, center.y + r + m.gap));
        CenteredText(app.Tr("surveys.sending.saving"), app.fonts.title, palette::kText, x, width);
        return;
    }
    DrawIcon(draw, Icon::Warning, center, r * 2, Rgb(palette::kWarning));
    ImGui::SetCursorScreenPos(ImVec2(x, center.y + r + m.gap));
    CenteredText(app.Tr("surveys.recording.delayed"), app.fonts.title, palette::kText, x, width);

    ButtonStyle retry{
        .fill = palette::kSurface, .text = palette::kText, .outline = true, .icon = Icon::Reset};
    ButtonStyle finish{.fill = palette::kOpinion, .icon = Icon::Check};
    const std::string& retry_label = app.Tr("surveys.sending.retry");
    const std::string& finish_label = app.Tr("surveys.sending.finish");
    const ImVec2 retry_size = TouchButtonSize(app, retry_label, retry);
    const ImVec2 finish_size = TouchButtonSize(app, finish_label, finish);
    const float y = ImGui::GetCursorScreenPos().y + m.gap * 2;
    const float total = retry_size.x + m.gap * 2 + finish_size.x;
    ImGui::SetCursorScreenPos(ImVec2((m.width - total) * 0.5f, y));
    if (TouchButton(app, "##retry", retry_label, retry_size, retry) && app.store) app.store->RetryNow();
    app.targets.Name("sending.retry");
    ImGui::SetCursorScreenPos(ImVec2((m.width - total) * 0.5f + retry_size.x + m.gap * 2, y));
    // The response stays in the store's queue and is retried after the visit.
    if (TouchButton(app, "##finish", finish_label, finish_size, finish)) app.nav.EndVisit(app.now);
    app.targets.Name("sending.finish");
}

// A poll on its own screen: its question, answered in one tap.
void DrawPollScreen(App& app, const Survey& poll) {
    const Metrics& m = app.metrics;
    TopBar(app, app.Tr("surveys.quick_question"), palette::kOpinion);
    const float top = PaperEntryStrip(app, m.bar) + m.margin; // staff copying a paper vote
    const Area area{ImVec2(m.margin, top), ImVec2(m.width - m.margin, m.height - m.margin * 2)};
    PollCard(app, poll, area, PollCardStyle::Light);
    ImGui::SetCursorScreenPos(ImVec2(m.margin, m.height - m.margin * 1.5f));
    CenteredText(app.Tr("surveys.poll_hint"), app.fonts.body, palette::kTextMuted, m.margin,
                 m.width - 2 * m.margin);
}

} // namespace

void DrawSurvey(App& app) {
    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##survey");
    const std::string& id = app.nav.Current().param;
    const Survey* survey = app.data.FindSurvey(id);
    SurveyVisit& visit = app.visit.survey;
    if (!survey) {
        TopBar(app, app.Tr("home.opinion.title"), palette::kOpinion);
        ImGui::SetCursorScreenPos(ImVec2(m.margin, m.height * 0.45f));
        CenteredText(app.Tr("surveys.unavailable"), app.fonts.title, palette::kTextMuted, m.margin,
                     m.width - 2 * m.margin);
        return;
    }
    if (visit.survey_id != id) { // opened directly (scripts, tests): from the notice
        visit = SurveyVisit{};
        visit.survey_id = id;
    }

    ImGui::BeginDisabled(visit.confirm_cancel);
    switch (visit.stage) {
    case SurveyStage::Notice:
        if (survey->mode == SurveyMode::Poll)
            DrawPollScreen(app, *survey);
        else
            DrawSurveyNotice(app, *survey);
        break;
    case SurveyStage::Answering: DrawSurveyQuestion(app, *survey); break;
    case SurveyStage::Sending: DrawSurveySending(app, *survey); break;
    }
    ImGui::EndDisabled();

    if (visit.confirm_cancel && visit.stage == SurveyStage::Answering) {
        switch (ConfirmDialog(app, "##confirm-cancel", app.Tr("surveys.cancel.title"),
                              app.Tr("surveys.cancel.text"), app.Tr("surveys.cancel.keep"),
                              app.Tr("surveys.cancel.confirm"))) {
        case ConfirmAnswer::None: break;
        case ConfirmAnswer::Keep: visit.confirm_cancel = false; break;
        case ConfirmAnswer::Confirm: CancelSurvey(app); break;
        }
    } else {
        visit.confirm_cancel = false;
    }
    // What the frame ends with: a tap that moved to another question, sent or opened the
    // dialog changes the page at once (the next touches then wait, see App::ShowsPage).
    app.ShowsPage((uint64_t)visit.stage);
    app.ShowsPage(visit.runner ? (uint64_t)visit.runner->CurrentIndex() : 0);
    app.ShowsPage(visit.confirm_cancel);
}

} // namespace kiosk
