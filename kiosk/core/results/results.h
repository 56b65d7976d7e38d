// Survey results for the staff panel (issue 12): what each question's answers add up to,
// computed by SQL on a read-only connection to responses.db.
//
// Every figure is kept per origin (kiosk / assisted / paper / event / synthetic) and in
// total, so the panel can show "kiosk vs paper vs total" without another query. The counts
// are read from tallies the database keeps as responses commit (schema version 3: per
// survey, question, day, origin, language, test and burst flags), so a computation sums a
// few thousand rows whatever the number of responses. The derived figures (percentages, mean, median,
// histogram, mean rank) are computed from the tallies on demand (results_figures.h).
//
// Which responses count (docs/results.md):
//   - complete responses only (an abandoned visit is not a vote), like PollTally;
//   - test responses (is_test = 1: test mode, kiosk-fill) only when the filter asks;
//   - burst votes (rapid taps on a poll) only when the filter asks: PollTally counts them
//     apart, and so do these results (SurveyResults::burst_responses);
//   - every version of the survey (question and option ids are stable across versions);
//   - a free-text answer staff hid (ResponseStore::SetHidden) is counted in no figure and
//     listed only when the filter asks for hidden answers (then marked).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/response.h"
#include "survey/survey.h"

struct sqlite3;

namespace kiosk {

// One slice of every figure: an origin, or all of them.
enum class Slice { Kiosk, Assisted, Paper, Event, Synthetic, Total };
inline constexpr int kSliceCount = 6;
Slice SliceOf(ResponseOrigin origin);
const char* ToString(Slice slice); // "kiosk", …, "total"

template <typename T>
using PerSlice = std::array<T, kSliceCount>;

// Which responses the results count.
struct ResultsFilter {
    std::string from_date, to_date;      // "YYYY-MM-DD", inclusive; "" = open. The response's
                                         // date is paper_date for paper, else the UTC date of
                                         // submitted_at.
    std::vector<ResponseOrigin> origins; // empty = every origin
    std::vector<std::string> languages;  // empty = every language
    bool include_test = false;           // is_test = 1 responses (test mode, kiosk-fill)
    bool include_burst = false;          // poll votes recorded during a burst of taps
    bool include_hidden_texts = false; // list hidden free-text answers (marked), for staff to show them again

    bool operator==(const ResultsFilter&) const = default;
    bool operator<(const ResultsFilter& other) const; // a cache key
};

// Checks the dates; "" when the filter is usable, else what is wrong.
std::string CheckFilter(const ResultsFilter& filter);
// The same for any inclusive range of "YYYY-MM-DD" dates ("" = open), which every filter has.
std::string CheckDateRange(const std::string& from_date, const std::string& to_date);

struct OptionTally {
    std::string option_id;
    PerSlice<int64_t> count{};   // answers naming this option (pins carrying it as their reason)
    PerSlice<double> rank_sum{}; // ranking: sum of the ranks given (1 = first)
};

struct FreeTextItem {
    int64_t seq = 0;
    std::string uuid; // the response, for ResponseStore::SetHidden
    std::string submitted_at;
    ResponseOrigin origin = ResponseOrigin::Kiosk;
    std::string language;
    std::string text;
    bool hidden = false;
};

// Plan pins are counted in a grid of kHeatGrid × kHeatGrid cells over the plan image
// (x, y in 0..1): bounded whatever the number of pins, and what a heat map draws.
inline constexpr int kHeatGrid = 64;
struct HeatCell {
    int cx = 0, cy = 0; // 0..kHeatGrid-1; the cell covers [cx, cx+1) / kHeatGrid
    PerSlice<int64_t> count{};
};

// Newest free-text answers kept per question (the panel lists them; the export has them all).
inline constexpr int kFreeTextListed = 200;

struct QuestionResults {
    std::string question_id;
    QuestionType type = QuestionType::SingleChoice;
    PerSlice<int64_t> respondents{}; // responses with at least one (visible) answer to it
    // Choice, yes/no, smiley, ranking, plan-pin reasons: the survey's options in its order,
    // then any id found only in older versions' answers.
    std::vector<OptionTally> options;
    // Scale, smiley (its level 1..faces), number: answer value → count.
    std::map<double, PerSlice<int64_t>> values;
    // Plan pin.
    std::vector<HeatCell> heat; // cells with at least one pin, sorted by (cy, cx)
    PerSlice<int64_t> pins{};
    // Free text: newest first, at most kFreeTextListed; counts of every matching answer.
    std::vector<FreeTextItem> texts;
    PerSlice<int64_t> hidden_texts{};

    const OptionTally* FindOption(std::string_view option_id) const;
};

struct SurveyResults {
    std::string survey_id;
    ResultsFilter filter;
    int64_t up_to_seq = 0;                  // responses with seq <= this are counted
    PerSlice<int64_t> responses{};          // matching responses (participants)
    PerSlice<int64_t> burst_votes{};        // burst responses left out (include_burst = false)
    std::vector<QuestionResults> questions; // in the survey's order

    const QuestionResults* Find(std::string_view question_id) const;
};

// The largest seq in the database (0 when empty), nullopt on error.
std::optional<int64_t> MaxResponseSeq(sqlite3* db, std::string& error);

// An empty SurveyResults for `survey` (every question, every known option at 0).
SurveyResults EmptyResults(const Survey& survey, const ResultsFilter& filter);

// Computes every figure of `survey` for results.filter into `results` (whatever it held),
// in one read transaction: sums of the tallies the writer keeps (store/schema.h, version 3),
// so the cost depends on how many days, languages and options there are, not on how many
// responses. Sets results.up_to_seq to the largest seq then committed. `db` may be
// read-only. False with `error` on an SQL error (`results` is then unusable).
bool ComputeResults(sqlite3* db, const Survey& survey, SurveyResults& results, std::string& error);

// One question alone, as ComputeResults does it (benchmarks, tests); free-text answers are
// listed up to `up_to_seq`.
bool AddQuestionResults(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter,
                        int64_t up_to_seq, QuestionResults& question, std::string& error);
// The response counts alone, as ComputeResults does it.
bool AddResponseCounts(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter,
                       SurveyResults& results, std::string& error);

} // namespace kiosk
