#include "sync/pg_connection.h"

#include <libpq-fe.h>

#include <fmt/format.h>

#include "base/log.h"

namespace kiosk {

namespace {

// libpq's messages span lines ("…refused\n\tIs the server running…"): one line, one space
// between words, for the log and the staff panel.
std::string OneLine(std::string_view text) {
    std::string out;
    for (char c : text) {
        const bool space = c == '\n' || c == '\t' || c == '\r' || c == ' ';
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

} // namespace

bool PgError::IsTransient() const {
    if (sqlstate.empty()) return true; // no answer from the server at all
    const std::string_view s = sqlstate;
    return s.substr(0, 2) == "08"          // connection exception
           || s.substr(0, 2) == "53"       // insufficient resources (disk full, too many connections)
           || s.substr(0, 3) == "57P"      // admin shutdown, crash shutdown, cannot connect now
           || s == "40001" || s == "40P01" // serialization failure, deadlock
           || s == "23505"                 // a concurrent delivery inserted the same batch first
           || s == "55P03";                // lock not available
}

void PgResult::Free::operator()(pg_result* result) const {
    PQclear(result);
}

int PgResult::Rows() const {
    return result_ ? PQntuples(result_.get()) : 0;
}

std::string PgResult::Text(int row, int column) const {
    return std::string(PQgetvalue(result_.get(), row, column),
                       (size_t)PQgetlength(result_.get(), row, column));
}

std::unique_ptr<PgConnection> PgConnection::Connect(const std::string& uri, const std::string& password,
                                                    int timeout_seconds, PgError& error) {
    const std::string timeout = std::to_string(timeout_seconds);
    // Keepalives and a TCP user time-out: a server or a network that vanishes mid-batch ends
    // the run within about a minute (the batch is retried later) instead of hanging it.
    std::vector<const char*> keys = {"dbname",           "connect_timeout", "application_name",
                                     "keepalives",       "keepalives_idle", "keepalives_interval",
                                     "keepalives_count", "tcp_user_timeout"};
    std::vector<const char*> values = {uri.c_str(), timeout.c_str(), "kiosk-sync", "1", "30", "10",
                                       "3",         "60000"};
    if (!password.empty()) {
        keys.push_back("password");
        values.push_back(password.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    pg_conn* conn = PQconnectdbParams(keys.data(), values.data(), /*expand_dbname=*/1);
    if (conn == nullptr) {
        error = {"", "out of memory"};
        return nullptr;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        error = {"", OneLine(PQerrorMessage(conn))};
        // A refused password or role is not cured by waiting: the server said so.
        if (error.message.find("authentication failed") != std::string::npos ||
            (error.message.find("role \"") != std::string::npos &&
             error.message.find("does not exist") != std::string::npos))
            error.sqlstate = "28000";
        PQfinish(conn);
        return nullptr;
    }
    // Notices (the wide views' warnings) go to the log by the destination, not to stderr.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

PgConnection::~PgConnection() {
    PQfinish(conn_);
}

PgError PgConnection::LastError(pg_result* result) const {
    PgError error;
    if (result != nullptr) {
        if (const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE)) error.sqlstate = state;
        error.message = OneLine(PQresultErrorMessage(result));
    }
    if (error.message.empty()) error.message = OneLine(PQerrorMessage(conn_));
    if (PQstatus(conn_) != CONNECTION_OK && error.sqlstate.empty()) error.sqlstate = "08006";
    return error;
}

std::optional<PgResult> PgConnection::Exec(const std::string& sql, PgError& error) {
    pg_result* result = PQexec(conn_, sql.c_str());
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return PgResult(result);
    error = LastError(result);
    PQclear(result);
    return std::nullopt;
}

std::optional<PgResult> PgConnection::Exec(const std::string& sql,
                                           const std::vector<std::optional<std::string>>& params,
                                           PgError& error) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const std::optional<std::string>& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    pg_result* result =
        PQexecParams(conn_, sql.c_str(), (int)values.size(), nullptr, values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return PgResult(result);
    error = LastError(result);
    PQclear(result);
    return std::nullopt;
}

bool PgConnection::CopyIn(const std::string& copy_statement, std::string_view data, PgError& error) {
    pg_result* start = PQexec(conn_, copy_statement.c_str());
    if (start == nullptr || PQresultStatus(start) != PGRES_COPY_IN) {
        error = LastError(start);
        PQclear(start);
        return false;
    }
    PQclear(start);
    // Sent in pieces: libpq buffers what it is given, and a batch can be hundreds of MB.
    constexpr size_t kChunk = 1 << 20;
    bool sent = true;
    for (size_t at = 0; sent && at < data.size(); at += kChunk) {
        const size_t n = std::min(kChunk, data.size() - at);
        sent = PQputCopyData(conn_, data.data() + at, (int)n) == 1;
    }
    if (PQputCopyEnd(conn_, sent ? nullptr : "kiosk-sync could not send the rows") != 1) sent = false;
    bool ok = sent;
    while (pg_result* result = PQgetResult(conn_)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && ok) {
            error = LastError(result);
            ok = false;
        }
        PQclear(result);
    }
    if (!sent && error.message.empty()) error = LastError(nullptr);
    return ok;
}

std::string PgConnection::QuoteIdentifier(std::string_view name) const {
    char* quoted = PQescapeIdentifier(conn_, name.data(), name.size());
    if (quoted == nullptr) return fmt::format("\"{}\"", name);
    std::string out(quoted);
    PQfreemem(quoted);
    return out;
}

} // namespace kiosk
