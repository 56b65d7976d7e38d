// The screen for each route, then the overlays.
#include "palette.h"
#include "screens.h"
#include "staff/alerts_view.h"
#include "staff/staff_screens.h"
#include "survey/staff_alert.h"
#include "visit_state.h"

namespace kiosk {

void DrawScreens(App& app) {
    UpdateStaffMode(app); // may open the PIN pad or lock the panel: before the route is drawn
    const Route drawn = app.nav.Current();
    switch (app.nav.CurrentScreen()) {
    case Screen::Attract: DrawAttract(app); break;
    case Screen::Home: DrawHome(app); break;
    case Screen::Plans: DrawPlans(app); break;
    case Screen::PlanViewer: DrawPlanViewer(app); break;
    case Screen::Timeline: DrawTimeline(app); break;
    case Screen::Agenda: DrawAgenda(app); break;
    case Screen::Surveys: DrawSurveys(app); break;
    case Screen::Survey: DrawSurvey(app); break;
    case Screen::Thanks: DrawThanks(app); break;
    case Screen::StaffPin: DrawStaffPin(app); break;
    case Screen::StaffPanel: DrawStaffPanel(app); break;
    }
    UpdateAlerts(app);
    DrawStaffAlert(app);
    app.visit.last_drawn = drawn;
    if (app.nav.CountdownVisible()) DrawIdleOverlay(app);
    if (app.nav.Asleep(app.now)) DrawSleepOverlay(app);
    DrawTestModeBanner(app);
}

} // namespace kiosk
