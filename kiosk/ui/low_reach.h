// Low reach: the visitor screens laid out inside the band of the screen a person in a
// wheelchair reaches. EN 301 549 §8.3.2.4 puts every control a visitor needs between 380 and
// 1220 mm from the floor; on a totem or a kiosk mounted high, part of the screen is above
// that. The configuration gives the mounting ([display] bottom_mm, height_mm) and the mode
// (low_reach = "off" | "toggle" | "always"); with "toggle" a wheelchair button beside « Aa »
// switches it for the rest of the visit (VisitState::low_reach).
//
// The screens do not know: the shell gives ImGui a display the size of the band, shifts the
// drawing down by its top and the touches up by the same amount, so every screen reflows
// into the band (docs/accessibility.md, "Low reach: wheelchair users"). Outside the band
// there is only something to read (DrawOutOfReach), never a control.
#pragma once

#include <imgui.h>

#include "config/config.h"
#include "input/gesture_recognizer.h"

namespace kiosk {

struct App;

inline constexpr double kReachLowestMm = 380;
inline constexpr double kReachHighestMm = 1220;

// Rows of the window (px, top = 0) between 380 and 1220 mm from the floor: [top, bottom).
// The whole height when the mounting is unknown.
struct ReachBand {
    float top = 0, bottom = 0;
};
ReachBand ComputeReachBand(const DisplayConfig& display, float window_height);
// Height above the floor (mm) of the window's row `y` (0 = the visible area's top edge).
double RowHeightMm(const DisplayConfig& display, float window_height, float y);

// The wheelchair button is shown: mode "toggle" and part of this screen out of reach.
bool LowReachOffered(const App& app);
// The visitor screens are laid out in the band now (never the staff screens: staff stand).
bool LowReachOn(const App& app);

// Width of the wheelchair button at `height`; 0 when it is not offered.
float LowReachToggleWidth(const App& app, float height);
// Draws the button with its top-left corner at `pos`; a tap switches the mode.
void LowReachToggle(App& app, ImVec2 pos, float height);

// While low reach is on: what is drawn outside the band (the place's name and a line telling
// that everything to touch is lower down), in the layout's coordinates (above the band is
// y < 0). Read only.
void DrawOutOfReach(App& app);

// `frame` with every position moved by `by` (window → layout coordinates).
GestureFrame ShiftGestures(GestureFrame frame, Vec2 by);

} // namespace kiosk
