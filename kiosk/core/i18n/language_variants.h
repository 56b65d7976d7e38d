// Language variants: which configured language is a variant of which, read from the
// catalogues.
//
// A catalogue says it is a variant in its [language] table:
//     [language]
//     name = "Facile à lire"
//     variant_of = "fr"
// The configuration loader reads this for every language of kiosk.languages, so that the
// kiosk, `kiosk --check-config` and kiosk-sync (which loads the surveys but not the
// catalogues) agree on which content texts are required. Refused, with the catalogue file
// and line: a variant of a language that is not configured (or of itself), a variant of a
// variant (one level keeps the fallback simple to predict), and a default language that is
// a variant (the default must be complete).
#pragma once

#include <filesystem>

#include "base/diagnostics.h"
#include "text/languages.h"

namespace kiosk {

// The key, in a catalogue, that names the language a variant belongs to.
inline constexpr std::string_view kVariantOfKey = "language.variant_of";

// Records in `languages` the variants declared in <catalogues>/<code>/*.toml. Returns false
// (and reports why) when a declaration is refused. Catalogue files that do not parse are
// skipped here: loading the catalogues reports them.
bool ReadLanguageVariants(const std::filesystem::path& catalogues, Languages& languages, Diagnostics& diags);

} // namespace kiosk
