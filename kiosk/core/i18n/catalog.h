// Catalogs: the interface's texts in every configured language, from assets/i18n/<code>/.
//
// A language's catalogue is the directory assets/i18n/<code>/: every *.toml file in it is
// read (one file per part of the interface: shell.toml, plans.toml, survey.toml…) and the
// same key in two files is an error. A file holds (possibly nested) string keys:
//     [language]
//     name = "Français"            # shown in the language picker, in its own language
//     [attract]
//     touch_to_start = "Touchez l’écran pour commencer"
// and is looked up with dotted keys ("attract.touch_to_start"). The first configured
// language is the reference: a key missing from another catalogue falls back to it and is
// logged once. A variant's catalogue (`[language] variant_of = "fr"`, i18n/language_variants.h)
// is partial by design: a key it lacks shows the text of the language it is a variant of
// (then the reference), silently; loading logs how many texts it rewrites, once. A key missing from the
// reference too is a defect (tests/i18n/ check_translation_keys.py keeps the code and the shipped catalogues
// in step, so it can only come from a catalogue edited on a kiosk): it is logged once and shows as an empty
// text. Empty rather than the key or a marker, because a resident cannot read "surveys.recording.rejected"
// and a "?" or "…" looks like a broken or still-loading kiosk, while an empty label leaves the screen's
// layout, icons and colours to carry the meaning. Adding a language means adding a directory and listing its
// code in kiosk.toml (docs/translations.md).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/diagnostics.h"
#include "text/languages.h"

namespace kiosk {

// A language's catalogue may say, in its [language] table, how it is written and whether
// its texts await a native speaker's review (README, "Languages and translation
// catalogues"). Neither is a text.
inline constexpr std::string_view kDirectionKey = "language.direction";      // "ltr" (default) or "rtl"
inline constexpr std::string_view kNeedsReviewKey = "language.needs_review"; // true: shown anyway, logged
struct LanguageTraits {
    bool right_to_left = false;
    bool needs_review = false;
};

class Catalogs {
public:
    // Loads <dir>/<code>/*.toml for every language in `languages` (the first is the
    // reference). Returns false if any catalogue could not be loaded; missing keys in
    // non-reference catalogues are warnings.
    bool Load(const std::filesystem::path& dir, const Languages& languages, Diagnostics& diags);

    // Text of `key` in `language`, with the fallbacks described above. The reference stays
    // valid as long as the Catalogs object.
    const std::string& Text(std::string_view language, std::string_view key) const;

    // Text with named placeholders: Format("fr", "idle.countdown", fmt::arg("seconds", 12)).
    // A malformed placeholder in a catalogue is logged once and the text shown unformatted.
    template <typename... Args>
    std::string Format(std::string_view language, std::string_view key, Args&&... args) const {
        const std::string& pattern = Text(language, key);
        try {
            return fmt::format(fmt::runtime(pattern), std::forward<Args>(args)...);
        } catch (const fmt::format_error& e) {
            ReportBadPattern(language, key, e.what());
            return pattern;
        }
    }

    const kiosk::Languages& Languages() const { return languages_; }
    const std::string& ReferenceLanguage() const { return languages_.front(); }
    // The language's own name ("Français", "English"), from [language] name.
    const std::string& LanguageName(std::string_view language) const;
    bool HasKey(std::string_view language, std::string_view key) const;
    // Written right to left (Arabic): its screens are mirrored and its texts shaped.
    bool IsRightToLeft(std::string_view language) const;
    bool NeedsReview(std::string_view language) const;

    // Every text of every catalogue, e.g. to build the font's glyph ranges.
    void ForEachText(const std::function<void(std::string_view language, std::string_view key,
                                              std::string_view text)>& visit) const;

private:
    using Table = std::map<std::string, std::string, std::less<>>;
    void ReportBadPattern(std::string_view language, std::string_view key, const char* why) const;

    kiosk::Languages languages_;
    std::map<std::string, Table, std::less<>> tables_; // language → key → text
    std::map<std::string, LanguageTraits, std::less<>> traits_;
};

} // namespace kiosk
