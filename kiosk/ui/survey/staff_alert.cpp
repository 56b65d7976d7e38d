#include "staff_alert.h"

#include "icons.h"
#include "palette.h"
#include "staff/alerts_view.h"

namespace kiosk {

void DrawStaffAlert(App& app) {
    // Whatever raised them (the store, a refused file, kiosk-sync, the disk): until staff
    // acknowledge every alert in the panel.
    if (UnacknowledgedAlerts(app) == 0) return;
    const Metrics& m = app.metrics;
    // Above every screen and overlay, in the bottom-left corner outside every control's
    // place (controls keep Metrics::margin from the edges).
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const float r = m.Px(21);
    const ImVec2 center(m.Px(4) + r, m.height - m.Px(4) - r);
    draw->AddCircleFilled(center, r, Rgb(palette::kDanger), 32);
    draw->AddCircle(center, r, Rgb(palette::kTextOnDark), 32, m.Px(2));
    DrawIcon(draw, Icon::Warning, ImVec2(center.x, center.y - m.Px(1)), r * 1.2f, Rgb(palette::kTextOnDark));
    app.targets.Name("staff.alert", ImVec2(center.x - r, center.y - r), ImVec2(center.x + r, center.y + r));
}

} // namespace kiosk
