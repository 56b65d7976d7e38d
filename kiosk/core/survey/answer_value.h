// AnswerValue: what a visitor has answered to one question, while they are answering.
//
// One struct for every question type (screens edit the field their type uses), turned into
// database rows (store/response.h Answer) only when the response is submitted. Validation
// returns a catalogue key for the visitor's language, never a text, so core stays free of
// wording and every message exists in every language.
//
// Validation message keys (assets/i18n/<lang>/survey_core.toml) and their placeholders —
// screens format them with app.Format(key, fmt::arg("min", e.min), fmt::arg("max", e.max)):
//   surveys.validation.required       (none)   nothing answered to a required question
//   surveys.validation.min_choices    {min}    multiple choice: too few options selected
//   surveys.validation.max_choices    {max}    multiple choice: too many options selected
//   surveys.validation.number_range   {min} {max}  number outside min..max or not an integer
//   surveys.validation.text_too_long  {max}    free text / pin comment longer than max characters
//   surveys.validation.text_invalid   (none)   control characters or broken UTF-8 in text
//   surveys.validation.rank_all       (none)   ranking started but not every option placed
//   surveys.validation.min_pins       {min}    plan pin: too few pins
//   surveys.validation.max_pins       {max}    plan pin: too many pins
//   surveys.validation.pin_choice     (none)   plan pin with choices: a pin has no choice
//   surveys.validation.invalid        (none)   a value the question cannot take (a screen bug)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/response.h"
#include "survey/survey.h"

namespace kiosk {

// One pin on a plan; x and y are 0..1 of the plan image (0,0 = top left).
struct PinAnswer {
    double x = 0, y = 0;
    std::string option_id; // PinDetail::Choice: one of the question's options ("" = none yet)
    std::string comment;   // PinDetail::Comment: optional text ("" = none)

    bool operator==(const PinAnswer&) const = default;
};

struct AnswerValue {
    // SingleChoice, YesNo, Smiley: one id. MultipleChoice: the selected ids (tap order).
    // Ranking: ids in rank order, first = rank 1 (complete when every option is placed).
    std::vector<std::string> option_ids;
    std::optional<double> number; // Scale, Number
    std::string text;             // FreeText
    std::vector<PinAnswer> pins;  // PlanPin

    // Nothing answered (free text counts as answered only with a non-blank character).
    bool Empty() const;
    bool Has(std::string_view option_id) const;
    // SingleChoice / YesNo / Smiley: makes `option_id` the one answer.
    void Choose(std::string option_id);
    // MultipleChoice: selects or deselects `option_id`.
    void Toggle(std::string_view option_id);

    bool operator==(const AnswerValue&) const = default;
};

struct ValidationError {
    std::string_view key = "surveys.validation.invalid"; // catalogue key (see the list above)
    long long min = 0, max = 0;                          // placeholders {min} / {max}

    bool operator==(const ValidationError&) const = default;
};

// Checks `value` against `question` (type, options, bounds, required). An empty value is
// an error only for a required question. Pure: no side effects.
std::optional<ValidationError> ValidateAnswer(const Question& question, const AnswerValue& value);

// The database rows for a VALID answer (see store/response.h for the row shapes); no rows
// for an empty answer. Free text is stored trimmed of surrounding white space.
std::vector<Answer> ToAnswerRows(const Question& question, const AnswerValue& value);

} // namespace kiosk
