// kiosk-sync's delivery protocol (plan → deliver → done) with the real dir destination on
// real files, the state file, secrets and back-off. The HTTPS path is tested end to end
// against a real local HTTPS receiver (tests/e2e/sync_https_test.sh).
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "config/toml_reader.h"
#include "private_mounts.h"
#include "store/response_writer.h"
#include "store/timestamp.h"
#include "store_test_support.h"
#include "sync/backoff.h"
#include "sync/secrets.h"
#include "sync/sync_run.h"
#include "test_paths.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The kiosk's side: a database and its one writer.
struct Kiosk {
    fs::path db;
    ResponseWriter writer;
    std::vector<std::string> uuids; // non-test responses, in order
    explicit Kiosk(const fs::path& dir) : db(dir / "responses.db") {
        std::string moved;
        REQUIRE(writer.Open(db, 5000, moved).ok);
    }
    void Record(int count, bool is_test = false) {
        for (int i = 0; i < count; i++) {
            Response r = test::Vote("futur-square", "souhait", i % 2 ? "jeux" : "eau", false, is_test);
            REQUIRE(writer.Insert(r).ok);
            if (!is_test) uuids.push_back(r.uuid);
        }
    }
};

// kiosk-sync's side for one run.
struct SyncRun {
    ResponseSource source;
    SyncState state;
    explicit SyncRun(const Kiosk& kiosk, const fs::path& state_file) {
        std::string error;
        bool busy = false;
        REQUIRE(source.Open(kiosk.db, error));
        REQUIRE(state.Open(state_file, 0, busy, error));
    }
    DestinationRun Run(const DestinationConfig& config, Destination& destination,
                       const std::string& kiosk_id = "fauvettes-mdp-01",
                       std::function<void(int64_t, int64_t)> progress = {},
                       ExportContext export_context = {}) {
        int tick = 0;
        SyncContext context{source,
                            state,
                            kiosk_id,
                            false,
                            [&] { return FormatUtcMillis(1796000000000 + 1000 * tick++); },
                            std::move(progress),
                            std::move(export_context)};
        return RunDestination(context, config, destination);
    }
};

DestinationConfig DirConfig(const fs::path& dir, int batch_size) {
    DestinationConfig d;
    d.name = "partage";
    d.kind = DestinationKind::Directory;
    d.dir = dir;
    d.batch_size = batch_size;
    d.export_options.formats = {ExportFormat::JsonLines};
    return d;
}

// Every batch directory visible in `dir` (hidden staging excluded), and the UUIDs they hold.
std::vector<std::string> DeliveredUuids(const fs::path& dir, std::vector<std::string>* batches = nullptr) {
    std::vector<fs::path> dirs;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string()[0] != '.') dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());
    std::vector<std::string> uuids;
    for (const fs::path& d : dirs) {
        if (batches) batches->push_back(d.filename().string());
        REQUIRE(fs::exists(d / "manifest.json"));
        std::istringstream lines(ReadFile(d / "responses.jsonl"));
        for (std::string line; std::getline(lines, line);)
            uuids.push_back(nlohmann::json::parse(line)["uuid"]);
    }
    return uuids;
}

// The [sync] table of a kiosk.toml holding `text`, read as the kiosk and kiosk-sync read it.
SyncConfig ReadSync(const std::string& text, Diagnostics& diags, fs::path* file_out = nullptr) {
    const fs::path file = test::ScratchDir("sync-config") / "kiosk.toml";
    { std::ofstream(file) << text; }
    if (file_out) *file_out = file;
    std::optional<toml::table> table = ParseTomlFile(file, diags);
    REQUIRE(table);
    TableReader root(*table, "", file.string(), diags);
    SyncConfig sync;
    ReadSyncTable(root, "/var/lib/maison-du-projet/responses.db", sync);
    return sync;
}

// Fault injection around the real destination: delivers, then reports a failure, as when
// the reply is lost or the process dies right after the rename.
class LostReply final : public Destination {
public:
    explicit LostReply(Destination& real) : real_(real) {}
    DeliveryResult Deliver(const Batch& batch) override {
        real_.Deliver(batch);
        return {DeliveryOutcome::Transient, "connection closed before the reply"};
    }

private:
    Destination& real_;
};

} // namespace

