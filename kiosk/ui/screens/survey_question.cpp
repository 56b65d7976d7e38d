// One question of a survey: the header (Stop, progress), the question, the controls of its
// type (ui/survey/question_*.cpp), and the footer (Previous, the validation message, Next
// or Skip or Send).
#include "screens.h"
#include "style_scope.h"
#include "survey/question_screens.h"
#include "survey/survey_session.h"
#include "visit_state.h"

namespace kiosk {

namespace {

bool DrawControls(App& app, QuestionContext& q) {
    switch (q.question.type) {
    case QuestionType::SingleChoice: return DrawSingleChoiceQuestion(app, q);
    case QuestionType::MultipleChoice: return DrawMultipleChoiceQuestion(app, q);
    case QuestionType::Scale: return DrawScaleQuestion(app, q);
    case QuestionType::Smiley: return DrawSmileyQuestion(app, q);
    case QuestionType::YesNo: return DrawYesNoQuestion(app, q);
    case QuestionType::FreeText: return DrawFreeTextQuestion(app, q);
    case QuestionType::Number: return DrawNumberQuestion(app, q);
    case QuestionType::Ranking: return DrawRankingQuestion(app, q);
    case QuestionType::PlanPin: return DrawPlanPinQuestion(app, q);
    }
    return false;
}

} // namespace

void DrawSurveyQuestion(App& app, const Survey& survey) {
    const Metrics& m = app.metrics;
    SurveyVisit& visit = app.visit.survey;
    SurveyRunner& runner = *visit.runner;
    const int index = runner.CurrentIndex();
    const Question& question = runner.Current();
    if (visit.question != index || visit.keyboard_language != app.nav.Language())
        EnterQuestion(app, visit, index, question, runner.CurrentAnswer());

    const Progress progress = runner.GetProgress();
    float top = SurveyHeader(app, survey, &progress);
    top = QuestionText(app, question, top);
    AnswerValue answer = runner.CurrentAnswer();
    QuestionContext context{
        question, answer, visit, {ImVec2(m.margin, top + m.gap), ImVec2(m.width - m.margin, FooterTop(app))}};
    {
        StyleScope id;
        id.Id(question.id.c_str());
        if (DrawControls(app, context)) {
            runner.SetAnswer(std::move(answer));
            visit.error.reset();
        }
    }

    const bool last = runner.IsLast();
    const bool skip = !question.required && runner.CurrentAnswer().Empty();
    const std::string& label = app.Tr(last   ? "surveys.nav.send"
                                      : skip ? "surveys.nav.skip"
                                             : "surveys.nav.next");
    switch (QuestionFooter(app, runner.CanGoBack(), label, last ? Icon::Check : Icon::Forward, visit.error)) {
    case FooterAction::None: break;
    case FooterAction::Back: runner.Back(); break;
    case FooterAction::Next:
        if (!last) {
            visit.error = runner.Next();
        } else if (std::optional<ValidationError> error = SendAnswers(app)) {
            // The runner moved to the first question that needs an answer: show it with why.
            EnterQuestion(app, visit, runner.CurrentIndex(), runner.Current(), runner.CurrentAnswer());
            visit.error = error;
        }
        break;
    }
}

} // namespace kiosk
