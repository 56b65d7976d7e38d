/* Sanitizer runs only (LD_PRELOAD). Mesa's GL drivers are dlopen'ed by libglvnd and
 * unloaded again before LeakSanitizer reports at exit, so whatever they keep allocated
 * until the end shows up from "<unknown module>" and cannot be suppressed by name.
 * Loading them first with RTLD_NODELETE keeps them mapped: LeakSanitizer can then name
 * them and tests/support/lsan.supp applies, while every leak in our own code is still
 * reported. Missing drivers are ignored (the test then fails on its own, clearly). */
#include <dlfcn.h>

__attribute__((constructor)) static void KeepGlDriversLoaded(void) {
    static const char* const kDrivers[] = {
        "libEGL_mesa.so.0",
        "libGLX_mesa.so.0",
        "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so",
    };
    for (unsigned i = 0; i < sizeof kDrivers / sizeof kDrivers[0]; i++)
        dlopen(kDrivers[i], RTLD_NOW | RTLD_GLOBAL | RTLD_NODELETE);
}
