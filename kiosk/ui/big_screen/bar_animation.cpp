#include "bar_animation.h"

#include <algorithm>

namespace kiosk {

void BarAnimation::SetTargets(const std::vector<double>& targets, double now) {
    if (targets.size() != bars_.size()) {
        bars_.assign(targets.size(), Bar{});
        for (size_t i = 0; i < targets.size(); i++)
            bars_[i] = {targets[i], targets[i], now - kBarEaseSeconds};
        return;
    }
    for (size_t i = 0; i < targets.size(); i++) {
        if (bars_[i].to == targets[i]) continue;
        bars_[i] = {Value(i, now), targets[i], now};
    }
}

double BarAnimation::Value(size_t bar, double now) const {
    const Bar& b = bars_.at(bar);
    const double t = std::clamp((now - b.start) / kBarEaseSeconds, 0.0, 1.0);
    const double eased = 1.0 - (1.0 - t) * (1.0 - t) * (1.0 - t); // ease-out cubic
    return b.from + (b.to - b.from) * eased;
}

bool BarAnimation::Animating(double now) const {
    return std::any_of(bars_.begin(), bars_.end(),
                       [&](const Bar& b) { return b.from != b.to && now - b.start < kBarEaseSeconds; });
}

} // namespace kiosk
