#include "survey_length_text.h"

#include <algorithm>

#include "survey/survey_length.h"
#include "survey_session.h"

namespace kiosk {

namespace {
std::string MinutesText(const App& app, int least, int most) {
    if (least != most)
        return app.Format("surveys.length.minutes_range", fmt::arg("min", least), fmt::arg("max", most));
    if (least == 1) return app.Tr("surveys.length.one_minute");
    return app.Format("surveys.length.minutes", fmt::arg("minutes", least));
}
} // namespace

std::string LengthText(const App& app, const Survey& survey) {
    const SurveyLength length = EstimateLength(survey);
    std::string questions;
    if (length.min_questions != length.max_questions)
        questions = app.Format("surveys.length.questions_range", fmt::arg("min", length.min_questions),
                               fmt::arg("max", length.max_questions));
    else if (length.max_questions == 1)
        questions = app.Tr("surveys.length.one_question");
    else
        questions = app.Format("surveys.length.questions", fmt::arg("count", length.max_questions));
    return app.Format("surveys.length.line", fmt::arg("questions", questions),
                      fmt::arg("minutes", MinutesText(app, length.minutes, length.minutes)));
}

std::string OpinionTileSubtitle(const App& app) {
    int least = 0, most = 0;
    for (const Survey* survey : ActiveSurveys(app, SurveyMode::Survey)) {
        const int minutes = EstimateLength(*survey).minutes;
        least = least == 0 ? minutes : std::min(least, minutes);
        most = std::max(most, minutes);
    }
    if (most == 0) return app.Tr("home.opinion.subtitle");
    return app.Format("home.opinion.subtitle_minutes", fmt::arg("minutes", MinutesText(app, least, most)));
}

} // namespace kiosk
