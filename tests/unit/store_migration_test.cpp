// Forward-only migrations, tested from every earlier schema version.
//
// tests/data/store/schema-vN.sql is a database at version N as kiosks in the field hold it
// (frozen once released). Every fixture is migrated by the store to kSchemaVersion and must
// give back its responses unchanged, then take new ones. Adding schema version N+1 means
// adding its migration (schema.cpp) and one fixture, schema-v(N+1).sql: the test below
// refuses to pass until every version from 0 to kSchemaVersion has its fixture.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "store/response_store.h"
#include "store/response_writer.h"
#include "store/schema.h"
#include "store_test_support.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::filesystem::path Fixture(int version) {
    return DataDir() / "store" / ("schema-v" + std::to_string(version) + ".sql");
}

// The responses every fixture from version 1 on holds (see schema-v1.sql).
std::vector<Response> FixtureResponses() {
    Response a;
    a.seq = 1;
    a.uuid = "0f8e2a4c-1b3d-4e5f-8a7b-9c0d1e2f3a4b";
    a.kiosk_id = "fauvettes-mdp-01";
    a.survey_id = "usages-espaces-publics";
    a.survey_version = 1;
    a.language = "fr";
    a.started_at = "2026-10-02T09:15:03.250Z";
    a.submitted_at = "2026-10-02T09:18:41.007Z";
    a.duration_ms = 217757;
    auto row = [&](Response& r, const char* q) -> Answer& { return r.answers.emplace_back(Answer{q}); };
    row(a, "frequence").option_id = "chaque-jour";
    row(a, "lieux").option_id = "square";
    row(a, "lieux").option_id = "bords-de-marne";
    Answer& soir = row(a, "soir");
    soir.option_id = "bad";
    soir.number = 2;
    row(a, "proprete").number = 7;
    row(a, "nombre-enfants").number = 3;
    Answer& first = row(a, "priorites");
    first.option_id = "eclairage";
    first.number = 1;
    Answer& second = row(a, "priorites");
    second.option_id = "ombre";
    second.number = 2;
    Answer& pin = row(a, "endroits");
    pin.option_id = "insecurite";
    pin.plan_id = "plan-quartier-2030";
    pin.x = 0.4375;
    pin.y = 0.8125;
    Answer& note = row(a, "endroits");
    note.text = "Trop sombre le soir";
    note.plan_id = "plan-quartier-2030";
    note.x = 0.125;
    note.y = 0.25;
    row(a, "idee").text = "Ça coûte 5 € l’été !";

    Response b;
    b.seq = 2;
    b.uuid = "5d6c7b8a-9e0f-4a1b-b2c3-d4e5f6a7b8c9";
    b.kiosk_id = "fauvettes-mdp-01";
    b.survey_id = "futur-square";
    b.survey_version = 1;
    b.language = "en";
    b.origin = ResponseOrigin::Event;
    b.status = ResponseStatus::Abandoned;
    b.is_test = true;
    b.burst = true;
    b.started_at = "2026-10-02T10:00:00.000Z";
    b.submitted_at = "2026-10-02T10:01:30.500Z";
    b.duration_ms = 90500;
    row(b, "envie").option_id = "jeux";
    return {a, b};
}

void CreateFromFixture(const std::filesystem::path& db, int version) {
    std::ifstream in(Fixture(version));
    REQUIRE(in);
    std::stringstream sql;
    sql << in.rdbuf();
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    char* message = nullptr;
    const int code = sqlite3_exec(raw, sql.str().c_str(), nullptr, nullptr, &message);
    INFO((message ? message : ""));
    sqlite3_free(message);
    CHECK(code == SQLITE_OK);
    CHECK(SchemaVersion(raw) == version);
    sqlite3_close(raw);
}

} // namespace

TEST_CASE("every schema version has its fixture") {
    for (int version = 0; version <= kSchemaVersion; version++) {
        INFO("missing " << Fixture(version).string() << ": add it with the migration to version " << version);
        CHECK(std::filesystem::is_regular_file(Fixture(version)));
    }
}

TEST_CASE("the store migrates a database of every earlier version, keeping its responses") {
    for (int version = 0; version <= kSchemaVersion; version++) {
        DYNAMIC_SECTION("from version " << version) {
            const auto db = ScratchDir("migrate-v" + std::to_string(version)) / "responses.db";
            CreateFromFixture(db, version);
            const std::vector<Response> expected =
                version == 0 ? std::vector<Response>{} : FixtureResponses();

            Response fresh = FullResponse();
            {
                StoreOptions options;
                options.database = db;
                options.polls = {{"futur-square", "envie"}};
                ResponseStore store(options);
                const Ticket t = store.Submit(fresh);
                REQUIRE(store.WaitCommitted(t, 10));
                CHECK(store.Status().moved_aside.empty()); // migrated in place, not replaced
                // The fixture's only vote is a test and a burst: not in the results bars.
                CHECK(store.Tally("futur-square").loaded);
                CHECK(store.Tally("futur-square").total == 0);
            }
            ReadOnlyDb reader(db);
            CHECK(reader.One("PRAGMA user_version") == std::to_string(kSchemaVersion));
            CHECK(reader.One("PRAGMA integrity_check") == "ok");
            CHECK(reader.One("PRAGMA foreign_key_check") == "");
            std::vector<Response> back = reader.All();
            REQUIRE(back.size() == expected.size() + 1);
            for (size_t i = 0; i < expected.size(); i++)
                CHECK(back[i] == expected[i]);
            fresh.seq = back.back().seq;
            CHECK(back.back() == fresh);
            CHECK(back.back().seq > (int64_t)expected.size()); // seq only grows
            if (version > 0)                                   // the file keeps its identity
                CHECK(reader.One("SELECT value FROM meta WHERE key = 'database_id'") ==
                      "6b1f2c8e-3d4a-4f5b-8c6d-7e8f9a0b1c2d");
            // The results' tallies (version 3) count the old rows and the new one alike.
            CHECK(reader.One("SELECT sum(responses) FROM response_tally") ==
                  reader.One("SELECT count(*) FROM response WHERE status = 'complete'"));
            CHECK(reader.One("SELECT sum(answers) FROM answer_tally") ==
                  reader.One("SELECT count(*) FROM answer a JOIN response r ON r.seq = a.response_seq "
                             "WHERE r.status = 'complete'"));
            CHECK(reader.One("SELECT sum(respondents) FROM respondent_tally") ==
                  reader.One(
                      "SELECT count(*) FROM (SELECT DISTINCT a.response_seq, a.question_id FROM answer a "
                      "JOIN response r ON r.seq = a.response_seq WHERE r.status = 'complete')"));
            // The participation tallies (version 4) count every response, abandoned ones too,
            // and time the complete ones entered on a kiosk.
            CHECK(reader.One("SELECT sum(responses) FROM participation_tally") ==
                  reader.One("SELECT count(*) FROM response"));
            CHECK(reader.One("SELECT sum(responses) FROM channel_tally") ==
                  reader.One("SELECT count(*) FROM response"));
            CHECK(
                reader.One("SELECT sum(responses) FROM duration_tally") ==
                reader.One("SELECT count(*) FROM response WHERE status = 'complete' AND origin IN ('kiosk', "
                           "'assisted', 'event')"));
        }
    }
}
