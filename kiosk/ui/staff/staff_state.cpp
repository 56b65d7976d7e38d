#include "staff_state.h"

#include "kiosk_data.h"
#include "platform/event_wait.h"
#include "staff/pin.h"

namespace kiosk {

StaffState::StaffState(const KioskData& data, const Clock& clock) : session(data.config.staff.lock_seconds) {
    digits.reserve(kPinMaxDigits); // typing never reallocates: no stray copy of the digits
    if (!data.config.staff.Enabled()) return;
    checker = std::make_unique<PinChecker>(PinBackOff::FileBeside(data.config.paths.database),
                                           data.config.staff.pin_hash, clock, [] { WakeMainLoop(); });
}

StaffState::~StaffState() {
    WipeSecret(digits);
}

} // namespace kiosk
