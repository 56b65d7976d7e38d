#include "staff_session.h"

#include <limits>

namespace kiosk {

std::span<const StaffOriginChoice> StaffOriginChoices() {
    static constexpr StaffOriginChoice kChoices[] = {
        {ResponseOrigin::Kiosk, "staff.origin.kiosk"},
        {ResponseOrigin::Assisted, "staff.origin.assisted"},
        {ResponseOrigin::Event, "staff.origin.event"},
    };
    return kChoices;
}

void StaffSession::Unlock(double now) {
    unlocked_ = true;
    last_touch_ = now;
}

void StaffSession::OnTouch(double now) {
    if (unlocked_) last_touch_ = now;
}

bool StaffSession::Tick(double now, Screen screen) {
    if (!unlocked_) return false;
    if (screen == Screen::Attract || now >= NextDeadline()) {
        unlocked_ = false;
        return true;
    }
    return false;
}

double StaffSession::NextDeadline() const {
    return unlocked_ ? last_touch_ + lock_seconds_ : std::numeric_limits<double>::infinity();
}

} // namespace kiosk
