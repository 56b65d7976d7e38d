// SurveyVisit: what one visitor has done in a survey or poll — part of VisitState, so it is
// forgotten in one place when the visit ends (after the survey's timeout policy applied,
// see survey_session.h).
#pragma once

#include <optional>
#include <string>

#include "keyboard_widget.h"
#include "store/response_store.h"
#include "survey/survey_runner.h"
#include "view/plan_view.h"

namespace kiosk {

enum class SurveyStage {
    Notice,    // the information notice, before the first question
    Answering, // the questions
    Sending,   // submitted: waiting for the store's COMMIT (or retrying after a fault)
};

// Dragging a ranking's card (ranked or not) to a place in the ranking.
struct RankingDrag {
    std::string option; // the option being moved ("" when none)
};

// The plan of a plan-pin question as the visitor zoomed and panned it.
struct PinPlanZoom {
    bool ready = false; // false: fitted on the next frame
    std::string plan_id;
    PlanView view;
    ViewAnimation animation; // the zoom buttons animate
    bool pinch_on_plan = false;
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
    PinPlanZoom pin_zoom;         // plan pin: the plan's zoom and pan
};

} // namespace kiosk
