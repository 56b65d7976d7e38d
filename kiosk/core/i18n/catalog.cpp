#include "i18n/catalog.h"

#include <algorithm>

#include "base/log.h"
#include "base/path_probe.h"
#include "config/toml_reader.h"
#include "i18n/language_variants.h"

namespace kiosk {

namespace {
// Flattens nested tables into dotted keys; anything but a string or a table is an error.
// The language's metadata (its direction, whether it awaits review) goes to `language`,
// not among the texts: it is never shown.
void Flatten(const toml::table& table, const std::string& prefix, const std::string& file,
             std::map<std::string, std::string, std::less<>>& out, LanguageTraits& language,
             Diagnostics& diags) {
    for (const auto& [key, node] : table) {
        std::string full = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        const auto& begin = node.source().begin;
        if (full == kDirectionKey) {
            const auto* text = node.as_string();
            if (text && (text->get() == "rtl" || text->get() == "ltr"))
                language.right_to_left = text->get() == "rtl";
            else
                diags.Error({file, (int)begin.line, (int)begin.column},
                            fmt::format("{}: expected \"ltr\" or \"rtl\"", full));
        } else if (full == kNeedsReviewKey) {
            if (const auto* flag = node.as_boolean())
                language.needs_review = flag->get();
            else
                diags.Error({file, (int)begin.line, (int)begin.column},
                            fmt::format("{}: expected true or false, found {}", full, TomlTypeName(node)));
        } else if (const toml::table* sub = node.as_table()) {
            Flatten(*sub, full, file, out, language, diags);
        } else if (const auto* text = node.as_string()) {
            out[full] = text->get();
        } else {
            diags.Error({file, (int)begin.line, (int)begin.column},
                        fmt::format("{}: expected a text, found {}", full, TomlTypeName(node)));
        }
    }
}
} // namespace

bool Catalogs::Load(const std::filesystem::path& dir, const kiosk::Languages& languages, Diagnostics& diags) {
    languages_ = languages;
    tables_.clear();
    traits_.clear();
    bool ok = !languages.empty();
    for (const std::string& language : languages) {
        const std::filesystem::path language_dir = dir / language;
        std::error_code ec;
        // Sorted: the same order on every machine.
        const std::vector<std::filesystem::path> files = ListFiles(language_dir, ".toml", ec);
        if (ec) {
            diags.Error(
                {language_dir.string()},
                fmt::format("cannot list the catalogue for language \"{}\": {}", language, ec.message()));
            ok = false;
            continue;
        }
        if (files.empty()) {
            diags.Error(
                {language_dir.string()},
                fmt::format("no catalogue for language \"{}\" (expected *.toml files here)", language));
            ok = false;
            continue;
        }
        Table& texts = tables_[language];
        std::map<std::string, std::string, std::less<>> origin; // key → file that defined it
        for (const std::filesystem::path& file : files) {
            std::optional<toml::table> table = ParseTomlFile(file, diags);
            if (!table) {
                ok = false;
                continue;
            }
            int errors_before = diags.ErrorCount();
            Table file_texts;
            Flatten(*table, "", file.string(), file_texts, traits_[language], diags);
            for (auto& [key, text] : file_texts) {
                if (auto it = origin.find(key); it != origin.end()) {
                    diags.Error({file.string()}, fmt::format("{}: already defined in {}", key, it->second));
                    continue;
                }
                origin[key] = file.filename().string();
                texts[key] = std::move(text);
            }
            ok = ok && diags.ErrorCount() == errors_before;
        }
        if (!texts.contains("language.name"))
            diags.Error({language_dir.string()},
                        "language.name: this key is required (the language's own name)");
        ok = ok && texts.contains("language.name");
        if (traits_[language].needs_review)
            LogLine(LogLevel::Info,
                    fmt::format("{}: translated without a native speaker's review yet ({} = true); shown "
                                "anyway",
                                language_dir.string(), kNeedsReviewKey));
    }
    if (!ok) return false;

    // Missing translations are allowed (they fall back to the reference language) but
    // listed, so that whoever maintains a catalogue sees what is left to translate. A
    // variant only rewrites some texts: one line says how many, not which are left.
    const Table& reference = tables_[languages.front()];
    for (size_t i = 1; i < languages.size(); i++) {
        const std::string& language = languages[i];
        const Table& texts = tables_[language];
        const std::string where = (dir / language).string();
        const std::string_view base = languages.VariantOf(language);
        std::string missing;
        int count = 0;
        for (const auto& [key, text] : reference)
            if (!texts.contains(key)) missing += (count++ ? ", " : "") + key;
        if (!base.empty())
            LogLine(
                LogLevel::Info,
                fmt::format("{}: a variant of {}, rewrites {} of the {} texts; the others are shown in {}",
                            where, base, reference.size() - count, reference.size(), base));
        else if (count > 0)
            diags.Warning({where}, fmt::format("{} text(s) not translated, shown in {}: {}", count,
                                               languages.front(), missing));
        for (const auto& [key, text] : texts)
            if (!reference.contains(key) && !(key == kVariantOfKey && !base.empty()))
                diags.Warning({where}, fmt::format("{}: not in the reference catalogue ({}); unused", key,
                                                   languages.front()));
    }
    return true;
}

const std::string& Catalogs::Text(std::string_view language, std::string_view key) const {
    auto table = tables_.find(language);
    if (table != tables_.end())
        if (auto it = table->second.find(key); it != table->second.end()) return it->second;
    // A variant lacks most keys by design: its base language's text, without a word in the log.
    if (std::string_view base = languages_.VariantOf(language); !base.empty()) {
        language = base;
        table = tables_.find(language);
        if (table != tables_.end())
            if (auto it = table->second.find(key); it != table->second.end()) return it->second;
    }
    if (!languages_.empty()) {
        const Table& reference = tables_.at(ReferenceLanguage());
        if (auto it = reference.find(key); it != reference.end()) {
            if (table != tables_.end() && language != ReferenceLanguage())
                LogLineOnce(LogLevel::Warning, fmt::format("i18n:{}:{}", language, key),
                            fmt::format("no \"{}\" translation for \"{}\"; showing {}", language, key,
                                        ReferenceLanguage()));
            return it->second;
        }
    }
    LogLineOnce(LogLevel::Error, fmt::format("i18n:missing:{}", key),
                fmt::format("text \"{}\" is in no catalogue (not even {}): nothing shown in its place", key,
                            languages_.empty() ? std::string("?") : ReferenceLanguage()));
    // Nothing rather than the key: see the header.
    static const std::string nothing;
    return nothing;
}

const std::string& Catalogs::LanguageName(std::string_view language) const {
    if (auto table = tables_.find(language); table != tables_.end())
        if (auto it = table->second.find("language.name"); it != table->second.end()) return it->second;
    static const std::string unknown = "?";
    return unknown;
}

bool Catalogs::IsRightToLeft(std::string_view language) const {
    auto it = traits_.find(language);
    if (it == traits_.end()) {
        // A variant writes in its base language's direction unless it says otherwise.
        std::string_view base = languages_.VariantOf(language);
        return !base.empty() && IsRightToLeft(base);
    }
    return it->second.right_to_left;
}

bool Catalogs::NeedsReview(std::string_view language) const {
    auto it = traits_.find(language);
    return it != traits_.end() && it->second.needs_review;
}

bool Catalogs::HasKey(std::string_view language, std::string_view key) const {
    auto table = tables_.find(language);
    return table != tables_.end() && table->second.contains(key);
}

void Catalogs::ForEachText(
    const std::function<void(std::string_view, std::string_view, std::string_view)>& visit) const {
    for (const auto& [language, texts] : tables_)
        for (const auto& [key, text] : texts)
            visit(language, key, text);
}

void Catalogs::ReportBadPattern(std::string_view language, std::string_view key, const char* why) const {
    LogLineOnce(LogLevel::Error, fmt::format("i18n:pattern:{}:{}", language, key),
                fmt::format("text \"{}\" in {} has a malformed placeholder ({})", key, language, why));
}

} // namespace kiosk
