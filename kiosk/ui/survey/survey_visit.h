// SurveyVisit: what one visitor has done in a survey or poll — part of VisitState, so it is
// forgotten in one place when the visit ends (after the survey's timeout policy applied,
// see survey_session.h).
#pragma once

#include <optional>
#include <string>

#include "keyboard_widget.h"
#include "store/response_store.h"
#include "survey/survey_runner.h"

namespace kiosk {

enum class SurveyStage {
    Notice,    // the information notice, before the first question
    Answering, // the questions
    Sending,   // submitted: waiting for the store's COMMIT (or retrying after a fault)
};

// Dragging a ranked item to another place.
struct RankingDrag {
    int item = -1;     // index in the ranking being dragged (-1: none)
    float grab_dx = 0; // finger offset from the item's top-left corner
    float grab_dy = 0;
};

struct SurveyVisit {
    std::string survey_id; // the survey on screen ("" when none)
    SurveyStage stage = SurveyStage::Notice;
    std::optional<SurveyRunner> runner; // from "Start" (or a poll vote) on
    std::optional<Ticket> ticket;       // the submitted response, while Sending
    double sent_at = 0;                 // monotonic time it was submitted
    // A poll vote: the option chosen and whether it was flagged burst, so that the results
    // shown after it count it (survey/own_vote.h).
    std::string vote;
    bool vote_burst = false;

    // The question on screen: the state below belongs to question `question` and is reset
    // when another question shows.
    int question = -1;
    std::optional<ValidationError> error; // shown after "Next" refused the answer
    bool confirm_cancel = false;          // the "Stop the survey?" dialog is open
    OnScreenKeyboard keyboard;            // free text, number, pin comment
    std::string keyboard_language;        // the layout follows the visitor's language
    RankingDrag drag;
    int selected_pin = -1;        // plan pin: the pin whose choice or comment is being given
    bool editing_comment = false; // plan pin: the comment keyboard is open
};

} // namespace kiosk