TEST_CASE("a run delivers every new response once, in batches, the next run only what is new") {
    const fs::path scratch = test::ScratchDir("sync-batches");
    Kiosk kiosk(scratch);
    kiosk.Record(7);
    kiosk.Record(2, /*is_test=*/true); // left out: include_test is false
    const fs::path out = scratch / "share";
    fs::create_directories(out);
    const DestinationConfig config = DirConfig(out, 3);
    std::vector<Survey> surveys;
    std::unique_ptr<Destination> dir = MakeDirDestination(config, surveys);

    {
        SyncRun run(kiosk, scratch / "sync-state.db");
        const DestinationRun result = run.Run(config, *dir);
        INFO(result.error);
        CHECK(result.outcome == RunOutcome::Delivered);
        CHECK(result.batches == 3); // 3 + 3 + 1
        CHECK(result.responses == 7);
    }
    std::vector<std::string> batches;
    CHECK(DeliveredUuids(out, &batches) == kiosk.uuids);
    CHECK(batches.front().rfind("fauvettes-mdp-01.", 0) == 0);
    CHECK(batches.front().find(".0000000001-0000000003") != std::string::npos);

    kiosk.Record(2);
    SyncRun again(kiosk, scratch / "sync-state.db");
    const DestinationRun second = again.Run(config, *dir);
    CHECK(second.responses == 2);
    CHECK(second.batches == 1);
    CHECK(DeliveredUuids(out) == kiosk.uuids);
    CHECK(again.state.Destination("partage").responses_delivered == 9);
    std::string error;
    CHECK(PendingResponses(again.source, again.state, "partage", false, error) == 0);
    // Nothing new: nothing written.
    CHECK(again.Run(config, *dir).batches == 0);
}

TEST_CASE("a batch whose delivery was not confirmed is delivered again with the same id and content") {
    // Planned under one licence, written again after [sync] licence changed: the planned one.
    ExportContext planned_context;
    planned_context.licence = "CC0-1.0";
    const fs::path scratch = test::ScratchDir("sync-redeliver");
    Kiosk kiosk(scratch);
    kiosk.Record(4);
    const fs::path out = scratch / "share";
    fs::create_directories(out);
    DestinationConfig config = DirConfig(out, 10);
    config.export_options.formats.push_back(ExportFormat::CsvLong); // and its datapackage.json
    std::vector<Survey> surveys;
    std::unique_ptr<Destination> dir = MakeDirDestination(config, surveys);
    LostReply lost(*dir);

    std::string first_manifest, batch_id;
    {
        SyncRun run(kiosk, scratch / "sync-state.db");
        const DestinationRun result = run.Run(config, lost, "fauvettes-mdp-01", {}, planned_context);
        CHECK(result.outcome == RunOutcome::Transient);
        std::optional<BatchRecord> planned = run.state.PlannedBatch("partage");
        REQUIRE(planned);
        batch_id = planned->batch_id;
        first_manifest = ReadFile(out / batch_id / "manifest.json");
        CHECK(run.state.Destination("partage").last_error.find("connection closed") != std::string::npos);
    }
    kiosk.Record(3); // recorded meanwhile: must not slip into the planned batch

    SyncRun run(kiosk, scratch / "sync-state.db");
    const DestinationRun result = run.Run(config, *dir);
    INFO(result.error);
    CHECK(result.outcome == RunOutcome::Delivered);
    CHECK(result.batches == 2); // the planned one again ("already there"), then the 3 new ones
    CHECK(ReadFile(out / batch_id / "manifest.json") == first_manifest);
    CHECK(ReadFile(out / batch_id / "datapackage.json").find("\"CC0-1.0\"") != std::string::npos);
    CHECK(DeliveredUuids(out) == kiosk.uuids); // each exactly once
    const std::optional<BatchRecord> record = run.state.FindBatch("partage", batch_id);
    REQUIRE(record);
    CHECK(record->status == BatchStatus::Delivered);
    CHECK(record->detail.find("already in") != std::string::npos);
    CHECK(record->responses == 4);
    CHECK(run.state.Destination("partage").last_error.empty());
}

