// A poll offered in one tap: its question and its answers as big buttons (pictures,
// faces, yes/no or words). A tap records the vote at once (VotePoll) and leads to the
// thank-you screen once it is committed. Used on the home and attract screens, the survey
// list, and the poll's own screen.
#pragma once

#include "app.h"
#include "survey/survey.h"
#include "survey_layout.h"

namespace kiosk {

enum class PollCardStyle {
    Light, // on the kiosk's paper background
    Dark,  // on the attract screen's dark blue
};

// Draws `poll` in `area` (its question on top when `show_question`). Returns true when a
// vote was cast this frame.
bool PollCard(App& app, const Survey& poll, const Area& area, PollCardStyle style, bool show_question = true);

// The height the question text of `poll` takes at `width` in the card's font.
float PollQuestionHeight(const App& app, const Survey& poll, float width);

} // namespace kiosk
