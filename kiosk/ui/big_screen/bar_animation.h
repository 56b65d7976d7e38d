// Bars that grow smoothly towards a new value: each eases out over kBarEaseSeconds from
// where it stands when its target changes. Pure (time is passed in), so the shell asks for
// frames only while a bar moves and the kiosk sleeps otherwise.
#pragma once

#include <cstddef>
#include <vector>

namespace kiosk {

inline constexpr double kBarEaseSeconds = 0.6;

class BarAnimation {
public:
    // New targets (fractions 0..1, one per bar). Bars whose target changed start easing at
    // `now` from their current value; a first call (or a change in the number of bars)
    // places them at once.
    void SetTargets(const std::vector<double>& targets, double now);
    double Value(size_t bar, double now) const;
    bool Animating(double now) const;
    size_t Size() const { return bars_.size(); }

private:
    struct Bar {
        double from = 0, to = 0, start = 0;
    };
    std::vector<Bar> bars_;
};

} // namespace kiosk
