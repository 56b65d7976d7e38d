// kiosk-sync's exit codes (also in its --help and README "Sending answers to the city").
// Header-only, apart from the sync library: the kiosk runs kiosk-sync as a child process
// from the staff panel and reads these codes without linking libcurl or libsodium.
#pragma once

namespace kiosk {

enum class SyncExit {
    Ok = 0,
    BadConfig = 1,      // the configuration file is invalid
    BadCommandLine = 2, // an option or argument is wrong
    RetryLater = 3,     // some destination failed in a way a later run may not; it will retry
    Refused = 4,        // a destination refused: a person must act (the log says what)
    NoData = 5,         // the database or the state file cannot be read or written
    Busy = 6,           // another run holds the state
};

} // namespace kiosk
