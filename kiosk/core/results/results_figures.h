// The figures the staff panel draws, derived from a question's tallies (results.h).
// Pure functions of the tallies: cheap enough to call while drawing a frame.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "results/results.h"

namespace kiosk {

// Percentage of the slice's respondents who gave `option` (0 when nobody answered).
// Single choice, yes/no, smiley: the shares add up to 100. Multiple choice: a share of the
// people who answered, so they add up to more than 100 (each option counted on its own).
double Percent(const QuestionResults& question, const OptionTally& option, Slice slice);

// Scale, smiley (levels), number: mean and median of the answers in the slice (nullopt
// when there are none). The median of an even count is the mean of the two middle answers.
std::optional<double> Mean(const QuestionResults& question, Slice slice);
std::optional<double> Median(const QuestionResults& question, Slice slice);
int64_t ValueCount(const QuestionResults& question, Slice slice); // answers with a value

// Ranking: the mean rank given to `option` (1 = first), nullopt when nobody ranked it.
std::optional<double> MeanRank(const OptionTally& option, Slice slice);

// Number: the answers counted in bins [low, high). Integer answers spanning at most
// `max_bins` values get one bin per value; wider spans get at most `max_bins` bins of a
// round width (1, 2 or 5 × 10^k) starting at a multiple of it. Empty when no answer.
struct HistogramBin {
    double low = 0, high = 0;
    int64_t count = 0;
};
std::vector<HistogramBin> Histogram(const QuestionResults& question, Slice slice, int max_bins = 12);

// Free text: answers visible on screen (all answers minus the hidden ones).
int64_t VisibleTexts(const QuestionResults& question, Slice slice);

} // namespace kiosk
