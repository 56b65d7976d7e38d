// The staff alert marker: a small red disc in the screen's corner while the response
// store reports a fault (answers waiting in memory) or has moved a damaged database
// aside. Visitors are told in their own words on the survey screens; this is for staff
// walking by (the staff panel will give the details).
#pragma once

#include "app.h"

namespace kiosk {

void DrawStaffAlert(App& app);

} // namespace kiosk
