// The database file itself: deleted, replaced or renamed while the store has it open (never an
// acknowledged commit into a file nobody will find), a path that names something else than a
// responses database (never written, never renamed), the permissions of new files whatever
// the umask. Real files, real SQLite, no mock.
#include <fstream>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "store/database_file.h"
#include "store/response_store.h"
#include "store/writer_lock.h"
#include "store_test_support.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::string Slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

int CountUuid(const std::filesystem::path& db, const std::string& uuid) {
    ReadOnlyDb reader(db);
    return std::stoi(reader.One("SELECT count(*) FROM response WHERE uuid = '" + uuid + "'"));
}

void RemoveDatabase(const std::filesystem::path& db) {
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(db.string() + suffix);
}

unsigned Mode(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

} // namespace

TEST_CASE(
    "the database deleted while open: the next answer is not acknowledged until it is in a new database at "
    "the path") {
    const auto dir = ScratchDir("file-deleted");
    const auto db = dir / "responses.db";
    ResponseStore store(FastRetry(db));
    const Response before = FullResponse();
    REQUIRE(store.WaitCommitted(store.Submit(before), 10));

    RemoveDatabase(db); // a careless `rm responses.db*` while the kiosk runs
    const Response after = FullResponse();
    const Ticket t = store.Submit(after);
    REQUIRE(store.WaitCommitted(t, 10));
    // Acknowledged only once findable: in a database at the path, recorded once.
    REQUIRE(std::filesystem::exists(db));
    CHECK(CountUuid(db, after.uuid) == 1);
    CHECK(CountUuid(db, before.uuid) == 0); // it went with the deleted file
    ReadOnlyDb reader(db);
    CHECK(reader.One("PRAGMA integrity_check") == "ok");
    const StoreStatus status = store.Status();
    CHECK(status.file_changes == 1);
    CHECK(status.Alert()); // staff must know what happened to the file
    CHECK(status.fault == StoreFault::None);
}

TEST_CASE("the database renamed while open: the old file keeps its answers and the next one goes to a new "
          "database") {
    const auto dir = ScratchDir("file-renamed");
    const auto db = dir / "responses.db";
    const auto renamed = dir / "responses-old.db";
    ResponseStore store(FastRetry(db));
    const Response before = FullResponse();
    REQUIRE(store.WaitCommitted(store.Submit(before), 10));

    std::filesystem::rename(db, renamed);
    const Response after = FullResponse();
    REQUIRE(store.WaitCommitted(store.Submit(after), 10));
    REQUIRE(std::filesystem::exists(db));
    CHECK(CountUuid(db, after.uuid) == 1);
    CHECK(CountUuid(db, before.uuid) == 0); // nothing of the old file's WAL replayed into the new one
    CHECK(store.Status().file_changes == 1);
    {
        ReadOnlyDb fresh(db);
        CHECK(fresh.One("PRAGMA integrity_check") == "ok");
    }
    // The renamed file is whole: what the writer had in its WAL was checkpointed into it.
    ReadOnlyDb old(renamed);
    CHECK(old.One("PRAGMA integrity_check") == "ok");
    CHECK(old.One("SELECT count(*) FROM response WHERE uuid = '" + before.uuid + "'") == "1");
}

TEST_CASE("the database replaced while open by another responses database: the next answer goes into it") {
    const auto dir = ScratchDir("file-replaced");
    const auto db = dir / "responses.db";
    const auto other = dir / "restored.db";
    const Response restored = FullResponse();
    {
        ResponseStore elsewhere(FastRetry(other));
        REQUIRE(elsewhere.WaitCommitted(elsewhere.Submit(restored), 10));
    }
    ResponseStore store(FastRetry(db));
    REQUIRE(store.WaitCommitted(store.Submit(FullResponse()), 10));

    RemoveDatabase(db);
    std::filesystem::rename(other, db); // e.g. a backup put back in place
    const Response after = FullResponse();
    REQUIRE(store.WaitCommitted(store.Submit(after), 10));
    CHECK(CountUuid(db, after.uuid) == 1);
    CHECK(CountUuid(db, restored.uuid) == 1);
    CHECK(store.Status().file_changes == 1);
}

