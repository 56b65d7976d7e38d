#include "i18n/translatable_texts.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>

#include "base/path_probe.h"
#include "config/toml_reader.h"
#include "i18n/language_variants.h"

namespace kiosk {

namespace {

bool IsLocalizedTable(const toml::table& table, std::string_view reference) {
    if (!table.contains(reference)) return false;
    for (const auto& [key, node] : table)
        if (!node.is_string() || !IsLanguageCode(key.str())) return false;
    return true;
}

int LineOf(const toml::node& node) {
    return (int)node.source().begin.line;
}

// Walks a content file, adding a text for each table of texts per language.
class ContentWalker {
public:
    ContentWalker(const TranslatableTexts& set, const std::filesystem::path& file,
                  std::vector<TranslatableText>& out)
        : set_(set), file_(file), out_(out) {}

    void Walk(const toml::table& table, const std::string& where, TomlPath& path) {
        for (const auto& [key, node] : table) {
            const std::string name(key.str());
            path.push_back({name});
            if (const toml::table* sub = node.as_table()) {
                if (IsLocalizedTable(*sub, set_.reference))
                    Add(*sub, where + "/" + name, path);
                else
                    Walk(*sub, where + "/" + name, path);
            } else if (const toml::array* array = node.as_array()) {
                for (size_t i = 0; i < array->size(); i++) {
                    const toml::table* element = array->get(i)->as_table();
                    if (!element) continue;
                    path.back().index = (int)i;
                    const toml::node* id = element->get("id");
                    const std::string label = id && id->is_string()
                                                  ? fmt::format("{}:{}", name, id->as_string()->get())
                                                  : fmt::format("{}#{}", name, i + 1);
                    Walk(*element, where + "/" + label, path);
                }
            }
            path.pop_back();
        }
    }

private:
    void Add(const toml::table& texts, const std::string& where, const TomlPath& path) {
        TranslatableText text;
        const toml::node& source = *texts.get(set_.reference);
        text.source = source.as_string()->get();
        if (const toml::node* translation = texts.get(set_.language))
            text.translation = translation->as_string()->get();
        text.context = where;
        text.file = file_;
        text.line = LineOf(source);
        text.path = path;
        text.key = PathText(path);
        out_.push_back(std::move(text));
    }

