// The wrong-PIN back-off (core/staff/pin_backoff.h): 1, 2, 4 … 300 s with an injected clock,
// kept across a restart (a new PinBackOff on the same file), a missing or corrupt file, and a
// wall clock set back or forward between two runs.
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "staff/pin.h"
#include "staff/pin_backoff.h"
#include "staff_test_support.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

constexpr long long kWall = 1795000000; // 2026-11-18
constexpr long long kTwentyYears = 20LL * 365 * 24 * 3600;

std::string BackOffFileText(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void WriteBackOffFile(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

PinOutcome TryCopy(PinBackOff& backoff, std::string pin) {
    return backoff.Try(pin, test::TestPinHash("482915")).outcome;
}

} // namespace

TEST_CASE("wrong PINs wait 1, 2, 4 … 256 then 300 s, and a right PIN resets the count") {
    const std::filesystem::path file =
        test::ScratchDir("staff-backoff-sequence") / "responses.db.staff-pin-backoff";
    ManualClock clock(1000.0, kWall);
    PinBackOff backoff(file, clock);
    CHECK(backoff.Failures() == 0);
    CHECK(backoff.SecondsToWait() == 0);
    const double expected[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300};
    for (double wait : expected) {
        std::string error;
        REQUIRE(backoff.RecordWrong(error));
        CHECK(backoff.SecondsToWait() == wait);
        clock.Advance(wait - 0.5);
        CHECK(backoff.SecondsToWait() == 0.5);
        clock.Advance(0.5);
        CHECK(backoff.SecondsToWait() == 0);
    }
    CHECK(backoff.Failures() == 12);
    std::string error;
    REQUIRE(backoff.RecordRight(error));
    CHECK(backoff.Failures() == 0);
    REQUIRE(backoff.RecordWrong(error));
    CHECK(backoff.SecondsToWait() == 1);
    CHECK(PinBackOff::WaitAfter(0) == 0);
    CHECK(PinBackOff::WaitAfter(1'000'000'000) == 300);
}

TEST_CASE("Try refuses any PIN, the right one too, until the wait is over, and wipes it") {
    const std::filesystem::path file = test::ScratchDir("staff-backoff-try") / "backoff";
    ManualClock clock(1000.0, kWall);
    PinBackOff backoff(file, clock);
    std::string wrong = "111222";
    PinAttempt attempt = backoff.Try(wrong, test::TestPinHash("482915"));
    CHECK(attempt.outcome == PinOutcome::Wrong);
    CHECK(attempt.wait_seconds == 1);
    CHECK(attempt.save_error.empty());
    CHECK(wrong.empty());
    // Persisted at once: a restart now would still wait.
    CHECK(BackOffFileText(file) == fmt::format("failures 1\nfailed_at {}\n", kWall));

    std::string right = "482915";
    attempt = backoff.Try(right, test::TestPinHash("482915"));
    CHECK(attempt.outcome == PinOutcome::TooSoon);
    CHECK(attempt.wait_seconds == 1);
    CHECK(right.empty());
    CHECK(backoff.Failures() == 1); // a refused try is not counted

    clock.Advance(1);
    CHECK(TryCopy(backoff, "000111") == PinOutcome::Wrong);
    CHECK(backoff.SecondsToWait() == 2);
    clock.Advance(2);
    CHECK(TryCopy(backoff, "482915") == PinOutcome::Unlocked);
    CHECK(backoff.Failures() == 0);
    CHECK(backoff.SecondsToWait() == 0);
    CHECK(BackOffFileText(file) == "failures 0\nfailed_at 0\n");
    CHECK(TryCopy(backoff, "000111") == PinOutcome::Wrong);
    CHECK(backoff.SecondsToWait() == 1);
}

TEST_CASE("the back-off survives a restart: a new PinBackOff on the same file") {
    const std::filesystem::path file = test::ScratchDir("staff-backoff-restart") / "backoff";
    {
        ManualClock clock(1000.0, kWall);
        PinBackOff first(file, clock);
        std::string error;
        for (int i = 0; i < 3; i++)
            REQUIRE(first.RecordWrong(error)); // the third waits 4 s
    }
    CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    // The new process: its monotonic clock starts anywhere; one wall second has passed.
    ManualClock clock(5.0, kWall + 1);
    PinBackOff second(file, clock);
    CHECK(second.Failures() == 3);
    CHECK(second.SecondsToWait() == 3);
    clock.Advance(3);
    CHECK(second.SecondsToWait() == 0);
    std::string error;
    REQUIRE(second.RecordWrong(error));
    CHECK(second.SecondsToWait() == 8); // the count went on from 3
}

TEST_CASE("a missing back-off file means no wrong PIN yet") {
    const std::filesystem::path dir = test::ScratchDir("staff-backoff-missing");
    ManualClock clock;
    PinBackOff backoff(dir / "none", clock);
    CHECK(backoff.Failures() == 0);
    CHECK(backoff.SecondsToWait() == 0);
    CHECK_FALSE(std::filesystem::exists(dir / "none")); // nothing written until a PIN is tried
}

TEST_CASE("a corrupt back-off file is the maximum back-off, never a crash") {
    const std::filesystem::path dir = test::ScratchDir("staff-backoff-corrupt");
    const std::vector<std::string> corrupt = {
        "",
        "garbage",
        "failures 3\n",
        "failures 3\nfailed_at 1795000000",             // truncated: no final line break
        "failures -1\nfailed_at 1795000000\n",          // negative
        "failures 3\nfailed_at 17950000x0\n",           // not a number
        "failures 3\nfailed_at 1795000000\nmore\n",     // trailing lines
        "failures 99999999999999999999\nfailed_at 1\n", // overflows
        "failed_at 1795000000\nfailures 3\n",           // swapped
        std::string("failures 3\0\nfailed_at 1\n", 24),
        std::string(10000, '7'),
    };
    for (size_t i = 0; i < corrupt.size(); i++) {
        INFO(i << ": " << corrupt[i].substr(0, 60));
        const std::filesystem::path file = dir / fmt::format("backoff-{}", i);
        WriteBackOffFile(file, corrupt[i]);
        ManualClock clock(1000.0, kWall);
        PinBackOff backoff(file, clock);
        CHECK(backoff.SecondsToWait() == 300);
        CHECK(TryCopy(backoff, "482915") == PinOutcome::TooSoon);
        clock.Advance(300);
        CHECK(TryCopy(backoff, "482915") == PinOutcome::Unlocked); // and then it heals
        CHECK(PinBackOff(file, clock).Failures() == 0);
    }
}

TEST_CASE("a directory where the back-off file should be is the maximum back-off") {
    const std::filesystem::path dir = test::ScratchDir("staff-backoff-directory");
    std::filesystem::create_directory(dir / "a-directory");
    ManualClock clock(1000.0, kWall);
    PinBackOff backoff(dir / "a-directory", clock);
    CHECK(backoff.SecondsToWait() == 300);
    std::string error;
    CHECK_FALSE(backoff.RecordWrong(error)); // cannot replace a directory: said, not thrown
    CHECK(backoff.SecondsToWait() == 300);
}

TEST_CASE("a wall clock set back between two runs never locks staff out for more than one wait") {
    const std::filesystem::path file = test::ScratchDir("staff-backoff-clock") / "backoff";
    {
        ManualClock clock(1000.0, kWall);
        PinBackOff first(file, clock);
        std::string error;
        for (int i = 0; i < 9; i++)
            REQUIRE(first.RecordWrong(error)); // the ninth waits 256 s
    }
    SECTION("set back twenty years (a dead RTC battery)") {
        ManualClock clock(7.0, kWall - kTwentyYears);
        PinBackOff backoff(file, clock);
        CHECK(backoff.Failures() == 9);
        CHECK(backoff.SecondsToWait() == 256); // the whole wait again, not twenty years
        clock.Advance(256);
        CHECK(backoff.SecondsToWait() == 0);
    }
    SECTION("set back one minute") {
        ManualClock clock(7.0, kWall - 60);
        CHECK(PinBackOff(file, clock).SecondsToWait() == 256);
    }
    SECTION("a file from the far future") {
        WriteBackOffFile(file, "failures 40\nfailed_at 32503680000\n"); // year 3000
        ManualClock clock(7.0, kWall);
        CHECK(PinBackOff(file, clock).SecondsToWait() == 300);
    }
    SECTION("set forward: the wait is over, the count is kept") {
        ManualClock clock(7.0, kWall + 3600);
        PinBackOff backoff(file, clock);
        CHECK(backoff.SecondsToWait() == 0);
        std::string error;
        REQUIRE(backoff.RecordWrong(error));
        CHECK(backoff.SecondsToWait() == 300);
    }
    SECTION("part of the wait already passed") {
        ManualClock clock(7.0, kWall + 56);
        CHECK(PinBackOff(file, clock).SecondsToWait() == 200);
    }
}

TEST_CASE("a back-off that cannot be saved still holds in the process, and says why") {
    ManualClock clock(1000.0, kWall);
    PinBackOff backoff(test::ScratchDir("staff-backoff-unsaved") / "no-such-dir" / "backoff", clock);
    std::string wrong = "111222";
    const PinAttempt attempt = backoff.Try(wrong, test::TestPinHash("482915"));
    CHECK(attempt.outcome == PinOutcome::Wrong);
    CHECK(attempt.save_error.find("cannot be kept across a restart") != std::string::npos);
    CHECK(backoff.SecondsToWait() == 1);
}
