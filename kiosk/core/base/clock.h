// Clock: the kiosk's two notions of time, injectable so tests never sleep.
//   Now()         monotonic seconds, for timeouts, animation and gestures;
//   WallSeconds() UNIX time, for dates (timeline status, agenda, opening hours, records);
//   WallMilliseconds() the same in milliseconds, for recorded answers' timestamps.
#pragma once

#include <chrono>
#include <cmath>

namespace kiosk {

class Clock {
public:
    virtual ~Clock() = default;
    virtual double Now() const = 0;
    virtual long long WallSeconds() const = 0;
    virtual long long WallMilliseconds() const { return WallSeconds() * 1000; }
};

class SystemClock final : public Clock {
public:
    double Now() const override {
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    }
    long long WallSeconds() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
    long long WallMilliseconds() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

// A clock that moves only when told to (tests, scripted screenshots).
class ManualClock final : public Clock {
public:
    explicit ManualClock(double now = 1000.0, long long wall = 1795000000 /* 2026-11-18 */)
        : now_(now), wall_(wall) {}
    double Now() const override { return now_; }
    long long WallSeconds() const override { return wall_ + (long long)(now_ - start_); }
    long long WallMilliseconds() const override {
        return wall_ * 1000 + std::llround((now_ - start_) * 1000.0);
    }
    void Advance(double seconds) { now_ += seconds; }
    void SetWall(long long wall) {
        wall_ = wall;
        start_ = now_;
    }

private:
    double now_;
    double start_ = now_;
    long long wall_;
};

} // namespace kiosk
