// The staff alert marker: a small red disc in the screen's corner while an alert is not
// acknowledged — the response store reports a fault (answers waiting in memory) or moved a
// damaged database aside, a file was refused, kiosk-sync failed, the disk is filling.
// Visitors are told in their own words on the survey screens; this is for staff walking
// by (the panel's "Alertes" gives the details, staff/alerts_view.h).
#pragma once

#include "app.h"

namespace kiosk {

void DrawStaffAlert(App& app);

} // namespace kiosk
