#include "results_embargo.h"

#include "config/opening_hours.h"
#include "content/date_text.h"

namespace kiosk {

bool ResultsPublic(const App& app, const Survey& survey) {
    return survey.ResultsPublic(ToLocalMoment(app.wall_now).date);
}

std::string ResultsPublicDate(const App& app, const Survey& survey) {
    if (!survey.results_public_from) return {};
    return FormatFullDate(app.data.catalogs, app.nav.Language(), *survey.results_public_from);
}

} // namespace kiosk
