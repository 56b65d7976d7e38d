#include "staff_state.h"

#include "kiosk_data.h"
#include "platform/event_wait.h"
#include "staff/pin.h"

namespace kiosk {

StaffState::StaffState(const KioskData& data, const Clock& clock) : session(data.config.staff.lock_seconds) {
    digits.reserve(kPinMaxDigits); // typing never reallocates: no stray copy of the digits
    const std::filesystem::path& database = data.config.paths.database;
    alerts = std::make_unique<AlertLog>(AlertLog::FileBeside(database));
    // kiosk-sync's state file where it is by default (beside the database); one set
    // elsewhere by `[sync] state` is not watched (README "Alerts").
    alert_watcher = std::make_unique<AlertWatcher>(AlertWatchOptions{
        .database = database, .sync_state = database.parent_path() / "sync-state.db", .on_change = [] {
            WakeMainLoop();
        }});
    if (!data.config.staff.Enabled()) return;
    checker = std::make_unique<PinChecker>(PinBackOff::FileBeside(data.config.paths.database),
                                           data.config.staff.pin_hash, clock, [] { WakeMainLoop(); });
}

StaffState::~StaffState() {
    WipeSecret(digits);
}

} // namespace kiosk
