// The staff screens (README "Staff mode"): the PIN pad, the panel, and the test-mode
// banner drawn over every screen while test mode is on.
#pragma once

#include <span>

#include "app.h"

namespace kiosk {

// Before drawing: the hidden corner press opens the pad, and the session locks after
// lock_seconds without a touch or on the attract screen (locking on the panel ends the
// visit: the attract screen). Called by DrawScreens every frame.
void UpdateStaffMode(App& app);

void DrawStaffPin(App& app);   // Screen::StaffPin
void DrawStaffPanel(App& app); // Screen::StaffPanel
// "MODE TEST" across the top of every screen, public ones included, while test mode is on.
void DrawTestModeBanner(App& app);

// The panel's sections, as its tabs show them. Adding a section (results, sync…) is one
// row: its title's catalogue key, its touch-target name, and the function that draws it
// in the area below the tabs.
struct StaffSection {
    const char* title_key;
    const char* target;
    void (*draw)(App& app, ImVec2 min, ImVec2 max);
    // A number shown on the tab when not zero (e.g. the alerts not yet acknowledged); may be null.
    size_t (*count)(const App& app) = nullptr;
};
std::span<const StaffSection> StaffSections();

// The section "Kiosk controls" (staff_panel.cpp).
void DrawStaffControls(App& app, ImVec2 min, ImVec2 max);
// The section "Synchronisation" (sync_view.cpp).
void DrawStaffSync(App& app, ImVec2 min, ImVec2 max);

} // namespace kiosk
