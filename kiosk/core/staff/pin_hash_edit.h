// Writing `[staff] pin_hash` into the main configuration for `kiosk --set-pin`, the way a
// person would with an editor: one line changes (or is added), every other line, comment
// and blank keeps its bytes.
//
// toml++ says where things are (it never writes the file: its output would drop every
// comment): an existing pin_hash has its value replaced in place (indentation, key and a
// trailing comment kept); else the line `pin_hash = "…"` goes right under an existing
// `[staff]` header; else a `[staff]` section is appended at the end. The result is parsed
// again and must hold the new hash, or nothing is written.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// `text` (the contents of `file_name`) with staff.pin_hash set to `pin_hash`; nothing, with
// `error`, when the text is not valid TOML or its staff table is not one this can edit
// (written inline or with dotted keys, pin_hash spread over several lines).
std::optional<std::string> WithPinHash(std::string_view text, std::string_view pin_hash,
                                       const std::string& file_name, std::string& error);

// Reads the configuration `file` (through a symbolic link, the file it names), sets
// staff.pin_hash, and replaces the file durably with the same mode and owner. False, with
// `error` and the file untouched, on any failure.
bool WritePinHash(const std::filesystem::path& file, std::string_view pin_hash, std::string& error);

} // namespace kiosk
