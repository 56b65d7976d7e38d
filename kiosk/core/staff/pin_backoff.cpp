#include "staff/pin_backoff.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

#include <fmt/format.h>

#include "base/durable_write.h"
#include "base/log.h"
#include "staff/pin.h"

namespace kiosk {

namespace {

// A count that large is never reached by hand (300 s each: ten thousand years); it only
// keeps the arithmetic far from overflowing.
constexpr long long kMaxFailures = 1'000'000'000;
// What an unreadable file counts as: the first count whose wait is the maximum.
constexpr long long kFailuresAtMaxWait = 10;
constexpr size_t kMaxFileBytes = 256;

struct SavedState {
    long long failures = 0;
    long long failed_at = 0;
};

std::optional<long long> ParseField(std::string_view& text, std::string_view name, long long max) {
    if (text.substr(0, name.size() + 1) != fmt::format("{} ", name)) return std::nullopt;
    text.remove_prefix(name.size() + 1);
    long long value = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || value < 0 || value > max || end == text.data() + text.size() || *end != '\n')
        return std::nullopt;
    text.remove_prefix((size_t)(end - text.data()) + 1);
    return value;
}

// The file's state; nothing with `problem` when it cannot be read or makes no sense, a
// zero state when it does not exist.
std::optional<SavedState> ReadState(const std::filesystem::path& file, std::string& problem) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return SavedState{};
        problem = fmt::format("cannot be read: {}", std::strerror(errno));
        return std::nullopt;
    }
    std::string text(kMaxFileBytes + 1, '\0');
    size_t size = 0;
    while (size < text.size()) {
        const ssize_t n = ::read(fd, text.data() + size, text.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            problem = fmt::format("cannot be read: {}", std::strerror(errno));
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        size += (size_t)n;
    }
    ::close(fd);
    text.resize(size);
    std::string_view rest = text;
    SavedState state;
    std::optional<long long> failures = ParseField(rest, "failures", kMaxFailures);
    std::optional<long long> failed_at =
        failures ? ParseField(rest, "failed_at", INT64_MAX / 2) : std::nullopt;
    if (!failures || !failed_at || !rest.empty()) {
        problem = "is not a back-off file (expected \"failures N\" and \"failed_at T\" lines)";
        return std::nullopt;
    }
    state.failures = *failures;
    state.failed_at = *failed_at;
    return state;
}

} // namespace

std::filesystem::path PinBackOff::FileBeside(const std::filesystem::path& database) {
    return database.string() + ".staff-pin-backoff";
}

double PinBackOff::WaitAfter(long long failures) {
    if (failures <= 0) return 0;
    if (failures > 9) return kMaxWaitSeconds; // 2^9 = 512 is past the cap
    return std::min(kMaxWaitSeconds, (double)(1LL << (failures - 1)));
}

PinBackOff::PinBackOff(std::filesystem::path file, const Clock& clock)
    : file_(std::move(file)), clock_(&clock) {
    std::string problem;
    if (std::optional<SavedState> state = ReadState(file_, problem)) {
        failures_ = state->failures;
        failed_at_ = state->failed_at;
        const double wait = WaitAfter(failures_);
        // now < failed_at: the clock was set back since; count no time as elapsed, so the
        // wait is at most one full delay (pin_backoff.h).
        const double elapsed = (double)std::max(0LL, clock_->WallSeconds() - failed_at_);
        deadline_ = clock_->Now() + std::clamp(wait - elapsed, 0.0, wait);
        return;
    }
    failures_ = kFailuresAtMaxWait;
    failed_at_ = clock_->WallSeconds();
    deadline_ = clock_->Now() + kMaxWaitSeconds;
    LogWarning("staff PIN back-off file {} {}; taken as the maximum back-off ({} s before the next PIN)",
               file_.string(), problem, kMaxWaitSeconds);
}

double PinBackOff::SecondsToWait() const {
    return std::max(0.0, deadline_ - clock_->Now());
}

bool PinBackOff::Save(std::string& error) const {
    const std::string text = fmt::format("failures {}\nfailed_at {}\n", failures_, failed_at_);
    if (ReplaceFileDurably(file_, text, 0600, error)) return true;
    error = fmt::format("the staff PIN back-off cannot be kept across a restart: {}", error);
    return false;
}

bool PinBackOff::RecordWrong(std::string& error) {
    failures_ = std::min(failures_ + 1, kMaxFailures);
    failed_at_ = clock_->WallSeconds();
    deadline_ = clock_->Now() + WaitAfter(failures_);
    return Save(error);
}

bool PinBackOff::RecordRight(std::string& error) {
    failures_ = 0;
    failed_at_ = 0;
    deadline_ = 0;
    return Save(error);
}

PinAttempt PinBackOff::Try(std::string& pin, std::string_view pin_hash) {
    PinAttempt attempt;
    if (const double wait = SecondsToWait(); wait > 0) {
        WipeSecret(pin);
        attempt.outcome = PinOutcome::TooSoon;
        attempt.wait_seconds = wait;
        return attempt;
    }
    std::string error;
    if (!RecordWrong(error)) attempt.save_error = error; // counted before it is checked
    if (VerifyPin(pin, pin_hash)) {
        if (!RecordRight(error)) attempt.save_error = error;
        attempt.outcome = PinOutcome::Unlocked;
        attempt.wait_seconds = 0;
    } else {
        attempt.outcome = PinOutcome::Wrong;
        attempt.wait_seconds = SecondsToWait();
    }
    return attempt;
}

} // namespace kiosk
