// Single and multiple choice: big cards in a grid, with pictures when the survey gives
// them, or pictures alone (picture_only) for visitors who do not read.
#include "question_screens.h"
#include "style_scope.h"

namespace kiosk {

namespace {

bool HasPictures(const Question& question) {
    for (const Option& option : question.options)
        if (!option.picture.empty()) return true;
    return false;
}

// The grid for the question's options: picture-only cards are large squares, cards with a
// thumbnail taller than text-only cards.
std::vector<Area> OptionCells(const App& app, const Question& question, const Area& area) {
    const Metrics& m = app.metrics;
    const int count = (int)question.options.size();
    if (question.picture_only) return GridCells(app, count, area, m.Px(200), m.Px(330), 5);
    if (HasPictures(question)) return GridCells(app, count, area, m.Px(120), m.Px(170), 2);
    return GridCells(app, count, area, m.target, m.Px(130), count > 8 ? 3 : 2);
}

} // namespace

bool DrawSingleChoiceQuestion(App& app, QuestionContext& q) {
    const std::vector<Area> cells = OptionCells(app, q.question, q.area);
    bool changed = false;
    for (size_t i = 0; i < q.question.options.size(); i++) {
        const Option& option = q.question.options[i];
        StyleScope id;
        id.Id((int)i);
        ChoiceCard card{.label = app.Text(option.label),
                        .picture = &option.picture,
                        .picture_only = q.question.picture_only,
                        .selected = q.answer.Has(option.id)};
        const bool tapped = ChoiceCardButton(app, "##option", card, cells[i]);
        app.targets.Name("option:" + option.id);
        if (!tapped) continue;
        if (card.selected && !q.question.required)
            q.answer.option_ids.clear(); // an optional answer can be taken back
        else
            q.answer.Choose(option.id);
        changed = true;
    }
    return changed;
}

bool DrawMultipleChoiceQuestion(App& app, QuestionContext& q) {
    const std::vector<Area> cells = OptionCells(app, q.question, q.area);
    bool changed = false;
    for (size_t i = 0; i < q.question.options.size(); i++) {
        const Option& option = q.question.options[i];
        StyleScope id;
        id.Id((int)i);
        ChoiceCard card{.label = app.Text(option.label),
                        .picture = &option.picture,
                        .picture_only = q.question.picture_only,
                        .selected = q.answer.Has(option.id),
                        .multiple = true};
        const bool tapped = ChoiceCardButton(app, "##option", card, cells[i]);
        app.targets.Name("option:" + option.id);
        if (!tapped) continue;
        if (!card.selected && (int)q.answer.option_ids.size() >= q.question.max_choices) {
            // Full: say so rather than silently ignoring the tap.
            q.visit.error = ValidationError{"surveys.validation.max_choices", 0, q.question.max_choices};
            continue;
        }
        q.answer.Toggle(option.id);
        changed = true;
    }
    return changed;
}

} // namespace kiosk
