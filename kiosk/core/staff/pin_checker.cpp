#include "pin_checker.h"

#include "base/log.h"
#include "staff/pin.h"

namespace kiosk {

PinChecker::PinChecker(std::filesystem::path backoff_file, std::string pin_hash, const Clock& clock,
                       std::function<void()> on_done)
    : backoff_(std::move(backoff_file), clock), pin_hash_(std::move(pin_hash)), on_done_(std::move(on_done)) {
    pending_.reserve(kPinMaxDigits + 4); // never reallocated: no stray copy of the digits
}

PinChecker::~PinChecker() {
    if (worker_.joinable()) worker_.join();
    WipeSecret(pending_);
}

void PinChecker::Check(std::string& pin) {
    {
        std::lock_guard lock(mutex_);
        if (busy_) {
            WipeSecret(pin);
            return;
        }
        busy_ = true;
        result_.reset();
    }
    if (worker_.joinable()) worker_.join(); // the previous check, finished
    pending_.assign(pin, 0, std::min(pin.size(), pending_.capacity()));
    WipeSecret(pin);
    worker_ = std::thread([this] {
        PinAttempt attempt = backoff_.Try(pending_, pin_hash_); // wipes pending_
        if (!attempt.save_error.empty()) LogWarning("staff PIN back-off: {}", attempt.save_error);
        {
            std::lock_guard lock(mutex_);
            result_ = std::move(attempt);
            busy_ = false;
        }
        if (on_done_) on_done_();
    });
}

bool PinChecker::Busy() const {
    std::lock_guard lock(mutex_);
    return busy_;
}

std::optional<PinAttempt> PinChecker::TakeResult() {
    std::lock_guard lock(mutex_);
    std::optional<PinAttempt> out = std::move(result_);
    result_.reset();
    return out;
}

double PinChecker::SecondsToWait() const {
    std::lock_guard lock(mutex_);
    return busy_ ? 0 : backoff_.SecondsToWait();
}

} // namespace kiosk
