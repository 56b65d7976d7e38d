// The response store: round trip of every answer shape, one record per UUID, poll
// tallies, the writer lock, a corrupt file moved aside, a newer schema refused, malformed
// responses refused without blocking the others. Real SQLite files in build/test-scratch.
#include <fstream>
#include <set>

#include <catch2/catch.hpp>

#include "store/response_store.h"
#include "store/response_writer.h"
#include "store/schema.h"
#include "store/timestamp.h"
#include "store/writer_lock.h"
#include "store_test_support.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {
StoreOptions Options(const std::filesystem::path& db) {
    StoreOptions o;
    o.database = db;
    o.busy_timeout_ms = 200;
    o.retry_seconds = 0.05;
    o.max_retry_seconds = 0.2;
    return o;
}
} // namespace

TEST_CASE("every answer shape round-trips through the store, read back by a read-only connection") {
    const auto db = ScratchDir("store-roundtrip") / "responses.db";
    std::vector<Response> sent = {FullResponse(), FullResponse("futur-square")};
    sent[1].status = ResponseStatus::Abandoned;
    sent[1].origin = ResponseOrigin::Event;
    sent[1].is_test = true;
    sent[1].burst = true;
    sent[1].language = "en";
    sent[1].answers.resize(1);
    Response empty = FullResponse();
    empty.answers.clear(); // an abandoned survey may hold no answer row at all
    empty.status = ResponseStatus::Abandoned;
    sent.push_back(empty);
    {
        int changes = 0;
        StoreOptions options = Options(db);
        options.on_change = [&] { changes++; };
        ResponseStore store(options);
        std::vector<Ticket> tickets;
        for (const Response& r : sent)
            tickets.push_back(store.Submit(r));
        for (Ticket t : tickets) {
            REQUIRE(store.WaitCommitted(t, 10));
            CHECK(store.State(t) == RecordState::Committed);
        }
        CHECK(store.Uuid(tickets[0]) == sent[0].uuid);
        StoreStatus status = store.Status();
        CHECK(status.open);
        CHECK(status.fault == StoreFault::None);
        CHECK(status.committed == 3);
        CHECK(status.pending == 0);
        CHECK_FALSE(status.Alert());
        CHECK(changes >= 3); // the UI is woken after commits

        // While the kiosk writes, a reader sees WAL mode and every committed row.
        ReadOnlyDb reader(db);
        CHECK(reader.One("PRAGMA journal_mode") == "wal");
        std::vector<Response> back = reader.All();
        REQUIRE(back.size() == sent.size());
        for (size_t i = 0; i < sent.size(); i++) {
            CHECK(back[i].seq == (int64_t)i + 1);
            back[i].seq = 0;
            CHECK(back[i] == sent[i]);
        }
        CHECK(IsUuidV4(reader.One("SELECT value FROM meta WHERE key = 'database_id'")));
    }
    ReadOnlyDb after(db);
    CHECK(after.One("PRAGMA integrity_check") == "ok");
    CHECK(after.One("PRAGMA user_version") == std::to_string(kSchemaVersion));
}

TEST_CASE("a UUID is recorded once: double submit, resubmit after a restart") {
    const auto db = ScratchDir("store-idempotent") / "responses.db";
    Response r = FullResponse();
    {
        ResponseStore store(Options(db));
        const Ticket first = store.Submit(r);
        const Ticket second = store.Submit(r); // a double tap on "Send"
        CHECK(first == second);
        REQUIRE(store.WaitCommitted(first, 10));
        CHECK(store.Submit(r) == first); // even after the commit
    }
    {
        // A new process submits the same UUID (e.g. a commit whose success was not seen).
        ResponseStore store(Options(db));
        const Ticket again = store.Submit(r);
        REQUIRE(store.WaitCommitted(again, 10));
    }
    ReadOnlyDb reader(db);
    CHECK(reader.One("SELECT count(*) FROM response") == "1");
    CHECK(reader.One("SELECT count(*) FROM answer") == std::to_string(r.answers.size()));

    // The same at the level of one connection: the second insert writes nothing.
    ResponseWriter writer;
    std::string moved;
    REQUIRE(writer.Open(db, 1000, moved).ok);
    WriteOutcome outcome = writer.Insert(r);
    CHECK(outcome.ok);
    CHECK(outcome.already_recorded);
}

