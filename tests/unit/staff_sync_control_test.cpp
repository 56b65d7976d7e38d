// The staff panel's Synchronisation logic apart from the screen: kiosk-sync's status JSON,
// SyncControl against stand-in programs (shell scripts that print what kiosk-sync could:
// garbage, a failure, a slow run), and the removable drives read from a mountinfo text and a
// sysfs tree made in a scratch directory. The real kiosk-sync is run by tests/ui/staff_sync_test.cpp.
#include <chrono>
#include <fstream>
#include <sys/stat.h>
#include <thread>

#include <catch2/catch.hpp>

#include "staff/removable_drives.h"
#include "staff/sync_control.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

// An executable shell script `dir`/kiosk-sync running `body`.
std::filesystem::path FakeSync(const std::filesystem::path& dir, const std::string& body) {
    const std::filesystem::path path = dir / "kiosk-sync";
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    ::chmod(path.c_str(), 0755);
    return path;
}

SyncControl Control(const std::filesystem::path& program, const std::filesystem::path& usb = "",
                    std::vector<std::filesystem::path> drives = {}) {
    SyncControlOptions options;
    options.program = program;
    options.config_file = "/etc/kiosk.toml";
    options.database = "/var/lib/responses.db";
    options.usb_export_dir = usb;
    options.find_drives = [drives] { return drives; };
    return SyncControl(options);
}

// Calls Update() until `done`; false after 10 s.
template <typename Done>
bool UpdateUntil(SyncControl& sync, Done done) {
    for (int i = 0; i < 1000; i++) {
        sync.Update();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

} // namespace

TEST_CASE("kiosk-sync's status JSON is read per destination, and anything else is refused in words") {
    std::string error;
    const auto parsed = ParseSyncStatus(R"([{"name": "mairie", "kind": "dir", "target": "/srv/x",
        "last_delivery_at": "2026-12-01T10:00:00.000Z", "responses_pending": 4, "batch_in_progress": null,
        "last_error": "", "last_error_at": ""},
        {"name": "ville", "kind": "https", "target": "https://x", "last_delivery_at": "",
         "responses_pending": null, "batch_in_progress": "b-1", "last_error": "HTTP 503", "last_error_at": "t"}])",
                                        error);
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 2);
    CHECK((*parsed)[0].pending == 4);
    CHECK((*parsed)[0].last_delivery_at == "2026-12-01T10:00:00.000Z");
    CHECK_FALSE((*parsed)[0].batch_in_progress);
    CHECK_FALSE((*parsed)[1].pending); // the database could not be read
    CHECK((*parsed)[1].batch_in_progress);
    CHECK((*parsed)[1].last_error == "HTTP 503");

    CHECK_FALSE(ParseSyncStatus("kiosk-sync: error: oops", error));
    CHECK(error.find("not JSON") != std::string::npos);
    CHECK_FALSE(ParseSyncStatus(R"({"name": "x"})", error));
    CHECK_FALSE(ParseSyncStatus(R"([{"kind": "dir"}])", error));
}

TEST_CASE("SyncControl passes the kiosk's --config and --db, and reads the status it prints") {
    const std::filesystem::path dir = test::ScratchDir("sync-control-status");
    auto sync = Control(FakeSync(dir, "echo \"$@\" > " + (dir / "args").string() +
                                          "\necho '[{\"name\": \"mairie\", \"responses_pending\": 2}]'"));
    sync.Refresh();
    REQUIRE(UpdateUntil(sync, [&] { return sync.HasStatus(); }));
    CHECK(sync.Destinations().at(0).pending == 2);
    CHECK(sync.StatusProblem().kind == SyncOutcome::Kind::None);
    std::string args;
    std::getline(std::ifstream(dir / "args"), args);
    CHECK(args == "--config /etc/kiosk.toml --db /var/lib/responses.db status --json");
}

TEST_CASE("unparsable status output and a failing kiosk-sync are problems in words, never a crash") {
    const std::filesystem::path dir = test::ScratchDir("sync-control-bad");
    SECTION("exit 0 with something that is not the status") {
        auto sync = Control(FakeSync(dir, "echo 'Segmentation fault'"));
        sync.Refresh();
        REQUIRE(UpdateUntil(sync, [&] { return sync.StatusProblem().kind != SyncOutcome::Kind::None; }));
        CHECK(sync.StatusProblem().kind == SyncOutcome::Kind::Failed);
        CHECK(sync.StatusProblem().detail.find("not JSON") != std::string::npos);
        CHECK_FALSE(sync.HasStatus());
    }
    SECTION("an invalid configuration (exit 1), its message kept") {
        auto sync = Control(FakeSync(dir, "echo 'kiosk-sync: invalid configuration x' >&2; exit 1"));
        sync.Refresh();
        REQUIRE(UpdateUntil(sync, [&] { return sync.StatusProblem().kind != SyncOutcome::Kind::None; }));
        CHECK(sync.StatusProblem().exit_code == 1);
        CHECK(sync.StatusProblem().detail == "kiosk-sync: invalid configuration x");
    }
    SECTION("a run that exits 3 is partial, 4 failed; both refresh the status") {
        auto sync = Control(FakeSync(dir, "case \"$5\" in status) echo '[]';; run) exit $(cat " +
                                              (dir / "code").string() + ");; esac"));
        for (const auto& [code, kind] :
             {std::pair{3, SyncOutcome::Kind::Partial}, std::pair{4, SyncOutcome::Kind::Failed}}) {
            std::ofstream(dir / "code") << code;
            REQUIRE(sync.StartRun());
            REQUIRE(
                UpdateUntil(sync, [&] { return sync.Last(SyncJob::Run).kind != SyncOutcome::Kind::None; }));
            CHECK(sync.Last(SyncJob::Run).kind == kind);
            CHECK(sync.Last(SyncJob::Run).exit_code == code);
            CHECK(sync.StatusReading()); // read again after the run
            REQUIRE(UpdateUntil(sync, [&] { return !sync.StatusReading(); }));
        }
    }
}

