// Checking the staff PIN off the UI thread (core/staff/pin_checker.h): the outcome arrives
// through TakeResult() and the wake-up callback; the back-off holds; the caller's digits are
// wiped at once. Also prints how long one check takes (README "Staff mode").
#include <atomic>
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "staff/pin.h"
#include "staff/pin_checker.h"
#include "staff_test_support.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

PinAttempt WaitForResult(PinChecker& checker) {
    for (int i = 0; i < 1000; i++) {
        if (std::optional<PinAttempt> attempt = checker.TakeResult()) return *attempt;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    FAIL("no outcome within 5 s");
    return {};
}

} // namespace

TEST_CASE("a PIN is checked on a worker thread, and the UI woken with the outcome") {
    const std::filesystem::path dir = test::ScratchDir("staff-pin-checker");
    ManualClock clock;
    std::atomic<int> wakes = 0;
    PinChecker checker(dir / "responses.db.staff-pin-backoff", test::TestPinHash("730418"), clock,
                       [&] { wakes++; });
    CHECK(checker.SecondsToWait() == 0);

    std::string typed = "111222";
    const auto start = std::chrono::steady_clock::now();
    checker.Check(typed);
    CHECK(typed.empty()); // the caller keeps no copy
    CHECK(checker.Busy());
    CHECK_FALSE(checker.TakeResult());
    PinAttempt wrong = WaitForResult(checker);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("one PIN check (Argon2id interactive + back-off file): {:.0f} ms\n", seconds * 1000);
    CHECK(wrong.outcome == PinOutcome::Wrong);
    CHECK(wrong.wait_seconds == 1);
    CHECK(wakes == 1);
    CHECK(checker.SecondsToWait() == 1);

    typed = "730418";
    checker.Check(typed); // too soon: refused without checking
    CHECK(WaitForResult(checker).outcome == PinOutcome::TooSoon);

    clock.Advance(1.0);
    typed = "730418";
    checker.Check(typed);
    PinAttempt right = WaitForResult(checker);
    CHECK(right.outcome == PinOutcome::Unlocked);
    CHECK(checker.SecondsToWait() == 0);
    CHECK(wakes == 3);
}

TEST_CASE("the back-off survives a new checker (a restart)") {
    const std::filesystem::path dir = test::ScratchDir("staff-pin-checker-restart");
    ManualClock clock;
    {
        PinChecker checker(dir / "backoff", test::TestPinHash("730418"), clock);
        for (int i = 0; i < 3; i++) {
            if (i > 0) clock.Advance(10); // past each wait
            std::string typed = "999888";
            checker.Check(typed);
            CHECK(WaitForResult(checker).outcome == PinOutcome::Wrong);
        }
    }
    PinChecker again(dir / "backoff", test::TestPinHash("730418"), clock);
    CHECK(again.SecondsToWait() == Approx(4)); // after the third wrong PIN, read from the file
}
