// `kiosk --import-translation FILE.po`: writes a translator's PO file (from
// `kiosk --export-translation`, README "Translating the kiosk") back into the kiosk's TOML
// files, the language named by the PO header's Language:.
//
// Each translated text goes where the kiosk reads it: the key's value in the language's
// catalogue (replaced in place, or added to the catalogue file of the same name as the
// French one, in its table; a catalogue file the language does not have yet is made from the
// French one, keeping its comments and layout, with the texts not translated left out), or
// the `<code> = "…"` of the text's table in a content or survey file. Files are edited as
// text: only the value changes, every comment and blank line stays byte for byte.
//
// Not written, and listed: fuzzy entries, untranslated entries (the kiosk shows the fallback
// text), and entries whose French source changed since the export (their translation is of
// an older text). Refused, naming the PO file's line, with nothing written: a malformed PO
// file, an entry whose context is no text of this kiosk (removed or renamed since the export),
// the same context twice, and a new language without its own name (language.name). Each
// edited file is parsed again and must hold its new texts before any file is written; each
// is then replaced through a temporary file renamed over it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace kiosk {

struct ImportReport {
    std::string language;
    // One line per entry not written: "FILE.po:LINE: fuzzy, not imported: CONTEXT".
    std::vector<std::string> not_imported;
    std::vector<std::filesystem::path> files_written; // changed or created
    int texts_written = 0;
    bool language_configured = true; // false: kiosk.languages does not list it yet
};

std::optional<ImportReport> ImportTranslation(const std::filesystem::path& config_file,
                                              const std::filesystem::path& po_file, Diagnostics& diags);

} // namespace kiosk
