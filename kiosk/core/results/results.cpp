#include "results/results.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>
#include <sqlite3.h>

#include "results/sql_query.h"
#include "store/timestamp.h"

namespace kiosk {

// [SECTION] Slices and filters
// [SECTION] Queries
// [SECTION] Per question type

// -----------------------------------------------------------------------------------------
// [SECTION] Slices and filters
// -----------------------------------------------------------------------------------------

Slice SliceOf(ResponseOrigin origin) {
    switch (origin) {
    case ResponseOrigin::Kiosk: return Slice::Kiosk;
    case ResponseOrigin::Assisted: return Slice::Assisted;
    case ResponseOrigin::Paper: return Slice::Paper;
    case ResponseOrigin::Event: return Slice::Event;
    case ResponseOrigin::Synthetic: return Slice::Synthetic;
    }
    return Slice::Kiosk;
}

const char* ToString(Slice slice) {
    switch (slice) {
    case Slice::Kiosk: return "kiosk";
    case Slice::Assisted: return "assisted";
    case Slice::Paper: return "paper";
    case Slice::Event: return "event";
    case Slice::Synthetic: return "synthetic";
    case Slice::Total: return "total";
    }
    return "total";
}

bool ResultsFilter::operator<(const ResultsFilter& o) const {
    return std::tie(from_date, to_date, origins, languages, include_test, include_burst,
                    include_hidden_texts) < std::tie(o.from_date, o.to_date, o.origins, o.languages,
                                                     o.include_test, o.include_burst, o.include_hidden_texts);
}

std::string CheckDateRange(const std::string& from_date, const std::string& to_date) {
    for (const std::string* date : {&from_date, &to_date})
        if (!date->empty() && !ParseIsoDate(*date))
            return fmt::format("\"{}\" is not a date (YYYY-MM-DD)", *date);
    if (!from_date.empty() && !to_date.empty() && to_date < from_date)
        return fmt::format("the period ends ({}) before it starts ({})", to_date, from_date);
    return {};
}

std::string CheckFilter(const ResultsFilter& filter) {
    return CheckDateRange(filter.from_date, filter.to_date);
}

const OptionTally* QuestionResults::FindOption(std::string_view option_id) const {
    for (const OptionTally& o : options)
        if (o.option_id == option_id) return &o;
    return nullptr;
}

const QuestionResults* SurveyResults::Find(std::string_view question_id) const {
    for (const QuestionResults& q : questions)
        if (q.question_id == question_id) return &q;
    return nullptr;
}

SurveyResults EmptyResults(const Survey& survey, const ResultsFilter& filter) {
    SurveyResults results;
    results.survey_id = survey.id;
    results.filter = filter;
    for (const Question& question : survey.questions) {
        QuestionResults q;
        q.question_id = question.id;
        q.type = question.type;
        for (const Option& option : question.options)
            q.options.push_back({option.id, {}, {}});
        results.questions.push_back(std::move(q));
    }
    return results;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Queries
// -----------------------------------------------------------------------------------------

namespace {

// The WHERE clause for a filter, on a tally table `t` (or `response r`, whose columns have
// the same names but for the day). Parameters: ?1 survey id, ?2 question id (where used),
// then the filter's values from ?3 on, in the order of `binds`.
struct Where {
    std::string sql;
    std::vector<std::string> binds;
};

Where FilterWhere(const ResultsFilter& filter, const char* t, const char* day) {
    Where w;
    w.sql = fmt::format("{}.survey_id = ?1", t);
    auto param = [&](const std::string& value) {
        w.binds.push_back(value);
        return fmt::format("?{}", 2 + w.binds.size());
    };
    if (!filter.include_test) w.sql += fmt::format(" AND {}.is_test = 0", t);
    if (!filter.include_burst) w.sql += fmt::format(" AND {}.burst = 0", t);
    if (!filter.from_date.empty()) w.sql += fmt::format(" AND {} >= {}", day, param(filter.from_date));
    if (!filter.to_date.empty()) w.sql += fmt::format(" AND {} <= {}", day, param(filter.to_date));
    auto in_list = [&](const char* column, const auto& values, auto text) {
        if (values.empty()) return;
        std::string list;
        for (const auto& v : values)
            list += (list.empty() ? "" : ", ") + param(text(v));
        w.sql += fmt::format(" AND {}.{} IN ({})", t, column, list);
    };
    in_list("origin", filter.origins, [](ResponseOrigin o) { return std::string(ToString(o)); });
    in_list("language", filter.languages, [](const std::string& l) { return l; });
    return w;
}

// ?1 survey id, ?2 question id, then the filter's values.
void BindFilter(Query& query, const std::string& survey_id, const std::string& question_id,
                const Where& where) {
    query.BindText(1, survey_id);
    query.BindText(2, question_id);
    for (size_t i = 0; i < where.binds.size(); i++)
        query.BindText(3 + (int)i, where.binds[i]);
}

// On a tally, whose `day` is the response's day already.
Where TallyWhere(const ResultsFilter& filter) {
    return FilterWhere(filter, "t", "t.day");
}

// On `response r`: the response's day is the date on the paper questionnaire, else the day
// it was recorded (as the tallies' `day`).
Where ResponseWhere(const ResultsFilter& filter) {
    return FilterWhere(filter, "r", "coalesce(r.paper_date, substr(r.submitted_at, 1, 10))");
}

Slice SliceColumn(sqlite3_stmt* stmt, int column) {
    const unsigned char* text = sqlite3_column_text(stmt, column);
    return SliceOf(
        ParseResponseOrigin(text ? reinterpret_cast<const char*>(text) : "").value_or(ResponseOrigin::Kiosk));
}

template <typename T, typename N>
void AddTo(PerSlice<T>& counts, Slice slice, N n) {
    counts[(size_t)slice] += n;
    counts[(size_t)Slice::Total] += n;
}

OptionTally& OptionOf(QuestionResults& q, std::string option_id) {
    for (OptionTally& o : q.options)
        if (o.option_id == option_id) return o;
    q.options.push_back({std::move(option_id), {}, {}});
    return q.options.back();
}

// Sums the question's answer_tally rows matching the filter: `select` and `tail` (its WHERE
// additions and GROUP BY) over `answer_tally t`. The primary key's prefix (survey, question,
// day) keeps the read to this question's rows.
template <typename Row>
bool SumAnswers(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter,
                const std::string& question_id, const std::string& select, const std::string& tail,
                std::string& error, Row&& row) {
    const Where where = TallyWhere(filter);
    Query q(db,
            fmt::format("SELECT {} FROM answer_tally t WHERE t.question_id = ?2 AND {} {}", select, where.sql,
                        tail),
            error);
    if (!q.Ok()) return false;
    BindFilter(q, survey_id, question_id, where);
    return q.Each(row);
}

// -----------------------------------------------------------------------------------------
// [SECTION] Per question type
// -----------------------------------------------------------------------------------------

// Responses answering the question, where one response has several rows.
bool AddRespondents(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter,
                    QuestionResults& q, std::string& error) {
    const Where where = TallyWhere(filter);
    Query query(db,
                fmt::format("SELECT t.origin, sum(t.respondents) FROM respondent_tally t "
                            "WHERE t.question_id = ?2 AND {} GROUP BY 1",
                            where.sql),
                error);
    if (!query.Ok()) return false;
    BindFilter(query, survey_id, q.question_id, where);
    return query.Each(
        [&](sqlite3_stmt* s) { AddTo(q.respondents, SliceColumn(s, 0), sqlite3_column_int64(s, 1)); });
}

bool AddFreeText(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter, int64_t up_to_seq,
                 QuestionResults& q, std::string& error) {
    if (!SumAnswers(db, survey_id, filter, q.question_id, "t.origin, sum(t.answers)",
                    "AND t.has_text = 1 GROUP BY 1", error, [&](sqlite3_stmt* s) {
                        AddTo(q.respondents, SliceColumn(s, 0), sqlite3_column_int64(s, 1));
                    }))
        return false;
    // Hidden ones (few) and the newest answers are read from the rows themselves.
    const Where where = ResponseWhere(filter);
    {
        Query hidden(
            db,
            fmt::format("SELECT r.origin, count(*) FROM hidden_answer h "
                        "CROSS JOIN response r ON r.uuid = h.response_uuid "
                        "CROSS JOIN answer a ON a.response_seq = r.seq AND a.question_id = h.question_id "
                        "WHERE h.question_id = ?2 AND a.text IS NOT NULL AND r.status = 'complete' AND {} "
                        "GROUP BY r.origin",
                        where.sql),
            error);
        if (!hidden.Ok()) return false;
        BindFilter(hidden, survey_id, q.question_id, where);
        if (!hidden.Each([&](sqlite3_stmt* s) {
                AddTo(q.hidden_texts, SliceColumn(s, 0), sqlite3_column_int64(s, 1));
            }))
            return false;
    }
    // Newest first through answer_question (question_id, response_seq), read backwards: the
    // 200 newest matching answers cost 200 probes of `response` when most answers match.
    Query list(
        db,
        fmt::format(
            "SELECT r.seq, r.uuid, r.submitted_at, r.origin, r.language, a.text, "
            "h.response_uuid IS NOT NULL FROM answer a CROSS JOIN response r ON r.seq = a.response_seq "
            "LEFT JOIN hidden_answer h ON h.response_uuid = r.uuid AND h.question_id = a.question_id "
            "WHERE a.question_id = ?2 AND a.response_seq <= ?{} AND a.text IS NOT NULL "
            "AND r.status = 'complete' AND {} {} ORDER BY a.response_seq DESC LIMIT {}",
            3 + where.binds.size(), where.sql,
            filter.include_hidden_texts ? "" : "AND h.response_uuid IS NULL", kFreeTextListed),
        error);
    if (!list.Ok()) return false;
    BindFilter(list, survey_id, q.question_id, where);
    list.BindInt(3 + (int)where.binds.size(), up_to_seq);
    return list.Each([&](sqlite3_stmt* s) {
        FreeTextItem item;
        item.seq = sqlite3_column_int64(s, 0);
        item.uuid = ColumnText(s, 1);
        item.submitted_at = ColumnText(s, 2);
        item.origin = ParseResponseOrigin(ColumnText(s, 3)).value_or(ResponseOrigin::Kiosk);
        item.language = ColumnText(s, 4);
        item.text = ColumnText(s, 5);
        item.hidden = sqlite3_column_int(s, 6) != 0;
        q.texts.push_back(std::move(item));
    });
}

// The heat map: from pin_tally (no day in it: a few thousand rows) when the filter has no
// dates, else from the pins themselves — seconds at a million responses, on the service's
// thread (docs/results.md).
bool AddHeat(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter, QuestionResults& q,
             std::string& error) {
    std::map<std::pair<int, int>, PerSlice<int64_t>> cells;
    auto add = [&](sqlite3_stmt* s) {
        const int cell = sqlite3_column_int(s, 1);
        AddTo(cells[{cell / kHeatGrid, cell % kHeatGrid}], SliceColumn(s, 0), sqlite3_column_int64(s, 2));
    };
    const bool dated = !filter.from_date.empty() || !filter.to_date.empty();
    if (!dated) {
        const Where where = TallyWhere(filter);
        Query query(
            db,
            fmt::format("SELECT t.origin, t.cell, sum(t.pins) FROM pin_tally t WHERE t.question_id = ?2 "
                        "AND {} GROUP BY 1, 2",
                        where.sql),
            error);
        if (!query.Ok()) return false;
        BindFilter(query, survey_id, q.question_id, where);
        if (!query.Each(add)) return false;
    } else {
        const Where where = ResponseWhere(filter);
        const std::string cell =
            fmt::format("max(0, min({0} - 1, CAST(a.{{}} * {0} AS INTEGER)))", kHeatGrid);
        Query query(
            db,
            fmt::format("SELECT r.origin, {1} * {0} + {2}, count(*) FROM answer a CROSS JOIN response r "
                        "ON r.seq = a.response_seq WHERE a.question_id = ?2 AND a.x IS NOT NULL AND "
                        "a.y IS NOT NULL AND r.status = 'complete' AND {3} GROUP BY 1, 2",
                        kHeatGrid, fmt::format(fmt::runtime(cell), "y"), fmt::format(fmt::runtime(cell), "x"),
                        where.sql),
            error);
        if (!query.Ok()) return false;
        BindFilter(query, survey_id, q.question_id, where);
        if (!query.Each(add)) return false;
    }
    for (const auto& [at, count] : cells)
        q.heat.push_back({at.second, at.first, count});
    return true;
}

bool AddPins(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter, QuestionResults& q,
             std::string& error) {
    return SumAnswers(db, survey_id, filter, q.question_id, "t.origin, t.option_id, sum(t.answers)",
                      "AND t.has_pin = 1 GROUP BY 1, 2", error,
                      [&](sqlite3_stmt* s) {
                          const Slice slice = SliceColumn(s, 0);
                          const int64_t n = sqlite3_column_int64(s, 2);
                          if (std::string option = ColumnText(s, 1); !option.empty())
                              AddTo(OptionOf(q, std::move(option)).count, slice, n);
                          AddTo(q.pins, slice, n);
                      }) &&
           AddHeat(db, survey_id, filter, q, error) && AddRespondents(db, survey_id, filter, q, error);
}

} // namespace

bool AddQuestionResults(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter,
                        int64_t up_to_seq, QuestionResults& q, std::string& error) {
    switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::YesNo:
        // One row per response: the option counts are the respondents.
        return SumAnswers(db, survey_id, filter, q.question_id, "t.origin, t.option_id, sum(t.answers)",
                          "AND t.option_id <> '' GROUP BY 1, 2", error, [&](sqlite3_stmt* s) {
                              const Slice slice = SliceColumn(s, 0);
                              const int64_t n = sqlite3_column_int64(s, 2);
                              AddTo(OptionOf(q, ColumnText(s, 1)).count, slice, n);
                              AddTo(q.respondents, slice, n);
                          });
    case QuestionType::MultipleChoice:
        // Per option, never per combination; respondents apart (the percentages' base).
        return SumAnswers(db, survey_id, filter, q.question_id, "t.origin, t.option_id, sum(t.answers)",
                          "AND t.option_id <> '' GROUP BY 1, 2", error,
                          [&](sqlite3_stmt* s) {
                              AddTo(OptionOf(q, ColumnText(s, 1)).count, SliceColumn(s, 0),
                                    sqlite3_column_int64(s, 2));
                          }) &&
               AddRespondents(db, survey_id, filter, q, error);
    case QuestionType::Smiley:
        // The face (option id) and its level (number, 1 = worst) in one pass.
        return SumAnswers(db, survey_id, filter, q.question_id,
                          "t.origin, t.option_id, t.has_number, t.number, sum(t.answers)",
                          "AND t.option_id <> '' GROUP BY 1, 2, 3, 4", error, [&](sqlite3_stmt* s) {
                              const Slice slice = SliceColumn(s, 0);
                              const int64_t n = sqlite3_column_int64(s, 4);
                              AddTo(OptionOf(q, ColumnText(s, 1)).count, slice, n);
                              if (sqlite3_column_int(s, 2) != 0)
                                  AddTo(q.values[sqlite3_column_double(s, 3)], slice, n);
                              AddTo(q.respondents, slice, n);
                          });
    case QuestionType::Scale:
    case QuestionType::Number:
        return SumAnswers(db, survey_id, filter, q.question_id, "t.origin, t.number, sum(t.answers)",
                          "AND t.has_number = 1 GROUP BY 1, 2", error, [&](sqlite3_stmt* s) {
                              const Slice slice = SliceColumn(s, 0);
                              const int64_t n = sqlite3_column_int64(s, 2);
                              AddTo(q.values[sqlite3_column_double(s, 1)], slice, n);
                              AddTo(q.respondents, slice, n);
                          });
    case QuestionType::Ranking:
        return SumAnswers(db, survey_id, filter, q.question_id,
                          "t.origin, t.option_id, sum(t.answers), total(t.number * t.answers)",
                          "AND t.option_id <> '' AND t.has_number = 1 GROUP BY 1, 2", error,
                          [&](sqlite3_stmt* s) {
                              const Slice slice = SliceColumn(s, 0);
                              OptionTally& option = OptionOf(q, ColumnText(s, 1));
                              AddTo(option.count, slice, sqlite3_column_int64(s, 2));
                              AddTo(option.rank_sum, slice, sqlite3_column_double(s, 3));
                          }) &&
               AddRespondents(db, survey_id, filter, q, error);
    case QuestionType::FreeText: return AddFreeText(db, survey_id, filter, up_to_seq, q, error);
    case QuestionType::PlanPin: return AddPins(db, survey_id, filter, q, error);
    }
    return true;
}

bool AddResponseCounts(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter,
                       SurveyResults& results, std::string& error) {
    // Burst votes are counted apart whatever the filter says of them (the panel says how many
    // were left out, as the poll results screen does).
    ResultsFilter with_burst = filter;
    with_burst.include_burst = true;
    const Where where = TallyWhere(with_burst);
    Query q(
        db,
        fmt::format("SELECT t.origin, t.burst, sum(t.responses) FROM response_tally t WHERE {} GROUP BY 1, 2",
                    where.sql),
        error);
    if (!q.Ok()) return false;
    BindFilter(q, survey_id, std::string(), where);
    return q.Each([&](sqlite3_stmt* s) {
        const bool burst = sqlite3_column_int(s, 1) != 0;
        const int64_t n = sqlite3_column_int64(s, 2);
        if (burst) AddTo(results.burst_votes, SliceColumn(s, 0), n);
        if (!burst || filter.include_burst) AddTo(results.responses, SliceColumn(s, 0), n);
    });
}

std::optional<int64_t> MaxResponseSeq(sqlite3* db, std::string& error) {
    Query q(db, "SELECT coalesce(max(seq), 0) FROM response", error);
    if (!q.Ok()) return std::nullopt;
    int64_t seq = 0;
    if (!q.Each([&](sqlite3_stmt* s) { seq = sqlite3_column_int64(s, 0); })) return std::nullopt;
    return seq;
}

bool ComputeResults(sqlite3* db, const Survey& survey, SurveyResults& results, std::string& error) {
    ReadTransaction transaction(db, error);
    if (!transaction.Ok()) return false;
    const std::optional<int64_t> up_to_seq = MaxResponseSeq(db, error);
    if (!up_to_seq) return false;
    results = EmptyResults(survey, results.filter);
    if (!AddResponseCounts(db, survey.id, results.filter, results, error)) return false;
    for (QuestionResults& q : results.questions)
        if (!AddQuestionResults(db, survey.id, results.filter, *up_to_seq, q, error)) {
            error = fmt::format("question {}: {}", q.question_id, error);
            return false;
        }
    results.up_to_seq = *up_to_seq;
    return true;
}

} // namespace kiosk
