// The staff panel's "Participation" section (issue 13, README "Evaluation").
#pragma once

#include "app.h"

namespace kiosk {

void DrawStaffParticipation(App& app, ImVec2 min, ImVec2 max);

} // namespace kiosk
