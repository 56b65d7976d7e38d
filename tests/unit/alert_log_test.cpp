// The staff alerts' log (core/staff/alert_log.h): one line per ongoing fault, listed until
// acknowledged; acknowledgements survive a restart (the file beside the database) while
// what staff had not seen comes back; a fault that ends and then recurs is listed again.
#include <chrono>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>

#include "staff/alert_log.h"
#include "staff/alert_watch.h"
#include "sync/sync_state.h"
#include "test_paths.h"

using namespace kiosk;

namespace {
std::filesystem::path FreshFile(const std::string& name) {
    const std::filesystem::path dir = test::ScratchDir(name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return AlertLog::FileBeside(dir / "responses.db");
}
} // namespace

TEST_CASE("the same ongoing fault is one alert, its repeats count and move its last time") {
    AlertLog log(FreshFile("alerts-dedupe"));
    log.Raise(AlertKind::StoreFault, "disk_full", "SQLITE_FULL", 1000);
    log.Raise(AlertKind::StoreFault, "disk_full", "SQLITE_FULL again", 1060);
    log.Update(AlertKind::RefusedFile, {{"/s/a.toml", "a.toml:3:1: error: x"}}, 1000);
    log.Update(AlertKind::RefusedFile, {{"/s/a.toml", "a.toml:3:1: error: x"}}, 1100); // still there
    const std::vector<Alert> alerts = log.Unacknowledged();
    REQUIRE(alerts.size() == 2);
    CHECK(log.UnacknowledgedCount() == 2);
    const Alert& store = alerts[0].kind == AlertKind::StoreFault ? alerts[0] : alerts[1];
    const Alert& file = alerts[0].kind == AlertKind::StoreFault ? alerts[1] : alerts[0];
    CHECK(store.occurrences == 2);
    CHECK(store.first_at == 1000);
    CHECK(store.last_at == 1060);
    CHECK(store.detail == "SQLITE_FULL again");
    CHECK(file.occurrences == 1); // an ongoing state seen twice is not two occurrences
    CHECK(file.ongoing);
    CHECK(alerts[0].id != alerts[1].id);
}

TEST_CASE("an acknowledged alert stays hidden while its fault lasts, across a restart") {
    const std::filesystem::path file = FreshFile("alerts-restart");
    uint64_t disk = 0;
    {
        AlertLog log(file);
        log.Update(AlertKind::DiskFilling, {{"/var/lib/kiosk", "97 % used"}}, 1000);
        log.Update(AlertKind::SyncError, {{"mairie", "HTTP 503"}}, 1010);
        log.Raise(AlertKind::DatabaseMoved, "/db.corrupt-1", "moved aside", 1020);
        for (const Alert& a : log.Unacknowledged())
            if (a.kind == AlertKind::DiskFilling) disk = a.id;
        REQUIRE(log.Acknowledge(disk));
        CHECK_FALSE(log.Acknowledge(9999));
        CHECK(log.UnacknowledgedCount() == 2);
    }
    REQUIRE(std::filesystem::exists(file));
    AlertLog again(file); // the kiosk restarted
    // The disk is still filling: staff saw it, it is not listed again.
    again.Update(AlertKind::DiskFilling, {{"/var/lib/kiosk", "97 % used"}}, 2000);
    // The sync error and the moved database were not acknowledged: listed again, although
    // nothing reported them since the restart (staff must still learn they happened).
    std::vector<Alert> alerts = again.Unacknowledged();
    REQUIRE(alerts.size() == 2);
    CHECK(alerts[0].kind == AlertKind::SyncError);
    CHECK(alerts[0].detail == "HTTP 503");
    CHECK(alerts[0].first_at == 1010);
    CHECK(alerts[1].kind == AlertKind::DatabaseMoved);
}

TEST_CASE("a fault that ends and comes back is listed again, and one not yet seen stays listed when over") {
    AlertLog log(FreshFile("alerts-recur"));
    log.Update(AlertKind::StoreFault, {{"read_only", "attempt to write a readonly database"}}, 1000);
    REQUIRE(log.UnacknowledgedCount() == 1);
    REQUIRE(log.Acknowledge(log.Unacknowledged()[0].id));
    CHECK(log.UnacknowledgedCount() == 0);
    log.Update(AlertKind::StoreFault, {{"read_only", "still"}}, 1010); // the same fault, still on
    CHECK(log.UnacknowledgedCount() == 0);
    log.Update(AlertKind::StoreFault, {}, 1020);                       // fixed
    log.Update(AlertKind::StoreFault, {{"read_only", "again"}}, 1030); // and back
    std::vector<Alert> alerts = log.Unacknowledged();
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].first_at == 1030);
    CHECK(alerts[0].detail == "again");

    // Over before anyone looked: still listed, marked over, until acknowledged.
    log.Update(AlertKind::StoreFault, {}, 1040);
    alerts = log.Unacknowledged();
    REQUIRE(alerts.size() == 1);
    CHECK_FALSE(alerts[0].ongoing);
    // … and if it comes back before anyone looked, the same line counts two occurrences.
    log.Update(AlertKind::StoreFault, {{"read_only", "third"}}, 1050);
    alerts = log.Unacknowledged();
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].ongoing);
    CHECK(alerts[0].occurrences == 2);
    CHECK(alerts[0].last_at == 1050);
    REQUIRE(log.Acknowledge(alerts[0].id));
    log.Update(AlertKind::StoreFault, {}, 1060);
    log.Update(AlertKind::StoreFault, {{"read_only", "fourth"}}, 1070);
    CHECK(log.UnacknowledgedCount() == 1); // acknowledged, over, back: a new alert
}