TEST_CASE("a missing share is retried later, a conflicting batch directory is left untouched") {
    const fs::path scratch = test::ScratchDir("sync-faults");
    Kiosk kiosk(scratch);
    kiosk.Record(2);
    std::vector<Survey> surveys;

    // The USB key is not plugged in: its mount point's parent does not exist either.
    const DestinationConfig absent = DirConfig(scratch / "media" / "usb", 10);
    std::unique_ptr<Destination> absent_dir = MakeDirDestination(absent, surveys);
    {
        SyncRun run(kiosk, scratch / "sync-state.db");
        const DestinationRun result = run.Run(absent, *absent_dir);
        CHECK(result.outcome == RunOutcome::Transient);
        CHECK(result.error.find("mounted") != std::string::npos);
        CHECK_FALSE(fs::exists(scratch / "media"));
    }
    // Plugged in: the planned batch goes.
    fs::create_directories(scratch / "media" / "usb");
    {
        SyncRun run(kiosk, scratch / "sync-state.db");
        CHECK(run.Run(absent, *absent_dir).outcome == RunOutcome::Delivered);
        CHECK(DeliveredUuids(scratch / "media" / "usb") == kiosk.uuids);
    }

    // Someone left a different batch under the id the next batch will take.
    kiosk.Record(1);
    DestinationConfig share = DirConfig(scratch / "share", 10);
    share.name = "mairie"; // another destination: its own cursor, from the start
    fs::create_directories(scratch / "share");
    std::unique_ptr<Destination> share_dir = MakeDirDestination(share, surveys);
    SyncRun run(kiosk, scratch / "sync-state.db");
    ResponseSource& source = run.source;
    const std::string id = MakeBatchId("fauvettes-mdp-01", source.DatabaseId(), 0, 3, false);
    fs::create_directories(scratch / "share" / id);
    { std::ofstream(scratch / "share" / id / "manifest.json") << "{\"not\": \"ours\"}"; }
    const DestinationRun result = run.Run(share, *share_dir);
    CHECK(result.outcome == RunOutcome::Permanent);
    CHECK(result.error.find("different batch") != std::string::npos);
    CHECK(ReadFile(scratch / "share" / id / "manifest.json") == "{\"not\": \"ours\"}");
}

TEST_CASE("a full share is retried: nothing partial left, the same batch delivered once there is room") {
    std::string why;
    if (!test::PrivateMounts(why)) test::SkipTest("no private mount namespace here (" + why + ")");
    const fs::path scratch = test::ScratchDir("sync-full-share");
    Kiosk kiosk(scratch);
    kiosk.Record(300);
    const fs::path share = scratch / "share";
    fs::create_directories(share);
    test::ScopedMount tmpfs{share};
    REQUIRE(mount("tmpfs", share.c_str(), "tmpfs", 0, "size=64k") == 0);
    tmpfs.mounted = true;
    DestinationConfig config = DirConfig(share, 1000);
    config.export_options.formats = {ExportFormat::JsonLines, ExportFormat::CsvLong, ExportFormat::CsvWide};
    std::vector<Survey> surveys;
    std::unique_ptr<Destination> dir = MakeDirDestination(config, surveys);
    {
        SyncRun run(kiosk, scratch / "sync-state.db");
        const DestinationRun result = run.Run(config, *dir);
        CHECK(result.outcome == RunOutcome::Transient); // the next run tries again
        CHECK(result.error.find("No space left on device") != std::string::npos);
        CHECK(fs::is_empty(share)); // the staging directory is gone, nothing half-written shows
    }
    REQUIRE(mount("tmpfs", share.c_str(), "tmpfs", MS_REMOUNT, "size=4m") == 0);
    SyncRun run(kiosk, scratch / "sync-state.db");
    const DestinationRun result = run.Run(config, *dir);
    INFO(result.error);
    CHECK(result.outcome == RunOutcome::Delivered);
    CHECK(DeliveredUuids(share) == kiosk.uuids);
}

