// PO files: the gettext format translators' tools speak (Poedit, Weblate, Lokalize).
//
// The kiosk writes one to hand its texts to a translator (`kiosk --export-translation`) and
// reads one back (`kiosk --import-translation`); its own texts stay in TOML. Only what the
// kiosk uses is supported: one msgctxt, msgid and msgstr per entry, the `#,` flags (fuzzy),
// `#:` references and `#.` comments. Plural forms are refused (no kiosk text has any),
// obsolete `#~` entries are skipped as gettext tools do. Strings are escaped as gettext does
// (\" \\ \n \t and the other C escapes), and a text with line breaks is written one line per
// "…" piece, split after each \n, as msgmerge writes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace kiosk {

struct PoEntry {
    std::vector<std::string> comments;   // `#.` lines, without the marker
    std::vector<std::string> references; // `#:` items ("config/surveys/futur-square.toml:15")
    bool fuzzy = false;
    std::optional<std::string> context;
    std::string msgid;
    std::string msgstr;
    int line = 0; // of msgid (or of msgctxt when there is one), 1-based
};

struct PoFile {
    std::string language;           // the header's Language:
    std::vector<std::string> notes; // the header's `#` comment lines, without the marker
    std::vector<PoEntry> entries;   // the header entry (msgid "") excluded
};

// `text` as the inside of a PO string literal: \" \\ \n \t \r and other control characters escaped.
std::string PoEscape(std::string_view text);

// The whole file, header first (Language, Content-Type UTF-8, no plural forms).
std::string WritePo(const PoFile& po);

// Parses `text` (named `file_name` in messages). Every problem is an error in `diags` at
// file:line; nothing is returned when there is one.
std::optional<PoFile> ParsePo(std::string_view text, const std::string& file_name, Diagnostics& diags);

} // namespace kiosk
