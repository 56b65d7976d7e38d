// Outside opening hours the attract screen is dimmed or blanked (opening_hours.outside).
// A touch wakes the kiosk for opening_hours.wake_seconds.
#include "screens.h"
#include "widgets.h"

namespace kiosk {

void DrawSleepOverlay(const App& app) {
    const bool blank = app.data.config.opening_hours.outside == OutsideHours::Blank;
    ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(app.metrics.width, app.metrics.height),
                                                  Rgb(palette::kScrim, blank ? 1.0f : 0.7f));
}

} // namespace kiosk
