#include "results/results.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>
#include <sqlite3.h>

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

std::string CheckFilter(const ResultsFilter& filter) {
    for (const std::string* date : {&filter.from_date, &filter.to_date})
        if (!date->empty() && !ParseIsoDate(*date))
            return fmt::format("\"{}\" is not a date (YYYY-MM-DD)", *date);
    if (!filter.from_date.empty() && !filter.to_date.empty() && filter.to_date < filter.from_date)
        return fmt::format("the period ends ({}) before it starts ({})", filter.to_date, filter.from_date);
    return {};
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

// The WHERE clause on `response r` for a filter. Parameters: ?1 survey id, ?2 after_seq,
// ?3 up_to_seq, ?4 question id (where used), then the filter's values from ?5 on, in the
// order of `binds`.
struct Where {
    std::string sql;
    std::vector<std::string> binds;
};

Where ResponseWhere(const ResultsFilter& filter) {
    Where w;
    w.sql = "r.survey_id = ?1 AND r.seq > ?2 AND r.seq <= ?3 AND r.status = 'complete'";
    auto param = [&](const std::string& value) {
        w.binds.push_back(value);
        return fmt::format("?{}", 4 + w.binds.size());
    };
    if (!filter.include_test) w.sql += " AND r.is_test = 0";
    if (!filter.include_burst) w.sql += " AND r.burst = 0";
    // The response's day: the date on the paper questionnaire, else the day it was recorded.
    const char* day = "coalesce(r.paper_date, substr(r.submitted_at, 1, 10))";
    if (!filter.from_date.empty()) w.sql += fmt::format(" AND {} >= {}", day, param(filter.from_date));
    if (!filter.to_date.empty()) w.sql += fmt::format(" AND {} <= {}", day, param(filter.to_date));
    auto in_list = [&](const char* column, const auto& values, auto text) {
        if (values.empty()) return;
        std::string list;
        for (const auto& v : values)
            list += (list.empty() ? "" : ", ") + param(text(v));
        w.sql += fmt::format(" AND {} IN ({})", column, list);
    };
    in_list("r.origin", filter.origins, [](ResponseOrigin o) { return std::string(ToString(o)); });
    in_list("r.language", filter.languages, [](const std::string& l) { return l; });
    return w;
}

// A prepared statement inside its own short read transaction, both ended whatever happens.
class Query {
public:
    Query(sqlite3* db, const std::string& sql, std::string& error) : db_(db), error_(error) {
        if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
            error_ = sqlite3_errmsg(db);
            return;
        }
        begun_ = true;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            error_ = fmt::format("{} (in {})", sqlite3_errmsg(db), sql);
    }
    ~Query() {
        sqlite3_finalize(stmt_);
        if (begun_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    bool Ok() const { return stmt_ != nullptr; }
    void Bind(const std::string& survey_id, int64_t after_seq, int64_t up_to_seq,
              const std::string& question_id, const Where& where) {
        sqlite3_bind_text(stmt_, 1, survey_id.data(), (int)survey_id.size(), SQLITE_STATIC);
        sqlite3_bind_int64(stmt_, 2, after_seq);
        sqlite3_bind_int64(stmt_, 3, up_to_seq);
        sqlite3_bind_text(stmt_, 4, question_id.data(), (int)question_id.size(), SQLITE_STATIC);
        for (size_t i = 0; i < where.binds.size(); i++)
            sqlite3_bind_text(stmt_, 5 + (int)i, where.binds[i].data(), (int)where.binds[i].size(),
                              SQLITE_STATIC);
    }
    // Calls `row` for each row; false (with `error`) on an SQL error.
    template <typename Row>
    bool Each(Row&& row) {
        int code;
        while ((code = sqlite3_step(stmt_)) == SQLITE_ROW)
            row(stmt_);
        if (code != SQLITE_DONE) error_ = sqlite3_errmsg(db_);
        return code == SQLITE_DONE;
    }

private:
    sqlite3* db_;
    std::string& error_;
    sqlite3_stmt* stmt_ = nullptr;
    bool begun_ = false;
};

std::string Text(sqlite3_stmt* stmt, int column) {
    const unsigned char* text = sqlite3_column_text(stmt, column);
    return text ? reinterpret_cast<const char*>(text) : std::string();
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

// Runs `select` over the question's answers joined with their responses. The answers are
// found through answer_question (question_id, response_seq), so only this question's rows
// are read, and only the new ones when refreshing. CROSS JOIN fixes that order: with a
// selective filter SQLite 3.40 otherwise preferred response as the outer loop and probed
// answer_question by the seq RANGE instead of r.seq, reading the range once per response
// (minutes at 1 000 000 responses instead of a second).
template <typename Row>
bool Run(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter, int64_t after_seq,
         int64_t up_to_seq, const std::string& question_id, const std::string& select,
         const std::string& tail, std::string& error, Row&& row) {
    const Where where = ResponseWhere(filter);
    Query q(db,
            fmt::format("SELECT {} FROM answer a CROSS JOIN response r ON r.seq = a.response_seq "
                        "WHERE a.question_id = ?4 AND a.response_seq > ?2 AND a.response_seq <= ?3 AND {} {}",
                        select, where.sql, tail),
            error);
    if (!q.Ok()) return false;
    q.Bind(survey_id, after_seq, up_to_seq, question_id, where);
    return q.Each(row);
}

// -----------------------------------------------------------------------------------------
// [SECTION] Per question type
// -----------------------------------------------------------------------------------------

// Responses answering the question: needed apart where one response has several rows.
// Grouping by response_seq streams (the index gives the rows in that order) where
// count(DISTINCT …) would build a temporary b-tree of every response: half the time.
bool AddRespondents(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter, int64_t after_seq,
                    int64_t up_to_seq, QuestionResults& q, std::string& error) {
    const Where where = ResponseWhere(filter);
    Query query(db,
                fmt::format("SELECT origin, count(*) FROM (SELECT r.origin AS origin FROM answer a "
                            "CROSS JOIN response r ON r.seq = a.response_seq WHERE a.question_id = ?4 AND "
                            "a.response_seq > ?2 AND a.response_seq <= ?3 AND {} GROUP BY a.response_seq) "
                            "GROUP BY origin",
                            where.sql),
                error);
    if (!query.Ok()) return false;
    query.Bind(survey_id, after_seq, up_to_seq, q.question_id, where);
    return query.Each(
        [&](sqlite3_stmt* s) { AddTo(q.respondents, SliceColumn(s, 0), sqlite3_column_int64(s, 1)); });
}

bool AddFreeText(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter, int64_t after_seq,
                 int64_t up_to_seq, QuestionResults& q, std::string& error) {
    // Counts of new answers: incremental (an answer's text never changes).
    if (!Run(db, survey_id, filter, after_seq, up_to_seq, q.question_id, "r.origin, count(*)",
             "AND a.text IS NOT NULL GROUP BY r.origin", error,
             [&](sqlite3_stmt* s) { AddTo(q.respondents, SliceColumn(s, 0), sqlite3_column_int64(s, 1)); }))
        return false;
    // Hidden ones and the newest answers: read again whole, since staff hide and show at any time.
    const Where where = ResponseWhere(filter);
    q.hidden_texts = {};
    {
        Query hidden(
            db,
            fmt::format("SELECT r.origin, count(*) FROM hidden_answer h "
                        "CROSS JOIN response r ON r.uuid = h.response_uuid "
                        "CROSS JOIN answer a ON a.response_seq = r.seq AND a.question_id = h.question_id "
                        "WHERE h.question_id = ?4 AND a.text IS NOT NULL AND {} GROUP BY r.origin",
                        where.sql),
            error);
        if (!hidden.Ok()) return false;
        hidden.Bind(survey_id, 0, up_to_seq, q.question_id, where);
        if (!hidden.Each([&](sqlite3_stmt* s) {
                AddTo(q.hidden_texts, SliceColumn(s, 0), sqlite3_column_int64(s, 1));
            }))
            return false;
    }
    q.texts.clear();
    Query list(
        db,
        fmt::format(
            "SELECT r.seq, r.uuid, r.submitted_at, r.origin, r.language, a.text, "
            "h.response_uuid IS NOT NULL FROM answer a CROSS JOIN response r ON r.seq = a.response_seq "
            "LEFT JOIN hidden_answer h ON h.response_uuid = r.uuid AND h.question_id = a.question_id "
            "WHERE a.question_id = ?4 AND a.response_seq <= ?3 AND a.text IS NOT NULL AND {} {} "
            "ORDER BY a.response_seq DESC LIMIT {}",
            where.sql, filter.include_hidden_texts ? "" : "AND h.response_uuid IS NULL", kFreeTextListed),
        error);
    if (!list.Ok()) return false;
    list.Bind(survey_id, 0, up_to_seq, q.question_id, where);
    return list.Each([&](sqlite3_stmt* s) {
        FreeTextItem item;
        item.seq = sqlite3_column_int64(s, 0);
        item.uuid = Text(s, 1);
        item.submitted_at = Text(s, 2);
        item.origin = ParseResponseOrigin(Text(s, 3)).value_or(ResponseOrigin::Kiosk);
        item.language = Text(s, 4);
        item.text = Text(s, 5);
        item.hidden = sqlite3_column_int(s, 6) != 0;
        q.texts.push_back(std::move(item));
    });
}

bool AddPins(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter, int64_t after_seq,
             int64_t up_to_seq, QuestionResults& q, std::string& error) {
    std::map<std::pair<int, int>, PerSlice<int64_t>> cells;
    for (const HeatCell& cell : q.heat)
        cells[{cell.cy, cell.cx}] = cell.count;
    const std::string cell = fmt::format("max(0, min({0} - 1, CAST(a.{{}} * {0} AS INTEGER)))", kHeatGrid);
    const std::string cx = fmt::format(fmt::runtime(cell), "x"), cy = fmt::format(fmt::runtime(cell), "y");
    if (!Run(db, survey_id, filter, after_seq, up_to_seq, q.question_id,
             fmt::format("r.origin, a.option_id, {}, {}, count(*)", cx, cy),
             "AND a.x IS NOT NULL AND a.y IS NOT NULL GROUP BY 1, 2, 3, 4", error, [&](sqlite3_stmt* s) {
                 const Slice slice = SliceColumn(s, 0);
                 const int64_t n = sqlite3_column_int64(s, 4);
                 if (sqlite3_column_type(s, 1) != SQLITE_NULL) AddTo(OptionOf(q, Text(s, 1)).count, slice, n);
                 AddTo(cells[{sqlite3_column_int(s, 3), sqlite3_column_int(s, 2)}], slice, n);
                 AddTo(q.pins, slice, n);
             }))
        return false;
    q.heat.clear();
    for (const auto& [at, count] : cells)
        q.heat.push_back({at.second, at.first, count});
    return AddRespondents(db, survey_id, filter, after_seq, up_to_seq, q, error);
}

} // namespace

bool AddQuestionResults(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter,
                        int64_t after_seq, int64_t up_to_seq, QuestionResults& q, std::string& error) {
    switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::YesNo:
        // One row per response: the option counts are the respondents.
        return Run(db, survey_id, filter, after_seq, up_to_seq, q.question_id,
                   "r.origin, a.option_id, count(*)", "AND a.option_id IS NOT NULL GROUP BY 1, 2", error,
                   [&](sqlite3_stmt* s) {
                       const Slice slice = SliceColumn(s, 0);
                       const int64_t n = sqlite3_column_int64(s, 2);
                       AddTo(OptionOf(q, Text(s, 1)).count, slice, n);
                       AddTo(q.respondents, slice, n);
                   });
    case QuestionType::MultipleChoice:
        // Per option, never per combination; respondents apart (the percentages' base).
        return Run(db, survey_id, filter, after_seq, up_to_seq, q.question_id,
                   "r.origin, a.option_id, count(*)", "AND a.option_id IS NOT NULL GROUP BY 1, 2", error,
                   [&](sqlite3_stmt* s) {
                       AddTo(OptionOf(q, Text(s, 1)).count, SliceColumn(s, 0), sqlite3_column_int64(s, 2));
                   }) &&
               AddRespondents(db, survey_id, filter, after_seq, up_to_seq, q, error);
    case QuestionType::Smiley:
        // The face (option id) and its level (number, 1 = worst) in one pass.
        return Run(db, survey_id, filter, after_seq, up_to_seq, q.question_id,
                   "r.origin, a.option_id, a.number, count(*)",
                   "AND a.option_id IS NOT NULL GROUP BY 1, 2, 3", error, [&](sqlite3_stmt* s) {
                       const Slice slice = SliceColumn(s, 0);
                       const int64_t n = sqlite3_column_int64(s, 3);
                       AddTo(OptionOf(q, Text(s, 1)).count, slice, n);
                       if (sqlite3_column_type(s, 2) != SQLITE_NULL)
                           AddTo(q.values[sqlite3_column_double(s, 2)], slice, n);
                       AddTo(q.respondents, slice, n);
                   });
    case QuestionType::Scale:
    case QuestionType::Number:
        return Run(db, survey_id, filter, after_seq, up_to_seq, q.question_id, "r.origin, a.number, count(*)",
                   "AND a.number IS NOT NULL GROUP BY 1, 2", error, [&](sqlite3_stmt* s) {
                       const Slice slice = SliceColumn(s, 0);
                       const int64_t n = sqlite3_column_int64(s, 2);
                       AddTo(q.values[sqlite3_column_double(s, 1)], slice, n);
                       AddTo(q.respondents, slice, n);
                   });
    case QuestionType::Ranking:
        return Run(db, survey_id, filter, after_seq, up_to_seq, q.question_id,
                   "r.origin, a.option_id, count(*), total(a.number)",
                   "AND a.option_id IS NOT NULL AND a.number IS NOT NULL GROUP BY 1, 2", error,
                   [&](sqlite3_stmt* s) {
                       const Slice slice = SliceColumn(s, 0);
                       OptionTally& option = OptionOf(q, Text(s, 1));
                       AddTo(option.count, slice, sqlite3_column_int64(s, 2));
                       AddTo(option.rank_sum, slice, sqlite3_column_double(s, 3));
                   }) &&
               AddRespondents(db, survey_id, filter, after_seq, up_to_seq, q, error);
    case QuestionType::FreeText: return AddFreeText(db, survey_id, filter, after_seq, up_to_seq, q, error);
    case QuestionType::PlanPin: return AddPins(db, survey_id, filter, after_seq, up_to_seq, q, error);
    }
    return true;
}

bool AddResponseCounts(sqlite3* db, const std::string& survey_id, const ResultsFilter& filter,
                       int64_t after_seq, int64_t up_to_seq, SurveyResults& results, std::string& error) {
    // Burst votes are counted apart whatever the filter says of them (the panel says how many
    // were left out, as the poll results screen does).
    ResultsFilter with_burst = filter;
    with_burst.include_burst = true;
    const Where where = ResponseWhere(with_burst);
    Query q(
        db,
        fmt::format("SELECT r.origin, r.burst, count(*) FROM response r WHERE {} GROUP BY 1, 2", where.sql),
        error);
    if (!q.Ok()) return false;
    q.Bind(survey_id, after_seq, up_to_seq, std::string(), where);
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

bool AddResults(sqlite3* db, const Survey& survey, int64_t after_seq, int64_t up_to_seq,
                SurveyResults& results, std::string& error) {
    if (!AddResponseCounts(db, survey.id, results.filter, after_seq, up_to_seq, results, error)) return false;
    for (QuestionResults& q : results.questions)
        if (!AddQuestionResults(db, survey.id, results.filter, after_seq, up_to_seq, q, error)) {
            error = fmt::format("question {}: {}", q.question_id, error);
            return false;
        }
    results.up_to_seq = up_to_seq;
    return true;
}

} // namespace kiosk