TEST_CASE("a database replaced by the kiosk starts from the beginning, its planned batch is abandoned") {
    const fs::path scratch = test::ScratchDir("sync-new-database");
    const fs::path out = scratch / "share";
    fs::create_directories(out);
    const DestinationConfig config = DirConfig(out, 10);
    std::vector<Survey> surveys;
    std::unique_ptr<Destination> dir = MakeDirDestination(config, surveys);
    {
        Kiosk old_kiosk(scratch / "old");
        old_kiosk.Record(5);
        LostReply lost(*dir);
        SyncRun run(old_kiosk, scratch / "sync-state.db");
        CHECK(run.Run(config, lost).outcome == RunOutcome::Transient); // planned, not confirmed
    }
    Kiosk kiosk(scratch / "new"); // a fresh database: another database_id, seq from 1 again
    kiosk.Record(2);
    SyncRun run(kiosk, scratch / "sync-state.db");
    const DestinationRun result = run.Run(config, *dir);
    CHECK(result.outcome == RunOutcome::Delivered);
    CHECK(result.responses == 2);
    std::vector<BatchRecord> batches = run.state.Batches("partage");
    REQUIRE(batches.size() == 2);
    CHECK(batches[0].status == BatchStatus::Abandoned);
    CHECK(batches[0].detail.find("kiosk-sync export --db") != std::string::npos);
    CHECK(batches[1].status == BatchStatus::Delivered);
    CHECK(batches[1].database_id == run.source.DatabaseId());
}

TEST_CASE("the state file has one holder at a time") {
    const fs::path scratch = test::ScratchDir("sync-lock");
    SyncState first, second;
    bool busy = false;
    std::string error;
    REQUIRE(first.Open(scratch / "sync-state.db", 0, busy, error));
    CHECK_FALSE(second.Open(scratch / "sync-state.db", 0.3, busy, error));
    CHECK(busy);
    CHECK(error.find("another kiosk-sync run") != std::string::npos);
}

TEST_CASE("batch ids are a function of the range") {
    CHECK(MakeBatchId("k1", "3f2b9c1e-7a4d-4e8b-9c0a-1d2e3f405162", 0, 500, false) ==
          "k1.3f2b9c1e.0000000001-0000000500");
    CHECK(MakeBatchId("k1", "3f2b9c1e-7a4d-4e8b-9c0a-1d2e3f405162", 500, 612, true) ==
          "k1.3f2b9c1e.0000000501-0000000612.t");
    // Which staging directories a delivery may clean up: its own kiosk's batches only.
    CHECK(IsBatchIdOf("k1", "k1.3f2b9c1e.0000000001-0000000500"));
    CHECK(IsBatchIdOf("k1", "k1.3f2b9c1e.0000000501-0000000612.t"));
    CHECK(IsBatchIdOf("k1.b", "k1.b.3f2b9c1e.0000000001-0000000500"));
    CHECK_FALSE(IsBatchIdOf("k1", "k1.b.3f2b9c1e.0000000001-0000000500")); // kiosk "k1.b"
    CHECK_FALSE(IsBatchIdOf("k1", "k10.3f2b9c1e.0000000001-0000000500"));
    CHECK_FALSE(IsBatchIdOf("k1", "k2.3f2b9c1e.0000000001-0000000500"));
    CHECK_FALSE(IsBatchIdOf("k1", "k1.export.20261201T101500Z"));
    CHECK_FALSE(IsBatchIdOf("k1", "k1.3f2b9c1e.0000000001-000000050"));
}

TEST_CASE("a secrets file others can read is refused, a private one gives its tokens") {
    const fs::path file = test::ScratchDir("sync-secrets") / "sync-secrets.toml";
    { std::ofstream(file) << "[tokens]\napi-ville = \"s3cr3t\"\n"; }
    Diagnostics diags;
    chmod(file.c_str(), 0644);
    CHECK_FALSE(LoadSecrets(file, diags));
    CHECK(diags.FormatAll().find("readable by others") != std::string::npos);
    CHECK(diags.FormatAll().find("chmod 600") != std::string::npos);
    chmod(file.c_str(), 0602);
    diags = {};
    CHECK_FALSE(LoadSecrets(file, diags));
    CHECK(diags.FormatAll().find("writable by others") != std::string::npos);
    chmod(file.c_str(), 0640); // readable by the sync group only: accepted
    diags = {};
    std::optional<Secrets> secrets = LoadSecrets(file, diags);
    INFO(diags.FormatAll());
    REQUIRE(secrets);
    CHECK(secrets->tokens.at("api-ville") == "s3cr3t");

    { std::ofstream(file) << "[tokens]\napi-ville = 12\n"; }
    chmod(file.c_str(), 0600);
    diags = {};
    CHECK_FALSE(LoadSecrets(file, diags));
    CHECK(diags.FormatAll().find(file.string() + ":2:") != std::string::npos);
    CHECK_FALSE(LoadSecrets(file.string() + ".missing", diags));
}

