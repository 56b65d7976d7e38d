#include "results/participation.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <sqlite3.h>

#include "results/results.h"
#include "results/sql_query.h"
#include "store/timestamp.h"

namespace kiosk {

// [SECTION] Filter
// [SECTION] Participation
// [SECTION] Representativeness

// -----------------------------------------------------------------------------------------
// [SECTION] Filter
// -----------------------------------------------------------------------------------------

std::string CheckFilter(const ParticipationFilter& filter) {
    return CheckDateRange(filter.from_date, filter.to_date);
}

namespace {

// The WHERE clause of a filter on tally `t` (whose `day` is local): the range and the
// surveys, as ?1, ?2… in the order of `binds`. Test and burst rows are read, not filtered:
// they are counted apart.
struct DayWhere {
    std::string sql = "1";
    std::vector<std::string> binds;
};

DayWhere DayFilterWhere(const ParticipationFilter& filter, std::string_view t) {
    DayWhere w;
    auto param = [&](const std::string& value) {
        w.binds.push_back(value);
        return fmt::format("?{}", w.binds.size());
    };
    if (!filter.from_date.empty()) w.sql += fmt::format(" AND {}.day >= {}", t, param(filter.from_date));
    if (!filter.to_date.empty()) w.sql += fmt::format(" AND {}.day <= {}", t, param(filter.to_date));
    if (!filter.survey_ids.empty()) {
        std::string list;
        for (const std::string& id : filter.survey_ids)
            list += (list.empty() ? "" : ", ") + param(id);
        w.sql += fmt::format(" AND {}.survey_id IN ({})", t, list);
    }
    return w;
}

void BindDays(Query& query, const DayWhere& where) {
    for (size_t i = 0; i < where.binds.size(); i++)
        query.BindText(1 + (int)i, where.binds[i]);
}

// Where a row of test / burst responses goes: counted, or left out and counted apart.
enum class Kept { Counted, Test, Burst };
Kept Keep(const ParticipationFilter& filter, bool is_test, bool burst) {
    if (is_test && !filter.include_test) return Kept::Test;
    if (burst) return Kept::Burst;
    return Kept::Counted;
}

void Add(StatusCounts& counts, bool complete, int64_t n) {
    (complete ? counts.complete : counts.abandoned) += n;
}

// 0 = Monday, from a "YYYY-MM-DD" (1970-01-01 was a Thursday).
int WeekdayOf(const std::string& day) {
    const std::optional<long long> days = ParseIsoDate(day);
    if (!days) return 0;
    return (int)(((*days + 3) % 7 + 7) % 7);
}

// Duration classes, as migration 4 counts them (store/schema.cpp): 10 s wide below 5 min,
// 1 min wide below 30 min, then one open class from 30 min.
constexpr int kDurationClasses = 56;
double ClassStart(int c) {
    return c < 30 ? c * 10.0 : c < 55 ? 300.0 + (c - 30) * 60.0 : 1800.0;
}
double ClassWidth(int c) {
    return c < 30 ? 10.0 : c < 55 ? 60.0 : 0.0;
}

using DurationHistogram = std::array<int64_t, kDurationClasses>;

// The median of a histogram, interpolated inside its class (the open last class gives its
// start: "30 min or more").
std::optional<double> Median(const DurationHistogram& histogram) {
    int64_t total = 0;
    for (int64_t n : histogram)
        total += n;
    if (total == 0) return std::nullopt;
    const double half = total / 2.0;
    int64_t below = 0;
    for (int c = 0; c < kDurationClasses; c++) {
        if (histogram[c] > 0 && below + histogram[c] >= half)
            return ClassStart(c) + ClassWidth(c) * (half - below) / histogram[c];
        below += histogram[c];
    }
    return ClassStart(kDurationClasses - 1);
}

} // namespace

// -----------------------------------------------------------------------------------------
// [SECTION] Participation
// -----------------------------------------------------------------------------------------

bool ComputeParticipation(sqlite3* db, ParticipationFigures& figures, std::string& error) {
    const ParticipationFilter filter = figures.filter;
    if (std::string bad = CheckFilter(filter); !bad.empty()) {
        error = bad;
        return false;
    }
    figures = ParticipationFigures{};
    figures.filter = filter;
    ReadTransaction transaction(db, error);
    if (!transaction.Ok()) return false;
    {
        Query seq(db, "SELECT coalesce(max(seq), 0) FROM response", error);
        if (!seq.Ok() || !seq.Each([&](sqlite3_stmt* s) { figures.up_to_seq = sqlite3_column_int64(s, 0); }))
            return false;
    }

    // Days and hours.
    const DayWhere where = DayFilterWhere(filter, "t");
    Query hours(db,
                "SELECT t.survey_id, t.day, t.hour, t.status = 'complete', t.is_test, t.burst, t.responses "
                "FROM participation_tally t WHERE " +
                    where.sql,
                error);
    if (!hours.Ok()) return false;
    BindDays(hours, where);
    const bool hours_read = hours.Each([&](sqlite3_stmt* s) {
        const int64_t n = sqlite3_column_int64(s, 6);
        const bool complete = sqlite3_column_int(s, 3) != 0;
        switch (Keep(filter, sqlite3_column_int(s, 4) != 0, sqlite3_column_int(s, 5) != 0)) {
        case Kept::Test: figures.test_left_out += n; return;
        case Kept::Burst: figures.burst_left_out += n; return;
        case Kept::Counted: break;
        }
        const std::string day = ColumnText(s, 1);
        const int hour = sqlite3_column_int(s, 2);
        // A day that is not a date comes from a timestamp SQLite could not read (none of our
        // writers makes one): counted, but on no day, so every key of by_day is a date.
        const bool dated = ParseIsoDate(day).has_value();
        Add(figures.responses, complete, n);
        if (dated) Add(figures.by_day[day], complete, n);
        Add(figures.by_survey[ColumnText(s, 0)], complete, n);
        if (dated && hour >= 0 && hour < 24)
            figures.weekday_hour[WeekdayOf(day)][hour] += n;
        else
            figures.without_hour += n;
    });
    if (!hours_read) return false;
    figures.first_seen_days = (int64_t)figures.by_day.size();

    // Channels: origin, language, kiosk.
    Query channels(db,
                   "SELECT t.origin, t.language, t.kiosk_id, t.status = 'complete', t.is_test, t.burst, "
                   "sum(t.responses) FROM channel_tally t WHERE " +
                       where.sql + " GROUP BY 1, 2, 3, 4, 5, 6",
                   error);
    if (!channels.Ok()) return false;
    BindDays(channels, where);
    const bool channels_read = channels.Each([&](sqlite3_stmt* s) {
        if (Keep(filter, sqlite3_column_int(s, 4) != 0, sqlite3_column_int(s, 5) != 0) != Kept::Counted)
            return;
        const bool complete = sqlite3_column_int(s, 3) != 0;
        const int64_t n = sqlite3_column_int64(s, 6);
        Add(figures.by_origin[ColumnText(s, 0)], complete, n);
        Add(figures.by_language[ColumnText(s, 1)], complete, n);
        Add(figures.by_kiosk[ColumnText(s, 2)], complete, n);
    });
    if (!channels_read) return false;

    // Time to answer.
    Query durations(db,
                    "SELECT t.survey_id, t.class, t.is_test, t.burst, sum(t.responses) FROM duration_tally t "
                    "WHERE " +
                        where.sql + " GROUP BY 1, 2, 3, 4",
                    error);
    if (!durations.Ok()) return false;
    BindDays(durations, where);
    DurationHistogram all{};
    std::map<std::string, DurationHistogram> per_survey;
    const bool durations_read = durations.Each([&](sqlite3_stmt* s) {
        if (Keep(filter, sqlite3_column_int(s, 2) != 0, sqlite3_column_int(s, 3) != 0) != Kept::Counted)
            return;
        const int c = std::clamp(sqlite3_column_int(s, 1), 0, kDurationClasses - 1);
        const int64_t n = sqlite3_column_int64(s, 4);
        all[c] += n;
        per_survey[ColumnText(s, 0)][c] += n;
        figures.timed_responses += n;
    });
    if (!durations_read) return false;
    figures.median_seconds = Median(all);
    for (const auto& [survey_id, histogram] : per_survey)
        if (std::optional<double> median = Median(histogram))
            figures.median_seconds_by_survey[survey_id] = *median;
    return true;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Representativeness
// -----------------------------------------------------------------------------------------

namespace {

// Over- and under-represented bands, most out of proportion first.
void NameOutliers(DimensionComparison& dimension) {
    std::vector<const BandComparison*> over, under;
    for (const BandComparison& band : dimension.bands) {
        if (band.reference_share <= 0 || dimension.compared == 0) continue;
        const double gap = std::abs(band.respondent_share - band.reference_share);
        if (gap < kRepresentationMinPoints) continue;
        if (band.ratio >= kRepresentationFactor) over.push_back(&band);
        if (band.ratio <= 1.0 / kRepresentationFactor) under.push_back(&band);
    }
    std::stable_sort(over.begin(), over.end(), [](auto* a, auto* b) { return a->ratio > b->ratio; });
    std::stable_sort(under.begin(), under.end(), [](auto* a, auto* b) { return a->ratio < b->ratio; });
    for (const BandComparison* band : over)
        dimension.over.push_back(band->option_id);
    for (const BandComparison* band : under)
        dimension.under.push_back(band->option_id);
}

} // namespace

bool ComputeRepresentativeness(sqlite3* db, const ParticipationFilter& filter, const ProfileBlock& profile,
                               Representativeness& result, std::string& error) {
    if (std::string bad = CheckFilter(filter); !bad.empty()) {
        error = bad;
        return false;
    }
    result = Representativeness{};
    ReadTransaction transaction(db, error);
    if (!transaction.Ok()) return false;

    // answer_tally's day is the UTC date (paper: the paper's): at the range's two ends a
    // response recorded between midnight and 1 or 2 a.m. local time may fall on the other
    // side. The house is closed then; docs/evaluation.md says so.
    // The tallies' keys start with the survey: name every survey, so that each question is
    // read by key ((survey, question) prefixes) instead of scanning every row.
    ParticipationFilter keyed = filter;
    if (keyed.survey_ids.empty()) {
        Query surveys(db, "SELECT DISTINCT survey_id FROM participation_tally", error);
        if (!surveys.Ok() ||
            !surveys.Each([&](sqlite3_stmt* s) { keyed.survey_ids.push_back(ColumnText(s, 0)); }))
            return false;
        if (keyed.survey_ids.empty()) keyed.survey_ids.push_back(""); // no response: an empty IN list
    }
    DayWhere where = DayFilterWhere(keyed, "t");
    const std::string test_rule = filter.include_test ? "" : " AND t.is_test = 0";
    const int question_param = (int)where.binds.size() + 1;
    Query answers(
        db,
        fmt::format("SELECT t.option_id, sum(t.answers) FROM answer_tally t WHERE {}{} AND t.burst = 0 "
                    "AND t.question_id = ?{} GROUP BY 1",
                    where.sql, test_rule, question_param),
        error);
    if (!answers.Ok()) return false;
    // Responses asked: complete ones of the surveys whose answers carry the question, by
    // local day like the participation figures.
    Query asked(
        db,
        fmt::format("SELECT coalesce(sum(p.responses), 0) FROM participation_tally p WHERE p.survey_id IN "
                    "(SELECT DISTINCT t.survey_id FROM respondent_tally t WHERE {} AND "
                    "t.question_id = ?{}) AND p.status = 'complete' AND p.burst = 0{}{}{}",
                    where.sql, question_param, filter.include_test ? "" : " AND p.is_test = 0",
                    filter.from_date.empty() ? "" : " AND p.day >= ?1",
                    filter.to_date.empty()     ? ""
                    : filter.from_date.empty() ? " AND p.day <= ?1"
                                               : " AND p.day <= ?2"),
        error);
    if (!asked.Ok()) return false;

    for (const Question& question : profile.questions) {
        std::map<std::string, int64_t> counts;
        answers.Reset();
        BindDays(answers, where);
        answers.BindText(question_param, question.id);
        if (!answers.Each([&](sqlite3_stmt* s) {
                if (std::string option = ColumnText(s, 0); !option.empty())
                    counts[option] += sqlite3_column_int64(s, 1);
            }))
            return false;

        const ReferenceDimension* reference = profile.population.Find(question.id);
        if (!reference) {
            if (!counts.empty()) result.unreferenced[question.id] = counts;
            continue;
        }
        DimensionComparison dimension;
        dimension.question_id = question.id;
        int64_t people = 0;
        for (const ReferenceCount& count : reference->counts) {
            people += count.people;
            dimension.compared += counts[count.option_id];
        }
        for (const ReferenceCount& count : reference->counts) {
            BandComparison band;
            band.option_id = count.option_id;
            band.respondents = counts[count.option_id];
            band.people = count.people;
            band.respondent_share = dimension.compared ? (double)band.respondents / dimension.compared : 0;
            band.reference_share = people ? (double)count.people / people : 0;
            band.ratio = band.reference_share > 0 ? band.respondent_share / band.reference_share : 0;
            dimension.bands.push_back(band);
            counts.erase(count.option_id);
        }
        for (const auto& [option, n] : counts)
            if (n > 0) dimension.other[option] = n;
        asked.Reset();
        BindDays(asked, where);
        asked.BindText(question_param, question.id);
        if (!asked.Each([&](sqlite3_stmt* s) { dimension.responses_asked = sqlite3_column_int64(s, 0); }))
            return false;
        NameOutliers(dimension);
        result.dimensions.push_back(std::move(dimension));
    }
    return true;
}

} // namespace kiosk
