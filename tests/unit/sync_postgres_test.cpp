// The postgres destination's pure parts: its configuration (a URI without a password, a
// schema name that needs no quoting), the COPY rows and their content hash, the migration
// script. The delivery itself runs against a real PostgreSQL server in
// tests/e2e/sync_postgres_test.py and sync_postgres_kill_test.py.
#include <fstream>

#include <catch2/catch.hpp>

#include "config/toml_reader.h"
#include "sync/postgres_rows.h"
#include "sync/postgres_schema.h"
#include "sync/sync_config.h"
#include "test_paths.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

SyncConfig ReadDestination(const std::string& keys, Diagnostics& diags) {
    const fs::path file = test::ScratchDir("sync-postgres-config") / "kiosk.toml";
    { std::ofstream(file) << "[sync]\n\n[[sync.destination]]\nname = \"base-ville\"\n" << keys; }
    std::optional<toml::table> table = ParseTomlFile(file, diags);
    REQUIRE(table);
    TableReader root(*table, "", file.string(), diags);
    SyncConfig sync;
    ReadSyncTable(root, "/var/lib/maison-du-projet/responses.db", sync);
    return sync;
}

Response MakeResponse(const std::string& uuid) {
    Response r;
    r.seq = 7;
    r.uuid = uuid;
    r.kiosk_id = "fauvettes-mdp-01";
    r.survey_id = "futur-square";
    r.survey_version = 2;
    r.language = "fr";
    r.started_at = "2026-11-26T14:03:05.123Z";
    r.submitted_at = "2026-11-26T14:04:00.000Z";
    r.duration_ms = 54877;
    Answer text;
    text.question_id = "idees";
    text.text = "Des bancs\tà l'ombre\\\net un point d'eau \xff";
    Answer scale;
    scale.question_id = "note";
    scale.number = 4.5;
    r.answers = {text, scale};
    return r;
}

} // namespace

TEST_CASE("a postgres destination: a URI without a password, a simple schema name") {
    {
        Diagnostics diags;
        const SyncConfig sync = ReadDestination(
            "postgres = \"postgresql://kiosk_mdp@db.ville.example/participation?sslmode=verify-full\"\n"
            "password = \"base-ville\"\nschema = \"participation_2026\"\n",
            diags);
        INFO(diags.FormatAll());
        CHECK(diags.ErrorCount() == 0);
        REQUIRE(sync.destinations.size() == 1);
        CHECK(sync.destinations[0].kind == DestinationKind::Postgres);
        CHECK(sync.destinations[0].schema == "participation_2026");
        CHECK(sync.destinations[0].password == "base-ville");
        CHECK(std::string(ToString(sync.destinations[0].kind)) == "postgres");
    }
    for (const char* uri : {"postgresql://kiosk_mdp:s3cr3t@db.ville.example/participation",
                            "postgres://db.ville.example/participation?sslmode=require&password=s3cr3t",
                            "postgresql://db.ville.example/participation?password=s3cr3t"}) {
        Diagnostics diags;
        ReadDestination(std::string("postgres = \"") + uri + "\"\n", diags);
        INFO(uri);
        REQUIRE(diags.ErrorCount() == 1);
        CHECK(diags.All()[0].Format().find(":5:") != std::string::npos); // the line of `postgres`
        CHECK(diags.All()[0].Format().find("holds a password") != std::string::npos);
    }
    {
        Diagnostics diags; // '@' in the path or query is not a user name
        CHECK_FALSE(BadPostgresUri(
            "postgresql://kiosk_mdp@db.ville.example:5432/participation?application_name=a:b"));
        ReadDestination("postgres = \"https://db.ville.example\"\n", diags);
        CHECK(diags.ErrorCount() == 1);
    }
    for (const char* schema : {"Kiosk", "1kiosk", "kiosk-ville", "kiosk; DROP TABLE x", ""}) {
        Diagnostics diags;
        ReadDestination(std::string("postgres = \"postgresql://db/participation\"\nschema = \"") + schema +
                            "\"\n",
                        diags);
        INFO(schema);
        CHECK(diags.ErrorCount() == 1);
    }
    {
        Diagnostics diags; // one kind per destination
        ReadDestination("postgres = \"postgresql://db/p\"\ndir = \"/srv/partage\"\n", diags);
        CHECK(diags.ErrorCount() >= 1);
    }
    std::string error;
    std::optional<DestinationConfig> given =
        ParseDestinationArgument("postgresql://db.ville.example/p", error);
    REQUIRE(given);
    CHECK(given->kind == DestinationKind::Postgres);
    CHECK_FALSE(ParseDestinationArgument("postgresql://u:pw@db.ville.example/p", error));
    CHECK(error.find("holds a password") != std::string::npos);
}

TEST_CASE("COPY rows escape what COPY's text format needs, and their hash is the batch's content") {
    Batch batch;
    batch.identity.batch_id = "fauvettes-mdp-01.0123abcd.0000000001-0000000007";
    batch.responses = {MakeResponse("0b7e2c1a-4a4e-4b8e-9a3c-5f1e2d3c4b5a")};
    const PostgresRows rows = MakePostgresRows(batch);
    CHECK(rows.responses ==
          "0b7e2c1a-4a4e-4b8e-9a3c-5f1e2d3c4b5a\tfauvettes-mdp-01.0123abcd.0000000001-0000000007\t"
          "fauvettes-mdp-01\t7\tfutur-square\t2\tfr\tkiosk\tcomplete\tf\tf\t2026-11-26T14:03:05.123Z\t"
          "2026-11-26T14:04:00.000Z\t54877\t\\N\n");
    // Tab, backslash and newline escaped; invalid UTF-8 replaced as in every export.
    CHECK(rows.answers ==
          "0b7e2c1a-4a4e-4b8e-9a3c-5f1e2d3c4b5a\t1\tidees\t\\N\t"
          "Des bancs\\tà l'ombre\\\\\\net un point d'eau \xef\xbf\xbd\t\\N\t\\N\t\\N\t\\N\tf\n"
          "0b7e2c1a-4a4e-4b8e-9a3c-5f1e2d3c4b5a\t2\tnote\t\\N\t\\N\t4.5\t\\N\t\\N\t\\N\tf\n");
    CHECK(rows.answer_count == 2);
    CHECK(rows.content_sha256.size() == 64);
    CHECK(MakePostgresRows(batch).content_sha256 == rows.content_sha256); // a function of the batch

    Batch changed = batch;
    changed.responses[0].answers[1].number = 5;
    CHECK(MakePostgresRows(changed).content_sha256 != rows.content_sha256);
}

TEST_CASE("the migration script creates the schema in one transaction, under a lock") {
    const std::string script = PostgresMigrationScript("\"participation\"", 0);
    CHECK(script.rfind("BEGIN;", 0) == 0);
    CHECK(script.find("pg_advisory_xact_lock") <
          script.find("CREATE SCHEMA IF NOT EXISTS \"participation\""));
    CHECK(script.find("CREATE TABLE responses") != std::string::npos);
    CHECK(script.find("INSERT INTO schema_migrations (version) VALUES (1);") != std::string::npos);
    CHECK(script.substr(script.size() - 8) == "COMMIT;\n");
    // Up to date: nothing but the version table's own check.
    CHECK(PostgresMigrationScript("\"participation\"", PostgresSchemaVersion())
              .find("CREATE TABLE responses") == std::string::npos);
}