TEST_CASE("retry delays grow exponentially with jitter, capped, honouring Retry-After") {
    CHECK(BackoffSeconds(1, 1.0, 60.0, 0.0) == Approx(0.5));
    CHECK(BackoffSeconds(1, 1.0, 60.0, 1.0) == Approx(1.0));
    CHECK(BackoffSeconds(3, 1.0, 60.0, 1.0) == Approx(4.0));
    CHECK(BackoffSeconds(3, 1.0, 60.0, 0.0) == Approx(2.0));
    CHECK(BackoffSeconds(20, 1.0, 60.0, 1.0) == Approx(60.0));
    CHECK(BackoffSeconds(1, 1.0, 60.0, 0.5, 10.0) == Approx(10.0));  // the server asks for 10 s
    CHECK(BackoffSeconds(1, 1.0, 60.0, 0.5, 600.0) == Approx(60.0)); // never beyond the cap
}

TEST_CASE("a dir under /mnt or /media needs mount_point: refused with file:line saying what to add") {
    auto destination = [](const std::string& keys) {
        return "[sync]\n\n[[sync.destination]]\nname = \"mairie\"\n" + keys;
    };
    {
        Diagnostics diags;
        fs::path file;
        ReadSync(destination("dir = \"/mnt/mairie/maison-du-projet\"\n"), diags, &file);
        INFO(diags.FormatAll());
        REQUIRE(diags.ErrorCount() == 1);
        const std::string message = diags.All()[0].Format();
        CHECK(message.rfind(file.string() + ":5:", 0) == 0);
        CHECK(message.find("add mount_point = \"/mnt/mairie\"") != std::string::npos);
    }
    {
        Diagnostics diags;
        ReadSync(destination("dir = \"/media/usb\"\n"), diags);
        REQUIRE(diags.ErrorCount() == 1);
        CHECK(diags.All()[0].Format().find("add mount_point = \"/media/usb\"") != std::string::npos);
    }
    {
        Diagnostics diags;
        const SyncConfig sync = ReadSync(
            destination("dir = \"/mnt/mairie/maison-du-projet\"\nmount_point = \"/mnt/mairie\"\n"), diags);
        INFO(diags.FormatAll());
        CHECK(diags.ErrorCount() == 0);
        REQUIRE(sync.destinations.size() == 1);
        CHECK(sync.destinations[0].mount_point == "/mnt/mairie");
        CHECK_FALSE(MissingMountPoint(sync.destinations[0]));
    }
    {
        Diagnostics diags; // elsewhere, the key is not required
        ReadSync(destination("dir = \"/srv/partage\"\n"), diags);
        CHECK(diags.ErrorCount() == 0);
    }
    {
        Diagnostics diags; // the directory must be on the mounted share
        fs::path file;
        ReadSync(destination("dir = \"/mnt/mairie/maison-du-projet\"\nmount_point = \"/mnt/cle\"\n"), diags,
                 &file);
        REQUIRE(diags.ErrorCount() == 1);
        CHECK(diags.All()[0].Format().rfind(file.string() + ":6:", 0) == 0);
        CHECK(diags.All()[0].Format().find("not inside") != std::string::npos);
    }
    {
        Diagnostics diags; // "/" is always "mounted": it would prove nothing
        ReadSync(destination("dir = \"/srv/partage\"\nmount_point = \"/\"\n"), diags);
        CHECK(diags.ErrorCount() == 1);
    }
    {
        Diagnostics diags; // https destinations have no mount point
        ReadSync(destination("url = \"https://ville.example/b\"\nmount_point = \"/mnt/mairie\"\n"), diags);
        CHECK(diags.ErrorCount() == 1);
    }
}

