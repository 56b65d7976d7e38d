#include "config/toml_reader.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "config/toml_nesting.h"

namespace kiosk {

std::optional<toml::table> ParseTomlFile(const std::filesystem::path& file, Diagnostics& diags) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        diags.Error({file.string()}, "cannot open the file for reading");
        return std::nullopt;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    // Before toml++: it recurses once per level and a deep enough file overflows the stack.
    if (std::optional<NestingExcess> excess = FindExcessiveNesting(text)) {
        diags.Error({file.string(), excess->line, excess->column},
                    excess->glued
                        ? std::string("TOML syntax: a string, array or table glued to the value or key "
                                      "before it; they start after '=', '[', ',' or '{'")
                    : excess->non_ascii
                        ? std::string("TOML syntax: a character other than ASCII outside quotes; a key with "
                                      "accents must be quoted (\"clé\" = …)")
                        : fmt::format("TOML nesting: keys, tables and arrays nest more than {} levels deep "
                                      "here; the file is refused",
                                      kMaxTomlNesting));
        return std::nullopt;
    }
    try {
        return toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        diags.Error({file.string(), (int)e.source().begin.line, (int)e.source().begin.column},
                    fmt::format("TOML syntax: {}", e.description()));
        return std::nullopt;
    }
}

std::string_view TomlTypeName(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true or false";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "nothing";
    }
}

namespace {
const toml::table& EmptyTable() {
    static const toml::table empty;
    return empty;
}
} // namespace

TableReader::TableReader(const toml::table& table, std::string key_path, std::string file, Diagnostics& diags)
    : table_(&table), key_path_(std::move(key_path)), file_(std::move(file)), diags_(&diags) {}

TableReader TableReader::Sub(TableReader& parent, std::string_view key, Need need) {
    const toml::node* node = parent.Find(key);
    if (node && node->is_table())
        return TableReader(*node->as_table(), parent.KeyName(key), parent.file_, *parent.diags_);
    if (node)
        parent.TypeError(key, "a table", *node);
    else if (need == Need::Required)
        parent.Error(key, "this table is required");
    TableReader absent(EmptyTable(), parent.KeyName(key), parent.file_, *parent.diags_);
    absent.present_ = false;
    return absent;
}

const toml::node* TableReader::Find(std::string_view key) {
    read_keys_.emplace(key);
    return table_->get(key);
}

std::string TableReader::KeyName(std::string_view key) const {
    return key_path_.empty() ? std::string(key) : fmt::format("{}.{}", key_path_, key);
}

SourcePos TableReader::Where() const {
    const auto& begin = table_->source().begin;
    return {file_, (int)begin.line, (int)begin.column};
}

SourcePos TableReader::Where(std::string_view key) const {
    auto it = table_->find(key);
    if (it == table_->end()) // a missing key: the table's place, except the root's (none useful)
        return key_path_.empty() ? SourcePos{file_} : Where();
    const auto& begin = it->first.source().begin;
    if (begin.line == 0) {
        const auto& value_begin = it->second.source().begin;
        return {file_, (int)value_begin.line, (int)value_begin.column};
    }
    return {file_, (int)begin.line, (int)begin.column};
}

void TableReader::Error(std::string_view key, std::string_view message) {
    diags_->Error(Where(key), fmt::format("{}: {}", KeyName(key), message));
}

void TableReader::Warning(std::string_view key, std::string_view message) {
    diags_->Warning(Where(key), fmt::format("{}: {}", KeyName(key), message));
}

void TableReader::TypeError(std::string_view key, std::string_view expected, const toml::node& got) {
    Error(key, fmt::format("expected {}, found {}", expected, TomlTypeName(got)));
}

std::optional<std::string> TableReader::String(std::string_view key, Need need) {
    const toml::node* node = Find(key);
    if (!node) {
        if (need == Need::Required) Error(key, "this key is required");
        return std::nullopt;
    }
    if (!node->is_string()) {
        TypeError(key, "a string", *node);
        return std::nullopt;
    }
    return node->as_string()->get();
}

std::string TableReader::String(std::string_view key, std::string_view fallback) {
    return String(key, Need::Optional).value_or(std::string(fallback));
}

std::optional<int64_t> TableReader::Int(std::string_view key, int64_t min, int64_t max, Need need) {
    const toml::node* node = Find(key);
    if (!node) {
        if (need == Need::Required) Error(key, "this key is required");
        return std::nullopt;
    }
    if (!node->is_integer()) {
        TypeError(key, "an integer", *node);
        return std::nullopt;
    }
    int64_t value = node->as_integer()->get();
    if (value < min || value > max) {
        Error(key, fmt::format("must be between {} and {} (found {})", min, max, value));
        return std::nullopt;
    }
    return value;
}

int64_t TableReader::Int(std::string_view key, int64_t fallback, int64_t min, int64_t max) {
    return Int(key, min, max, Need::Optional).value_or(fallback);
}

std::optional<double> TableReader::Float(std::string_view key, double min, double max, Need need) {
    const toml::node* node = Find(key);
    if (!node) {
        if (need == Need::Required) Error(key, "this key is required");
        return std::nullopt;
    }
    double value;
    if (node->is_floating_point())
        value = node->as_floating_point()->get();
    else if (node->is_integer())
        value = (double)node->as_integer()->get();
    else {
        TypeError(key, "a number", *node);
        return std::nullopt;
    }
    if (!std::isfinite(value) || value < min || value > max) {
        Error(key, fmt::format("must be between {} and {} (found {})", min, max, value));
        return std::nullopt;
    }
    return value;
}

