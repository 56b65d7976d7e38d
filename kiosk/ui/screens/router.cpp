// The screen for each route, then the overlays.
#include "palette.h"
#include "screens.h"
#include "survey/staff_alert.h"

namespace kiosk {

void DrawScreens(App& app) {
    switch (app.nav.CurrentScreen()) {
    case Screen::Attract: DrawAttract(app); break;
    case Screen::Home: DrawHome(app); break;
    case Screen::Plans:
    case Screen::PlanViewer: DrawEmptySection(app, "home.plans.title", palette::kPrimary); break;
    case Screen::Timeline: DrawEmptySection(app, "home.timeline.title", palette::kTimeline); break;
    case Screen::Agenda: DrawEmptySection(app, "home.agenda.title", palette::kAgenda); break;
    case Screen::Surveys: DrawSurveys(app); break;
    case Screen::Survey: DrawSurvey(app); break;
    case Screen::Thanks: DrawThanks(app); break;
    }
    DrawStaffAlert(app);
    if (app.nav.CountdownVisible()) DrawIdleOverlay(app);
    if (app.nav.Asleep(app.now)) DrawSleepOverlay(app);
}

} // namespace kiosk
