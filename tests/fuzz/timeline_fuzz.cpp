// Fuzz target: the timeline (content/timeline.toml), LoadTimelineFile.
#include "content/content.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const kiosk::fuzz::Scratch scratch("timeline");
    const std::filesystem::path file = scratch.Write("timeline.toml", data, size);
    kiosk::Diagnostics diags;
    kiosk::LoadTimelineFile(file, {"fr", "en"}, diags);
    return 0;
}
