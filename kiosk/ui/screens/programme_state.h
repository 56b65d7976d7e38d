// Per-visit state of the plans, timeline and agenda screens (part of VisitState: forgotten
// when the visit ends, so the next visitor finds every plan fitted and the timeline on
// today's phase).
#pragma once

#include <string>

#include "nav/navigator.h"
#include "view/plan_view.h"

namespace kiosk {

struct PlanViewerState {
    std::string plan_id;   // the plan `view` belongs to
    int last_frame = -100; // ImGui frame it was last drawn: a gap means "just opened"
    PlanView view;
    ViewAnimation animation;         // double tap, zoom buttons, reset
    float divider = 0.5f;            // before/after divider, fraction of the plan area's width
    bool drag_moves_divider = false; // the current drag grabbed the divider
    bool pinch_on_plan = false;      // the current pinch started on the plan
    int open_hotspot = -1;           // index into the plan's hotspots; -1: the plan's own text
};

struct TimelineState {
    int last_frame = -100;
    Route link;           // the plan or survey a link opened: coming Back from it keeps the selection
    std::string selected; // phase id whose card is open
    float scroll = 0;     // strip scroll, px
    float scroll_target = 0;
    bool scroll_animating = false;
    Rect cards; // where the row of cards was last drawn (screen): tests and scripts tap it
};

} // namespace kiosk
