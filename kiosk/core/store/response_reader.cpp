#include "store/response_reader.h"

#include <sqlite3.h>

namespace kiosk {

namespace {

std::string Text(sqlite3_stmt* stmt, int column) {
    const unsigned char* text = sqlite3_column_text(stmt, column);
    return text ? reinterpret_cast<const char*>(text) : std::string();
}

std::optional<std::string> OptionalText(sqlite3_stmt* stmt, int column) {
    if (sqlite3_column_type(stmt, column) == SQLITE_NULL) return std::nullopt;
    return Text(stmt, column);
}

std::optional<double> OptionalDouble(sqlite3_stmt* stmt, int column) {
    if (sqlite3_column_type(stmt, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(stmt, column);
}

// Ends the read transaction and finalizes the statements whatever happens.
struct ReadTransaction {
    sqlite3* db;
    sqlite3_stmt* responses = nullptr;
    sqlite3_stmt* answers = nullptr;
    bool begun = false;
    ~ReadTransaction() {
        sqlite3_finalize(responses);
        sqlite3_finalize(answers);
        if (begun) sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
};

} // namespace

std::optional<std::vector<Response>> ReadResponses(sqlite3* db, int64_t after_seq, int limit,
                                                   std::string& error) {
    ReadTransaction tx{db};
    // One read transaction: the responses and their answers come from the same snapshot.
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
        error = sqlite3_errmsg(db);
        return std::nullopt;
    }
    tx.begun = true;
    if (sqlite3_prepare_v2(
            db,
            "SELECT seq, uuid, kiosk_id, survey_id, survey_version, language, origin, status, is_test, "
            "burst, started_at, submitted_at, duration_ms, paper_date FROM response WHERE seq > ?1 ORDER BY "
            "seq "
            "LIMIT ?2",
            -1, &tx.responses, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT question_id, option_id, text, number, plan_id, x, y FROM answer "
                           "WHERE response_seq = ?1 ORDER BY position",
                           -1, &tx.answers, nullptr) != SQLITE_OK) {
        error = sqlite3_errmsg(db);
        return std::nullopt;
    }
    sqlite3_bind_int64(tx.responses, 1, after_seq);
    sqlite3_bind_int(tx.responses, 2, limit);
    std::vector<Response> out;
    int code;
    while ((code = sqlite3_step(tx.responses)) == SQLITE_ROW) {
        sqlite3_stmt* s = tx.responses;
        Response r;
        r.seq = sqlite3_column_int64(s, 0);
        r.uuid = Text(s, 1);
        r.kiosk_id = Text(s, 2);
        r.survey_id = Text(s, 3);
        r.survey_version = sqlite3_column_int64(s, 4);
        r.language = Text(s, 5);
        r.origin = ParseResponseOrigin(Text(s, 6)).value_or(ResponseOrigin::Kiosk);
        r.status = ParseResponseStatus(Text(s, 7)).value_or(ResponseStatus::Complete);
        r.is_test = sqlite3_column_int(s, 8) != 0;
        r.burst = sqlite3_column_int(s, 9) != 0;
        r.started_at = Text(s, 10);
        r.submitted_at = Text(s, 11);
        r.duration_ms = sqlite3_column_int64(s, 12);
        r.paper_date = OptionalText(s, 13);

        sqlite3_bind_int64(tx.answers, 1, r.seq);
        int answer_code;
        while ((answer_code = sqlite3_step(tx.answers)) == SQLITE_ROW) {
            sqlite3_stmt* a = tx.answers;
            Answer answer;
            answer.question_id = Text(a, 0);
            answer.option_id = OptionalText(a, 1);
            answer.text = OptionalText(a, 2);
            answer.number = OptionalDouble(a, 3);
            answer.plan_id = OptionalText(a, 4);
            answer.x = OptionalDouble(a, 5);
            answer.y = OptionalDouble(a, 6);
            r.answers.push_back(std::move(answer));
        }
        sqlite3_reset(tx.answers);
        if (answer_code != SQLITE_DONE) {
            error = sqlite3_errmsg(db);
            return std::nullopt;
        }
        out.push_back(std::move(r));
    }
    if (code != SQLITE_DONE) {
        error = sqlite3_errmsg(db);
        return std::nullopt;
    }
    return out;
}

} // namespace kiosk
