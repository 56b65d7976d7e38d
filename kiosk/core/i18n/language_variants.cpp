#include "i18n/language_variants.h"

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/path_probe.h"
#include "config/toml_reader.h"

namespace kiosk {

namespace {

struct Declaration {
    std::string base;
    SourcePos where;
};

// The `[language] variant_of` of one language's catalogue, if it has one.
std::optional<Declaration> FindDeclaration(const std::filesystem::path& language_dir, Diagnostics& diags) {
    std::error_code ec;
    for (const std::filesystem::path& file : ListFiles(language_dir, ".toml", ec)) {
        Diagnostics parse_errors; // reported by Catalogs::Load, not twice
        std::optional<toml::table> table = ParseTomlFile(file, parse_errors);
        if (!table) continue;
        const toml::node* node = table->at_path(kVariantOfKey).node();
        if (!node) continue;
        const auto& begin = node->source().begin;
        SourcePos where{file.string(), (int)begin.line, (int)begin.column};
        if (!node->is_string()) {
            diags.Error(where,
                        fmt::format("{}: expected the code of a language, such as \"fr\"", kVariantOfKey));
            continue;
        }
        return Declaration{node->as_string()->get(), where};
    }
    return std::nullopt;
}

} // namespace

bool ReadLanguageVariants(const std::filesystem::path& catalogues, Languages& languages, Diagnostics& diags) {
    const int errors_before = diags.ErrorCount();
    std::map<std::string, Declaration, std::less<>> declared;
    for (const std::string& code : languages)
        if (std::optional<Declaration> d = FindDeclaration(catalogues / code, diags)) declared[code] = *d;
    const auto configured = [&](std::string_view code) {
        return std::find(languages.begin(), languages.end(), code) != languages.end();
    };
    for (const auto& [code, d] : declared) {
        if (d.base == code) {
            diags.Error(d.where,
                        fmt::format("{}: \"{}\" cannot be a variant of itself", kVariantOfKey, code));
        } else if (!configured(d.base)) {
            diags.Error(d.where, fmt::format("{}: \"{}\" is not one of kiosk.languages ({}); a variant "
                                             "shows that language's texts where it has none, so list it too",
                                             kVariantOfKey, d.base, fmt::join(languages, ", ")));
        } else if (declared.contains(d.base)) {
            diags.Error(d.where, fmt::format("{}: \"{}\" is itself a variant of \"{}\"; name the language "
                                             "\"{}\" is a variant of instead (one level only)",
                                             kVariantOfKey, d.base, declared.at(d.base).base,
                                             declared.at(d.base).base));
        } else if (code == languages.front()) {
            diags.Error(d.where, fmt::format("\"{}\" is a variant, so it cannot be the default language "
                                             "(the first of kiosk.languages): list \"{}\" first",
                                             code, d.base));
        } else {
            languages.SetVariant(code, d.base);
        }
    }
    return diags.ErrorCount() == errors_before;
}

} // namespace kiosk
