// Survey sessions: what the survey screens do with the core — start, answer, send, cancel,
// vote, and the end of a visit. No drawing here: the screens call these on taps.
//
//   Surveys list ──tap──▶ OpenSurvey ──▶ notice ──"Start"──▶ StartAnswering ──▶ questions
//       questions ──"Send"──▶ SendAnswers ──▶ Sending ──COMMIT──▶ Thanks (Navigator::ShowThanks)
//   home / attract poll ──tap──▶ VotePoll ──▶ Sending ──COMMIT──▶ Thanks
//   Sending ──rejected by the store──▶ "could not be recorded" ──"Home"──▶ LeaveRejectedResponse
//
// A paper questionnaire staff are copying (staff/paper_entry.h) goes through the same
// functions, recorded as origin paper with its date: its commit, cancel and end of visit
// return to the staff panel instead, with no thank-you and nothing partial recorded.
//
// Recording goes through app.store, which never loses a response: while it cannot commit
// (disk full, locked…) the response waits in memory and is retried, the visitor sees why,
// and staff see the alert marker.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "app.h"
#include "survey/survey.h"
#include "survey/survey_runner.h"

namespace kiosk {

// Whether `survey` is offered today: within its active_from..active_to (local date) and
// with questions. Only offered surveys are listed, and linked from the timeline.
bool IsOffered(const App& app, const Survey& survey);
// The surveys (or polls) offered today, in file order.
std::vector<const Survey*> ActiveSurveys(const App& app, SurveyMode mode);

// Opens `survey` at its information notice (a new SurveyVisit) and shows it.
void OpenSurvey(App& app, const Survey& survey);
// The visitor read the notice: the runner starts now (the response's started_at).
void StartAnswering(App& app);

// The last question's "Send": validates every visible answer and submits the response to
// the store; the screen then shows the Sending stage. Returns the validation error (the
// runner moved to that question) if an answer is missing or invalid. A second call after
// a successful one does nothing: a double tap records once.
std::optional<ValidationError> SendAnswers(App& app);

// One tap on a poll's option: the vote is submitted at once (flagged `burst` when the
// poll's burst rule says so) and the Sending stage shows until it is committed.
void VotePoll(App& app, const Survey& poll, std::string_view option_id);

// The visitor confirmed "Stop the survey?": nothing is recorded, back to the home screen.
void CancelSurvey(App& app);

// Sending stage, every frame: shows the thank-you screen once the response is committed.
// Returns the response's state (Retrying: the screen explains and offers to retry;
// Rejected: it will never be recorded, the screen says so and offers the way home).
RecordState UpdateSending(App& app);

// The visitor leaves a response the store rejected: the survey visit is forgotten (a new
// vote on the same poll counts again) and the home screen shows; the visit goes on.
void LeaveRejectedResponse(App& app);

// A visit ends (idle countdown ran out, thank-you over, "I have finished"): a survey left
// mid-way gets its timeout policy — discarded, or recorded as "abandoned". An idle
// timeout also resets the poll burst detector (a new visitor is probably there).
void EndSurveyVisit(App& app, VisitEnd why);

} // namespace kiosk
