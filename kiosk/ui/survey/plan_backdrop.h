// The plan image under a plan-pin question.
//
// Plans belong to the content section (Content::FindPlan); their images are decoded
// off the UI thread by the image store (platform/image_store.h). This is the survey
// screens' only contact with them: the plan-pin screen asks for the plan fitted in an
// area and gets back where the image lies, to turn taps into coordinates normalised to
// the image (0,0 top left … 1,1 bottom right), which is how pins are stored.
#pragma once

#include <optional>
#include <string_view>

#include "app.h"
#include "survey_layout.h"

namespace kiosk {

enum class BackdropState { Ready, Loading, Missing };

struct PlanBackdrop {
    BackdropState state = BackdropState::Missing;
    Area image; // Ready: the image's rectangle on screen (aspect kept, centred in the area)
};

// Draws plan `plan_id` fitted in `area` (or a message while it loads / when it cannot be
// shown) and says where the image is.
PlanBackdrop DrawPlanBackdrop(App& app, std::string_view plan_id, const Area& area);

} // namespace kiosk
