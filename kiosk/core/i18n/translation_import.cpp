#include "i18n/translation_import.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/stat.h>

#include <fmt/format.h>

#include "base/durable_write.h"
#include "base/path_probe.h"
#include "config/config.h"
#include "i18n/po_file.h"
#include "i18n/toml_text_edit.h"
#include "i18n/translatable_texts.h"

namespace kiosk {

namespace {

constexpr std::string_view kLanguageNameKey = "language.name";

std::optional<std::string> ReadWholeFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// One file to write: its text, the edits planned on it, and what the result must hold.
struct FilePlan {
    std::string text; // the file's text (for a new catalogue file, its French model's)
    bool create = false;
    std::filesystem::path model; // create: the French file it is made from
    toml::table table;           // `text`, parsed
    std::vector<TextEdit> edits;
    std::vector<std::pair<TomlPath, std::string>> checks;      // after the edits, the text at each path
    std::vector<std::pair<std::string, std::string>> appended; // catalogue: [table] → new "key = …" line
};

class Planner {
public:
    explicit Planner(Diagnostics& diags) : diags_(diags) {}

    // The plan of an existing file (or of a new one made from `model`), read and parsed on first use.
    FilePlan* Open(const std::filesystem::path& path, const std::filesystem::path& model = {}) {
        if (auto it = files_.find(path); it != files_.end()) return &it->second;
        const std::filesystem::path& source = model.empty() ? path : model;
        std::optional<std::string> text = ReadWholeFile(source);
        if (!text) {
            diags_.Error({source.string()}, "cannot read the file");
            return nullptr;
        }
        FilePlan plan;
        plan.text = std::move(*text);
        plan.create = !model.empty();
        plan.model = model;
        try {
            plan.table = toml::parse(plan.text, source.string());
        } catch (const toml::parse_error& e) {
            diags_.Error({source.string(), (int)e.source().begin.line, (int)e.source().begin.column},
                         fmt::format("TOML syntax: {}", e.description()));
            return nullptr;
        }
        return &files_.emplace(path, std::move(plan)).first->second;
    }

    // Replaces the value `node` of `plan` by `text`.
    bool Replace(FilePlan& plan, const toml::node& node, const std::string& text) {
        const std::optional<size_t> at = ByteOffset(plan.text, node.source().begin);
        if (!at) return false;
        plan.edits.push_back({*at, ValueEnd(plan.text, *at) - *at, TomlQuote(text)});
        return true;
    }

    // Removes the line(s) of the key whose value is `node` (a text a new catalogue file leaves out).
    bool RemoveLine(FilePlan& plan, const toml::node& node) {
        const std::optional<size_t> at = ByteOffset(plan.text, node.source().begin);
        if (!at) return false;
        const size_t begin =
            plan.text.rfind('\n', *at) == std::string::npos ? 0 : plan.text.rfind('\n', *at) + 1;
        plan.edits.push_back({begin, NextLineStart(plan.text, ValueEnd(plan.text, *at)) - begin, ""});
        return true;
    }

