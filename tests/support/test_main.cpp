// Catch2's main, compiled once for every test executable, and the sanitizer defaults of
// the test executables.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "skip.h"

// The sanitizer build is where assertions earn their keep: it must not compile them out.
#if defined(__SANITIZE_ADDRESS__) && defined(NDEBUG)
#error "the sanitizer build keeps assertions on (NDEBUG must not be defined: CMakeLists.txt, KIOSK_SANITIZE)"
#endif

// Catch's exit code, except that a run where a test case skipped (KIOSK_SKIP) and none failed
// exits with kSkipExitCode, which CTest reports as "Skipped" (docs/testing.md, "Skips").
int main(int argc, char* argv[]) {
    int result = Catch::Session().run(argc, argv);
    if (result == kiosk::test::kSkipExitCode) result = 1; // 77 failed assertions are not a skip
    if (result == 0 && kiosk::test::SkipCount() > 0) result = kiosk::test::kSkipExitCode;
    return result;
}

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>

// LeakSanitizer reads its suppressions (Mesa's once-per-process allocations) from here, so
// no environment is needed to run a test binary by hand or under CTest.
// intercept_tls_get_addr=0 avoids a crash of LeakSanitizer's tracer at exit (.ci/run says why);
// ASAN_OPTIONS set in the environment still override it.
extern "C" const char* __asan_default_options() {
    return "intercept_tls_get_addr=0";
}

extern "C" const char* __lsan_default_options() {
    return "suppressions=" KIOSK_SOURCE_DIR "/tests/support/lsan.supp:print_suppressions=0";
}

// Mesa's drivers are unloaded before LeakSanitizer reports, which would leave their
// allocations attributed to "<unknown module>": keep them loaded (see
// keep_gl_drivers_loaded.c, which does the same for the kiosk binaries in e2e tests).
namespace {
[[maybe_unused]] const bool kGlDriversKept = [] {
    for (const char* driver :
         {"libEGL_mesa.so.0", "libGLX_mesa.so.0", "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"})
        dlopen(driver, RTLD_NOW | RTLD_GLOBAL | RTLD_NODELETE);
    return true;
}();
} // namespace
#endif
