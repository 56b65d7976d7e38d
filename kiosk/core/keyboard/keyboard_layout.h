// KeyboardLayout: an on-screen keyboard described as data (assets/keyboards/<id>.toml).
//
// The kiosk has no physical keyboard: free-text and number answers are typed on screen.
// Which layout a language uses is named in its catalogue (assets/i18n/<code>/keyboard.toml:
// keyboard.text_layout, keyboard.number_layout), so a new language needs data, not code.
//
//     name = "AZERTY (français)"
//     [variants]                       # long press on a key offers these characters
//     e = ["é", "è", "ê", "ë"]
//     [[layer]]                        # the first layer is the one shown at first
//     id = "letters"
//     rows = [
//       ["a", "z", "e", "r", "t", "y", "u", "i", "o", "p"],
//       [{ action = "shift", width = 1.5 }, "w", "x", { action = "backspace", width = 1.5 }],
//       [{ action = "layer", to = "symbols", label = "?123", width = 2 }, { action = "space", width = 6 }],
//     ]
//
// A key is a string (it types that text; shift types its capital letters) or an inline table:
//   { char = "'", shifted = "\"", width = 1 }      a character with an explicit shifted form
//   { action = "shift" | "backspace" | "space" | "decimal" | "sign", width = 1.5 }
//   { action = "layer", to = "<layer id>", label = "?123" }
// `decimal` types the visitor's decimal separator (keyboard.decimal_separator in the
// catalogue), `sign` puts or removes a leading minus (number keypads). Widths are in key
// units; each row is centred. Every layer needs a backspace key.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace kiosk {

class Catalogs;

enum class KeyAction { Type, Shift, Backspace, Space, Layer, Decimal, Sign };

struct Key {
    KeyAction action = KeyAction::Type;
    std::string text;                  // Type: what the key types
    std::string shifted;               // Type: what it types with shift on
    std::vector<std::string> variants; // Type: offered on a long press, after `text` itself
    std::string label;                 // Layer: what the key shows
    std::string layer;                 // Layer: the layer it opens
    float width = 1.0f;                // in key units
};

struct KeyboardLayer {
    std::string id;
    std::vector<std::vector<Key>> rows;
};

struct KeyboardLayout {
    std::string id;   // the file name without ".toml"
    std::string name; // for staff and logs
    std::vector<KeyboardLayer> layers;

    // Index of the layer `id`, or -1.
    int LayerIndex(std::string_view layer_id) const;
    // The widest row of any layer, in key units, and the most rows of any layer: the
    // keyboard keeps one size whatever layer is shown.
    float MaxRowUnits() const;
    size_t MaxRows() const;
};

class KeyboardLayouts {
public:
    // Loads every *.toml of `dir`. A broken file is reported with its file:line:column and
    // left out. Returns false if the directory is missing or any file is broken.
    bool Load(const std::filesystem::path& dir, Diagnostics& diags);

    const KeyboardLayout* Find(std::string_view id) const;
    bool Empty() const { return layouts_.empty(); }

    // Every text a key can show or type (labels, characters, shifted forms, variants), for
    // the font's glyph ranges.
    void ForEachText(const std::function<void(std::string_view text)>& visit) const;

private:
    std::map<std::string, KeyboardLayout, std::less<>> layouts_;
};

// Catalogue keys naming each language's keyboards.
inline constexpr std::string_view kTextLayoutKey = "keyboard.text_layout";
inline constexpr std::string_view kNumberLayoutKey = "keyboard.number_layout";
inline constexpr std::string_view kDecimalSeparatorKey = "keyboard.decimal_separator";

// Checks that every language's catalogue names loaded layouts (an error naming the
// language's catalogue directory otherwise). Returns false on any error.
bool CheckKeyboardChoices(const Catalogs& catalogs, const KeyboardLayouts& layouts,
                          const std::filesystem::path& catalogue_dir, Diagnostics& diags);

} // namespace kiosk
