// The screen for each route, then the overlays.
#include "palette.h"
#include "screens.h"

namespace kiosk {

void DrawScreens(App& app) {
    switch (app.nav.CurrentScreen()) {
    case Screen::Attract: DrawAttract(app); break;
    case Screen::Home: DrawHome(app); break;
    case Screen::Plans:
    case Screen::PlanViewer: DrawEmptySection(app, "home.plans.title", palette::kPrimary); break;
    case Screen::Timeline: DrawEmptySection(app, "home.timeline.title", palette::kTimeline); break;
    case Screen::Agenda: DrawEmptySection(app, "home.agenda.title", palette::kAgenda); break;
    case Screen::Surveys:
    case Screen::Survey:
    case Screen::Thanks: DrawEmptySection(app, "home.opinion.title", palette::kOpinion); break;
    }
    if (app.nav.CountdownVisible()) DrawIdleOverlay(app);
    if (app.nav.Asleep(app.now)) DrawSleepOverlay(app);
}

} // namespace kiosk
