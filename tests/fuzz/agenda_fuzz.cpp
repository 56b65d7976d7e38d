// Fuzz target: the agenda (content/agenda.toml), LoadAgendaFile.
#include "content/content.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const kiosk::fuzz::Scratch scratch("agenda");
    const std::filesystem::path file = scratch.Write("agenda.toml", data, size);
    kiosk::Diagnostics diags;
    kiosk::LoadAgendaFile(file, {"fr", "en"}, diags);
    return 0;
}
