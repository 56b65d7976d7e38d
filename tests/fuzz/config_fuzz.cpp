// Fuzz target: the main configuration file (kiosk.toml): the kiosk's tables (LoadKioskConfig)
// and kiosk-sync's [sync] table (LoadSyncConfig).
#include "config/config.h"
#include "fuzz_input.h"
#include "sync/sync_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const kiosk::fuzz::Scratch scratch("config");
    const std::filesystem::path file = scratch.Write("kiosk.toml", data, size);
    kiosk::Diagnostics diags;
    kiosk::LoadKioskConfig(file, diags);
    kiosk::LoadSyncConfig(file, "/var/lib/maison-du-projet/responses.db", diags);
    return 0;
}
