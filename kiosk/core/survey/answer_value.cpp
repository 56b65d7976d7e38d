#include "survey/answer_value.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "text/utf8.h"

namespace kiosk {

namespace {

bool IsSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0' || c == U'\u202F' ||
           c == U'\u2009';
}

// `text` without leading and trailing white space (including the no-break spaces a French
// keyboard types).
std::string Trimmed(std::string_view text) {
    std::vector<char32_t> chars = DecodeUtf8(text);
    size_t begin = 0, end = chars.size();
    while (begin < end && IsSpace(chars[begin]))
        begin++;
    while (end > begin && IsSpace(chars[end - 1]))
        end--;
    std::string out;
    for (size_t i = begin; i < end; i++)
        AppendUtf8(out, chars[i]);
    return out;
}

bool IsInteger(double value) {
    return std::isfinite(value) && std::floor(value) == value;
}

// Every id is an option of `question`, none twice.
bool AllKnownAndDistinct(const Question& question, const std::vector<std::string>& ids) {
    std::set<std::string_view> seen;
    for (const std::string& id : ids)
        if (!question.FindOption(id) || !seen.insert(id).second) return false;
    return true;
}

std::optional<ValidationError> CheckText(std::string_view text, int max_length) {
    if (!IsCleanText(text)) return ValidationError{"surveys.validation.text_invalid"};
    if ((long long)CountCodePoints(Trimmed(text)) > max_length)
        return ValidationError{"surveys.validation.text_too_long", 0, max_length};
    return std::nullopt;
}

const ValidationError kInvalid{"surveys.validation.invalid"};

// Smiley level of an option id: 1 (worst) … faces.
int SmileyLevel(const Question& question, std::string_view option_id) {
    for (size_t i = 0; i < question.options.size(); i++)
        if (question.options[i].id == option_id) return (int)i + 1;
    return 0;
}

} // namespace

bool AnswerValue::Empty() const {
    return option_ids.empty() && !number && Trimmed(text).empty() && pins.empty();
}

bool AnswerValue::Has(std::string_view option_id) const {
    return std::find(option_ids.begin(), option_ids.end(), option_id) != option_ids.end();
}

void AnswerValue::Choose(std::string option_id) {
    option_ids.assign(1, std::move(option_id));
}

void AnswerValue::Toggle(std::string_view option_id) {
    auto it = std::find(option_ids.begin(), option_ids.end(), option_id);
    if (it == option_ids.end())
        option_ids.emplace_back(option_id);
    else
        option_ids.erase(it);
}

std::optional<ValidationError> ValidateAnswer(const Question& q, const AnswerValue& value) {
    if (value.Empty()) {
        if (q.required) return ValidationError{"surveys.validation.required"};
        return std::nullopt;
    }
    switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::YesNo:
    case QuestionType::Smiley:
        if (value.option_ids.size() != 1 || !q.FindOption(value.option_ids[0])) return kInvalid;
        return std::nullopt;
    case QuestionType::MultipleChoice: {
        if (!AllKnownAndDistinct(q, value.option_ids)) return kInvalid;
        const int count = (int)value.option_ids.size();
        if (count < q.min_choices) return ValidationError{"surveys.validation.min_choices", q.min_choices, 0};
        if (count > q.max_choices) return ValidationError{"surveys.validation.max_choices", 0, q.max_choices};
        return std::nullopt;
    }
    case QuestionType::Scale:
        if (!value.number || !IsInteger(*value.number) || *value.number < q.scale_from ||
            *value.number > q.scale_to)
            return kInvalid;
        return std::nullopt;
    case QuestionType::Number:
        if (!value.number || !IsInteger(*value.number) || *value.number < (double)q.number_min ||
            *value.number > (double)q.number_max)
            return ValidationError{"surveys.validation.number_range", q.number_min, q.number_max};
        return std::nullopt;
    case QuestionType::FreeText: return CheckText(value.text, q.max_length);
    case QuestionType::Ranking:
        if (!AllKnownAndDistinct(q, value.option_ids)) return kInvalid;
        if (value.option_ids.size() != q.options.size())
            return ValidationError{"surveys.validation.rank_all"};
        return std::nullopt;
    case QuestionType::PlanPin: {
        const int count = (int)value.pins.size();
        if (count < q.min_pins) return ValidationError{"surveys.validation.min_pins", q.min_pins, 0};
        if (count > q.max_pins) return ValidationError{"surveys.validation.max_pins", 0, q.max_pins};
        for (const PinAnswer& pin : value.pins) {
            if (!std::isfinite(pin.x) || !std::isfinite(pin.y) || pin.x < 0 || pin.x > 1 || pin.y < 0 ||
                pin.y > 1)
                return kInvalid;
            if (q.pin_detail != PinDetail::Choice && !pin.option_id.empty()) return kInvalid;
            if (q.pin_detail != PinDetail::Comment && !pin.comment.empty()) return kInvalid;
            if (q.pin_detail == PinDetail::Choice) {
                if (pin.option_id.empty()) return ValidationError{"surveys.validation.pin_choice"};
                if (!q.FindOption(pin.option_id)) return kInvalid;
            }
            if (q.pin_detail == PinDetail::Comment)
                if (auto error = CheckText(pin.comment, q.max_length)) return error;
        }
        return std::nullopt;
    }
    }
    return kInvalid;
}

std::vector<Answer> ToAnswerRows(const Question& q, const AnswerValue& value) {
    std::vector<Answer> rows;
    if (value.Empty()) return rows;
    auto row = [&] {
        Answer a;
        a.question_id = q.id;
        return a;
    };
    switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::YesNo:
    case QuestionType::MultipleChoice:
        for (const std::string& id : value.option_ids) {
            Answer a = row();
            a.option_id = id;
            rows.push_back(std::move(a));
        }
        break;
    case QuestionType::Smiley: {
        Answer a = row();
        a.option_id = value.option_ids.at(0);
        a.number = SmileyLevel(q, value.option_ids[0]);
        rows.push_back(std::move(a));
        break;
    }
    case QuestionType::Scale:
    case QuestionType::Number: {
        Answer a = row();
        a.number = value.number;
        rows.push_back(std::move(a));
        break;
    }
    case QuestionType::FreeText: {
        Answer a = row();
        a.text = Trimmed(value.text);
        rows.push_back(std::move(a));
        break;
    }
    case QuestionType::Ranking:
        for (size_t i = 0; i < value.option_ids.size(); i++) {
            Answer a = row();
            a.option_id = value.option_ids[i];
            a.number = (double)(i + 1);
            rows.push_back(std::move(a));
        }
        break;
    case QuestionType::PlanPin:
        for (const PinAnswer& pin : value.pins) {
            Answer a = row();
            a.plan_id = q.plan_id;
            a.x = pin.x;
            a.y = pin.y;
            if (!pin.option_id.empty()) a.option_id = pin.option_id;
            std::string comment = Trimmed(pin.comment);
            if (!comment.empty()) a.text = std::move(comment);
            rows.push_back(std::move(a));
        }
        break;
    }
    return rows;
}

} // namespace kiosk
