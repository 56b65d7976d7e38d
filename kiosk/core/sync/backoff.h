// Retry delays for HTTPS delivery: exponential back-off with "equal jitter".
//
// The n-th retry waits between half and all of min(max, initial × 2^(n-1)), so that kiosks
// that failed together (the city's server was down) do not all come back in the same
// second, and a server's Retry-After is honoured up to the cap.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>

namespace kiosk {

// `retry` counts from 1 (the wait before the second attempt); `unit_random` in [0, 1).
inline double BackoffSeconds(int retry, double initial, double max, double unit_random,
                             std::optional<double> retry_after = std::nullopt) {
    const double ceiling = std::min(max, initial * std::pow(2.0, std::max(0, retry - 1)));
    const double jittered = ceiling * (0.5 + 0.5 * std::clamp(unit_random, 0.0, 1.0));
    if (retry_after && *retry_after > jittered) return std::min(*retry_after, max);
    return jittered;
}

} // namespace kiosk
