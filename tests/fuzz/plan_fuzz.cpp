// Fuzz target: one plan file of content/plans/, LoadPlanFile.
#include "content/content.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const kiosk::fuzz::Scratch scratch("plan");
    const std::filesystem::path file = scratch.Write("plans/plan.toml", data, size);
    kiosk::Diagnostics diags;
    kiosk::LoadPlanFile(file, {"fr", "en"}, diags);
    return 0;
}
