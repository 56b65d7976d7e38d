// SurveyRunner: one visitor going through one survey or poll (pure core, no screen).
//
//   runner created (visitor tapped "Start" after the notice, or tapped a poll option)
//     │  SetAnswer → Next ─▶ next VISIBLE question (show_if re-evaluated on every call)
//     │  Back ◀────────────  previous visible question, answers kept
//     ├─ Submit()  ─▶ Submitted: returns the Response once (then never again)
//     ├─ Cancel()  ─▶ Cancelled: nothing to record (the visitor confirmed)
//     └─ TimeOut() ─▶ TimedOut:  the survey's policy: nothing, or an "abandoned" Response
//
// The runner never records anything itself: the caller hands the Response to the
// ResponseStore (store/response_store.h), which is idempotent on the response UUID.
// Answers to questions that become hidden are kept while the visitor may come back, but
// never submitted. Times: started_at / submitted_at from clock.WallMilliseconds(),
// duration from the monotonic clock (immune to wall-clock changes).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "store/response.h"
#include "survey/answer_value.h"
#include "survey/survey.h"

namespace kiosk {

// Who answers where: copied into the Response.
struct ResponseContext {
    std::string kiosk_id;
    std::string language; // the visitor's language when they started
    ResponseOrigin origin = ResponseOrigin::Kiosk;
    bool is_test = false;
    // Origin Paper (staff copying a questionnaire): the date written on it, "YYYY-MM-DD".
    std::optional<std::string> paper_date;
};

enum class RunnerStage { Answering, Submitted, Cancelled, TimedOut };

// How far the visitor is, in a form show_if cannot contradict: "Question 3" and a bar of
// the share answered. No total is shown: a later answer may hide or show questions.
//   - position: the current question is the position-th the visitor has been shown; it
//     does not change while they stay on it, and grows by one with each Next.
//   - at_most: the most questions this visit can still show in all (those passed, this one,
//     and every later one a possible answer could show). Answers to questions already passed
//     decide, the current one's does not (it may still change), so at_most never grows as
//     the visitor goes forward.
//   - done: (position - 1) / at_most, the share answered; it never goes down going forward.
// Going Back, position and done go back with the visitor, as they expect.
struct Progress {
    int position = 1; // 1-based
    int at_most = 1;
    float done = 0; // 0..1
};

struct SubmitResult {
    std::optional<Response> response;     // set exactly once per runner
    std::optional<ValidationError> error; // set when an answer is missing or invalid: the
                                          // runner moved to that question and stays Answering
};

class SurveyRunner {
public:
    // `survey` and `clock` must outlive the runner (surveys live in KioskData). Starts on
    // the first visible question; started_at is now.
    SurveyRunner(const Survey& survey, ResponseContext context, const Clock& clock);

    RunnerStage Stage() const { return stage_; }
    bool Answering() const { return stage_ == RunnerStage::Answering; }

    // The question on screen and its answer so far.
    const Question& Current() const;
    int CurrentIndex() const { return current_; } // index in the survey's questions
    const AnswerValue& CurrentAnswer() const;
    // Answer given to any question (an empty value when none).
    const AnswerValue& AnswerTo(std::string_view question_id) const;

    // Replaces the current question's answer (ignored unless Answering).
    void SetAnswer(AnswerValue value);

    // True when the question at `index` is shown given the answers so far.
    bool IsVisible(int index) const;
    // See Progress; recomputed from the answers given.
    Progress GetProgress() const;
    bool CanGoBack() const;
    // No visible question after the current one: the screen offers "Send" instead of "Next".
    bool IsLast() const;

    // The current answer's problem, if any (to show a hint or disable "Next").
    std::optional<ValidationError> CurrentError() const;
    // Validates the current answer; moves to the next visible question when valid. Returns
    // the error otherwise (and stays). On the last question it does nothing but validate.
    std::optional<ValidationError> Next();
    // Previous visible question (answers kept). No-op on the first.
    void Back();

    // Validates every visible question (moving to the first invalid one if any) and returns
    // the complete Response. Only the first successful call returns it: a double tap on
    // "Send" cannot produce two responses (the store also ignores a repeated UUID).
    SubmitResult Submit();
    // The visitor cancelled (after confirming): nothing is recorded.
    void Cancel();
    // Idle timeout mid-survey. Discard → nothing. KeepPartial → an "abandoned" Response with
    // the valid answers to visible questions, if there is at least one (else nothing).
    std::optional<Response> TimeOut();

private:
    Response MakeResponse(ResponseStatus status) const;
    int NextVisible(int from) const;
    int PreviousVisible(int from) const;
    // Whether a later question may still be shown, whatever the answers not yet given.
    bool MayShow(int index) const;

    const Survey* survey_;
    ResponseContext context_;
    const Clock* clock_;
    double started_mono_;
    long long started_wall_ms_;
    std::vector<AnswerValue> answers_; // one per question, by index
    int current_ = 0;
    RunnerStage stage_ = RunnerStage::Answering;
};

// Whether `question` (at `index` in `survey`) is shown given `answers` (one per question):
// the show_if rule above, applied transitively through hidden questions.
bool EvaluateVisibility(const Survey& survey, const std::vector<AnswerValue>& answers, int index);

} // namespace kiosk
