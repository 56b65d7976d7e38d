// Skipping a test case that cannot run here (docs/testing.md, "Skips").
//
// Catch2 2.13 has no SKIP: a test case that returns early would count as passed. Instead it
// calls KIOSK_SKIP("why"), which prints the reason, records the skip and returns from the
// test case. When the run had a skip and no failure, the test executable exits with
// kSkipExitCode (support/test_main.cpp), and CTest, told SKIP_RETURN_CODE 77 for every
// Catch test (tests/CMakeLists.txt), reports the test as "Skipped" — which .ci/run refuses.
#pragma once

#include <catch2/catch.hpp>

namespace kiosk::test {

// The exit code of a skipped test: 77, as Automake and Meson use it.
inline constexpr int kSkipExitCode = 77;

// Number of test cases that skipped in this process.
inline int& SkipCount() {
    static int count = 0;
    return count;
}

} // namespace kiosk::test

// Skips the rest of the current test case (only in the test case's own body: it returns).
#define KIOSK_SKIP(reason)                                                                                   \
    do {                                                                                                     \
        WARN("SKIPPED: " << reason);                                                                         \
        ++::kiosk::test::SkipCount();                                                                        \
        return;                                                                                              \
    } while (false)
