#include "survey/own_vote.h"

#include <string>

namespace kiosk {

PollTally TallyShownToVoter(PollTally tally, std::string_view option_id, bool burst) {
    if (!burst || option_id.empty() || !tally.loaded) return tally;
    tally.votes[std::string(option_id)]++;
    tally.total++;
    if (tally.burst_votes > 0) tally.burst_votes--; // now in the bars, not apart
    return tally;
}

} // namespace kiosk
