// Screens: one file each, one entry point each. DrawScreens() draws the current route and
// the overlays above it (idle countdown, sleep outside opening hours).
#pragma once

#include "app.h"

namespace kiosk {

void DrawScreens(App& app);

void DrawAttract(App& app);
void DrawHome(App& app);
void DrawIdleOverlay(App& app);
void DrawSleepOverlay(const App& app);
// The programme: plans gallery and viewer (route param: plan id), timeline (param: phase
// id to open, or empty for today's phase), agenda.
void DrawPlans(App& app);
void DrawPlanViewer(App& app);
void DrawTimeline(App& app);
void DrawAgenda(App& app);

// Surveys and polls (ui/survey/ holds their pieces).
struct Survey;
void DrawSurveys(App& app);                              // the list (Screen::Surveys)
void DrawSurvey(App& app);                               // notice, questions, sending (Screen::Survey)
void DrawSurveyNotice(App& app, const Survey& survey);   // the information notice
void DrawSurveyQuestion(App& app, const Survey& survey); // one question and its footer
void DrawThanks(App& app);                               // Screen::Thanks

} // namespace kiosk
