#include "survey/survey_runner.h"

#include <cassert>
#include <charconv>
#include <cmath>

#include "store/timestamp.h"
#include "store/uuid.h"

namespace kiosk {

namespace {

// Whether `answer` to `question` equals the show_if `value` (an option id, or an integer
// written as text for scale and number questions).
bool Matches(const Question& question, const AnswerValue& answer, const std::string& value) {
    if (question.type == QuestionType::Scale || question.type == QuestionType::Number) {
        long long wanted = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), wanted);
        return ec == std::errc() && end == value.data() + value.size() && answer.number &&
               *answer.number == (double)wanted;
    }
    return answer.Has(value);
}

} // namespace

bool EvaluateVisibility(const Survey& survey, const std::vector<AnswerValue>& answers, int index) {
    assert(answers.size() == survey.questions.size());
    assert(index >= 0 && index < (int)survey.questions.size());
    const Question& question = survey.questions[index];
    if (!question.show_if) return true;
    const ShowIf& rule = *question.show_if;
    const int ref = survey.QuestionIndex(rule.question_id);
    // The loader guarantees an earlier question; anything else hides the question rather
    // than recursing forever.
    if (ref < 0 || ref >= index) return false;
    if (!EvaluateVisibility(survey, answers, ref)) return false;
    const AnswerValue& answer = answers[ref];
    if (answer.Empty()) return false;
    const Question& referenced = survey.questions[ref];
    switch (rule.op) {
    case ShowIfOp::Answered: return true;
    case ShowIfOp::Equals: return !rule.values.empty() && Matches(referenced, answer, rule.values[0]);
    case ShowIfOp::NotEquals: return !rule.values.empty() && !Matches(referenced, answer, rule.values[0]);
    case ShowIfOp::AnyOf:
        for (const std::string& value : rule.values)
            if (Matches(referenced, answer, value)) return true;
        return false;
    }
    return false;
}

SurveyRunner::SurveyRunner(const Survey& survey, ResponseContext context, const Clock& clock)
    : survey_(&survey), context_(std::move(context)), clock_(&clock), started_mono_(clock.Now()),
      started_wall_ms_(clock.WallMilliseconds()), answers_(survey.questions.size()) {
    // The loader refuses surveys without questions and show_if on the first question.
    assert(!survey.questions.empty());
    current_ = std::max(0, NextVisible(-1));
    assert(IsVisible(current_)); // the first question has no show_if
}

const Question& SurveyRunner::Current() const {
    assert(current_ >= 0 && current_ < (int)survey_->questions.size());
    return survey_->questions[current_];
}

const AnswerValue& SurveyRunner::CurrentAnswer() const {
    return answers_[current_];
}

const AnswerValue& SurveyRunner::AnswerTo(std::string_view question_id) const {
    static const AnswerValue empty;
    int index = survey_->QuestionIndex(question_id);
    return index < 0 ? empty : answers_[index];
}

void SurveyRunner::SetAnswer(AnswerValue value) {
    if (Answering()) answers_[current_] = std::move(value);
}

bool SurveyRunner::IsVisible(int index) const {
    return index >= 0 && index < (int)answers_.size() && EvaluateVisibility(*survey_, answers_, index);
}

int SurveyRunner::NextVisible(int from) const {
    for (int i = from + 1; i < (int)answers_.size(); i++)
        if (IsVisible(i)) return i;
    return -1;
}

int SurveyRunner::PreviousVisible(int from) const {
    for (int i = from - 1; i >= 0; i--)
        if (IsVisible(i)) return i;
    return -1;
}

bool SurveyRunner::MayShow(int index) const {
    assert(index >= 0 && index < (int)survey_->questions.size());
    const Question& question = survey_->questions[index];
    if (!question.show_if) return true;
    const int ref = survey_->QuestionIndex(question.show_if->question_id);
    if (ref < 0 || ref >= index) return false;   // as EvaluateVisibility
    if (ref < current_) return IsVisible(index); // decided by answers already given
    return ref == current_ || MayShow(ref);      // an answer to come may match the rule
}

Progress SurveyRunner::GetProgress() const {
    Progress progress{0, 0, 0};
    for (int i = 0; i <= current_ && i < (int)answers_.size(); i++)
        if (IsVisible(i)) progress.position++;
    progress.position = std::max(progress.position, 1);
    progress.at_most = progress.position;
    for (int i = current_ + 1; i < (int)answers_.size(); i++)
        if (MayShow(i)) progress.at_most++;
    progress.done = (float)(progress.position - 1) / (float)progress.at_most;
    // "Question N of at most M": N never passes M, and the bar is never full before the end.
    assert(progress.position <= progress.at_most && progress.done >= 0 && progress.done < 1);
    return progress;
}

bool SurveyRunner::CanGoBack() const {
    return PreviousVisible(current_) >= 0;
}

bool SurveyRunner::IsLast() const {
    return NextVisible(current_) < 0;
}

std::optional<ValidationError> SurveyRunner::CurrentError() const {
    return ValidateAnswer(Current(), CurrentAnswer());
}

std::optional<ValidationError> SurveyRunner::Next() {
    if (!Answering()) return std::nullopt;
    if (std::optional<ValidationError> error = CurrentError()) return error;
    if (int next = NextVisible(current_); next >= 0) current_ = next;
    return std::nullopt;
}

void SurveyRunner::Back() {
    if (!Answering()) return;
    if (int previous = PreviousVisible(current_); previous >= 0) current_ = previous;
}

SubmitResult SurveyRunner::Submit() {
    SubmitResult result;
    if (!Answering()) return result;
    for (int i = 0; i < (int)answers_.size(); i++) {
        if (!IsVisible(i)) continue;
        if (std::optional<ValidationError> error = ValidateAnswer(survey_->questions[i], answers_[i])) {
            current_ = i;
            result.error = error;
            return result;
        }
    }
    stage_ = RunnerStage::Submitted;
    result.response = MakeResponse(ResponseStatus::Complete);
    return result;
}

void SurveyRunner::Cancel() {
    if (Answering()) stage_ = RunnerStage::Cancelled;
}

std::optional<Response> SurveyRunner::TimeOut() {
    if (!Answering()) return std::nullopt;
    stage_ = RunnerStage::TimedOut;
    if (survey_->timeout == TimeoutPolicy::Discard) return std::nullopt;
    Response response = MakeResponse(ResponseStatus::Abandoned);
    if (response.answers.empty()) return std::nullopt;
    return response;
}

// The response as it stands: valid, non-empty answers to visible questions, in question order.
Response SurveyRunner::MakeResponse(ResponseStatus status) const {
    Response r;
    r.uuid = NewUuidV4();
    r.kiosk_id = context_.kiosk_id;
    r.survey_id = survey_->id;
    r.survey_version = survey_->version;
    r.language = context_.language;
    r.origin = context_.origin;
    r.status = status;
    r.is_test = context_.is_test;
    r.paper_date = context_.paper_date;
    r.started_at = FormatUtcMillis(started_wall_ms_);
    r.submitted_at = FormatUtcMillis(clock_->WallMilliseconds());
    r.duration_ms = std::max<long long>(0, std::llround((clock_->Now() - started_mono_) * 1000.0));
    for (int i = 0; i < (int)answers_.size(); i++) {
        const Question& question = survey_->questions[i];
        if (!IsVisible(i) || ValidateAnswer(question, answers_[i])) continue;
        for (Answer& row : ToAnswerRows(question, answers_[i]))
            r.answers.push_back(std::move(row));
    }
    return r;
}

} // namespace kiosk
