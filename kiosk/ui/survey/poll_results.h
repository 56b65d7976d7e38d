// Poll results as horizontal bars, from the store's tally (PollTally): one bar per option,
// its share and its count, the total underneath. Burst-flagged votes are not in the bars
// (the store counts them apart).
#pragma once

#include "app.h"
#include "store/response_store.h"
#include "survey/survey.h"
#include "survey_layout.h"

namespace kiosk {

// Draws the bars of `poll` in `area`. Before the first vote (or while the count is not
// loaded yet) a sentence says results will come.
void PollResults(App& app, const Survey& poll, const PollTally& tally, const Area& area);

} // namespace kiosk