TEST_CASE(
    "the database replaced while open by a file that is not one: refused untouched and the answer kept") {
    const auto dir = ScratchDir("file-replaced-foreign");
    const auto db = dir / "responses.db";
    ResponseStore store(FastRetry(db));
    REQUIRE(store.WaitCommitted(store.Submit(FullResponse()), 10));

    RemoveDatabase(db);
    const std::string foreign = "[kiosk]\nid = \"not a database\"\n";
    std::ofstream(db, std::ios::binary) << foreign;
    const Response after = FullResponse();
    const Ticket t = store.Submit(after);
    REQUIRE(WaitUntil([&] { return store.State(t) == RecordState::Retrying; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // several reopen attempts
    CHECK(store.State(t) == RecordState::Retrying);
    const StoreStatus status = store.Status();
    CHECK(status.fault == StoreFault::IoError);
    CHECK(status.pending == 1);
    CHECK(status.detail.find("not a SQLite database") != std::string::npos);
    CHECK(Slurp(db) == foreign);
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        CHECK(entry.path().filename().string().find("corrupt") == std::string::npos);

    // Staff move it away: the answer is recorded in a new database.
    std::filesystem::rename(db, dir / "kiosk.toml");
    REQUIRE(store.WaitCommitted(t, 10));
    CHECK(CountUuid(db, after.uuid) == 1);
}

TEST_CASE("only the WAL deleted while open: nothing is lost and the answers end up in the database") {
    const auto dir = ScratchDir("file-wal-deleted");
    const auto db = dir / "responses.db";
    const Response first = FullResponse(), second = FullResponse();
    {
        ResponseStore store(FastRetry(db));
        REQUIRE(store.WaitCommitted(store.Submit(first), 10));
        std::filesystem::remove(db.string() + "-wal");
        REQUIRE(store.WaitCommitted(store.Submit(second), 10));
        CHECK(store.Status().file_changes == 1);
    }
    CHECK(CountUuid(db, first.uuid) == 1);
    CHECK(CountUuid(db, second.uuid) == 1);
}

TEST_CASE("the writer lock file deleted while open is taken again so no second writer can start") {
    const auto dir = ScratchDir("file-lock-deleted");
    const auto db = dir / "responses.db";
    ResponseStore store(FastRetry(db));
    REQUIRE(store.WaitCommitted(store.Submit(FullResponse()), 10));
    std::filesystem::remove(WriterLock::LockPath(db));
    const Response after = FullResponse();
    REQUIRE(store.WaitCommitted(store.Submit(after), 10));
    WriterLock::Error error;
    CHECK_FALSE(WriterLock::Acquire(db, error)); // the store holds the lock file at the path
    CHECK(error.failure == WriterLock::Failure::Held);
    CHECK(CountUuid(db, after.uuid) == 1);
}

TEST_CASE("a path naming something else than a responses database is never written nor renamed") {
    const auto dir = ScratchDir("file-foreign");
    const auto db = dir / "responses.db";
    std::string before;
    SECTION("a configuration file") {
        std::ofstream(db, std::ios::binary) << "[paths]\ndatabase = \"responses.db\"\n";
    }
    SECTION("another program's SQLite database") {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x')",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    SECTION("a directory") {
        std::filesystem::create_directory(db);
    }
    const bool is_file = std::filesystem::is_regular_file(db);
    if (is_file) before = Slurp(db);
    CHECK(InspectDatabaseFile(db).kind == DatabaseFileKind::NotOurs);

    ResponseStore store(FastRetry(db));
    const Ticket t = store.Submit(FullResponse());
    REQUIRE(WaitUntil([&] { return store.State(t) == RecordState::Retrying; }));
    const StoreStatus status = store.Status();
    CHECK_FALSE(status.open);
    CHECK(status.fault == StoreFault::IoError);
    CHECK(status.moved_aside.empty());
    if (is_file) CHECK(Slurp(db) == before);
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        CHECK(entry.path().filename().string().find("corrupt") == std::string::npos);
}

TEST_CASE("databases the kiosk made are recognised: marked or older ones by their tables") {
    const auto dir = ScratchDir("file-ours");
    const auto db = dir / "responses.db";
    CHECK(InspectDatabaseFile(db).kind == DatabaseFileKind::Missing);
    std::ofstream(db).close();
    CHECK(InspectDatabaseFile(db).kind == DatabaseFileKind::Empty);
    {
        ResponseStore store(FastRetry(db));
        REQUIRE(store.WaitCommitted(store.Submit(FullResponse()), 10));
    }
    CHECK(InspectDatabaseFile(db).kind == DatabaseFileKind::Ours);
    ReadOnlyDb reader(db);
    CHECK(reader.One("PRAGMA application_id") == std::to_string(kApplicationId));
}

TEST_CASE("new database and lock files are private whatever the umask (0600 or 0640 shared with the group)") {
    const auto dir = ScratchDir("file-modes");
    const mode_t saved = ::umask(022); // outside systemd, e.g. scripts/demo.sh
    for (const mode_t mode : {kDatabaseMode, kDatabaseModeSharedWithGroup}) {
        const auto db = dir / (mode == kDatabaseMode ? "private.db" : "shared.db");
        StoreOptions options = FastRetry(db);
        options.file_mode = mode;
        ResponseStore store(options);
        REQUIRE(store.WaitCommitted(store.Submit(FullResponse()), 10));
        INFO("mode " << std::oct << mode);
        CHECK(Mode(db) == mode);
        CHECK(Mode(db.string() + "-wal") == mode);
        CHECK(Mode(db.string() + "-shm") == mode);
        CHECK(Mode(WriterLock::LockPath(db)) == mode);
    }
    ::umask(saved);
}
