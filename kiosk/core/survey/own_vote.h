// The results a voter sees after a poll vote count their own vote.
//
// A burst vote (survey/burst_detector.h) is recorded with its flag and left out of the
// tally's bars, for staff and exports to judge. But the visitor who cast it must see it
// counted, or the screen tells them their vote was lost: the results shown to them add
// their one vote back (only theirs: the earlier votes of a burst stay out of the bars).
#pragma once

#include <string_view>

#include "store/response_store.h"

namespace kiosk {

// `tally` as the voter who just voted `option_id` (flagged `burst` or not) should see it.
// A vote that is not burst is already in the tally once it is committed.
PollTally TallyShownToVoter(PollTally tally, std::string_view option_id, bool burst);

} // namespace kiosk
