// The responses schema: creation, connection settings, refusal of a newer version.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "store/schema.h"
#include "test_paths.h"

using namespace kiosk;

namespace {
struct Db {
    sqlite3* db = nullptr;
    explicit Db(const std::filesystem::path& file) { REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK); }
    ~Db() { sqlite3_close(db); }
    std::string One(const char* sql) {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
        std::string out;
        if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
            out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        return out;
    }
};
} // namespace

TEST_CASE("a new database gets the current schema, WAL and synchronous=FULL") {
    auto dir = test::ScratchDir("schema-new");
    Db db(dir / "responses.db");
    std::string error;
    REQUIRE(ConfigureConnection(db.db, false, error));
    REQUIRE(Migrate(db.db, error));
    CHECK(SchemaVersion(db.db) == kSchemaVersion);
    CHECK(db.One("PRAGMA journal_mode") == "wal");
    CHECK(db.One("PRAGMA synchronous") == "2"); // FULL
    CHECK(db.One("PRAGMA foreign_keys") == "1");
    CHECK(db.One("SELECT count(*) FROM sqlite_master WHERE name IN ('meta', 'response', 'answer')") == "3");
    // Migrating again is a no-op.
    REQUIRE(Migrate(db.db, error));
    CHECK(SchemaVersion(db.db) == kSchemaVersion);
}

TEST_CASE("a database from a newer program is refused untouched") {
    auto dir = test::ScratchDir("schema-newer");
    Db db(dir / "responses.db");
    std::string error;
    REQUIRE(sqlite3_exec(db.db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK_FALSE(Migrate(db.db, error));
    CHECK(error.find("schema version 99") != std::string::npos);
    CHECK(SchemaVersion(db.db) == 99);
    CHECK(db.One("SELECT count(*) FROM sqlite_master") == "0");
}