    // Adds `key = "text"` to `table` (a table of `plan`): inside the braces of an inline table,
    // else on a line of its own after its last value, indented like it. False when the table
    // has no value to follow.
    bool Insert(FilePlan& plan, const toml::table& table, std::string_view key, const std::string& text) {
        const std::string assignment = TomlKey(key) + " = " + TomlQuote(text);
        if (table.is_inline()) {
            const std::optional<size_t> open = ByteOffset(plan.text, table.source().begin);
            if (!open || plan.text[*open] != '{') return false;
            size_t at = ValueEnd(plan.text, *open) - 1; // on the closing brace
            while (at > *open + 1 && (plan.text[at - 1] == ' ' || plan.text[at - 1] == '\t'))
                at--;
            plan.edits.push_back({at, 0, (plan.text[at - 1] == '{' ? " " : ", ") + assignment});
            return true;
        }
        std::optional<size_t> last_end, last_begin;
        for (const auto& [child_key, child] : table) {
            if (child.is_table() || child.is_array_of_tables()) continue;
            const std::optional<size_t> at = ByteOffset(plan.text, child.source().begin);
            if (!at) continue;
            const size_t end = ValueEnd(plan.text, *at);
            if (!last_end || end > *last_end) last_end = end, last_begin = at;
        }
        if (!last_end) return false;
        const size_t line_start = plan.text.rfind('\n', *last_begin) == std::string::npos
                                      ? 0
                                      : plan.text.rfind('\n', *last_begin) + 1;
        size_t indent_end = line_start;
        while (indent_end < plan.text.size() &&
               (plan.text[indent_end] == ' ' || plan.text[indent_end] == '\t'))
            indent_end++;
        const size_t at = NextLineStart(plan.text, *last_end);
        const bool needs_break = at == plan.text.size() && !plan.text.empty() && plan.text.back() != '\n';
        plan.edits.push_back({at, 0,
                              (needs_break ? "\n" : "") +
                                  plan.text.substr(line_start, indent_end - line_start) + assignment + "\n"});
        return true;
    }

