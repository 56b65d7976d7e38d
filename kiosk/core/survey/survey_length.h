// SurveyLength: how long a survey is, as told to visitors before they start — the survey
// list, the notice and the home tile all show these same figures, derived from the
// survey's questions (never written by hand in content or catalogues, where they drift).
//
// Questions: the number always asked (no show_if) and the number at most; show_if decides
// in between, so the visitor is never promised one number that the answers then change.
// Minutes: the time to answer every question, from a typical time per question type
// (kSecondsPerQuestion in the .cpp), rounded to the nearest minute, at least one.
#pragma once

#include "survey/survey.h"

namespace kiosk {

struct SurveyLength {
    int min_questions = 0; // questions without show_if
    int max_questions = 0; // every question
    int minutes = 1;
};

SurveyLength EstimateLength(const Survey& survey);
// Typical seconds a visitor takes on one question of `type` (reading included).
int TypicalSeconds(QuestionType type);

} // namespace kiosk
