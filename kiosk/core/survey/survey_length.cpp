#include "survey/survey_length.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

// Seconds to read a question and answer it with taps on a kiosk: a tap-and-go question
// about 10 s; choosing several or typing a number 15 s; ordering or placing pins 30 s; a
// sentence on the on-screen keyboard 45 s. The demo survey (ten questions, one of each
// kind and more choices) comes to 185 s, "about 3 minutes".
int TypicalSeconds(QuestionType type) {
    switch (type) {
    case QuestionType::SingleChoice:
    case QuestionType::Scale:
    case QuestionType::Smiley:
    case QuestionType::YesNo: return 10;
    case QuestionType::MultipleChoice:
    case QuestionType::Number: return 15;
    case QuestionType::Ranking:
    case QuestionType::PlanPin: return 30;
    case QuestionType::FreeText: return 45;
    }
    return 15;
}

SurveyLength EstimateLength(const Survey& survey) {
    SurveyLength length;
    int seconds = 0;
    for (const Question& question : survey.questions) {
        length.max_questions++;
        if (!question.show_if) length.min_questions++;
        seconds += TypicalSeconds(question.type);
    }
    length.minutes = std::max(1, (int)std::lround(seconds / 60.0));
    return length;
}

} // namespace kiosk
