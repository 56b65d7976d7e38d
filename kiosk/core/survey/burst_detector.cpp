#include "survey/burst_detector.h"

namespace kiosk {

bool BurstDetector::OnVote(const Survey& survey, double now) {
    auto it = recent_.find(survey.id);
    if (it == recent_.end()) it = recent_.emplace(survey.id, std::deque<double>{}).first;
    std::deque<double>& times = it->second;
    const double window = survey.burst.window_seconds;
    while (!times.empty() && now - times.front() >= window)
        times.pop_front();
    times.push_back(now);
    return (int)times.size() > survey.burst.max_votes;
}

} // namespace kiosk
