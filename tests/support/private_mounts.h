// Real file-system faults for tests: a tmpfs of a few hundred KiB fills up for real (ENOSPC),
// a read-only bind mount refuses writes for real. Both live in a mount namespace of the test
// process only, so the host's mounts are never touched. They need CAP_SYS_ADMIN (root, as in
// CI); where that is refused, PrivateMounts() says why and the test calls SkipTest().
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sched.h>
#include <string>
#include <sys/mount.h>

#include "skip.h"

namespace kiosk::test {

// Ends the test process now with kSkipExitCode (skip.h) after printing why: a case that cannot run
// here shows as skipped, never as passed. CTest runs each case in a process of its own
// (catch_discover_tests), so no other case is cut short; run by hand, run one case at a time.
[[noreturn]] inline void SkipTest(const std::string& why) {
    std::printf("SKIPPED: %s\n", why.c_str());
    std::fflush(stdout);
    std::_Exit(kSkipExitCode);
}

// Enters a private mount namespace (once per process). False, with the reason, when refused.
inline bool PrivateMounts(std::string& why) {
    static int state = 0; // 0 unknown, 1 available, -1 refused
    static std::string reason;
    if (state == 0) {
        if (unshare(CLONE_NEWNS) != 0)
            reason = std::string("unshare(CLONE_NEWNS): ") + std::strerror(errno);
        else if (mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            reason = std::string("making / private: ") + std::strerror(errno);
        state = reason.empty() ? 1 : -1;
    }
    why = reason;
    return state == 1;
}

// Unmounts `target` when it goes out of scope (if `mounted` was set).
struct ScopedMount {
    std::filesystem::path target;
    bool mounted = false;
    ~ScopedMount() {
        if (mounted) umount2(target.c_str(), MNT_DETACH);
    }
};

} // namespace kiosk::test