    const TranslatableTexts& set_;
    const std::filesystem::path& file_;
    std::vector<TranslatableText>& out_;
};

// Every string of a catalogue file, by dotted key, with its path in the file.
void FlattenCatalogue(
    const toml::table& table, const std::string& prefix, TomlPath& path,
    const std::function<void(const std::string&, const toml::node&, const TomlPath&)>& visit) {
    for (const auto& [key, node] : table) {
        const std::string full =
            prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        path.push_back({std::string(key.str())});
        if (const toml::table* sub = node.as_table())
            FlattenCatalogue(*sub, full, path, visit);
        else if (node.is_string())
            visit(full, node, path);
        path.pop_back();
    }
}

std::optional<toml::table> Parse(const std::filesystem::path& file, Diagnostics& diags) {
    return ParseTomlFile(file, diags);
}

// The directory every file the texts come from is under (references are relative to it).
std::filesystem::path CommonBase(std::filesystem::path base,
                                 const std::vector<std::filesystem::path>& paths) {
    base = base.lexically_normal();
    const auto under = [&](const std::filesystem::path& p) {
        const std::filesystem::path relative = p.lexically_normal().lexically_relative(base);
        return !relative.empty() && *relative.begin() != "..";
    };
    while (base.has_relative_path() && !std::all_of(paths.begin(), paths.end(), under))
        base = base.parent_path();
    return base;
}

} // namespace

const toml::node* NodeAt(const toml::table& root, const TomlPath& path) {
    const toml::node* node = &root;
    for (const TomlStep& step : path) {
        const toml::table* table = node->as_table();
        node = table ? table->get(step.key) : nullptr;
        if (node && step.index >= 0) {
            const toml::array* array = node->as_array();
            node = array ? array->get((size_t)step.index) : nullptr;
        }
        if (!node) return nullptr;
    }
    return node;
}

std::string PathText(const TomlPath& path) {
    std::string out;
    for (const TomlStep& step : path) {
        if (!out.empty()) out += ".";
        out += step.key;
        if (step.index >= 0) out += fmt::format("[{}]", step.index);
    }
    return out;
}

bool IsLanguageCode(std::string_view code) {
    size_t i = 0;
    while (i < code.size() && ((code[i] >= 'a' && code[i] <= 'z') || (code[i] >= 'A' && code[i] <= 'Z')))
        i++;
    if (i < 2 || i > 3) return false;
    while (i < code.size()) {
        if (code[i++] != '-') return false;
        const size_t start = i;
        while (i < code.size() && std::isalnum((unsigned char)code[i]))
            i++;
        if (i == start || i - start > 8) return false;
    }
    return true;
}

std::optional<TranslatableTexts> CollectTranslatableTexts(const KioskConfig& config,
                                                          const std::string& language, Diagnostics& diags) {
    const int errors_before = diags.ErrorCount();
    TranslatableTexts set;
    set.language = language;
    set.reference = config.DefaultLanguage();
    set.catalogues = config.paths.assets / "i18n";
    Languages languages = config.languages;
    if (std::find(languages.begin(), languages.end(), language) == languages.end()) {
        languages.push_back(language);
        ReadLanguageVariants(set.catalogues, languages, diags);
    }
    set.variant = languages.IsVariant(language);
    const std::string suffix = set.variant ? "|" + language : "";

    // Catalogues: the reference's keys, the target's texts wherever its files hold them.
    std::error_code ec;
    std::map<std::string, std::string, std::less<>> translated;
    if (!ProbePath(set.catalogues / language).Missing())
        for (const std::filesystem::path& file : ListFiles(set.catalogues / language, ".toml", ec)) {
            if (std::optional<toml::table> table = Parse(file, diags)) {
                TomlPath path;
                FlattenCatalogue(*table, "", path,
                                 [&](const std::string& key, const toml::node& node, const TomlPath&) {
                                     translated[key] = node.as_string()->get();
                                 });
            }
        }
    std::vector<TranslatableText> catalogue_texts;
    const std::vector<std::filesystem::path> reference_files =
        ListFiles(set.catalogues / set.reference, ".toml", ec);
    if (ec || reference_files.empty())
        diags.Error({(set.catalogues / set.reference).string()},
                    "no catalogue of the default language here: nothing to translate from");
    for (const std::filesystem::path& file : reference_files) {
        std::optional<toml::table> table = Parse(file, diags);
        if (!table) continue;
        TomlPath path;
        FlattenCatalogue(*table, "", path,
                         [&](const std::string& key, const toml::node& node, const TomlPath& at) {
                             if (key == kVariantOfKey) return; // a language code, not a text
                             TranslatableText text;
                             text.catalogue = true;
                             text.context = key + suffix;
                             text.source = node.as_string()->get();
                             if (auto it = translated.find(key); it != translated.end())
                                 text.translation = it->second;
                             text.file = file;
                             text.line = LineOf(node);
                             text.path = at;
                             text.key = key;
                             catalogue_texts.push_back(std::move(text));
                         });
    }

    // Content: the files the loaders read, each named by its kind (and id).
    std::vector<std::pair<std::filesystem::path, std::string>> files; // file, context prefix
    for (const std::filesystem::path& file : ListFiles(config.paths.content / "plans", ".toml", ec))
        files.emplace_back(file, "plan");
    for (const char* name : {"timeline", "agenda"})
        if (const std::filesystem::path file = config.paths.content / (std::string(name) + ".toml");
            !ProbePath(file).Missing())
            files.emplace_back(file, name);
    const bool has_profile = !config.paths.profile.empty() && !ProbePath(config.paths.profile).Missing();
    for (const std::filesystem::path& file : ListFiles(config.paths.surveys, ".toml", ec)) {
        std::error_code same_ec;
        if (file.filename().string()[0] == '.' ||
            (has_profile && std::filesystem::equivalent(file, config.paths.profile, same_ec)))
            continue;
        files.emplace_back(file, "survey");
    }
    if (has_profile) files.emplace_back(config.paths.profile, "profile");

    std::vector<TranslatableText> content_texts;
    for (const auto& [file, kind] : files) {
        std::optional<toml::table> table = Parse(file, diags);
        if (!table) continue;
        std::string prefix = kind;
        if (kind == "plan" || kind == "survey") {
            const toml::node* id = table->get("id");
            prefix += ":" + (id && id->is_string() ? id->as_string()->get() : file.stem().string());
        }
        std::vector<TranslatableText> texts;
        TomlPath path;
        ContentWalker(set, file, texts).Walk(*table, prefix, path);
        // toml++ keeps keys sorted: back to the order of the file.
        std::stable_sort(
            texts.begin(), texts.end(),
            [](const TranslatableText& a, const TranslatableText& b) { return a.line < b.line; });
        for (TranslatableText& text : texts)
            content_texts.push_back(std::move(text));
    }
    std::stable_sort(catalogue_texts.begin(), catalogue_texts.end(), [](const auto& a, const auto& b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });

    std::set<std::string> contexts;
    std::vector<std::filesystem::path> sources;
    for (auto* part : {&catalogue_texts, &content_texts})
        for (TranslatableText& text : *part) {
            if (!text.catalogue) text.context += suffix;
            // Two entries without ids in one place, or ids used twice: numbered, kept apart.
            const std::string first = text.context;
            for (int n = 2; !contexts.insert(text.context).second; n++)
                text.context = fmt::format("{}#{}", first, n);
            sources.push_back(text.file);
            set.texts.push_back(std::move(text));
        }
    set.reference_base = CommonBase(config.paths.content.parent_path(), sources);
    if (diags.ErrorCount() > errors_before) return std::nullopt;
    return set;
}

} // namespace kiosk
