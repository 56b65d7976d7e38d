// TableReader: typed, position-aware reading of one TOML table.
//
// All the kiosk's data files are TOML. Their loaders read them through this class so that
// every problem is reported the same way: at the key's `file:line:column`, naming the full
// key (`idle.timeout_seconds`), and without stopping at the first problem. A missing
// optional key yields the default; a missing required key, a value of the wrong type or out
// of range is an error; Finish() reports every key the loader never asked for as unknown
// (a typo such as `timout_seconds` must not be silently ignored).
//
//     TableReader idle(root, "idle", file, diags);
//     cfg.timeout = idle.Int("timeout_seconds", 90, 5, 3600);
//     idle.Finish();
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "base/diagnostics.h"
#include "text/localized_text.h"

namespace kiosk {

enum class Need { Optional, Required };

// Parses a TOML file. On a syntax error (or an unreadable file) adds the error with its
// position to `diags` and returns nothing.
std::optional<toml::table> ParseTomlFile(const std::filesystem::path& file, Diagnostics& diags);

class TableReader {
public:
    // `key_path` is the dotted path of this table in the file ("" for the root); it prefixes
    // every message so the reader knows which key is meant.
    TableReader(const toml::table& table, std::string key_path, std::string file, Diagnostics& diags);

    // Reader for the sub-table `key` of `parent`; an empty table when absent (an error when
    // required), so callers can read defaults without special cases.
    static TableReader Sub(TableReader& parent, std::string_view key, Need need = Need::Optional);

    bool Has(std::string_view key) const { return table_->contains(key); }
    // False for the empty stand-in Sub() returns when the table is absent.
    bool Present() const { return present_; }

    std::optional<std::string> String(std::string_view key, Need need = Need::Optional);
    std::string String(std::string_view key, std::string_view fallback);
    std::optional<int64_t> Int(std::string_view key, int64_t min, int64_t max, Need need = Need::Optional);
    int64_t Int(std::string_view key, int64_t fallback, int64_t min, int64_t max);
    std::optional<double> Float(std::string_view key, double min, double max, Need need = Need::Optional);
    double Float(std::string_view key, double fallback, double min, double max);
    bool Bool(std::string_view key, bool fallback);
    std::optional<toml::date> Date(std::string_view key, Need need = Need::Optional);

    // One of `choices`; anything else is an error listing the accepted values.
    std::string Choice(std::string_view key, std::initializer_list<std::string_view> choices,
                       std::string_view fallback);
    std::vector<std::string> StringArray(std::string_view key, Need need = Need::Optional);

    // A path, resolved relative to the directory of the file being read.
    std::optional<std::filesystem::path> Path(std::string_view key, Need need = Need::Optional);

    // Text per language: `key = { fr = "...", en = "..." }` (or a sub-table). A language of
    // `languages` that is missing is an error when `all_required`, else a warning; a
    // variant's text (`fr-x-falc = "..."`) is never required.
    // A plain string (`key = "..."`) is accepted as the same text in every language only
    // when `allow_plain` (for proper nouns such as place names).
    LocalizedText Localized(std::string_view key, const Languages& languages, Need need,
                            bool all_required = true, bool allow_plain = false);

    // The raw node of `key` (marked as read), for shapes the typed accessors do not cover.
    const toml::node* Node(std::string_view key) { return Find(key); }

    // Array of tables (`[[phase]]`): one reader per element; elements that are not tables
    // are reported.
    std::vector<TableReader> TableArray(std::string_view key, Need need = Need::Optional);

    // Position of `key` in the file (the key itself), or of this table when absent.
    SourcePos Where(std::string_view key) const;
    SourcePos Where() const;
    // Full dotted name of `key` ("idle.timeout_seconds").
    std::string KeyName(std::string_view key) const;

    void Error(std::string_view key, std::string_view message);
    void Warning(std::string_view key, std::string_view message);

    // Reports keys present in the table that nothing read.
    void Finish();

    const toml::table& Table() const { return *table_; }
    const std::string& File() const { return file_; }
    Diagnostics& Diags() const { return *diags_; }

private:
    const toml::node* Find(std::string_view key);
    void TypeError(std::string_view key, std::string_view expected, const toml::node& got);

    const toml::table* table_;
    std::string key_path_;
    std::string file_;
    Diagnostics* diags_;
    std::set<std::string, std::less<>> read_keys_;
    bool present_ = true;
};

// TOML type name for messages ("a string", "an integer", ...).
std::string_view TomlTypeName(const toml::node& node);

} // namespace kiosk
