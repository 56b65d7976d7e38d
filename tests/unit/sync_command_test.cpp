// kiosk-sync's policy (core/sync/sync_command.h): the exit code of a run over several
// destinations, --to read alike by `run` and `status`, and what happens when the state file
// cannot keep an error. Real files and a real state file; no transport is faked.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "store/response_writer.h"
#include "store_test_support.h"
#include "sync/sync_command.h"
#include "test_paths.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// What the code under test writes to stderr (the log) while `body` runs.
std::string CapturedLog(const std::function<void()>& body) {
    const fs::path file = test::ScratchDir("sync-command-log") / "stderr.txt";
    std::fflush(stderr);
    const int saved = dup(2);
    FILE* out = std::fopen(file.c_str(), "w");
    REQUIRE(out);
    dup2(fileno(out), 2);
    body();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    std::fclose(out);
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

SyncJob JobWithShare(const fs::path& dir) {
    SyncJob job;
    job.config.file = "/etc/maison-du-projet/kiosk.toml";
    job.config.kiosk_id = "fauvettes-mdp-01";
    DestinationConfig share;
    share.name = "partage-mairie";
    share.kind = DestinationKind::Directory;
    share.dir = dir;
    job.sync.destinations.push_back(share);
    return job;
}

std::vector<std::string> Names(const std::vector<DestinationConfig>& destinations) {
    std::vector<std::string> names;
    for (const DestinationConfig& d : destinations)
        names.push_back(d.name);
    return names;
}

} // namespace

TEST_CASE("the exit code of a run is the one that asks most of a person") {
    const SyncExit order[] = {SyncExit::Ok, SyncExit::RetryLater, SyncExit::NoData, SyncExit::Refused};
    for (int a = 0; a < 4; a++)
        for (int b = 0; b < 4; b++) {
            CAPTURE(a, b);
            CHECK(WorseExit(order[a], order[b]) == order[std::max(a, b)]);
        }
    // Whatever the order the destinations end in.
    SyncExit exit = SyncExit::Ok;
    for (SyncExit code : {SyncExit::RetryLater, SyncExit::Refused, SyncExit::NoData, SyncExit::RetryLater})
        exit = WorseExit(exit, code);
    CHECK(exit == SyncExit::Refused);

    CHECK(ExitFor(RunOutcome::Delivered) == SyncExit::Ok);
    CHECK(ExitFor(RunOutcome::Transient) == SyncExit::RetryLater);
    CHECK(ExitFor(RunOutcome::Permanent) == SyncExit::Refused);
    CHECK(ExitFor(RunOutcome::Failed) == SyncExit::NoData);
    CHECK(static_cast<int>(SyncExit::BadCommandLine) == 2);
}

TEST_CASE("run and status refuse the same bad --to with a message naming it") {
    const SyncJob job = JobWithShare(test::ScratchDir("sync-command-share"));
    for (DestinationChoice choice : {DestinationChoice::Replace, DestinationChoice::Add}) {
        CAPTURE(choice == DestinationChoice::Replace ? "run" : "status");
        std::string error;
        CHECK_FALSE(ChooseDestinations(job, {"bogus"}, choice, error));
        CHECK_THAT(error, Catch::Contains("--to bogus") &&
                              Catch::Contains("dir:/path, an https:// URL or a postgresql:// URI"));

        // A directory under /media without a mount point would be written onto the kiosk's disk.
        error.clear();
        CHECK_FALSE(ChooseDestinations(job, {"dir:/media/usb"}, choice, error));
        CHECK_THAT(error, Catch::Contains("--to dir:/media/usb") && Catch::Contains("mount_point"));

        // One bad argument among good ones is still refused.
        error.clear();
        CHECK_FALSE(ChooseDestinations(job, {"https://ville.example/batches", "http://ville.example"}, choice,
                                       error));
        CHECK_THAT(error, Catch::Contains("--to http://ville.example"));
    }
}

TEST_CASE("run --to replaces the configured destinations, status --to adds to them") {
    const fs::path share = test::ScratchDir("sync-command-share");
    const SyncJob job = JobWithShare(share);
    std::string error;
    CHECK(Names(*ChooseDestinations(job, {}, DestinationChoice::Replace, error)) ==
          std::vector<std::string>{"partage-mairie"});
    CHECK(Names(*ChooseDestinations(job, {"https://ville.example/b"}, DestinationChoice::Replace, error)) ==
          std::vector<std::string>{"https://ville.example/b"});
    CHECK(Names(*ChooseDestinations(job, {"https://ville.example/b"}, DestinationChoice::Add, error)) ==
          std::vector<std::string>{"partage-mairie", "https://ville.example/b"});
    // A configured target keeps its name and settings, and is listed once.
    CHECK(Names(*ChooseDestinations(job, {"dir:" + share.string()}, DestinationChoice::Replace, error)) ==
          std::vector<std::string>{"partage-mairie"});
    CHECK(Names(*ChooseDestinations(job, {"dir:" + share.string()}, DestinationChoice::Add, error)) ==
          std::vector<std::string>{"partage-mairie"});
}

