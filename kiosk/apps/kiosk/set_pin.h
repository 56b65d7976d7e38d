// kiosk --set-pin: asks for a new staff PIN twice and writes its hash into the configuration
// (README "Staff mode").
#pragma once

#include <filesystem>

namespace kiosk {

// Reads the PIN twice — from the terminal without echo when stdin is one, else as the first
// two lines of stdin — checks the rules (staff/pin.h), and sets `[staff] pin_hash` in
// `config_file` (staff/pin_hash_edit.h). Returns the exit code: 0 done; 1 the file could not
// be read, parsed or written (unchanged); 2 the two PINs differ, break the rules or are
// missing (unchanged). Never prints or logs the PIN.
int RunSetPin(const std::filesystem::path& config_file);

} // namespace kiosk
