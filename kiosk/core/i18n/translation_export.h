// `kiosk --export-translation LANG --out FILE.po`: every text the kiosk can show, French
// source and LANG translation, as a gettext PO file for the translator's own tool (Poedit,
// Weblate, Lokalize). README "Translating the kiosk"; i18n/translatable_texts.h says which
// texts and how their contexts are named.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "i18n/po_file.h"
#include "i18n/translatable_texts.h"

namespace kiosk {

// One entry per text: msgctxt its context, msgid the source, msgstr the translation (empty
// when there is none), a `#:` reference to its file:line relative to texts.reference_base and
// a `#.` comment naming its key in that file.
PoFile TranslationPo(const TranslatableTexts& texts);

struct ExportSummary {
    int texts = 0;
    int translated = 0;
};

// Loads `config_file`, collects the texts for `language` and writes the PO file to `out`
// (through a temporary file renamed over it). Nothing, with the reasons in `diags`, on failure.
std::optional<ExportSummary> ExportTranslation(const std::filesystem::path& config_file,
                                               const std::string& language, const std::filesystem::path& out,
                                               Diagnostics& diags);

} // namespace kiosk
