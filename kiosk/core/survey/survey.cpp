#include "survey/survey.h"

#include <algorithm>

namespace kiosk {

namespace {
constexpr std::pair<QuestionType, const char*> kTypeNames[] = {
    {QuestionType::SingleChoice, "single_choice"},
    {QuestionType::MultipleChoice, "multiple_choice"},
    {QuestionType::Scale, "scale"},
    {QuestionType::Smiley, "smiley"},
    {QuestionType::YesNo, "yes_no"},
    {QuestionType::FreeText, "free_text"},
    {QuestionType::Number, "number"},
    {QuestionType::Ranking, "ranking"},
    {QuestionType::PlanPin, "plan_pin"},
};
} // namespace

const char* ToString(QuestionType type) {
    for (const auto& [t, name] : kTypeNames)
        if (t == type) return name;
    return "single_choice";
}

std::optional<QuestionType> ParseQuestionType(std::string_view text) {
    for (const auto& [t, name] : kTypeNames)
        if (text == name) return t;
    return std::nullopt;
}

bool IsPollQuestionType(QuestionType type) {
    return type == QuestionType::SingleChoice || type == QuestionType::YesNo || type == QuestionType::Smiley;
}

const Option* Question::FindOption(std::string_view option_id) const {
    auto it =
        std::find_if(options.begin(), options.end(), [&](const Option& o) { return o.id == option_id; });
    return it == options.end() ? nullptr : &*it;
}

bool Survey::IsActive(const CivilDate& today) const {
    if (active_from && today < *active_from) return false;
    if (active_to && *active_to < today) return false;
    return true;
}

bool Survey::ResultsPublic(const CivilDate& today) const {
    return !results_public_from || !(today < *results_public_from);
}

const Question* Survey::FindQuestion(std::string_view question_id) const {
    int index = QuestionIndex(question_id);
    return index < 0 ? nullptr : &questions[index];
}

int Survey::QuestionIndex(std::string_view question_id) const {
    for (size_t i = 0; i < questions.size(); i++)
        if (questions[i].id == question_id) return (int)i;
    return -1;
}

} // namespace kiosk
