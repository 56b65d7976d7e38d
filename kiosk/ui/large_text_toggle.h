// The "Aa" control: large text (×1.4, fonts.h kLargeTextFactor) with a high-contrast
// palette (palette.h), for visitors who see poorly. Always visible on the visitor's screens
// (top bars, the survey header, home); the choice holds until the visit ends
// (VisitState::large_text), so the next visitor finds the ordinary screen.
#pragma once

#include <imgui.h>

namespace kiosk {

struct App;

// Width the control takes at `height`.
float LargeTextToggleWidth(const App& app, float height);

// Draws the control with its top-left corner at `pos`; a tap switches the mode.
void LargeTextToggle(App& app, ImVec2 pos, float height);

} // namespace kiosk
