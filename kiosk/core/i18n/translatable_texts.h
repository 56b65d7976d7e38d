// Translatable texts: every text the kiosk can show, in the reference language, each with
// where it is written and its text in one target language. What `kiosk --export-translation`
// writes as a PO file and `kiosk --import-translation` writes back.
//
// Two sources (README "Translating the kiosk"):
//  - the interface catalogues, <assets>/i18n/<reference>/*.toml: one text per key; its PO
//    context is the key ("attract.touch_to_start");
//  - the content and survey files (plans, timeline, agenda, surveys, the profile block): every
//    `{ fr = "…", en = "…" }` table (or sub-table of language codes); its context is where it
//    sits, built from the file's kind and id and the ids of the entries around it
//    ("survey:futur-square/question:envie/options:jeux/label"), an entry without an id named
//    by its position ("agenda/event#2/subject").
// A variant (fr-x-falc) is exported like any language, French as the source, and its contexts
// end with "|<code>" ("home.title|fr-x-falc"), so that its entries never mix with another
// language's in a translation memory or a compendium (msgcat).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "base/diagnostics.h"
#include "config/config.h"

namespace kiosk {

struct TomlStep {
    std::string key;
    int index = -1; // >= 0: the element of the array `key` names
};
using TomlPath = std::vector<TomlStep>;

// The node at `path` under `root`, or null.
const toml::node* NodeAt(const toml::table& root, const TomlPath& path);
// "question[0].options[2].label"
std::string PathText(const TomlPath& path);

struct TranslatableText {
    bool catalogue = false;
    std::string context;
    std::string source;                     // in the reference language
    std::optional<std::string> translation; // in the target language, when it has one
    std::filesystem::path file;             // the reference text's file
    int line = 0;                           // ...and line
    TomlPath path;   // catalogue: the key in its file; content: the table of the text per language
    std::string key; // catalogue key, or PathText(path) for content
};

struct TranslatableTexts {
    std::string language;                 // the target
    std::string reference;                // the kiosk's default language, the source of every text
    bool variant = false;                 // the target is a variant of another language
    std::filesystem::path catalogues;     // <assets>/i18n
    std::filesystem::path reference_base; // the directory references are relative to
    std::vector<TranslatableText> texts;  // catalogues first, then content, each in file order
};

// Whether `code` can be a language code and a directory name: letters, digits and '-', such as
// "ar", "pt-BR" or "fr-x-falc".
bool IsLanguageCode(std::string_view code);

// Collects the texts for `language` from the files `config` names. Files that do not parse
// are errors (nothing is returned): their texts could be neither exported nor written back.
std::optional<TranslatableTexts> CollectTranslatableTexts(const KioskConfig& config,
                                                          const std::string& language, Diagnostics& diags);

} // namespace kiosk
