// The "Aa" control: large text (×1.4, fonts.h kLargeTextFactor) with a high-contrast
// palette (palette.h), for visitors who see poorly. Always visible on the visitor's screens
// (top bars, the survey header, home); the choice holds until the visit ends
// (VisitState::large_text), so the next visitor finds the ordinary screen.
// Where the configuration offers it, the wheelchair button (low_reach.h) follows « Aa », in
// the same place on every screen: the two draw and measure together.
#pragma once

#include <imgui.h>

namespace kiosk {

struct App;

// Width the control takes at `height` (with the wheelchair button when offered).
float LargeTextToggleWidth(const App& app, float height);

// Draws the control(s) with the top-left corner at `pos`; a tap switches the mode.
void LargeTextToggle(App& app, ImVec2 pos, float height);

} // namespace kiosk
