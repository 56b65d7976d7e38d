#include "keyboard/keyboard_layout.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "base/path_probe.h"
#include "config/toml_reader.h"
#include "i18n/catalog.h"
#include "text/letter_case.h"
#include "text/utf8.h"

namespace kiosk {

// [SECTION] KeyboardLayout

int KeyboardLayout::LayerIndex(std::string_view layer_id) const {
    for (size_t i = 0; i < layers.size(); i++)
        if (layers[i].id == layer_id) return (int)i;
    return -1;
}

float KeyboardLayout::MaxRowUnits() const {
    float widest = 0;
    for (const KeyboardLayer& layer : layers)
        for (const auto& row : layer.rows) {
            float units = 0;
            for (const Key& key : row)
                units += key.width;
            widest = std::max(widest, units);
        }
    return widest;
}

size_t KeyboardLayout::MaxRows() const {
    size_t rows = 0;
    for (const KeyboardLayer& layer : layers)
        rows = std::max(rows, layer.rows.size());
    return rows;
}

// [SECTION] Loading

namespace {

constexpr size_t kMaxKeyCodePoints = 8; // ".fr", "www." fit; a sentence does not
constexpr double kMinKeyWidth = 0.5, kMaxKeyWidth = 12.0;

SourcePos PosOf(const toml::node& node, const std::string& file) {
    const auto& begin = node.source().begin;
    return {file, (int)begin.line, (int)begin.column};
}

// A key's text: clean UTF-8, one to a few characters.
bool CheckKeyText(std::string_view text, std::string& why) {
    if (text.empty() || !IsCleanText(text) || text.find('\n') != std::string_view::npos ||
        text.find('\t') != std::string_view::npos) {
        why = "must be printable text";
        return false;
    }
    if (CountCodePoints(text) > kMaxKeyCodePoints) {
        why = fmt::format("is longer than {} characters", kMaxKeyCodePoints);
        return false;
    }
    return true;
}

class LayoutLoader {
public:
    LayoutLoader(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

    std::optional<KeyboardLayout> Load(const toml::table& root_table, std::string id) {
        const int errors_before = diags_.ErrorCount();
        TableReader root(root_table, "", file_, diags_);
        KeyboardLayout layout;
        layout.id = std::move(id);
        layout.name = root.String("name", Need::Required).value_or("");

        std::map<std::string, std::vector<std::string>, std::less<>> variants = ReadVariants(root);
        std::set<std::string, std::less<>> layer_ids;
        std::vector<TableReader> layers = root.TableArray("layer", Need::Required);
        for (size_t i = 0; i < layers.size(); i++) {
            TableReader& reader = layers[i];
            KeyboardLayer layer;
            layer.id = reader.String("id", Need::Required).value_or("");
            if (!layer.id.empty() && !layer_ids.insert(layer.id).second)
                reader.Error("id", fmt::format("a layer \"{}\" is already defined", layer.id));
            ReadRows(reader, layer);
            reader.Finish();
            layout.layers.push_back(std::move(layer));
        }
        root.Finish();
        if (root.Has("layer") && layers.empty()) root.Error("layer", "at least one layer is required");

        for (KeyboardLayer& layer : layout.layers)
            for (auto& row : layer.rows)
                for (Key& key : row)
                    if (key.action == KeyAction::Type)
                        if (auto it = variants.find(key.text); it != variants.end())
                            key.variants = it->second;
        CheckLayerLinks(layout, layers);
        if (diags_.ErrorCount() != errors_before) return std::nullopt;
        return layout;
    }

private:
    std::map<std::string, std::vector<std::string>, std::less<>> ReadVariants(TableReader& root) {
        std::map<std::string, std::vector<std::string>, std::less<>> out;
        TableReader table = TableReader::Sub(root, "variants");
        for (const auto& [key, node] : table.Table()) {
            std::string base(key.str());
            std::vector<std::string> list = table.StringArray(base, Need::Required);
            std::string why;
            if (!CheckKeyText(base, why)) table.Error(base, fmt::format("the key {}", why));
            for (const std::string& variant : list)
                if (!CheckKeyText(variant, why)) table.Error(base, fmt::format("\"{}\" {}", variant, why));
            if (list.empty() && node.is_array()) table.Error(base, "give at least one variant");
            out[base] = std::move(list);
        }
        table.Finish();
        return out;
    }

    void ReadRows(TableReader& reader, KeyboardLayer& layer) {
        const toml::node* rows = reader.Node("rows");
        if (!rows) {
            reader.Error("rows", "this key is required");
            return;
        }
        const toml::array* array = rows->as_array();
        if (!array || array->empty()) {
            reader.Error("rows", "expected a non-empty array of rows (arrays of keys)");
            return;
        }
        bool has_backspace = false;
        for (size_t r = 0; r < array->size(); r++) {
            const toml::node& row_node = *array->get(r);
            const toml::array* row = row_node.as_array();
            const std::string row_name = fmt::format("{}[{}]", reader.KeyName("rows"), r);
            if (!row || row->empty()) {
                diags_.Error(PosOf(row_node, file_),
                             fmt::format("{}: expected a non-empty array of keys", row_name));
                continue;
            }
            std::vector<Key> keys;
            for (size_t k = 0; k < row->size(); k++) {
                std::optional<Key> key = ReadKey(*row->get(k), fmt::format("{}[{}]", row_name, k));
                if (!key) continue;
                has_backspace = has_backspace || key->action == KeyAction::Backspace;
                keys.push_back(std::move(*key));
            }
            layer.rows.push_back(std::move(keys));
        }
        if (!has_backspace)
            reader.Error("rows", "every layer needs a backspace key ({ action = \"backspace\" })");
    }

    std::optional<Key> ReadKey(const toml::node& node, const std::string& name) {
        Key key;
        std::string why;
        if (const auto* text = node.as_string()) {
            key.text = text->get();
            if (!CheckKeyText(key.text, why)) {
                diags_.Error(PosOf(node, file_), fmt::format("{}: the key \"{}\" {}", name, key.text, why));
                return std::nullopt;
            }
            key.shifted = ToUpperLetters(key.text);
            return key;
        }
        const toml::table* table = node.as_table();
        if (!table) {
            diags_.Error(PosOf(node, file_),
                         fmt::format("{}: expected a key (a string or an inline table), found {}", name,
                                     TomlTypeName(node)));
            return std::nullopt;
        }
        // "name.": KeyName("x") then reads "layer.rows[1][2].x".
        TableReader reader(*table, name, file_, diags_);
        const int errors_before = diags_.ErrorCount();
        key.width = (float)reader.Float("width", 1.0, kMinKeyWidth, kMaxKeyWidth);
        if (reader.Has("char") && reader.Has("action")) {
            reader.Node("action"); // reported here, not again as an unknown key
            reader.Error("action", "give either `char` or `action`, not both");
        }
        if (reader.Has("char")) {
            key.text = reader.String("char", Need::Required).value_or("");
            if (!CheckKeyText(key.text, why)) reader.Error("char", why);
            key.shifted = reader.String("shifted", ToUpperLetters(key.text));
            if (!CheckKeyText(key.shifted, why)) reader.Error("shifted", why);
        } else {
            std::string action =
                reader.Choice("action", {"shift", "backspace", "space", "layer", "decimal", "sign"}, "");
            if (!reader.Has("action")) reader.Error("action", "give either `char` or `action`");
            if (action == "shift") key.action = KeyAction::Shift;
            if (action == "backspace") key.action = KeyAction::Backspace;
            if (action == "space") key.action = KeyAction::Space;
            if (action == "decimal") key.action = KeyAction::Decimal;
            if (action == "sign") key.action = KeyAction::Sign;
            if (action == "layer") {
                key.action = KeyAction::Layer;
                key.layer = reader.String("to", Need::Required).value_or("");
                key.label = reader.String("label", Need::Required).value_or("");
                if (reader.Has("label") && !CheckKeyText(key.label, why)) reader.Error("label", why);
            }
        }
        reader.Finish();
        if (diags_.ErrorCount() != errors_before) return std::nullopt;
        return key;
    }

    void CheckLayerLinks(const KeyboardLayout& layout, std::vector<TableReader>& readers) {
        for (size_t i = 0; i < layout.layers.size(); i++)
            for (const auto& row : layout.layers[i].rows)
                for (const Key& key : row)
                    if (key.action == KeyAction::Layer && layout.LayerIndex(key.layer) < 0)
                        readers[i].Error(
                            "rows",
                            fmt::format("a key opens the layer \"{}\", which is not defined", key.layer));
    }

    std::string file_;
    Diagnostics& diags_;
};

} // namespace

bool KeyboardLayouts::Load(const std::filesystem::path& dir, Diagnostics& diags) {
    layouts_.clear();
    std::error_code ec;
    const std::vector<std::filesystem::path> files = ListFiles(dir, ".toml", ec);
    if (ec) {
        diags.Error({dir.string()}, fmt::format("cannot list the keyboard layouts: {}", ec.message()));
        return false;
    }
    if (files.empty()) {
        diags.Error({dir.string()}, "no keyboard layout here (expected <id>.toml files)");
        return false;
    }
    bool ok = true;
    for (const std::filesystem::path& file : files) {
        std::optional<toml::table> table = ParseTomlFile(file, diags);
        if (!table) {
            ok = false;
            continue;
        }
        std::optional<KeyboardLayout> layout =
            LayoutLoader(file.string(), diags).Load(*table, file.stem().string());
        if (!layout) {
            ok = false;
            continue;
        }
        layouts_.emplace(layout->id, std::move(*layout));
    }
    return ok;
}

const KeyboardLayout* KeyboardLayouts::Find(std::string_view id) const {
    auto it = layouts_.find(id);
    return it == layouts_.end() ? nullptr : &it->second;
}

void KeyboardLayouts::ForEachText(const std::function<void(std::string_view)>& visit) const {
    for (const auto& [id, layout] : layouts_) {
        visit(layout.name);
        for (const KeyboardLayer& layer : layout.layers)
            for (const auto& row : layer.rows)
                for (const Key& key : row) {
                    visit(key.text);
                    visit(key.shifted);
                    visit(key.label);
                    for (const std::string& variant : key.variants) {
                        visit(variant);
                        visit(ToUpperLetters(variant));
                    }
                }
    }
}

// [SECTION] Per-language choice

bool CheckKeyboardChoices(const Catalogs& catalogs, const KeyboardLayouts& layouts,
                          const std::filesystem::path& catalogue_dir, Diagnostics& diags) {
    bool ok = true;
    for (const std::string& language : catalogs.Languages()) {
        for (std::string_view key : {kTextLayoutKey, kNumberLayoutKey, kDecimalSeparatorKey}) {
            const std::string where = (catalogue_dir / language).string();
            if (!catalogs.HasKey(language, key)) {
                // A language may leave these out and use the reference language's keyboards.
                if (language != catalogs.ReferenceLanguage()) continue;
                diags.Error({where}, fmt::format("{}: this key is required", key));
                ok = false;
                continue;
            }
            const std::string& value = catalogs.Text(language, key);
            if (key == kDecimalSeparatorKey) {
                if (value != "," && value != ".") {
                    diags.Error({where},
                                fmt::format("{}: must be \",\" or \".\" (found \"{}\")", key, value));
                    ok = false;
                }
            } else if (!layouts.Find(value)) {
                diags.Error({where}, fmt::format("{}: no keyboard layout \"{}\" (assets/keyboards/{}.toml)",
                                                 key, value, value));
                ok = false;
            }
        }
    }
    return ok;
}

} // namespace kiosk
