// A staff session: whether the panel is unlocked, when it locks, and the kiosk settings
// staff change from it (test mode, the origin of the coming answers, the attract poll).
//
// The panel locks after `[staff] lock_seconds` without a touch, and whenever the kiosk
// shows the attract screen (a visit ended: the idle countdown ran out, "J’ai terminé", the
// thank-you screen): staff who walk away never leave the panel open to the next visitor.
// Locking keeps the settings: test mode stays on (and its banner with it) so that staff
// can try the public screens after leaving the panel.
//
// The settings live in memory only: a restart returns to the public defaults (README "Staff
// mode" says why). Pure: time is passed in.
#pragma once

#include <span>
#include <string>

#include "nav/navigator.h"
#include "store/response.h"

namespace kiosk {

// The origins staff may choose for the coming answers, in the panel's order, each with its
// catalogue key. Adding one is one row here and one key per catalogue. Paper is not one:
// a paper questionnaire needs the date written on it, so staff enter it from the panel's
// own tab (ui/staff/paper_entry.h).
struct StaffOriginChoice {
    ResponseOrigin origin;
    const char* label_key;
};
std::span<const StaffOriginChoice> StaffOriginChoices();

struct StaffSettings {
    bool test_mode = false;                        // record is_test = 1, banner on every screen
    ResponseOrigin origin = ResponseOrigin::Kiosk; // recorded with every coming answer
    std::string attract_poll;                      // poll id offered on attract and home; empty: automatic
};

class StaffSession {
public:
    explicit StaffSession(int lock_seconds) : lock_seconds_(lock_seconds) {}

    bool Unlocked() const { return unlocked_; }
    void Unlock(double now);
    void Lock() { unlocked_ = false; }

    // Any touch while unlocked restarts the lock timer.
    void OnTouch(double now);
    // Locks when lock_seconds have passed without a touch, or when `screen` is the attract
    // screen. True when it locked in this call.
    bool Tick(double now, Screen screen);
    // When Tick() must next run (+infinity while locked).
    double NextDeadline() const;

    StaffSettings settings;

private:
    int lock_seconds_;
    bool unlocked_ = false;
    double last_touch_ = 0;
};

} // namespace kiosk
