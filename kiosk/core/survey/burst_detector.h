// BurstDetector: flags rapid repeated votes on a poll (one hand tapping again and again).
//
// A vote is a burst vote when, counting it, more than rule.max_votes votes were cast on
// the same poll within the last rule.window_seconds and no reset happened in between.
// Burst votes are still recorded (Response::burst = true), never dropped: the city decides
// what to do with them; the results bars leave them out (see PollTally).
//
// A reset means "somebody new is probably in front of the kiosk": the UI calls Reset()
// when a visit ends by the idle timeout. The end of a thank-you screen is NOT a reset
// (the same person may still be there, tapping).
#pragma once

#include <deque>
#include <map>
#include <string>
#include <string_view>

#include "survey/survey.h"

namespace kiosk {

class BurstDetector {
public:
    // Records a vote on `survey` at monotonic time `now`; returns true when it is a burst vote.
    bool OnVote(const Survey& survey, double now);
    // Forgets every recent vote (a new visitor).
    void Reset() { recent_.clear(); }

private:
    std::map<std::string, std::deque<double>, std::less<>> recent_; // survey id → vote times
};

} // namespace kiosk
