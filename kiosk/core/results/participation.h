// Participation figures for the city's evaluation (issue 13): how many took part, when,
// through which channel, in which language, at which kiosk; how many finished; how long it
// took; and who they were compared with the neighbourhood (representativeness).
//
// Read, like the results (results.h), from tallies the writer keeps as responses commit
// (store/schema.h, version 4), on a read-only connection: the cost depends on the number of
// hours, days and categories in the range, not on the number of responses.
//
// What counts (docs/evaluation.md):
//   - a response is "complete" (sent) or "abandoned" (left half-way, kept by a survey whose
//     timeout is keep_partial);
//   - test responses (test mode, kiosk-fill) and burst votes (rapid poll taps) are counted
//     apart and left out of every other figure, unless the filter includes test responses;
//   - dates and hours are the kiosk's local time (the process's TZ); a paper questionnaire
//     counts on the date written on it and has no hour (counted apart in the hour grid);
//   - the time to answer is measured on complete responses entered on the kiosk (kiosk,
//     assisted, event), never paper (that is typing time) nor synthetic.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "survey/profile.h"

struct sqlite3;

namespace kiosk {

struct ParticipationFilter {
    std::string from_date, to_date;      // local "YYYY-MM-DD", inclusive; "" = open
    std::vector<std::string> survey_ids; // empty = every survey
    bool include_test = false;           // count test and synthetic-test responses as the rest

    bool operator==(const ParticipationFilter&) const = default;
};

// "" when the filter is usable, else what is wrong with it.
std::string CheckFilter(const ParticipationFilter& filter);

struct StatusCounts {
    int64_t complete = 0;
    int64_t abandoned = 0;
    int64_t Total() const { return complete + abandoned; }
};

struct ParticipationFigures {
    ParticipationFilter filter;
    int64_t up_to_seq = 0; // responses with seq <= this are counted

    StatusCounts responses;      // every counted response
    int64_t test_left_out = 0;   // test responses not counted (0 when include_test)
    int64_t burst_left_out = 0;  // burst votes not counted
    int64_t first_seen_days = 0; // days in the range with at least one response

    std::map<std::string, StatusCounts> by_day;      // local date ("YYYY-MM-DD", always a date) → counts
    std::map<std::string, StatusCounts> by_survey;   // survey id
    std::map<std::string, StatusCounts> by_language; // language code
    std::map<std::string, StatusCounts> by_origin;   // "kiosk", "assisted", "paper", "event", "synthetic"
    std::map<std::string, StatusCounts> by_kiosk;    // kiosk id

    // Complete + abandoned responses by local weekday (0 = Monday) and hour (0..23); paper
    // responses have no hour and are in `without_hour` (so would a response whose timestamp
    // cannot be read, which is on no day either).
    std::array<std::array<int64_t, 24>, 7> weekday_hour{};
    int64_t without_hour = 0;

    // Median time to answer a complete response (seconds), per survey and overall; nullopt
    // when no complete response was timed. Read from duration classes: exact to the class
    // width (10 s below 5 min, 1 min below 30 min), interpolated inside the class.
    std::optional<double> median_seconds;
    std::map<std::string, double> median_seconds_by_survey;
    int64_t timed_responses = 0; // how many complete responses the medians are read from
};

// Computes every figure for `figures.filter` in one read transaction. False with `error` on
// an SQL error or a bad filter.
bool ComputeParticipation(sqlite3* db, ParticipationFigures& figures, std::string& error);

// One option of a profile question, respondents next to the neighbourhood.
struct BandComparison {
    std::string option_id;
    int64_t respondents = 0;     // answers naming this option
    double respondent_share = 0; // of the answers with a reference figure (0..1)
    int64_t people = 0;          // reference population
    double reference_share = 0;  // 0..1
    // respondent_share / reference_share; > 1 over-represented. 0 when reference_share is 0.
    double ratio = 0;
};

// Over- or under-represented: the share differs from the neighbourhood's by at least this
// factor (and by at least kRepresentationMinPoints percentage points, so that a tiny band
// with 2 answers instead of 1 is not called out).
inline constexpr double kRepresentationFactor = 1.5;
inline constexpr double kRepresentationMinPoints = 0.05;

struct DimensionComparison {
    std::string question_id;
    std::vector<BandComparison> bands;    // the reference's options, in its order
    int64_t compared = 0;                 // answers naming an option with a reference figure
    std::map<std::string, int64_t> other; // answers naming an option without one ("prefer not to say")
    int64_t responses_asked = 0;          // complete responses to surveys that include the question
    std::vector<std::string> over, under; // option ids, most out of proportion first
};

struct Representativeness {
    std::vector<DimensionComparison> dimensions; // the reference's dimensions, in its order
    // Questions of the block without reference figures (lives here, sector): answers per option.
    std::map<std::string, std::map<std::string, int64_t>> unreferenced;
};

// Profile answers of complete responses in the filter's range and surveys, compared with
// `population`. Every survey whose responses carry a profile question counts.
bool ComputeRepresentativeness(sqlite3* db, const ParticipationFilter& filter, const ProfileBlock& profile,
                               Representativeness& result, std::string& error);

} // namespace kiosk
