// The few SQLite helpers the staff panel's figures share (results.cpp, participation.cpp):
// a prepared statement finalized whatever happens, and one read transaction per computation.
#pragma once

#include <cstdint>
#include <string>

#include <fmt/format.h>
#include <sqlite3.h>

namespace kiosk {

class Query {
public:
    Query(sqlite3* db, const std::string& sql, std::string& error) : db_(db), error_(error) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            error_ = fmt::format("{} (in {})", sqlite3_errmsg(db), sql);
    }
    ~Query() { sqlite3_finalize(stmt_); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    bool Ok() const { return stmt_ != nullptr; }
    // SQLite copies the text: the caller's string may go before the statement runs.
    void BindText(int index, const std::string& value) {
        sqlite3_bind_text(stmt_, index, value.data(), (int)value.size(), SQLITE_TRANSIENT);
    }
    void BindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
    // Ready to bind and run again.
    void Reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
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
};

// One read transaction: every figure of a computation comes from the same snapshot.
class ReadTransaction {
public:
    ReadTransaction(sqlite3* db, std::string& error) : db_(db) {
        ok_ = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
        if (!ok_) error = sqlite3_errmsg(db);
    }
    ~ReadTransaction() {
        if (ok_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    bool Ok() const { return ok_; }

private:
    sqlite3* db_;
    bool ok_ = false;
};

inline std::string ColumnText(sqlite3_stmt* stmt, int column) {
    const unsigned char* text = sqlite3_column_text(stmt, column);
    return text ? reinterpret_cast<const char*>(text) : std::string();
}

} // namespace kiosk
