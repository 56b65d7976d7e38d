// Fuzz target: kiosk-sync's secrets file (a token per destination), LoadSecrets.
#include "fuzz_input.h"
#include "sync/secrets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const kiosk::fuzz::Scratch scratch("secrets");
    const std::filesystem::path file = scratch.Write("secrets.toml", data, size);
    kiosk::Diagnostics diags;
    kiosk::LoadSecrets(file, diags);
    return 0;
}
