// Fuzz target: a translation catalogue file (assets/i18n/<language>/*.toml), Catalogs::Load.
#include "fuzz_input.h"
#include "i18n/catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const kiosk::fuzz::Scratch scratch("catalog");
    scratch.Write("i18n/fr/texts.toml", data, size);
    kiosk::Catalogs catalogs;
    kiosk::Diagnostics diags;
    catalogs.Load(scratch.Dir() / "i18n", {"fr"}, diags);
    return 0;
}
