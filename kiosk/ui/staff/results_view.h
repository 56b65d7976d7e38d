// The staff panel's "Résultats" section (issue 12, docs/results.md): pick a survey or poll,
// then one chart per question, drawn from ResultsService snapshots (never SQL in a frame).
#pragma once

#include <functional>

#include "app.h"
#include "results/results_service.h"

namespace kiosk {

// The service options for this kiosk's database and loaded surveys; `on_update` is called
// on the service's thread after each new snapshot (the kiosk passes WakeMainLoop).
ResultsServiceOptions ResultsOptions(const KioskData& data, std::function<void()> on_update);

// The section "Résultats" (StaffSections()).
void DrawStaffResults(App& app, ImVec2 min, ImVec2 max);

} // namespace kiosk
