#include "export/response_source.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/schema.h"

namespace kiosk {

namespace {

// The filter's WHERE clause on `response r`, bound as ?1 after_seq, ?2 upto_seq,
// ?3 include_test, ?4 survey_id, ?5 since.
constexpr const char* kWhere = " r.seq > ?1 AND r.seq <= ?2 AND (?3 OR r.is_test = 0)"
                               " AND (?4 = '' OR r.survey_id = ?4) AND (?5 = '' OR r.submitted_at >= ?5) ";

// A prepared statement and (unless the caller has one) the read transaction around it, both
// ended whatever happens.
class ReadQuery {
public:
    // `in_transaction`: the caller holds the read transaction (several statements in it).
    ReadQuery(sqlite3* db, const std::string& sql, std::string& error, bool in_transaction = false)
        : db_(db), error_(error) {
        if (!in_transaction) {
            if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
                error_ = sqlite3_errmsg(db);
                return;
            }
            begun_ = true;
        }
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            error_ = sqlite3_errmsg(db);
    }
    ~ReadQuery() {
        sqlite3_finalize(stmt_);
        if (begun_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    }
    bool Ok() const { return stmt_ != nullptr; }
    sqlite3_stmt* Stmt() const { return stmt_; }

    void BindFilter(const ResponseFilter& filter, int64_t after_seq, int64_t upto_seq) {
        sqlite3_bind_int64(stmt_, 1, after_seq);
        sqlite3_bind_int64(stmt_, 2, upto_seq);
        sqlite3_bind_int(stmt_, 3, filter.include_test ? 1 : 0);
        sqlite3_bind_text(stmt_, 4, filter.survey_id.data(), (int)filter.survey_id.size(), SQLITE_STATIC);
        sqlite3_bind_text(stmt_, 5, filter.since.data(), (int)filter.since.size(), SQLITE_STATIC);
    }
    // SQLITE_ROW, SQLITE_DONE, or an error (then `error` is set).
    int Step() {
        const int code = sqlite3_step(stmt_);
        if (code != SQLITE_ROW && code != SQLITE_DONE) error_ = sqlite3_errmsg(db_);
        return code;
    }

private:
    sqlite3* db_;
    std::string& error_;
    sqlite3_stmt* stmt_ = nullptr;
    bool begun_ = false;
};

void AssignText(std::string& out, sqlite3_stmt* s, int column) {
    const unsigned char* text = sqlite3_column_text(s, column);
    if (text)
        out.assign(reinterpret_cast<const char*>(text), (size_t)sqlite3_column_bytes(s, column));
    else
        out.clear();
}

void AssignOptionalText(std::optional<std::string>& out, sqlite3_stmt* s, int column) {
    if (sqlite3_column_type(s, column) == SQLITE_NULL) {
        out.reset();
        return;
    }
    if (!out) out.emplace();
    AssignText(*out, s, column);
}

std::optional<double> OptionalDouble(sqlite3_stmt* s, int column) {
    if (sqlite3_column_type(s, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(s, column);
}

} // namespace

ResponseSource::~ResponseSource() {
    sqlite3_close(db_);
}

bool ResponseSource::Open(const std::filesystem::path& database, std::string& error) {
    path_ = database;
    std::error_code ec;
    if (!std::filesystem::exists(database, ec)) {
        error = fmt::format("{}: no such database (has the kiosk recorded anything yet?)", database.string());
        return false;
    }
    if (sqlite3_open_v2(database.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
        error = fmt::format("{}: cannot open read-only: {}", database.string(),
                            db_ ? sqlite3_errmsg(db_) : "out of memory");
        return false;
    }
    // Before anything touches the file: the kiosk may be checkpointing or just opening.
    sqlite3_busy_timeout(db_, 5000);
    std::string config_error;
    if (!ConfigureConnection(db_, /*read_only=*/true, config_error)) {
        error = fmt::format("{}: {}", database.string(), config_error);
        return false;
    }
    schema_version_ = kiosk::SchemaVersion(db_);
    if (schema_version_ < 0) {
        error = fmt::format("{}: cannot read the schema version: {}", database.string(), sqlite3_errmsg(db_));
        return false;
    }
    if (schema_version_ < 1) {
        error = fmt::format("{}: not a kiosk responses database (schema version {})", database.string(),
                            schema_version_);
        return false;
    }
    if (schema_version_ > kSchemaVersion) {
        error = fmt::format("{}: schema version {} is newer than this program's {}; update kiosk-sync",
                            database.string(), schema_version_, kSchemaVersion);
        return false;
    }
    ReadQuery q(db_, "SELECT value FROM meta WHERE key = 'database_id'", error);
    if (!q.Ok() || q.Step() != SQLITE_ROW) {
        error = error.empty() ? "no database_id in the meta table" : "reading the database id: " + error;
        error = fmt::format("{}: {}", database.string(), error);
        return false;
    }
    AssignText(database_id_, q.Stmt(), 0);
    return true;
}

std::optional<int64_t> ResponseSource::MaxSeq(std::string& error) {
    ReadQuery q(db_, "SELECT coalesce(max(seq), 0) FROM response", error);
    if (!q.Ok() || q.Step() != SQLITE_ROW) return std::nullopt;
    return sqlite3_column_int64(q.Stmt(), 0);
}

bool ResponseSource::Read(const ResponseFilter& filter, int64_t after_seq, int64_t upto_seq, int64_t limit,
                          const std::function<bool(const Response&)>& visit, std::string& error) {
    // One read transaction for both statements: the bound and the rows see one snapshot.
    if (sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
        error = sqlite3_errmsg(db_);
        return false;
    }
    struct EndTransaction {
        sqlite3* db;
        ~EndTransaction() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
    } end{db_};

    if (limit > 0) {
        // The seq of the limit-th matching response bounds the range, so that the rows below
        // come from a plain join (a LIMIT in a sub-query made SQLite copy every row).
        ReadQuery bound(
            db_,
            fmt::format("SELECT r.seq FROM response r WHERE {} ORDER BY r.seq LIMIT 1 OFFSET ?6", kWhere),
            error, /*in_transaction=*/true);
        if (!bound.Ok()) return false;
        bound.BindFilter(filter, after_seq, upto_seq);
        sqlite3_bind_int64(bound.Stmt(), 6, limit - 1);
        const int code = bound.Step();
        if (code == SQLITE_ROW)
            upto_seq = sqlite3_column_int64(bound.Stmt(), 0);
        else if (code != SQLITE_DONE)
            return false;
    }
    // Responses joined with their answers in (seq, position) order: the order of both primary
    // keys, so SQLite walks the two b-trees without sorting.
    ReadQuery q(
        db_,
        fmt::format("SELECT r.seq, r.uuid, r.kiosk_id, r.survey_id, r.survey_version, r.language, r.origin, "
                    "r.status, r.is_test, r.burst, r.started_at, r.submitted_at, r.duration_ms, {}, "
                    "a.question_id, a.option_id, a.text, a.number, a.plan_id, a.x, a.y, {} "
                    "FROM response r LEFT JOIN answer a ON a.response_seq = r.seq {} WHERE {} "
                    "ORDER BY r.seq, a.position",
                    // Hidden answers (version 2): one primary-key probe of a table that is
                    // usually empty. A version-1 file (a kiosk not yet updated) has none.
                    schema_version_ >= 2 ? "r.paper_date" : "NULL",
                    schema_version_ >= 2 ? "h.response_uuid IS NOT NULL" : "0",
                    schema_version_ >= 2 ? "LEFT JOIN hidden_answer h ON h.response_uuid = r.uuid AND "
                                           "h.question_id = a.question_id"
                                         : "",
                    kWhere),
        error, /*in_transaction=*/true);
    if (!q.Ok()) return false;
    q.BindFilter(filter, after_seq, upto_seq);

    Response r;
    std::vector<Answer> spare; // answers of a longer earlier response, kept with their strings
    size_t answer_count = 0;
    bool have = false;
    auto deliver = [&]() {
        while (r.answers.size() > answer_count) {
            spare.push_back(std::move(r.answers.back()));
            r.answers.pop_back();
        }
        return visit(r);
    };
    int code;
    while ((code = q.Step()) == SQLITE_ROW) {
        sqlite3_stmt* s = q.Stmt();
        const int64_t seq = sqlite3_column_int64(s, 0);
        if (!have || seq != r.seq) {
            if (have && !deliver()) return true;
            have = true;
            answer_count = 0;
            r.seq = seq;
            AssignText(r.uuid, s, 1);
            AssignText(r.kiosk_id, s, 2);
            AssignText(r.survey_id, s, 3);
            r.survey_version = sqlite3_column_int64(s, 4);
            AssignText(r.language, s, 5);
            const char* origin = reinterpret_cast<const char*>(sqlite3_column_text(s, 6));
            const char* status = reinterpret_cast<const char*>(sqlite3_column_text(s, 7));
            r.origin = ParseResponseOrigin(origin ? origin : "").value_or(ResponseOrigin::Kiosk);
            r.status = ParseResponseStatus(status ? status : "").value_or(ResponseStatus::Complete);
            r.is_test = sqlite3_column_int(s, 8) != 0;
            r.burst = sqlite3_column_int(s, 9) != 0;
            AssignText(r.started_at, s, 10);
            AssignText(r.submitted_at, s, 11);
            r.duration_ms = sqlite3_column_int64(s, 12);
            AssignOptionalText(r.paper_date, s, 13);
        }
        if (sqlite3_column_type(s, 14) == SQLITE_NULL) continue; // a response without answers
        // Reuse the answer objects (and their strings' capacity) from earlier responses.
        if (answer_count == r.answers.size()) {
            if (spare.empty()) {
                r.answers.emplace_back();
            } else {
                r.answers.push_back(std::move(spare.back()));
                spare.pop_back();
            }
        }
        Answer& a = r.answers[answer_count++];
        AssignText(a.question_id, s, 14);
        AssignOptionalText(a.option_id, s, 15);
        AssignOptionalText(a.text, s, 16);
        a.number = OptionalDouble(s, 17);
        AssignOptionalText(a.plan_id, s, 18);
        a.x = OptionalDouble(s, 19);
        a.y = OptionalDouble(s, 20);
        a.hidden = a.text && sqlite3_column_int(s, 21) != 0;
    }
    if (code != SQLITE_DONE) return false;
    if (have) deliver();
    return true;
}

std::optional<int64_t> ResponseSource::Count(const ResponseFilter& filter, int64_t after_seq,
                                             int64_t upto_seq, std::string& error) {
    ReadQuery q(db_, fmt::format("SELECT count(*) FROM response r WHERE {}", kWhere), error);
    if (!q.Ok()) return std::nullopt;
    q.BindFilter(filter, after_seq, upto_seq);
    if (q.Step() != SQLITE_ROW) return std::nullopt;
    return sqlite3_column_int64(q.Stmt(), 0);
}

std::optional<std::vector<SurveyVersionCount>> ResponseSource::SurveyVersions(const ResponseFilter& filter,
                                                                              int64_t after_seq,
                                                                              int64_t upto_seq,
                                                                              std::string& error) {
    ReadQuery q(db_,
                fmt::format("SELECT r.survey_id, r.survey_version, count(*) FROM response r WHERE {} "
                            "GROUP BY r.survey_id, r.survey_version ORDER BY r.survey_id, r.survey_version",
                            kWhere),
                error);
    if (!q.Ok()) return std::nullopt;
    q.BindFilter(filter, after_seq, upto_seq);
    std::vector<SurveyVersionCount> out;
    int code;
    while ((code = q.Step()) == SQLITE_ROW) {
        SurveyVersionCount& c = out.emplace_back();
        AssignText(c.survey_id, q.Stmt(), 0);
        c.survey_version = sqlite3_column_int64(q.Stmt(), 1);
        c.responses = sqlite3_column_int64(q.Stmt(), 2);
    }
    if (code != SQLITE_DONE) return std::nullopt;
    return out;
}

std::optional<std::vector<std::string>> ResponseSource::QuestionIds(const ResponseFilter& filter,
                                                                    const std::string& survey_id,
                                                                    int64_t version, int64_t after_seq,
                                                                    int64_t upto_seq, std::string& error) {
    ReadQuery q(db_,
                fmt::format("SELECT a.question_id, min(r.seq * 1000 + a.position) AS first FROM response r "
                            "JOIN answer a ON a.response_seq = r.seq WHERE {} AND r.survey_id = ?6 "
                            "AND r.survey_version = ?7 GROUP BY a.question_id ORDER BY first",
                            kWhere),
                error);
    if (!q.Ok()) return std::nullopt;
    q.BindFilter(filter, after_seq, upto_seq);
    sqlite3_bind_text(q.Stmt(), 6, survey_id.data(), (int)survey_id.size(), SQLITE_STATIC);
    sqlite3_bind_int64(q.Stmt(), 7, version);
    std::vector<std::string> out;
    int code;
    while ((code = q.Step()) == SQLITE_ROW)
        AssignText(out.emplace_back(), q.Stmt(), 0);
    if (code != SQLITE_DONE) return std::nullopt;
    return out;
}

} // namespace kiosk
