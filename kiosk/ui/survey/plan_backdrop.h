// The plan under a plan-pin question, zoomable like the plan viewer.
//
// Plans belong to the content section (Content::FindPlan); their images are decoded
// off the UI thread by the image store (platform/image_store.h). This is the survey
// screens' only contact with them. The plan is shown through a PlanView (core/view), the
// plan viewer's model: pinch, drag and wheel zoom and pan it as in the viewer. Pins are
// stored normalised to the plan's main image (0,0 top left … 1,1 bottom right), whatever
// the zoom, so PinToPlan / PlanToPin convert between that and plan coordinates.
#pragma once

#include <string_view>

#include "app.h"
#include "survey_layout.h"
#include "survey_visit.h"

namespace kiosk {

enum class BackdropState { Ready, Loading, Missing };

struct PlanBackdrop {
    BackdropState state = BackdropState::Missing;
    const Plan* plan = nullptr;
    Rect image; // Ready: the main image's rectangle on screen at the current zoom (may exceed the area)
};

// Brings `zoom` up to date for plan `plan_id` in `area` (fitted the first time, kept
// relative to fit when the area changes), applies this frame's gestures and animation,
// then draws the plan as it shows it, clipped to `area` (or a message while it loads / when
// it cannot be shown).
PlanBackdrop DrawPlanBackdrop(App& app, std::string_view plan_id, const Area& area, PinPlanZoom& zoom);

// Pin (normalised to the main image) ↔ plan coordinates.
Vec2 PinToPlan(const Plan& plan, double x, double y);
Vec2 PlanToPin(const Plan& plan, Vec2 plan_point);

} // namespace kiosk
