// VisitState: everything a visitor leaves behind on the screens.
//
// When a visit ends (idle countdown ran out, thank-you screen done, "I have finished") the
// App replaces this whole struct with a fresh one: partial answers, the opened plan and
// its zoom, the selected phase… are forgotten in one place, so no screen can forget to
// forget. Screens keep their per-visit state here, not in statics.
#pragma once

#include "read_aloud/read_aloud_visit.h"
#include "screens/programme_state.h"
#include "survey/survey_visit.h"

namespace kiosk {

struct VisitState {
    bool language_chosen = false; // the visitor picked a language on this visit
    bool large_text = false;      // "Aa": large text and high contrast (large_text_toggle.h)
    bool low_reach = false;       // the wheelchair button: screens in the reachable band (low_reach.h)
    Route last_drawn;             // the screen the previous frame showed (set by DrawScreens)
    PlanViewerState plan_viewer;
    TimelineState timeline;
    SurveyVisit survey;        // the survey or poll being answered (ui/survey/)
    ReadAloudVisit read_aloud; // the visitor's volume
};

} // namespace kiosk
