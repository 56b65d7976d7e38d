// Schema version 2 (issue 12): the response table rebuilt for origin 'paper' with every row
// and seq kept, paper_date, hiding a free-text answer through the store's writer.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "store/response_store.h"
#include "store/schema.h"
#include "store_test_support.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

// A version-1 database (the frozen fixture) whose seqs have gaps, as a field database has
// after a corrupt file was replaced or responses were typed on another build: a rebuild
// that renumbered rows would move the sync cursor and attach answers to the wrong response.
void CreateV1WithGaps(const std::filesystem::path& db) {
    std::ifstream in(DataDir() / "store" / "schema-v1.sql");
    REQUIRE(in);
    std::stringstream sql;
    sql << in.rdbuf();
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, sql.str().c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    // seq 1 → 7 and 2 → 40, answers following (foreign keys off, as in the fixture).
    const char* renumber =
        "PRAGMA foreign_keys=OFF; BEGIN;"
        "UPDATE answer SET response_seq = response_seq * 100;"
        "UPDATE response SET seq = seq * 100;"
        "UPDATE response SET seq = 7 WHERE seq = 100; UPDATE answer SET response_seq = 7 "
        "WHERE response_seq = 100;"
        "UPDATE response SET seq = 40 WHERE seq = 200; UPDATE answer SET response_seq = 40 "
        "WHERE response_seq = 200;"
        "COMMIT;";
    REQUIRE(sqlite3_exec(raw, renumber, nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK(SchemaVersion(raw) == 1);
    sqlite3_close(raw);
}

Response PaperResponse(std::optional<std::string> date) {
    Response r = FullResponse();
    r.origin = ResponseOrigin::Paper;
    r.paper_date = std::move(date);
    return r;
}

} // namespace

TEST_CASE("migration 1 to 2 keeps every row and its seq, and then takes paper responses") {
    const auto db = ScratchDir("store-v2-gaps") / "responses.db";
    CreateV1WithGaps(db);
    std::string before_answers;
    {
        ReadOnlyDb reader(db);
        before_answers =
            reader.One("SELECT group_concat(response_seq || ':' || position || ':' || question_id "
                       "|| ':' || coalesce(option_id, '') || ':' || coalesce(text, '') || ':' || "
                       "coalesce(number, ''), '|') FROM (SELECT * FROM answer ORDER BY 1, 2)");
    }
    Response paper = PaperResponse("2026-10-15");
    {
        ResponseStore store(FastRetry(db));
        const Ticket t = store.Submit(paper);
        REQUIRE(store.WaitCommitted(t, 10));
    }
    ReadOnlyDb reader(db);
    CHECK(reader.One("PRAGMA user_version") == std::to_string(kSchemaVersion));
    CHECK(reader.One("PRAGMA integrity_check") == "ok");
    CHECK(reader.One("PRAGMA foreign_key_check") == "");
    CHECK(reader.One("SELECT group_concat(seq) FROM (SELECT seq FROM response ORDER BY seq)") == "7,40,41");
    CHECK(reader.One(
              "SELECT group_concat(response_seq || ':' || position || ':' || question_id || ':' || "
              "coalesce(option_id, '') || ':' || coalesce(text, '') || ':' || coalesce(number, ''), '|') "
              "FROM (SELECT * FROM answer WHERE response_seq < 41 ORDER BY 1, 2)") == before_answers);
    CHECK(reader.One("SELECT uuid FROM response WHERE seq = 7") == "0f8e2a4c-1b3d-4e5f-8a7b-9c0d1e2f3a4b");
    // The indexes the results need, and the foreign keys back on for the writer.
    CHECK(
        reader.One("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('response_survey', "
                   "'answer_question')") == "2");
    std::vector<Response> all = reader.All();
    REQUIRE(all.size() == 3);
    paper.seq = 41;
    CHECK(all[2] == paper);
    CHECK(all[2].paper_date == "2026-10-15");
    CHECK_FALSE(all[0].paper_date);
}

TEST_CASE("a paper response needs its date, and only a paper response has one") {
    const auto db = ScratchDir("store-v2-paper") / "responses.db";
    {
        ResponseStore store(FastRetry(db));
        REQUIRE(store.WaitUntilOpen(10).open);
        Response no_date = PaperResponse(std::nullopt);
        Response bad_date = PaperResponse("2026-02-30");
        Response kiosk_with_date = FullResponse();
        kiosk_with_date.paper_date = "2026-10-15";
        for (const Response* r : {&no_date, &bad_date, &kiosk_with_date}) {
            const Ticket t = store.Submit(*r);
            CHECK_FALSE(store.WaitCommitted(t, 5));
            CHECK(store.State(t) == RecordState::Rejected);
        }
        CHECK(store.WaitCommitted(store.Submit(PaperResponse("2026-10-15")), 10));
    }
    // The database refuses them too: a program other than the store cannot slip one in.
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    auto insert = [&](const char* origin, const char* paper_date) {
        const std::string sql =
            std::string("INSERT INTO response (uuid, kiosk_id, survey_id, survey_version, "
                        "language, origin, status, started_at, submitted_at, duration_ms, "
                        "paper_date) VALUES (lower(hex(randomblob(16))), 'k', 's', 1, 'fr', '") +
            origin + "', 'complete', 'a', 'b', 0, " + paper_date + ")";
        return sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr);
    };
    CHECK(insert("kiosk", "'2026-10-15'") == SQLITE_CONSTRAINT);
    CHECK(insert("paper", "'15/10/2026'") == SQLITE_CONSTRAINT);
    CHECK(insert("paper", "'2026-10-15'") == SQLITE_OK);
    CHECK(insert("kiosk", "NULL") == SQLITE_OK);
    sqlite3_close(raw);
}

TEST_CASE("hiding a free-text answer writes through the store and never touches the response") {
    const auto db = ScratchDir("store-v2-hide") / "responses.db";
    Response r = FullResponse();
    ResponseStore store(FastRetry(db));
    REQUIRE(store.WaitCommitted(store.Submit(r), 10));

    store.SetHidden(r.uuid, "text", true);
    store.SetHidden(r.uuid, "text", true); // twice: still one row
    REQUIRE(store.WaitIdle(10));
    {
        ReadOnlyDb reader(db);
        CHECK(reader.One("SELECT count(*) FROM hidden_answer WHERE response_uuid = '" + r.uuid +
                         "' AND question_id = 'text'") == "1");
        std::vector<Response> all = reader.All();
        REQUIRE(all.size() == 1);
        r.seq = all[0].seq;
        CHECK(all[0] == r); // the answer is still there, unchanged
    }
    CHECK(store.Status().hidden_changes == 2);

    store.SetHidden(r.uuid, "text", false);
    store.SetHidden("00000000-0000-4000-8000-000000000000", "text", true); // unknown: dropped
    REQUIRE(store.WaitIdle(10));
    ReadOnlyDb reader(db);
    CHECK(reader.One("SELECT count(*) FROM hidden_answer") == "0");
    CHECK(store.Status().hidden_changes == 3);
    CHECK(store.Status().fault == StoreFault::None);
}
