// The results embargo (issue 12; README "The survey file", `results_public_from`): before
// the survey's date, screens the public sees — a poll's thank-you bars, the big screen —
// show no figure. Staff's results keep every figure, with a note. "Today" is the app's
// wall clock in local time, as for IsOffered, so tests move it.
#pragma once

#include <string>

#include "app.h"
#include "survey/survey.h"

namespace kiosk {

// True when the public may see `survey`'s figures today.
bool ResultsPublic(const App& app, const Survey& survey);
// The day results become public, in the visitor's language ("vendredi 15 janvier 2027");
// empty when the survey sets no embargo.
std::string ResultsPublicDate(const App& app, const Survey& survey);

} // namespace kiosk
