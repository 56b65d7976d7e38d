#include "survey_session.h"

#include "base/log.h"
#include "config/opening_hours.h"
#include "staff/paper_entry.h"
#include "staff/staff_state.h"
#include "visit_state.h"

namespace kiosk {

namespace {

ResponseContext ContextFor(const App& app) {
    // Test mode and the origin are what staff set in the panel (staff/staff_panel.cpp); a
    // paper questionnaire staff are copying is `paper`, with its date (staff/paper_entry.h).
    const StaffSettings& staff = app.staff.session.settings;
    const std::optional<std::string> paper_date = PaperEntryDate(app);
    return {.kiosk_id = app.data.config.kiosk_id,
            .language = app.nav.Language(),
            .origin = paper_date ? ResponseOrigin::Paper : staff.origin,
            .is_test = staff.test_mode,
            .paper_date = paper_date};
}

// Hands `response` to the store and shows the Sending stage.
void Record(App& app, Response response) {
    SurveyVisit& visit = app.visit.survey;
    if (!app.store) { // a program that shows surveys always passes a store
        LogLineOnce(LogLevel::Error, "survey:no-store", "no response store: answers cannot be recorded");
        return;
    }
    visit.ticket = app.store->Submit(std::move(response));
    visit.stage = SurveyStage::Sending;
    visit.sent_at = app.now;
}

} // namespace

bool IsOffered(const App& app, const Survey& survey) {
    return survey.IsActive(ToLocalMoment(app.wall_now).date) && !survey.questions.empty();
}

std::vector<const Survey*> ActiveSurveys(const App& app, SurveyMode mode) {
    std::vector<const Survey*> out;
    for (const Survey& survey : app.data.surveys)
        if (survey.mode == mode && IsOffered(app, survey)) out.push_back(&survey);
    return out;
}

void OpenSurvey(App& app, const Survey& survey) {
    app.visit.survey = SurveyVisit{};
    app.visit.survey.survey_id = survey.id;
    app.nav.Go({Screen::Survey, survey.id}, app.now);
}

void StartAnswering(App& app) {
    SurveyVisit& visit = app.visit.survey;
    const Survey* survey = app.data.FindSurvey(visit.survey_id);
    if (!survey || visit.stage != SurveyStage::Notice) return;
    visit.runner.emplace(*survey, ContextFor(app), app.clock);
    visit.stage = SurveyStage::Answering;
    visit.question = -1;
}

std::optional<ValidationError> SendAnswers(App& app) {
    SurveyVisit& visit = app.visit.survey;
    if (!visit.runner || visit.stage != SurveyStage::Answering) return std::nullopt;
    SubmitResult result = visit.runner->Submit();
    if (result.error) return result.error;
    if (result.response) Record(app, std::move(*result.response));
    return std::nullopt;
}

void VotePoll(App& app, const Survey& poll, std::string_view option_id) {
    if (poll.questions.size() != 1) return; // the loader guarantees one question
    SurveyVisit& visit = app.visit.survey;
    // A vote still being recorded is not doubled by a second tap (the next vote, after its
    // thank-you, is a new one). One the store is done with — committed or rejected — does
    // not hold the next one back.
    if (visit.stage == SurveyStage::Sending && visit.survey_id == poll.id && visit.ticket && app.store) {
        const RecordState state = app.store->State(*visit.ticket);
        if (state == RecordState::Queued || state == RecordState::Retrying) return;
    }
    visit = SurveyVisit{};
    visit.survey_id = poll.id;
    visit.runner.emplace(poll, ContextFor(app), app.clock);
    AnswerValue vote;
    vote.Choose(std::string(option_id));
    visit.runner->SetAnswer(std::move(vote));
    SubmitResult result = visit.runner->Submit();
    if (!result.response) { // not one of the poll's options: a screen bug, never a crash
        LogLineOnce(LogLevel::Error, "poll:" + poll.id + ":" + std::string(option_id),
                    fmt::format("poll {}: \"{}\" is not an option", poll.id, option_id));
        visit = SurveyVisit{};
        return;
    }
    // Staff copying a pile of paper votes tap fast on purpose: that is no burst.
    result.response->burst = !InPaperEntry(app) && app.poll_bursts.OnVote(poll, app.now);
    visit.vote = std::string(option_id);
    visit.vote_burst = result.response->burst;
    Record(app, std::move(*result.response));
    app.nav.Go({Screen::Survey, poll.id}, app.now);
}

void CancelSurvey(App& app) {
    if (InPaperEntry(app)) return AbandonPaperEntry(app);
    SurveyVisit& visit = app.visit.survey;
    if (visit.runner) visit.runner->Cancel();
    visit = SurveyVisit{};
    app.nav.GoHome(app.now);
}

RecordState UpdateSending(App& app) {
    SurveyVisit& visit = app.visit.survey;
    if (visit.stage != SurveyStage::Sending || !visit.ticket || !app.store) return RecordState::Unknown;
    const RecordState state = app.store->State(*visit.ticket);
    if (state != RecordState::Committed) return state;
    if (InPaperEntry(app))
        PaperEntryRecorded(app); // straight back to the panel: no public thank-you for staff
    else
        app.nav.ShowThanks(visit.survey_id, app.now);
    return state;
}

void LeaveRejectedResponse(App& app) {
    if (InPaperEntry(app)) return AbandonPaperEntry(app);
    app.visit.survey = SurveyVisit{};
    app.nav.GoHome(app.now);
}

void EndSurveyVisit(App& app, VisitEnd why) {
    if (why == VisitEnd::IdleTimeout) app.poll_bursts.Reset();
    if (InPaperEntry(app)) {
        // A paper entry left mid-way records nothing, whatever the survey's timeout
        // policy: the paper will be entered again whole (staff/paper_entry.h).
        DiscardPaperEntry(app);
        return;
    }
    SurveyVisit& visit = app.visit.survey;
    if (!visit.runner || !visit.runner->Answering()) return;
    std::optional<Response> partial = visit.runner->TimeOut();
    if (!partial) return; // policy "discard", or nothing answered yet
    LogInfo("survey {}: visit ended mid-way, recording {} answer(s) as abandoned", visit.survey_id,
            partial->answers.size());
    if (app.store)
        app.store->Submit(std::move(*partial));
    else
        LogLineOnce(LogLevel::Error, "survey:no-store", "no response store: answers cannot be recorded");
}

} // namespace kiosk