TEST_CASE("a one-off event raised again after it was acknowledged is listed again") {
    AlertLog log(FreshFile("alerts-event"));
    log.Raise(AlertKind::DatabaseMoved, "file_changes", "replaced", 1000);
    REQUIRE(log.Acknowledge(log.Unacknowledged()[0].id));
    log.Raise(AlertKind::DatabaseMoved, "file_changes", "replaced again", 1100);
    REQUIRE(log.UnacknowledgedCount() == 1);
    CHECK(log.Unacknowledged()[0].occurrences == 2);
}

TEST_CASE("an unreadable alerts file starts an empty list and is replaced at the next change") {
    const std::filesystem::path file = FreshFile("alerts-garbage");
    std::ofstream(file) << "{ not json";
    AlertLog log(file);
    CHECK(log.UnacknowledgedCount() == 0);
    CHECK_FALSE(log.LastError().empty());
    log.Raise(AlertKind::SyncError, "mairie", "timeout", 1000);
    AlertLog again(file);
    CHECK(again.UnacknowledgedCount() == 1);
}

TEST_CASE("alerts raised from several threads at once are all counted") {
    AlertLog log(FreshFile("alerts-threads"));
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; t++)
        threads.emplace_back([&] {
            for (int i = 0; i < 25; i++)
                log.Raise(AlertKind::StoreFault, "io_error", "disk I/O error", 1000 + i);
        });
    for (std::thread& t : threads)
        t.join();
    REQUIRE(log.UnacknowledgedCount() == 1);
    CHECK(log.Unacknowledged()[0].occurrences == 100);
}

TEST_CASE(
    "the watcher reads kiosk-sync's last errors read-only and the disk's free space, off the UI thread") {
    const std::filesystem::path dir = test::ScratchDir("alerts-watch");
    // A real state file, written by kiosk-sync's own code, still open (WAL) while read.
    SyncState state;
    bool locked = false;
    std::string error;
    REQUIRE(state.Open(dir / "sync-state.db", 1, locked, error));
    REQUIRE(state.RecordError("mairie", "HTTP 503 Service Unavailable", "2026-12-05T08:00:00Z", 3, error));
    REQUIRE(state.RecordAttempt("cle-usb", "2026-12-05T08:00:00Z", error)); // tried, no error
    const std::map<std::string, std::string> errors = SyncErrors(dir / "sync-state.db");
    REQUIRE(errors.size() == 1);
    CHECK(errors.at("mairie") == "2026-12-05T08:00:00Z: HTTP 503 Service Unavailable");
    CHECK(SyncErrors(dir / "no-such-state.db").empty()); // kiosk-sync never ran: no alert
    CHECK_FALSE(std::filesystem::exists(dir / "no-such-state.db"));

    // The database need not exist yet: its directory's file system is measured.
    const std::optional<DiskSpace> space = DiskSpaceOf(dir / "responses.db");
    REQUIRE(space);
    CHECK(space->total_bytes > 0);
    CHECK(space->free_bytes <= space->total_bytes);
    AlertWatchOptions options{.database = dir / "responses.db", .sync_state = dir / "sync-state.db"};
    CHECK(NearlyFull({.free_bytes = 100ull << 20, .total_bytes = 1ull << 40}, options)); // 100 MB of 1 TB
    CHECK(NearlyFull({.free_bytes = 30ull << 30, .total_bytes = 1ull << 40}, options));  // 3 % of 1 TB
    CHECK_FALSE(NearlyFull({.free_bytes = 300ull << 20, .total_bytes = 1ull << 30}, options)); // 29 % of 1 GB
    CHECK_FALSE(NearlyFull({.free_bytes = 100ull << 30, .total_bytes = 1ull << 40}, options));

    // The thread checks at once and hands its findings over; the log gets them on the caller's side.
    options.min_free_fraction = 1.01; // every disk is "nearly full" for this check
    AlertWatcher watcher(options);
    AlertFindings found;
    for (int i = 0; i < 500 && !watcher.TakeFindings(found); i++)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(found.disk.size() == 1);
    CHECK(found.sync.count("mairie") == 1);
    AlertLog log(AlertLog::FileBeside(dir / "responses.db"));
    log.Update(AlertKind::DiskFilling, found.disk, 1000);
    log.Update(AlertKind::SyncError, found.sync, 1000);
    CHECK(log.UnacknowledgedCount() == 2);
}
