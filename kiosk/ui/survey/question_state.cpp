// The state a question starts with when it comes on screen.
#include <cmath>
#include <cstdlib>

#include "keyboard/keyboard_model.h"
#include "question_screens.h"

namespace kiosk {

namespace {
size_t Digits(int64_t value) {
    return fmt::format("{}", std::llabs(value)).size();
}
} // namespace

void EnterQuestion(const App& app, SurveyVisit& visit, int index, const Question& question,
                   const AnswerValue& answer) {
    visit.question = index;
    visit.error.reset();
    visit.drag = {};
    visit.selected_pin = -1;
    visit.editing_comment = false;
    visit.pin_zoom = {};
    visit.keyboard = {};
    visit.keyboard_language = app.nav.Language();
    if (question.type == QuestionType::FreeText) {
        visit.keyboard = MakeKeyboard(app, false, {.max_length = (size_t)question.max_length}, answer.text);
    } else if (question.type == QuestionType::Number) {
        // Whole numbers (the loader's rule) within min..max: as many digits as the larger
        // bound, a sign only when negative answers exist.
        KeyboardOptions options{.max_length =
                                    std::max(Digits(question.number_min), Digits(question.number_max)) +
                                    (question.number_min < 0 ? 1 : 0),
                                .allow_decimal = false,
                                .allow_negative = question.number_min < 0};
        std::string text = answer.number ? fmt::format("{}", std::llround(*answer.number)) : std::string();
        visit.keyboard = MakeKeyboard(app, true, options, std::move(text));
    }
}

} // namespace kiosk
