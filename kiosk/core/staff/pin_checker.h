// Checking a staff PIN off the UI thread.
//
// One Argon2id check (interactive limits) takes about 0.1 s and 64 MiB — several frames —
// plus a durable write of the back-off file: the PIN pad must not stutter or freeze while
// it runs. Check() hands the digits to a worker thread, which runs PinBackOff::Try (the
// back-off decides whether the PIN is even checked) and wipes them; the UI polls
// TakeResult() each frame, and `on_done` (the kiosk passes WakeMainLoop) wakes it.
//
// The PinBackOff belongs to the worker while a check runs and to the caller otherwise
// (pin_backoff.h is not synchronised): SecondsToWait() is refused while Busy().
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "staff/pin_backoff.h"

namespace kiosk {

class PinChecker {
public:
    PinChecker(std::filesystem::path backoff_file, std::string pin_hash, const Clock& clock,
               std::function<void()> on_done = {});
    ~PinChecker(); // waits for a check in progress
    PinChecker(const PinChecker&) = delete;
    PinChecker& operator=(const PinChecker&) = delete;

    // Starts checking `pin` (wiped here: the caller keeps no copy). Ignored while Busy().
    void Check(std::string& pin);
    bool Busy() const;
    // The outcome of the last check, once.
    std::optional<PinAttempt> TakeResult();
    // Seconds before a PIN may be tried (the back-off, persisted across restarts); 0 while
    // Busy() (the outcome will say).
    double SecondsToWait() const;

private:
    PinBackOff backoff_;
    std::string pin_hash_;
    std::function<void()> on_done_;
    std::thread worker_;
    std::string pending_; // the digits being checked (the worker's while busy)
    mutable std::mutex mutex_;
    bool busy_ = false;
    std::optional<PinAttempt> result_;
};

} // namespace kiosk