double TableReader::Float(std::string_view key, double fallback, double min, double max) {
    return Float(key, min, max, Need::Optional).value_or(fallback);
}

bool TableReader::Bool(std::string_view key, bool fallback) {
    const toml::node* node = Find(key);
    if (!node) return fallback;
    if (!node->is_boolean()) {
        TypeError(key, "true or false", *node);
        return fallback;
    }
    return node->as_boolean()->get();
}

std::optional<toml::date> TableReader::Date(std::string_view key, Need need) {
    const toml::node* node = Find(key);
    if (!node) {
        if (need == Need::Required) Error(key, "this key is required");
        return std::nullopt;
    }
    if (!node->is_date()) {
        TypeError(key, "a date such as 2026-05-14", *node);
        return std::nullopt;
    }
    return node->as_date()->get();
}

std::string TableReader::Choice(std::string_view key, std::initializer_list<std::string_view> choices,
                                std::string_view fallback) {
    std::optional<std::string> value = String(key);
    if (!value) return std::string(fallback);
    for (std::string_view choice : choices)
        if (*value == choice) return *value;
    std::string accepted;
    for (std::string_view choice : choices)
        accepted += fmt::format("{}\"{}\"", accepted.empty() ? "" : ", ", choice);
    Error(key, fmt::format("\"{}\" is not one of {}", *value, accepted));
    return std::string(fallback);
}

std::vector<std::string> TableReader::StringArray(std::string_view key, Need need) {
    std::vector<std::string> out;
    const toml::node* node = Find(key);
    if (!node) {
        if (need == Need::Required) Error(key, "this key is required");
        return out;
    }
    const toml::array* array = node->as_array();
    if (!array) {
        TypeError(key, "an array of strings", *node);
        return out;
    }
    for (size_t i = 0; i < array->size(); i++) {
        const toml::node& element = *array->get(i);
        if (!element.is_string()) {
            const auto& begin = element.source().begin;
            diags_->Error(
                {file_, (int)begin.line, (int)begin.column},
                fmt::format("{}[{}]: expected a string, found {}", KeyName(key), i, TomlTypeName(element)));
            continue;
        }
        out.push_back(element.as_string()->get());
    }
    return out;
}

std::optional<std::filesystem::path> TableReader::Path(std::string_view key, Need need) {
    std::optional<std::string> value = String(key, need);
    if (!value) return std::nullopt;
    if (value->empty()) {
        Error(key, "the path is empty");
        return std::nullopt;
    }
    std::filesystem::path path(*value);
    if (path.is_relative()) path = std::filesystem::path(file_).parent_path() / path;
    return path.lexically_normal();
}

LocalizedText TableReader::Localized(std::string_view key, const Languages& languages, Need need,
                                     bool all_required, bool allow_plain) {
    LocalizedText text;
    const toml::node* node = Find(key);
    if (!node) {
        if (need == Need::Required) Error(key, "this key is required");
        return text;
    }
    if (node->is_string() && allow_plain) {
        for (const std::string& language : languages)
            text.Set(language, node->as_string()->get());
        return text;
    }
    const toml::table* table = node->as_table();
    if (!table) {
        TypeError(key, "a text per language, such as { fr = \"…\", en = \"…\" }", *node);
        return text;
    }
    TableReader by_language(*table, KeyName(key), file_, *diags_);
    for (const std::string& language : languages) {
        if (std::optional<std::string> value = by_language.String(language)) text.Set(language, *value);
        // A variant (easy-to-read French) is partial by design: where it gives no text, the
        // language it is a variant of is shown, so its absence is not a defect.
        else if (!by_language.Has(language) && !languages.IsVariant(language)) {
            std::string message = fmt::format("the \"{}\" translation is missing", language);
            all_required ? Error(key, message) : Warning(key, message);
        }
    }
    // Texts in languages the kiosk is not configured for are kept but flagged: usually a
    // typo ("eng") that would otherwise hide a missing translation.
    for (const auto& [language, value] : *table) {
        if (!by_language.read_keys_.contains(language.str())) {
            by_language.read_keys_.emplace(language.str());
            by_language.Warning(language.str(),
                                "this language is not in kiosk.languages; the text is unused");
        }
    }
    return text;
}

std::vector<TableReader> TableReader::TableArray(std::string_view key, Need need) {
    std::vector<TableReader> out;
    const toml::node* node = Find(key);
    if (!node) {
        if (need == Need::Required) Error(key, "at least one entry is required");
        return out;
    }
    const toml::array* array = node->as_array();
    if (!array) {
        TypeError(key, fmt::format("an array of tables ([[{}]])", key), *node);
        return out;
    }
    for (size_t i = 0; i < array->size(); i++) {
        const toml::node& element = *array->get(i);
        if (const toml::table* table = element.as_table()) {
            out.emplace_back(*table, fmt::format("{}[{}]", KeyName(key), i), file_, *diags_);
        } else {
            const auto& begin = element.source().begin;
            diags_->Error(
                {file_, (int)begin.line, (int)begin.column},
                fmt::format("{}[{}]: expected a table, found {}", KeyName(key), i, TomlTypeName(element)));
        }
    }
    return out;
}

void TableReader::Finish() {
    for (const auto& [key, value] : *table_) {
        if (read_keys_.contains(key.str())) continue;
        const auto& begin = key.source().begin;
        diags_->Error({file_, (int)begin.line, (int)begin.column},
                      fmt::format("{}: unknown key", KeyName(key.str())));
    }
}

} // namespace kiosk
