// Editing a TOML file as text: the few operations `kiosk --import-translation` needs to
// change one value or add one key while keeping every comment, blank line and alignment of
// the file (re-serialising it with toml++ would lose them).
//
// Positions come from toml++ (line, column counted in code points); these helpers turn them
// into byte offsets and find where a value ends by scanning its text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace kiosk {

// Byte offset in `text` of a toml++ position; nothing when it is outside the text.
std::optional<size_t> ByteOffset(std::string_view text, const toml::source_position& position);

// One past the last byte of the value that starts at `offset`: a string of any of TOML's four
// kinds, an inline table or array (to its matching bracket), or a bare scalar.
size_t ValueEnd(std::string_view text, size_t offset);

// Offset of the start of the line after the one holding `offset` (the text's end if none).
size_t NextLineStart(std::string_view text, size_t offset);

// `text` as a TOML basic string ("…", with \" \\ \n \t and \uXXXX for other control characters).
std::string TomlQuote(std::string_view text);

// `key` as written in TOML: bare when only letters, digits, '-' and '_', else quoted.
std::string TomlKey(std::string_view key);

struct TextEdit {
    size_t offset = 0;
    size_t length = 0; // bytes replaced
    std::string insert;
};

// Applies edits made against the same original text (non-overlapping). Insertions at the
// same offset keep the order they are given in.
std::string ApplyEdits(std::string text, std::vector<TextEdit> edits);

} // namespace kiosk
