// The wrong-PIN back-off of staff mode, kept across restarts.
//
// After the n-th wrong PIN in a row, the next PIN is refused (not even checked) for
// min(2^(n-1), 300) seconds: 1, 2, 4, 8 … 256, then 300 s for good; a right PIN resets the
// count. The count survives a restart (or a power cut), so unplugging the kiosk does not
// buy an attacker fresh tries: it lives in a small file beside the responses database
// (PinBackOff::FileBeside), replaced durably (base/durable_write.h) at every change.
//
// The file holds two lines, "failures N" and "failed_at T": T is the wall-clock time (UNIX
// seconds) of the last wrong PIN — deliberately not the deadline:
//   - Within one process the wait is measured on the monotonic clock (Clock::Now), which
//     no change of the wall clock moves.
//   - Across a restart only the wall clock exists. The wait left at load is
//     delay(N) − (now − T), clamped to [0, delay(N)]. A clock set back — by an hour or by
//     years (a kiosk whose RTC battery died boots in 1970 or 2000, then NTP corrects it) —
//     gives at most one full delay, 300 s at worst, never the years a stored absolute
//     deadline would mean. A clock set forward across a restart only shortens that one
//     wait (whoever can set the clock and restart the kiosk owns the machine anyway); the
//     count, which is what makes guessing slow, is kept.
// A missing file means no wrong PIN. A file that cannot be read or makes no sense (edited,
// truncated, another program's) is taken as the maximum back-off — the safe reading — and
// logged as a warning; it never stops the kiosk.
//
// Try() counts a PIN as wrong, durably, *before* checking it and takes the count back when
// it was right: killing the kiosk or cutting the power during the 0.1 s check cannot make a
// wrong PIN free.
//
// Not synchronised: one thread uses an object at a time (the PIN pad's worker owns it and
// hands the PinAttempt, wait included, to the UI).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "base/clock.h"

namespace kiosk {

enum class PinOutcome {
    Unlocked, // the right PIN: the count is reset
    Wrong,    // a wrong PIN: wait_seconds before the next try
    TooSoon,  // refused without checking: wait_seconds are still left
};

struct PinAttempt {
    PinOutcome outcome = PinOutcome::TooSoon;
    double wait_seconds = 0; // before the next try (0 after Unlocked)
    // Not empty when the back-off file could not be written: the back-off still holds in
    // this process, but a restart would not know it. The caller logs it.
    std::string save_error;
};

class PinBackOff {
public:
    static constexpr double kMaxWaitSeconds = 300;

    // The back-off file of the database `database` ("responses.db.staff-pin").
    static std::filesystem::path FileBeside(const std::filesystem::path& database);
    // The wait after `failures` wrong PINs in a row (0 for none).
    static double WaitAfter(long long failures);

    // Reads `file` (see the header comment for a missing or corrupt file). `clock` must
    // outlive this object.
    PinBackOff(std::filesystem::path file, const Clock& clock);

    // Seconds before the next PIN may be tried; 0 when it may be tried now.
    double SecondsToWait() const;
    long long Failures() const { return failures_; }

    // Checks `pin` against `pin_hash` (staff/pin.h) if the back-off allows a try now, and
    // records the outcome. Wipes `pin` in every case. Blocks ~0.1 s (Argon2id) plus a file
    // write: call it off the UI thread.
    PinAttempt Try(std::string& pin, std::string_view pin_hash);

    // Record one wrong PIN / a right one (Try does both). False with `error` when the file
    // could not be written; the new state holds in memory either way.
    [[nodiscard]] bool RecordWrong(std::string& error);
    [[nodiscard]] bool RecordRight(std::string& error);

private:
    bool Save(std::string& error) const;

    std::filesystem::path file_;
    const Clock* clock_;
    long long failures_ = 0;
    long long failed_at_ = 0; // wall clock (UNIX seconds) of the last wrong PIN
    double deadline_ = 0;     // monotonic (Clock::Now) time before which no PIN is tried
};

} // namespace kiosk
