// Helpers shared by the store tests: sample responses, reading a database back through a
// separate read-only connection (as kiosk-sync does), waiting for the writer thread.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "store/response.h"
#include "store/response_reader.h"
#include "store/response_store.h"
#include "store/uuid.h"

namespace kiosk::test {

// Store options that retry a failed write within a test's patience (50 ms, at most 200 ms).
inline StoreOptions FastRetry(const std::filesystem::path& db) {
    StoreOptions o;
    o.database = db;
    o.busy_timeout_ms = 100;
    o.retry_seconds = 0.05;
    o.max_retry_seconds = 0.2;
    return o;
}

// A response with one row of every shape the answer table holds.
inline Response FullResponse(std::string survey_id = "usages-espaces-publics") {
    Response r;
    r.uuid = NewUuidV4();
    r.kiosk_id = "fauvettes-mdp-01";
    r.survey_id = std::move(survey_id);
    r.survey_version = 4;
    r.language = "fr";
    r.origin = ResponseOrigin::Assisted;
    r.status = ResponseStatus::Complete;
    r.started_at = "2026-11-26T14:03:05.123Z";
    r.submitted_at = "2026-11-26T14:05:10.007Z";
    r.duration_ms = 124884;
    auto row = [&](const char* q) -> Answer& { return r.answers.emplace_back(Answer{q}); };
    row("single").option_id = "chaque-jour"; // single choice / yes-no
    row("multiple").option_id = "square";    // multiple choice: one row each
    row("multiple").option_id = "bords-de-marne";
    Answer& smiley = row("smiley"); // smiley: id + level
    smiley.option_id = "very_good";
    smiley.number = 5;
    row("scale").number = 0;                                               // scale 0–10
    row("number").number = -12;                                            // number
    row("text").text = "Ça coûte 5 € l’été\u202F! 🌳 \"quoted\"; =SUM(A1)"; // free text
    for (int rank = 1; rank <= 3; rank++) {                                // ranking
        Answer& a = row("ranking");
        a.option_id = "option-" + std::to_string(rank);
        a.number = rank;
    }
    Answer& pin = row("pins"); // plan pin with a choice
    pin.plan_id = "plan-quartier-2030";
    pin.x = 0.0;
    pin.y = 1.0;
    pin.option_id = "insecurite";
    Answer& comment = row("pins"); // plan pin with a comment
    comment.plan_id = "plan-quartier-2030";
    comment.x = 0.123456789;
    comment.y = 0.987654321;
    comment.text = "Trop sombre";
    return r;
}

// A one-tap poll vote.
inline Response Vote(const std::string& survey_id, const std::string& question_id, const std::string& option,
                     bool burst = false, bool is_test = false) {
    Response r;
    r.uuid = NewUuidV4();
    r.kiosk_id = "fauvettes-mdp-01";
    r.survey_id = survey_id;
    r.survey_version = 1;
    r.language = "fr";
    r.started_at = "2026-11-26T14:03:05.123Z";
    r.submitted_at = "2026-11-26T14:03:06.001Z";
    r.duration_ms = 878;
    r.burst = burst;
    r.is_test = is_test;
    Answer a{question_id};
    a.option_id = option;
    r.answers.push_back(a);
    return r;
}

// A read-only connection, as kiosk-sync opens it.
struct ReadOnlyDb {
    sqlite3* db = nullptr;
    explicit ReadOnlyDb(const std::filesystem::path& file) {
        REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        sqlite3_busy_timeout(db, 5000);
    }
    ~ReadOnlyDb() { sqlite3_close(db); }
    std::string One(const std::string& sql) const {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        std::string out;
        if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
            out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        return out;
    }
    std::vector<Response> All() const {
        std::string error;
        std::optional<std::vector<Response>> all = ReadResponses(db, 0, 1'000'000, error);
        INFO(error);
        REQUIRE(all);
        return *all;
    }
};

// Polls `done` every millisecond until it holds or `seconds` pass; returns its last value.
inline bool WaitUntil(const std::function<bool()>& done, double seconds = 10.0) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

} // namespace kiosk::test
