#include "app.h"

#include "survey/survey_session.h"

namespace kiosk {

void App::ForgetVisit(VisitEnd why) {
    EndSurveyVisit(*this, why);
    visit = VisitState{};
}

} // namespace kiosk