TEST_CASE("a response without a UUID gets a v4 UUID, malformed ones are refused without blocking others") {
    const auto db = ScratchDir("store-malformed") / "responses.db";
    ResponseStore store(Options(db));
    Response anonymous = FullResponse();
    anonymous.uuid.clear();
    const Ticket t1 = store.Submit(anonymous);
    CHECK(IsUuidV4(store.Uuid(t1)));

    Response bad = FullResponse();
    bad.kiosk_id.clear();
    const Ticket t2 = store.Submit(bad);
    CHECK(store.State(t2) == RecordState::Rejected);
    Response bad_time = FullResponse();
    bad_time.submitted_at = "2026-11-26 14:05";
    CHECK(store.State(store.Submit(bad_time)) == RecordState::Rejected);

    const Ticket t3 = store.Submit(FullResponse());
    REQUIRE(store.WaitCommitted(t1, 10));
    REQUIRE(store.WaitCommitted(t3, 10));
    CHECK_FALSE(store.WaitCommitted(t2, 0.01));
    CHECK(store.State(999) == RecordState::Unknown);
    ReadOnlyDb reader(db);
    CHECK(reader.One("SELECT count(*) FROM response") == "2");
}

TEST_CASE("poll tallies: counted at start-up off the UI thread, updated after each commit") {
    const auto db = ScratchDir("store-tally") / "responses.db";
    StoreOptions options = Options(db);
    options.polls = {{"futur-square", "envie"}, {"inauguration-square", "prefere"}};
    {
        ResponseStore store(options);
        CHECK(store.WaitUntilOpen(10).open);
        PollTally empty = store.Tally("futur-square");
        CHECK(empty.loaded);
        CHECK(empty.total == 0);
        CHECK_FALSE(store.Tally("unknown-poll").loaded);

        std::vector<Ticket> tickets = {
            store.Submit(Vote("futur-square", "envie", "jeux")),
            store.Submit(Vote("futur-square", "envie", "jeux")),
            store.Submit(Vote("futur-square", "envie", "ombre")),
            store.Submit(Vote("futur-square", "envie", "ombre", /*burst=*/true)),
            store.Submit(Vote("futur-square", "envie", "jardin", false, /*is_test=*/true)),
            store.Submit(Vote("inauguration-square", "prefere", "arbres")),
        };
        for (Ticket t : tickets)
            REQUIRE(store.WaitCommitted(t, 10));
        PollTally tally = store.Tally("futur-square");
        CHECK(tally.votes == std::map<std::string, int64_t, std::less<>>{{"jeux", 2}, {"ombre", 1}});
        CHECK(tally.total == 3);
        CHECK(tally.burst_votes == 1);
        CHECK(store.Tally("inauguration-square").total == 1);
    }
    // A restart counts the same from the database.
    ResponseStore store(options);
    REQUIRE(store.WaitUntilOpen(10).open);
    PollTally tally = store.Tally("futur-square");
    CHECK(tally.loaded);
    CHECK(tally.votes == std::map<std::string, int64_t, std::less<>>{{"jeux", 2}, {"ombre", 1}});
    CHECK(tally.total == 3);
    CHECK(tally.burst_votes == 1);
    CHECK(store.Tally("inauguration-square").votes.at("arbres") == 1);
}

TEST_CASE("one writer: the lock refuses a second store, which waits (kiosk) or gives up (kiosk-fill)") {
    const auto db = ScratchDir("store-lock") / "responses.db";
    auto first = std::make_unique<ResponseStore>(Options(db));
    REQUIRE(first->WaitUntilOpen(10).open);

    WriterLock::Error error;
    CHECK_FALSE(WriterLock::Acquire(db, error));
    CHECK(error.failure == WriterLock::Failure::Held);
    CHECK(error.holder_pid == (long)getpid());

    StoreOptions tool = Options(db);
    tool.wait_for_lock = false;
    {
        ResponseStore refused(tool);
        StoreStatus status = refused.WaitUntilOpen(10);
        CHECK_FALSE(status.open);
        CHECK(status.fault == StoreFault::Locked);
        CHECK(status.Alert());
    }

    ResponseStore waiting(Options(db));
    const Ticket t = waiting.Submit(FullResponse());
    REQUIRE(WaitUntil([&] { return waiting.State(t) == RecordState::Retrying; }));
    CHECK(waiting.Status().fault == StoreFault::Locked);
    CHECK(waiting.Status().pending == 1);
    first.reset(); // the kiosk-fill run ends: the lock is free
    REQUIRE(waiting.WaitCommitted(t, 10));
    CHECK(waiting.Status().fault == StoreFault::None);
}