    std::map<std::filesystem::path, FilePlan>& Files() { return files_; }

private:
    Diagnostics& diags_;
    std::map<std::filesystem::path, FilePlan> files_;
};

std::string TableHeader(const TomlPath& path) {
    std::string out;
    for (const TomlStep& step : path)
        out += (out.empty() ? "" : ".") + TomlKey(step.key);
    return out;
}

// Key (dotted) → (file, path in it) of every text of a catalogue directory.
void IndexCatalogue(const toml::table& table, const std::string& prefix, TomlPath& path,
                    const std::filesystem::path& file,
                    std::map<std::string, std::pair<std::filesystem::path, TomlPath>>& out) {
    for (const auto& [key, node] : table) {
        const std::string full =
            prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        path.push_back({std::string(key.str())});
        if (const toml::table* sub = node.as_table())
            IndexCatalogue(*sub, full, path, file, out);
        else if (node.is_string())
            out[full] = {file, path};
        path.pop_back();
    }
}

} // namespace

std::optional<ImportReport> ImportTranslation(const std::filesystem::path& config_file,
                                              const std::filesystem::path& po_file, Diagnostics& diags) {
    const int errors_before = diags.ErrorCount();
    const std::string po_name = po_file.string();
    std::optional<std::string> po_text = ReadWholeFile(po_file);
    if (!po_text) {
        diags.Error({po_name}, "cannot read the PO file");
        return std::nullopt;
    }
    std::optional<PoFile> po = ParsePo(*po_text, po_name, diags);
    if (!po) return std::nullopt;
    if (po->language.empty() || !IsLanguageCode(po->language)) {
        diags.Error({po_name, 1},
                    po->language.empty()
                        ? std::string("the header has no \"Language:\"; the kiosk needs it to know which "
                                      "texts these are (\"Language: en\")")
                        : fmt::format("the header's Language \"{}\" is not a language code such as \"en\" or "
                                      "\"fr-x-falc\"",
                                      po->language));
        return std::nullopt;
    }
    const std::string& language = po->language;
    std::optional<KioskConfig> config = LoadKioskConfig(config_file, diags);
    if (!config) return std::nullopt;
    if (language == config->DefaultLanguage()) {
        diags.Error({po_name, 1},
                    fmt::format("Language \"{}\" is the kiosk's default language, the source of "
                                "every text: there is nothing to import",
                                language));
        return std::nullopt;
    }
    std::optional<TranslatableTexts> set = CollectTranslatableTexts(*config, language, diags);
    if (!set) return std::nullopt;

    ImportReport report;
    report.language = language;
    report.language_configured =
        std::find(config->languages.begin(), config->languages.end(), language) != config->languages.end();

    // What to write: the entries translated, checked against the kiosk's texts.
    std::map<std::string, const TranslatableText*, std::less<>> by_context;
    for (const TranslatableText& text : set->texts)
        by_context[text.context] = &text;
    std::map<std::string, int, std::less<>> seen; // context → line
    std::vector<std::pair<const TranslatableText*, std::string>> to_write;
    bool language_named = false;
    for (const PoEntry& entry : po->entries) {
        if (!entry.context) {
            diags.Error({po_name, entry.line},
                        "an entry without msgctxt: the kiosk cannot tell where its text "
                        "goes (was the file written by kiosk --export-translation?)");
            continue;
        }
        const std::string& context = *entry.context;
        if (auto [it, inserted] = seen.emplace(context, entry.line); !inserted) {
            diags.Error({po_name, entry.line},
                        fmt::format("context \"{}\" again (first at line {})", context, it->second));
            continue;
        }
        auto found = by_context.find(context);
        if (found == by_context.end()) {
            diags.Error(
                {po_name, entry.line},
                fmt::format("unknown context \"{}\": no such {} text in this kiosk's files (obsolete: "
                            "removed or renamed since the export?); export again and merge with msgmerge",
                            context, language));
            continue;
        }
        const TranslatableText& text = *found->second;
        const auto list = [&](std::string_view why) {
            report.not_imported.push_back(fmt::format("{}:{}: {}: {}", po_name, entry.line, why, context));
        };
        if (entry.fuzzy)
            list("fuzzy, not imported");
        else if (entry.msgstr.empty())
            list("untranslated, not imported");
        else if (entry.msgid != text.source)
            list(fmt::format("the {} text changed since the export, not imported", set->reference));
        else {
            if (text.catalogue && text.key == kLanguageNameKey) language_named = true;
            if (text.translation != entry.msgstr) to_write.emplace_back(&text, entry.msgstr);
        }
    }

    // Where the language's catalogue already holds each key.
    std::error_code ec;
    const std::filesystem::path language_dir = set->catalogues / language;
    std::map<std::string, std::pair<std::filesystem::path, TomlPath>> existing;
    const std::vector<std::filesystem::path> language_files = ProbePath(language_dir).Missing()
                                                                  ? std::vector<std::filesystem::path>()
                                                                  : ListFiles(language_dir, ".toml", ec);
    Planner planner(diags);
    for (const std::filesystem::path& file : language_files)
        if (FilePlan* plan = planner.Open(file)) {
            TomlPath path;
            IndexCatalogue(plan->table, "", path, file, existing);
        }
    if (language_files.empty() && !language_named)
        diags.Error({po_name},
                    fmt::format("{}: {} has no catalogue yet, and its own name (shown in the language "
                                "picker) is not translated in this file: translate it first",
                                kLanguageNameKey, language));
    if (diags.ErrorCount() > errors_before) return std::nullopt;

    // The edits, file by file.
    std::set<std::filesystem::path> created;
    for (const auto& [text, translation] : to_write) {
        const std::string where = fmt::format("{}:{}", text->file.string(), text->line);
        bool placed = false;
        if (!text->catalogue) {
            FilePlan* plan = planner.Open(text->file);
            const toml::node* node = plan ? NodeAt(plan->table, text->path) : nullptr;
            if (const toml::table* table = node ? node->as_table() : nullptr) {
                const toml::node* current = table->get(language);
                placed = current ? planner.Replace(*plan, *current, translation)
                                 : planner.Insert(*plan, *table, language, translation);
                TomlPath check = text->path;
                check.push_back({language});
                plan->checks.emplace_back(check, translation);
            }
        } else if (auto it = existing.find(text->key); it != existing.end()) {
            FilePlan* plan = planner.Open(it->second.first);
            if (const toml::node* node = plan ? NodeAt(plan->table, it->second.second) : nullptr) {
                placed = planner.Replace(*plan, *node, translation);
                plan->checks.emplace_back(it->second.second, translation);
            }
        } else {
            const std::filesystem::path target = language_dir / text->file.filename();
            const bool exists = created.contains(target) || !ProbePath(target).Missing();
            FilePlan* plan = exists ? planner.Open(target) : planner.Open(target, text->file);
            if (plan && plan->create) {
                created.insert(target);
                placed = true; // written with the model's other texts below
            } else if (plan) {
                const TomlPath parent(text->path.begin(), text->path.end() - 1);
                const toml::node* node = parent.empty() ? &plan->table : NodeAt(plan->table, parent);
                const toml::table* table = node ? node->as_table() : nullptr;
                placed = table && planner.Insert(*plan, *table, text->path.back().key, translation);
                if (!placed && !parent.empty()) { // no such table yet, or one without a text to follow
                    plan->appended.emplace_back(TableHeader(parent), TomlKey(text->path.back().key) + " = " +
                                                                         TomlQuote(translation));
                    placed = true;
                }
            }
            if (plan) plan->checks.emplace_back(text->path, translation);
        }
        if (!placed)
            diags.Error({where}, fmt::format("{}: cannot find where to write its {} text; add it by hand",
                                             text->key, language));
        else
            report.texts_written++;
    }
    // New catalogue files: the French model, each text replaced by its translation or left out.
    std::map<std::string, std::string> translated_keys;
    for (const auto& [text, translation] : to_write)
        if (text->catalogue) translated_keys[text->key] = translation;
    for (const std::filesystem::path& target : created) {
        FilePlan& plan = planner.Files().at(target);
        for (const TranslatableText& text : set->texts) {
            if (!text.catalogue || text.file != plan.model) continue;
            const toml::node* node = NodeAt(plan.table, text.path);
            if (!node) continue;
            auto it = translated_keys.find(text.key);
            if (it != translated_keys.end())
                planner.Replace(plan, *node, it->second);
            else
                planner.RemoveLine(plan, *node);
        }
    }
    if (diags.ErrorCount() > errors_before) return std::nullopt;

    // Every edited file must parse and hold its new texts before any is written.
    std::vector<std::pair<std::filesystem::path, std::string>> outputs;
    for (auto& [path, plan] : planner.Files()) {
        if (!plan.appended.empty()) {
            std::string block = plan.text.empty() || plan.text.back() == '\n' ? "" : "\n";
            std::vector<std::string> headers;
            for (const auto& [header, line] : plan.appended)
                if (std::find(headers.begin(), headers.end(), header) == headers.end())
                    headers.push_back(header);
            for (const std::string& header : headers) {
                block += "\n[" + header + "]\n";
                for (const auto& [h, line] : plan.appended)
                    if (h == header) block += line + "\n";
            }
            plan.edits.push_back({plan.text.size(), 0, block});
        }
        if (plan.edits.empty()) continue;
        std::string text = ApplyEdits(plan.text, plan.edits);
        if (!plan.create && text == plan.text) continue;
        try {
            const toml::table table = toml::parse(text, path.string());
            for (const auto& [check, value] : plan.checks) {
                const toml::node* node = NodeAt(table, check);
                if (!node || !node->is_string() || node->as_string()->get() != value)
                    diags.Error({path.string()},
                                fmt::format("{}: the edited file would not hold the new text; nothing "
                                            "written (add it by hand)",
                                            PathText(check)));
            }
        } catch (const toml::parse_error& e) {
            diags.Error({path.string(), (int)e.source().begin.line, (int)e.source().begin.column},
                        fmt::format("the edited file would not be valid TOML ({}); nothing written (add the "
                                    "texts by hand)",
                                    e.description()));
        }
        outputs.emplace_back(path, std::move(text));
    }
    if (diags.ErrorCount() > errors_before) return std::nullopt;

    for (const auto& [path, text] : outputs) {
        struct stat status {};
        const mode_t mode = ::stat(path.c_str(), &status) == 0 ? (status.st_mode & 07777) : 0644;
        std::filesystem::create_directories(path.parent_path(), ec);
        std::string error;
        if (ec || !ReplaceFileDurably(path, text, mode, error)) {
            diags.Error({path.string()}, fmt::format("cannot write the file: {}", ec ? ec.message() : error));
            return std::nullopt;
        }
        report.files_written.push_back(path);
    }
    return report;
}

} // namespace kiosk