TEST_CASE("an error the state file cannot keep is logged and ends the run with at least exit 5") {
    const fs::path dir = test::ScratchDir("sync-command-state");
    const fs::path db = dir / "responses.db", state_file = dir / "sync-state.db";
    {
        ResponseWriter writer;
        std::string moved;
        REQUIRE(writer.Open(db, 5000, moved).ok);
        REQUIRE(writer.Insert(test::Vote("futur-square", "souhait", "eau", false, false)).ok);
    }
    {
        SyncState create;
        bool busy = false;
        std::string error;
        REQUIRE(create.Open(state_file, 0, busy, error));
    }
    // An HTTPS destination whose token cannot be found: refused before any transfer, and the
    // refusal is recorded in the state for `kiosk-sync status` ...
    SyncJob job;
    job.config.kiosk_id = "fauvettes-mdp-01";
    DestinationConfig api;
    api.name = "api-ville";
    api.kind = DestinationKind::Https;
    api.url = "https://ville.example/batches";
    api.token = "api-ville"; // and [sync] secrets is not set
    ResponseSource source;
    std::string error;
    REQUIRE(source.Open(db, error));
    RunOptions options;
    options.now = [] { return std::string("2026-12-05T00:00:00.000Z"); };

    SECTION("the state file keeps the error") {
        SyncState state;
        bool busy = false;
        REQUIRE(state.Open(state_file, 0, busy, error));
        SyncExit exit = SyncExit::Ok;
        const std::string log = CapturedLog([&] { exit = DeliverAll(job, {api}, source, state, options); });
        CHECK(exit == SyncExit::Refused);
        CHECK_THAT(log, Catch::Contains("api-ville: not delivered"));
        CHECK_THAT(log, !Catch::Contains("could not keep"));
        CHECK_THAT(state.Destination("api-ville").last_error, Catch::Contains("secrets is not set"));
    }
    SECTION("... and when it cannot (opened read-only here), the log says so and status will not show it") {
        SyncState state;
        REQUIRE(state.OpenForReading(state_file, error));
        SyncExit exit = SyncExit::Ok;
        const std::string log = CapturedLog([&] { exit = DeliverAll(job, {api}, source, state, options); });
        CHECK_THAT(log, Catch::Contains("api-ville: not delivered"));
        CHECK_THAT(log, Catch::Contains("api-ville: the state file could not keep this error"));
        // Refused (a person must act) still outranks NoData (the state could not be written).
        CHECK(exit == SyncExit::Refused);

        // With only a directory destination, which fails on the read-only state, exit 5.
        const SyncJob share_job = JobWithShare(test::ScratchDir("sync-command-share"));
        const std::string log2 = CapturedLog(
            [&] { exit = DeliverAll(share_job, share_job.sync.destinations, source, state, options); });
        CHECK(exit == SyncExit::NoData);
        CHECK_THAT(log2, Catch::Contains("partage-mairie: the state file could not keep"));
    }
}

namespace {
struct SyncExpectation {
    int line = 0, column = 0;
    std::string fragment;
};

// The first line of a broken file: "# expect: LINE:COLUMN fragment of the message".
SyncExpectation ReadSyncExpectation(const fs::path& file) {
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    const std::string prefix = "# expect: ";
    REQUIRE(first.rfind(prefix, 0) == 0);
    const std::string rest = first.substr(prefix.size());
    const size_t colon = rest.find(':'), space = rest.find(' ');
    return {std::stoi(rest.substr(0, colon)), std::stoi(rest.substr(colon + 1, space - colon - 1)),
            rest.substr(space + 1)};
}
} // namespace

TEST_CASE("every broken [sync] table is refused by kiosk-sync at its file:line:column, not by the kiosk") {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(test::DataDir() / "config" / "broken-sync"))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 6);
    for (const fs::path& file : files) {
        SECTION(file.filename().string()) {
            const SyncExpectation expected = ReadSyncExpectation(file);
            Diagnostics diags;
            CHECK_FALSE(LoadSyncJob(file, "", "", diags));
            INFO(diags.FormatAll());
            const std::string want =
                fmt::format("{}:{}:{}: error: ", file.string(), expected.line, expected.column);
            bool found = false;
            for (const Diagnostic& d : diags.All())
                found = found || (d.Format().rfind(want, 0) == 0 &&
                                  d.Format().find(expected.fragment) != std::string::npos);
            INFO("expected: " << want << "…" << expected.fragment);
            CHECK(found);

            // The kiosk leaves kiosk-sync's table to kiosk-sync: it still starts.
            Diagnostics kiosk_diags;
            const std::optional<KioskConfig> config = LoadKioskConfig(file, kiosk_diags);
            INFO(kiosk_diags.FormatAll());
            REQUIRE(config);
            CHECK(config->database_read_by_sync);
        }
    }
}
