// One screen per question type. Each draws its controls in `area` (between the question
// text and the footer) and edits `answer` in place; it returns true when the answer
// changed this frame (the caller hands it to the runner and clears the validation message).
#pragma once

#include "app.h"
#include "survey/answer_value.h"
#include "survey/survey.h"
#include "survey_layout.h"
#include "survey_visit.h"

namespace kiosk {

struct QuestionContext {
    const Question& question;
    AnswerValue& answer;
    SurveyVisit& visit; // per-question state: keyboard, drag, selected pin, message
    Area area;
};

bool DrawSingleChoiceQuestion(App& app, QuestionContext& q);
bool DrawMultipleChoiceQuestion(App& app, QuestionContext& q);
bool DrawScaleQuestion(App& app, QuestionContext& q);
bool DrawSmileyQuestion(App& app, QuestionContext& q);
bool DrawYesNoQuestion(App& app, QuestionContext& q);
bool DrawFreeTextQuestion(App& app, QuestionContext& q);
bool DrawNumberQuestion(App& app, QuestionContext& q);
bool DrawRankingQuestion(App& app, QuestionContext& q);
bool DrawPlanPinQuestion(App& app, QuestionContext& q);

// Prepares the per-question state when `question` comes on screen (keyboard with the
// current answer's text, no drag, no message).
void EnterQuestion(const App& app, SurveyVisit& visit, int index, const Question& question,
                   const AnswerValue& answer);

} // namespace kiosk
