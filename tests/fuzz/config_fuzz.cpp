// Fuzz target: the main configuration file (kiosk.toml, with its [sync] table), LoadKioskConfig.
#include "config/config.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const kiosk::fuzz::Scratch scratch("config");
    const std::filesystem::path file = scratch.Write("kiosk.toml", data, size);
    kiosk::Diagnostics diags;
    kiosk::LoadKioskConfig(file, diags);
    return 0;
}