TEST_CASE(
    "a share that is not mounted gets nothing: not mounted, no byte written, everything still pending") {
    const fs::path scratch = test::ScratchDir("sync-not-mounted");
    Kiosk kiosk(scratch);
    kiosk.Record(3);
    const fs::path mount_point = scratch / "mnt" / "mairie";
    fs::create_directories(mount_point); // the mount point exists; nothing is mounted on it
    std::vector<Survey> surveys;
    for (const fs::path& target : {mount_point / "maison-du-projet", mount_point}) {
        DestinationConfig config = DirConfig(target, 1);
        config.mount_point = mount_point;
        std::unique_ptr<Destination> dir = MakeDirDestination(config, surveys);
        SyncRun run(kiosk, scratch / "sync-state.db");
        const DestinationRun result = run.Run(config, *dir);
        INFO(result.error);
        CHECK(result.outcome == RunOutcome::Transient); // kiosk-sync exits 3
        CHECK(result.error.find("not mounted") != std::string::npos);
        CHECK(result.batches == 0);
        CHECK(fs::is_empty(mount_point)); // not even the last level
        const DestinationRecord record = run.state.Destination("partage");
        CHECK(record.responses_delivered == 0);
        CHECK(record.last_delivery_at.empty());
        CHECK(record.last_error.find("not mounted") != std::string::npos);
        std::string error;
        CHECK(PendingResponses(run.source, run.state, "partage", false, error) == 3);
    }
}

