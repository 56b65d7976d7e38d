// PgConnection: a small RAII layer over libpq for kiosk-sync's PostgreSQL destination —
// statements with parameters, COPY FROM STDIN, and errors kept with their SQLSTATE so that
// the destination can tell "try again later" (the server restarted, the network dropped)
// from "a person must act" (no right to insert, a schema too new).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace kiosk {

struct PgError {
    std::string sqlstate; // five characters; "" when the connection itself failed
    std::string message;  // one line

    // Worth retrying later: connection lost or refused, server shutting down or starting,
    // out of resources, serialization failure or deadlock, a concurrent insert of the same key.
    bool IsTransient() const;
};

class PgResult {
public:
    explicit PgResult(pg_result* result = nullptr) : result_(result) {}
    int Rows() const;
    std::string Text(int row, int column) const;

private:
    struct Free {
        void operator()(pg_result* result) const;
    };
    std::unique_ptr<pg_result, Free> result_;
};

class PgConnection {
public:
    // `uri` is a libpq connection string or URI; `password`, when not empty, is given apart
    // (it never sits in kiosk.toml). Nothing (and `error`) when the connection fails.
    static std::unique_ptr<PgConnection> Connect(const std::string& uri, const std::string& password,
                                                 int timeout_seconds, PgError& error);
    ~PgConnection();

    // Runs `sql` (one or more statements, no parameters). Nothing and `error` on failure.
    std::optional<PgResult> Exec(const std::string& sql, PgError& error);
    // One statement with $1, $2 … bound to `params` (text; nullopt is NULL).
    std::optional<PgResult> Exec(const std::string& sql,
                                 const std::vector<std::optional<std::string>>& params, PgError& error);
    // `COPY … FROM STDIN` with `data` in COPY's text format.
    bool CopyIn(const std::string& copy_statement, std::string_view data, PgError& error);

    // `name` as a quoted SQL identifier ("kiosk" → "\"kiosk\"").
    std::string QuoteIdentifier(std::string_view name) const;

private:
    explicit PgConnection(pg_conn* conn) : conn_(conn) {}
    PgError LastError(pg_result* result) const;

    pg_conn* conn_;
};

} // namespace kiosk