TEST_CASE("a second Envoyer maintenant while a run goes on does nothing") {
    const std::filesystem::path dir = test::ScratchDir("sync-control-twice");
    // Only `run` is counted: a finished run refreshes the status, which runs the program again.
    auto sync = Control(
        FakeSync(dir, "[ \"$5\" = run ] && echo started >> " + (dir / "runs").string() + "; sleep 0.5"));
    REQUIRE(sync.StartRun());
    CHECK_FALSE(sync.StartRun());
    CHECK_FALSE(sync.StartExport());
    CHECK(sync.Running() == SyncJob::Run);
    REQUIRE(UpdateUntil(sync, [&] { return sync.Last(SyncJob::Run).kind == SyncOutcome::Kind::Done; }));
    std::ifstream runs(dir / "runs");
    int count = 0;
    for (std::string line; std::getline(runs, line);)
        count++;
    CHECK(count == 1);
}

TEST_CASE("Exporter sur une clé USB: a drive found, none, or a configured directory missing") {
    const std::filesystem::path dir = test::ScratchDir("sync-control-export");
    std::filesystem::create_directories(dir / "key");
    const std::filesystem::path program = FakeSync(
        dir, "mkdir \"$7/export-1\" && echo \"$7/export-1\"; echo \"$@\" > " + (dir / "args").string());
    SECTION("the first removable drive mounted") {
        auto sync = Control(program, "", {dir / "key", dir / "other"});
        REQUIRE(sync.StartExport());
        REQUIRE(
            UpdateUntil(sync, [&] { return sync.Last(SyncJob::Export).kind != SyncOutcome::Kind::None; }));
        CHECK(sync.Last(SyncJob::Export).kind == SyncOutcome::Kind::Done);
        CHECK(sync.Last(SyncJob::Export).export_dir == dir / "key" / "export-1");
        std::string args;
        std::getline(std::ifstream(dir / "args"), args);
        CHECK(args ==
              "--config /etc/kiosk.toml --db /var/lib/responses.db export --out " + (dir / "key").string());
    }
    SECTION("no drive and nothing configured: said, nothing run") {
        auto sync = Control(program);
        REQUIRE(sync.StartExport());
        CHECK(sync.Last(SyncJob::Export).kind == SyncOutcome::Kind::NoDrive);
        CHECK_FALSE(sync.Running());
    }
    SECTION("a configured directory that does not exist") {
        auto sync = Control(program, dir / "unplugged", {dir / "key"});
        REQUIRE(sync.StartExport());
        CHECK(sync.Last(SyncJob::Export).kind == SyncOutcome::Kind::NoDir);
        CHECK(sync.Last(SyncJob::Export).target == dir / "unplugged");
    }
}

TEST_CASE(
    "removable drives: read-write mounts of removable disks or under /media, from mountinfo and sysfs") {
    const std::filesystem::path sys = test::ScratchDir("removable-drives-sys");
    // sdb: a removable USB key with one partition; sda: the kiosk's own disk; sdc: a USB disk
    // that says it is not removable, mounted by a desktop under /media.
    auto disk = [&](const std::string& name, const std::string& number, bool removable) {
        std::filesystem::create_directories(sys / "block" / name);
        std::ofstream(sys / "block" / name / "removable") << (removable ? "1\n" : "0\n");
        std::filesystem::create_directories(sys / "block" / name / (name + "1"));
        std::ofstream(sys / "block" / name / (name + "1") / "partition") << "1\n";
        std::filesystem::create_directories(sys / "dev" / "block");
        std::filesystem::create_directory_symlink(sys / "block" / name / (name + "1"),
                                                  sys / "dev" / "block" / number);
    };
    disk("sda", "8:1", false);
    disk("sdb", "8:17", true);
    disk("sdc", "8:33", false);
    const std::string mountinfo =
        "26 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "40 26 8:17 / /mnt/cle\\040mairie rw,nosuid,nodev shared:7 - vfat /dev/sdb1 rw,fmask=0022\n"
        "41 26 8:33 / /media/kiosk/DISQUE rw,nosuid - exfat /dev/sdc1 rw\n"
        "42 26 8:17 / /mnt/ro ro,relatime - vfat /dev/sdb1 ro\n"
        "43 26 0:50 / /media/tmp rw - tmpfs tmpfs rw\n";
    const std::vector<MountInfoLine> lines = ParseMountInfo(mountinfo);
    REQUIRE(lines.size() == 5);
    CHECK(lines[1].mount_point == "/mnt/cle mairie"); // \040 is a space
    CHECK(lines[1].source == "/dev/sdb1");
    CHECK(lines[1].fs_type == "vfat");
    CHECK(lines[1].read_write);
    CHECK_FALSE(lines[3].read_write);
    CHECK(IsRemovableBlockDevice(sys, "8:17"));
    CHECK_FALSE(IsRemovableBlockDevice(sys, "8:1"));
    CHECK_FALSE(IsRemovableBlockDevice(sys, "9:9"));

    const std::filesystem::path file = sys / "mountinfo";
    std::ofstream(file) << mountinfo;
    const std::vector<RemovableDrive> drives = FindRemovableDrives(file, sys);
    REQUIRE(drives.size() == 2);
    CHECK(drives[0].mount_point == "/mnt/cle mairie");
    CHECK(drives[1].mount_point == "/media/kiosk/DISQUE");
}
