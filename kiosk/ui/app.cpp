#include "app.h"

#include "platform/speech/speech_player.h"
#include "read_aloud/read_aloud_controls.h"
#include "staff/staff_state.h"
#include "survey/survey_session.h"
#include "visit_state.h"

namespace kiosk {

App::App(const KioskData& data_, const Clock& clock_)
    : data(data_), clock(clock_), nav(data_.config.idle, data_.config.DefaultLanguage()),
      visit_(std::make_unique<VisitState>()), visit(*visit_),
      staff_(std::make_unique<StaffState>(data_, clock_)), staff(*staff_) {
    nav.SetWakeSeconds(data_.config.opening_hours.wake_seconds);
}

App::~App() = default;

void App::ForgetVisit(VisitEnd why) {
    EndSurveyVisit(*this, why);
    visit = VisitState{}; // in place: `visit` keeps referring to the same object
    // The next visitor hears nothing of this one's speech, at the staff's volume.
    if (speech) speech->Stop();
    speech_requested = false;
    ApplyReadAloudVolume(*this);
}

} // namespace kiosk
