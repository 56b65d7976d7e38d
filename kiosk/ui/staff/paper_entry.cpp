// Paper entry: starting, ending and abandoning one (paper_entry.h). The panel's section
// and the strip are drawn in paper_entry_view.cpp.
#include "paper_entry.h"

#include "base/log.h"
#include "config/opening_hours.h"
#include "staff/paper_date.h"
#include "staff_state.h"
#include "survey/survey_session.h"
#include "visit_state.h"

namespace kiosk {

namespace {

CivilDate Today(const App& app) {
    return ToLocalMoment(app.wall_now).date;
}

// Back to the panel, which the entry was opened over (Back pops the survey; a stack that
// lost it gets the panel anew).
void ShowPanel(App& app) {
    if (app.nav.CurrentScreen() == Screen::Survey) app.nav.Back(app.now);
    if (app.nav.CurrentScreen() != Screen::StaffPanel) app.nav.Go({Screen::StaffPanel, ""}, app.now);
}

} // namespace

bool InPaperEntry(const App& app) {
    return !app.staff.paper.survey_id.empty();
}

CivilDate PaperDate(const App& app) {
    return app.staff.paper.date.value_or(Today(app));
}

std::optional<std::string> PaperEntryDate(const App& app) {
    if (!InPaperEntry(app)) return std::nullopt;
    return IsoDate(PaperDate(app));
}

bool StartPaperEntry(App& app, const Survey& survey) {
    if (PaperDateProblem(PaperDate(app), Today(app))) return false;
    app.staff.paper.survey_id = survey.id;
    LogInfo("staff: paper entry of {} dated {}", survey.id, IsoDate(PaperDate(app)));
    OpenSurvey(app, survey);
    // The notice is the visitor's; whoever filled the paper in read the paper's own.
    if (survey.mode != SurveyMode::Poll) StartAnswering(app);
    return true;
}

void PaperEntryRecorded(App& app) {
    app.staff.paper.entered++;
    LogInfo("staff: paper questionnaire recorded ({} in this sitting)", app.staff.paper.entered);
    DiscardPaperEntry(app); // the runner has submitted: nothing left to cancel
    ShowPanel(app);
}

void AbandonPaperEntry(App& app) {
    LogInfo("staff: paper entry abandoned, nothing recorded");
    DiscardPaperEntry(app);
    ShowPanel(app);
}

void DiscardPaperEntry(App& app) {
    SurveyVisit& visit = app.visit.survey;
    if (visit.runner) visit.runner->Cancel(); // no-op once submitted
    visit = SurveyVisit{};
    app.staff.paper.survey_id.clear();
}

void UpdatePaperEntry(App& app) {
    StaffState::PaperEntry& paper = app.staff.paper;
    if (!app.staff.session.Unlocked()) {
        if (InPaperEntry(app)) {
            LogInfo("staff: panel locked during a paper entry, nothing recorded");
            DiscardPaperEntry(app);
            app.nav.EndVisit(app.now);
        }
        paper = StaffState::PaperEntry{}; // the next sitting starts from today, at 0
        return;
    }
    if (!InPaperEntry(app)) return;
    const Route& route = app.nav.Current();
    if (route.screen == Screen::Survey && route.param == paper.survey_id) return;
    // Left by the top bar's "Back" or "Home" (a poll's card), or a rejected response's
    // "Home": what was being typed is dropped, and staff are back at the panel.
    LogInfo("staff: paper entry left, nothing recorded");
    DiscardPaperEntry(app);
    if (route.screen != Screen::StaffPanel) app.nav.Go({Screen::StaffPanel, ""}, app.now);
}

} // namespace kiosk
