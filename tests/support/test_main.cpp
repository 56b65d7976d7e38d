// Catch2's main, compiled once for every test executable, and the sanitizer defaults of
// the test executables.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>

// LeakSanitizer reads its suppressions (Mesa's once-per-process allocations) from here, so
// no environment is needed to run a test binary by hand or under CTest.
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
