// ResponseSource: kiosk-sync's read-only view of responses.db.
//
// The kiosk is the database's only writer (docs/storage.md, "One writer": SQLite 3.40's
// WAL-reset bug needs two connections that write or checkpoint). This connection is opened with
// SQLITE_OPEN_READONLY, so it never writes and never checkpoints, and every read below
// runs inside ONE short read transaction that ends before the call returns: a reader that
// keeps a transaction open makes the kiosk's WAL grow without bound.
//
// Rows are never updated or deleted and `seq` only grows, so a range (after_seq, upto_seq]
// always holds the same responses: that is what makes a batch reproducible.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/response.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk {

// Which responses an export or a batch takes.
struct ResponseFilter {
    bool include_test = false; // test and synthetic responses (is_test = 1)
    std::string survey_id;     // "" = every survey
    std::string since;         // "" or an ISO date/time: submitted_at >= since
};

// One (survey, version) present in a range, with its number of responses.
struct SurveyVersionCount {
    std::string survey_id;
    int64_t survey_version = 0;
    int64_t responses = 0;
};

class ResponseSource {
public:
    ResponseSource() = default;
    ~ResponseSource();
    ResponseSource(const ResponseSource&) = delete;
    ResponseSource& operator=(const ResponseSource&) = delete;

    // Opens `database` read-only and reads its identity. Fails (with a message naming the
    // file) when it does not exist, is not a kiosk database, or has a newer schema.
    bool Open(const std::filesystem::path& database, std::string& error);

    const std::string& DatabaseId() const { return database_id_; }
    int SchemaVersion() const { return schema_version_; }
    const std::filesystem::path& Path() const { return path_; }

    // The largest seq in the database (0 when empty).
    std::optional<int64_t> MaxSeq(std::string& error);

    // Calls `visit` for each response matching `filter` with after_seq < seq <= upto_seq, in
    // seq order, at most `limit` (0 = no limit), answers in position order. The Response
    // passed is reused between calls (copy what you keep). `visit` returning false stops.
    // One read transaction. Returns false with `error` on an SQL error.
    bool Read(const ResponseFilter& filter, int64_t after_seq, int64_t upto_seq, int64_t limit,
              const std::function<bool(const Response&)>& visit, std::string& error);

    // Count of matching responses in (after_seq, upto_seq].
    std::optional<int64_t> Count(const ResponseFilter& filter, int64_t after_seq, int64_t upto_seq,
                                 std::string& error);

    // Surveys and versions present in the range (for the wide CSV's columns).
    std::optional<std::vector<SurveyVersionCount>>
    SurveyVersions(const ResponseFilter& filter, int64_t after_seq, int64_t upto_seq, std::string& error);
    // Distinct question ids answered in `survey_id` version `version` within the range, in
    // order of first appearance.
    std::optional<std::vector<std::string>> QuestionIds(const ResponseFilter& filter,
                                                        const std::string& survey_id, int64_t version,
                                                        int64_t after_seq, int64_t upto_seq,
                                                        std::string& error);

private:
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    std::string database_id_;
    int schema_version_ = 0;
};

} // namespace kiosk
