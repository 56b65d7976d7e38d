// Fuzz target: an on-screen keyboard layout (assets/keyboards/*.toml), KeyboardLayouts::Load.
#include "fuzz_input.h"
#include "keyboard/keyboard_layout.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const kiosk::fuzz::Scratch scratch("keyboard");
    scratch.Write("keyboards/layout.toml", data, size);
    kiosk::KeyboardLayouts layouts;
    kiosk::Diagnostics diags;
    layouts.Load(scratch.Dir() / "keyboards", diags);
    return 0;
}
