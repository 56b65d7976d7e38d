// The walk-in poll offered on the home and attract screens: one question, its answers in
// one tap, in a band across the screen.
#pragma once

#include "app.h"
#include "poll_card.h"
#include "survey/survey.h"

namespace kiosk {

// The poll to offer now: the one staff chose in the panel while it is active; else among the polls active
// today, the one that started last (a one-day inauguration poll takes over from a season-long one), the first
// file on a tie. Nothing when no poll is active.
const Survey* OfferedPoll(const App& app);

// The band's height: the question beside answers at least Metrics::target tall.
float PollBandHeight(const App& app);

// Draws `poll` in `area`: "Quick question" and the question on the left, the answers on
// the right. A tap on an answer records the vote (see PollCard). Returns true on a vote.
bool PollBand(App& app, const Survey& poll, const Area& area, PollCardStyle style);

} // namespace kiosk
