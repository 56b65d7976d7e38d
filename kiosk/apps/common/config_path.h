// Where the kiosk's programs find their configuration when --config is not given.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostics.h"

namespace kiosk {

// config/kiosk.toml in the current directory (a checkout), else the installed
// /etc/maison-du-projet/kiosk.toml.
std::filesystem::path DefaultConfigPath();

// "1280x800" → {1280, 800}. Nothing when malformed or out of 320..16384.
std::optional<std::pair<int, int>> ParseSize(const std::string& text);

// Prints every diagnostic on stderr, one per line.
void PrintDiagnostics(const Diagnostics& diags);

} // namespace kiosk