TEST_CASE("a mounted share gets every batch, unmounted part-way the rest waits (not to local disk)") {
    std::string why;
    if (!test::PrivateMounts(why)) test::SkipTest("no private mount namespace here (" + why + ")");
    const fs::path scratch = test::ScratchDir("sync-mount-point");
    Kiosk kiosk(scratch);
    kiosk.Record(6);
    const fs::path mount_point = scratch / "mnt" / "mairie";
    const fs::path target = mount_point / "maison-du-projet";
    fs::create_directories(mount_point);
    test::ScopedMount share{mount_point};
    REQUIRE(mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=4m") == 0);
    share.mounted = true;
    DestinationConfig config = DirConfig(target, 2);
    config.mount_point = mount_point;
    std::vector<Survey> surveys;
    std::unique_ptr<Destination> dir = MakeDirDestination(config, surveys);
    {
        SyncRun run(kiosk, scratch / "sync-state.db");
        const DestinationRun result = run.Run(config, *dir);
        INFO(result.error);
        CHECK(result.outcome == RunOutcome::Delivered);
        CHECK(result.batches == 3);
        CHECK(DeliveredUuids(target) == kiosk.uuids);
    }

    // The share goes away after the first batch of the next run.
    kiosk.Record(6);
    std::vector<std::string> on_share;
    {
        SyncRun run(kiosk, scratch / "sync-state.db");
        const DestinationRun result = run.Run(config, *dir, "fauvettes-mdp-01", [&](int64_t done, int64_t) {
            if (done != 2 || !share.mounted) return;
            on_share = DeliveredUuids(target);
            REQUIRE(umount2(mount_point.c_str(), MNT_DETACH) == 0);
            share.mounted = false;
        });
        INFO(result.error);
        CHECK(result.outcome == RunOutcome::Transient);
        CHECK(result.error.find("not mounted") != std::string::npos);
        CHECK(result.batches == 1);
        CHECK(on_share.size() == 8);
        CHECK(fs::is_empty(mount_point)); // nothing on the kiosk's own disk
        std::string error;
        CHECK(PendingResponses(run.source, run.state, "partage", false, error) == 4);
    }

    // Mounted again: the rest goes there.
    REQUIRE(mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=4m") == 0);
    share.mounted = true;
    SyncRun run(kiosk, scratch / "sync-state.db");
    const DestinationRun result = run.Run(config, *dir);
    INFO(result.error);
    CHECK(result.outcome == RunOutcome::Delivered);
    CHECK(DeliveredUuids(target) == std::vector<std::string>(kiosk.uuids.end() - 4, kiosk.uuids.end()));
}

TEST_CASE("a delivery cleans up only its own kiosk's staging directories") {
    const fs::path scratch = test::ScratchDir("sync-own-staging");
    Kiosk kiosk(scratch);
    kiosk.Record(2);
    const fs::path share = scratch / "share";
    // Another kiosk's batch being written, an export being written, and a batch of ours left
    // by a killed run.
    const fs::path theirs = share / ".partial-fauvettes-mdp-02.3f2b9c1e.0000000001-0000000500";
    const fs::path dotted = share / ".partial-fauvettes-mdp-01.b.3f2b9c1e.0000000001-0000000500";
    const fs::path export_dir = share / ".partial-fauvettes-mdp-01.export.20261201T101500Z";
    const fs::path ours = share / ".partial-fauvettes-mdp-01.deadbeef.0000000001-0000000009.t";
    for (const fs::path& d : {theirs, dotted, export_dir, ours}) {
        fs::create_directories(d);
        std::ofstream(d / "responses.jsonl") << "{}\n";
    }
    const DestinationConfig config = DirConfig(share, 10);
    std::vector<Survey> surveys;
    std::unique_ptr<Destination> dir = MakeDirDestination(config, surveys);
    SyncRun run(kiosk, scratch / "sync-state.db");
    CHECK(run.Run(config, *dir).outcome == RunOutcome::Delivered);
    CHECK(fs::exists(theirs / "responses.jsonl"));
    CHECK(fs::exists(dotted / "responses.jsonl"));
    CHECK(fs::exists(export_dir / "responses.jsonl"));
    CHECK_FALSE(fs::exists(ours));
}

TEST_CASE("two kiosks delivering to one share at once both deliver everything") {
    const fs::path scratch = test::ScratchDir("sync-two-kiosks");
    Kiosk first(scratch / "01"), second(scratch / "02");
    first.Record(400);
    second.Record(400);
    const fs::path share = scratch / "share";
    fs::create_directories(share);
    // Small batches in three formats: many stagings, each open long enough to overlap.
    DestinationConfig config = DirConfig(share, 10);
    config.export_options.formats = {ExportFormat::JsonLines, ExportFormat::CsvLong, ExportFormat::CsvWide};
    std::vector<Survey> surveys;
    std::unique_ptr<Destination> dir_1 = MakeDirDestination(config, surveys);
    std::unique_ptr<Destination> dir_2 = MakeDirDestination(config, surveys);
    SyncRun run_1(first, scratch / "01" / "sync-state.db");
    SyncRun run_2(second, scratch / "02" / "sync-state.db");
    DestinationRun result_1, result_2;
    std::thread kiosk_1([&] { result_1 = run_1.Run(config, *dir_1, "fauvettes-mdp-01"); });
    std::thread kiosk_2([&] { result_2 = run_2.Run(config, *dir_2, "fauvettes-mdp-02"); });
    kiosk_1.join();
    kiosk_2.join();
    INFO(result_1.error << " / " << result_2.error);
    CHECK(result_1.outcome == RunOutcome::Delivered);
    CHECK(result_2.outcome == RunOutcome::Delivered);
    CHECK(result_1.batches == 40);
    CHECK(result_2.batches == 40);
    std::vector<std::string> expected = first.uuids, delivered = DeliveredUuids(share);
    expected.insert(expected.end(), second.uuids.begin(), second.uuids.end());
    std::sort(expected.begin(), expected.end());
    std::sort(delivered.begin(), delivered.end());
    CHECK(delivered == expected);
}

TEST_CASE(
    "sync.licence: Etalab's Licence Ouverte by default, another known licence, an unknown one at file:line") {
    {
        Diagnostics diags;
        CHECK(ReadSync("[sync]\n", diags).licence == "etalab-2.0");
        CHECK(diags.ErrorCount() == 0);
    }
    {
        Diagnostics diags;
        CHECK(ReadSync("[sync]\nlicence = \"ODbL-1.0\"\n", diags).licence == "ODbL-1.0");
        CHECK(diags.ErrorCount() == 0);
    }
    Diagnostics diags;
    fs::path file;
    ReadSync("[sync]\nlicence = \"tous droits réservés\"\n", diags, &file);
    REQUIRE(diags.ErrorCount() == 1);
    const std::string message = diags.All()[0].Format();
    CHECK(message.rfind(file.string() + ":2:", 0) == 0);
    CHECK(message.find("etalab-2.0, ODbL-1.0") != std::string::npos);
}
