// A test case that cannot run its case here (no private mount namespace, …) must be reported
// as SKIPPED, never as passed: Catch2 2.13 has no skip, so the case prints why and ends the
// test process with kSkipExitCode, which CTest reports as "Skipped" (SKIP_RETURN_CODE, set
// for every Catch test in tests/CMakeLists.txt). CTest runs each test case in a process of
// its own, so the other cases still run. Catch itself exits with the number of failed
// assertions (at most 255): a case would need exactly 254 failures to be mistaken for a skip.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace kiosk::test {

inline constexpr int kSkipExitCode = 254;

[[noreturn]] inline void Skip(const std::string& why) {
    std::printf("SKIPPED: %s\n", why.c_str());
    std::fflush(stdout);
    std::_Exit(kSkipExitCode);
}

} // namespace kiosk::test
