// The staff panel's "Alertes" section (issue 12; README "Alerts"): what went wrong
// elsewhere — a failed database write, a refused survey file, a sync error, the disk
// filling — with its time and what to do, each listed until staff tap "J'ai vu".
#pragma once

#include <cstddef>

#include "app.h"

namespace kiosk {

// Every frame, before drawing (cheap: no I/O): the store's status, the files refused at
// start-up and the disk / kiosk-sync findings of the watcher's thread go to the AlertLog.
void UpdateAlerts(App& app);

// The section "Alertes" (StaffSections()), and the count its tab shows.
void DrawStaffAlerts(App& app, ImVec2 min, ImVec2 max);
size_t UnacknowledgedAlerts(const App& app);

} // namespace kiosk