TEST_CASE("a corrupt database is moved aside (never deleted) and a new one started") {
    const auto dir = ScratchDir("store-corrupt");
    const auto db = dir / "responses.db";

    // (A file that is not a SQLite database at all is not the kiosk's: refused untouched,
    // never moved aside — store_file_test.cpp.)
    SECTION("a damaged page inside a real database") {
        {
            ResponseStore store(Options(db));
            for (int i = 0; i < 200; i++)
                store.Submit(FullResponse());
            REQUIRE(store.WaitIdle(30));
        }
        // Overwrite the middle of the file (b-tree pages of the answer table), keep page 1.
        const auto size = std::filesystem::file_size(db);
        REQUIRE(size > 16 * 4096);
        std::fstream file(db, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp((std::streamoff)(size / 2 / 4096 * 4096));
        const std::string garbage(3 * 4096, '\x5A');
        file.write(garbage.data(), (std::streamsize)garbage.size());
    }
    const auto corrupt_size = std::filesystem::file_size(db);

    ResponseStore store(Options(db));
    const Ticket t = store.Submit(FullResponse());
    REQUIRE(store.WaitCommitted(t, 10));
    StoreStatus status = store.Status();
    CHECK(status.open);
    REQUIRE_FALSE(status.moved_aside.empty());
    CHECK(status.Alert()); // staff must know
    CHECK(status.moved_aside.find("responses.db.corrupt-") != std::string::npos);
    CHECK(std::filesystem::file_size(status.moved_aside) == corrupt_size); // kept as it was
    ReadOnlyDb fresh(db);
    CHECK(fresh.One("PRAGMA integrity_check") == "ok");
    CHECK(fresh.One("SELECT count(*) FROM response") == "1");
}

TEST_CASE("a database from a newer program is refused untouched, and the answer kept") {
    const auto db = ScratchDir("store-too-new") / "responses.db";
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    ResponseStore store(Options(db));
    const Ticket t = store.Submit(FullResponse());
    REQUIRE(WaitUntil([&] { return store.State(t) == RecordState::Retrying; }));
    StoreStatus status = store.Status();
    CHECK_FALSE(status.open);
    CHECK(status.fault == StoreFault::TooNew);
    CHECK(status.detail.find("schema version 99") != std::string::npos);
    ReadOnlyDb reader(db);
    CHECK(reader.One("PRAGMA user_version") == "99");
    CHECK(reader.One("SELECT count(*) FROM sqlite_master") == "0");
}

TEST_CASE("timestamps are UTC ISO-8601 with milliseconds, UUIDs are random v4") {
    CHECK(FormatUtcMillis(0) == "1970-01-01T00:00:00.000Z");
    CHECK(FormatUtcMillis(1795000000123) == "2026-11-18T11:06:40.123Z");
    CHECK(FormatUtcMillis(951782400999) == "2000-02-29T00:00:00.999Z");
    CHECK(FormatUtcMillis(-1) == "1969-12-31T23:59:59.999Z");
    for (long long ms : {0LL, 1795000000123LL, 951782400999LL, 4102444799999LL})
        CHECK(ParseUtcMillis(FormatUtcMillis(ms)) == ms);
    CHECK_FALSE(ParseUtcMillis("2026-11-18T11:06:40Z"));
    CHECK_FALSE(ParseUtcMillis("2026-11-18 11:06:40.123Z"));
    CHECK_FALSE(ParseUtcMillis("2026-13-18T11:06:40.123Z"));
    CHECK_FALSE(ParseUtcMillis("2026-11-18T11:06:40.12xZ"));

    std::set<std::string> seen;
    for (int i = 0; i < 1000; i++) {
        const std::string uuid = NewUuidV4();
        CHECK(IsUuidV4(uuid));
        seen.insert(uuid);
    }
    CHECK(seen.size() == 1000);
    CHECK_FALSE(IsUuidV4("0f8e2a4c-1b3d-3e5f-8a7b-9c0d1e2f3a4b")); // version 3
    CHECK_FALSE(IsUuidV4("0f8e2a4c-1b3d-4e5f-ca7b-9c0d1e2f3a4b")); // wrong variant
    CHECK_FALSE(IsUuidV4("0F8E2A4C-1B3D-4E5F-8A7B-9C0D1E2F3A4B")); // upper case
}
