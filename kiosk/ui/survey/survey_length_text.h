// How long a survey takes, in words (from core/survey/survey_length.h): the same figures
// on the home tile, in the survey list and on the notice.
#pragma once

#include <string>

#include "app.h"

namespace kiosk {

// "De 7 à 10 questions, environ 3 minutes".
std::string LengthText(const App& app, const Survey& survey);
// The "Donner mon avis" tile's subtitle: "Quelques questions, environ 3 minutes" from the
// surveys offered today ("de 2 à 4 minutes" for several; no figure when none is offered).
std::string OpinionTileSubtitle(const App& app);

} // namespace kiosk
