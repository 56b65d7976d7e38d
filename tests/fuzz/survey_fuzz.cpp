// Fuzz target: one survey file, LoadSurveyFile.
#include "fuzz_input.h"
#include "survey/survey_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const kiosk::fuzz::Scratch scratch("survey");
    const std::filesystem::path file = scratch.Write("survey.toml", data, size);
    kiosk::Diagnostics diags;
    kiosk::LoadSurveyFile(file, {"fr", "en"}, diags);
    return 0;
}
