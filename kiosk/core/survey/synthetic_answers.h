// Synthetic responses: valid answers drawn at random, for kiosk-fill, tests and benchmarks.
//
// Each response is produced by walking a SurveyRunner exactly as a visitor would (so
// show_if, validation and the answer rows are those of real responses): every visible
// question gets a random valid answer (optional ones are sometimes skipped), with a few
// seconds of simulated reading per question. Deterministic for a given generator state,
// except the UUID, which always comes from the CSPRNG.
#pragma once

#include <random>

#include "store/response.h"
#include "survey/answer_value.h"
#include "survey/survey.h"

namespace kiosk {

// A random valid answer to `question` (never empty for a required question).
AnswerValue SyntheticAnswer(const Question& question, std::string_view language, std::mt19937_64& rng);

// A complete response to `survey`, submitted at `submitted_wall_ms`; origin "synthetic",
// is_test = true (synthetic answers must never be mistaken for residents').
Response SyntheticResponse(const Survey& survey, const std::string& kiosk_id, const std::string& language,
                           long long submitted_wall_ms, std::mt19937_64& rng);

} // namespace kiosk
