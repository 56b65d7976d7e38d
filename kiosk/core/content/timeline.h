// The programme's timeline: phases with dates or approximate periods, and their status.
//
// Phases come from <content>/timeline.toml, ordered by start date (file order for equal
// starts). A phase's status is computed from today's date unless the file sets it (a
// phase running late is still "in progress" after its planned end). A phase without an
// end is open-ended: in progress from its start on.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/fuzzy_date.h"
#include "text/localized_text.h"

namespace kiosk {

enum class PhaseStatus { Done, InProgress, Upcoming };

struct Phase {
    std::string id;
    bool example = false;
    LocalizedText title, description, partners;
    FuzzyDate start;
    std::optional<FuzzyDate> end;      // none: open-ended
    LocalizedText period;              // overrides the period computed from the dates ("Printemps 2027")
    std::optional<PhaseStatus> status; // set by the file; else computed
    std::filesystem::path image;       // empty: none
    SourcePos image_where;             // its `image` key
    std::string plan;                  // a plan id to open, or empty
    std::string survey;                // a survey id to open, or empty
    LocalizedText you_said, we_did;    // "You said, we did"
};

// Status on `today`: the file's, else upcoming before the start, done after the end,
// in progress in between (and forever after the start when open-ended).
PhaseStatus StatusOn(const Phase& phase, const CivilDate& today);

// The phase the timeline opens on: the in-progress phase that started last, else the next
// one to come, else the last one. -1 when there are none.
int CurrentPhaseIndex(const std::vector<Phase>& phases, const CivilDate& today);

// Where "today" falls along the sequence of phases, in card units: i means the centre of
// phase i's card, i + 0.5 half-way to the next one. Between two phases' starts, the
// position moves in proportion to the days elapsed; before the first start it is -0.5;
// after the last start it moves through the last phase towards +0.5 past it.
float TodayPosition(const std::vector<Phase>& phases, const CivilDate& today);

} // namespace kiosk
