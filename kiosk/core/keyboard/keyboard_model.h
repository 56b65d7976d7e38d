// KeyboardModel: the typing state of one on-screen keyboard — its text, the layer shown,
// shift, the long-press variant popup, the length limit.
//
// Pure C++ (no ImGui): the widget (ui/keyboard_widget.h) draws the current layer and hands
// taps and long presses to this model, so that every rule is tested without a screen:
//   - shift: one tap capitalises the next character, a second tap locks capitals, a third
//     releases them;
//   - the layer shown stays until the visitor switches (a "?123" key, an "ABC" key);
//   - a long press on a key with variants opens them (the key's own character first, then
//     é è ê ë…); the finger slides to one and lifts to type it, or lifts off the popup to
//     type nothing;
//   - the text never exceeds `max_length` code points; backspace removes one code point;
//   - the space key types U+0020: the visitor's text is kept exactly as typed (French
//     typography's narrow no-break space is not inserted behind their back);
//   - number keypads: `decimal` types the language's separator once (a leading one becomes
//     "0,"), `sign` toggles a leading "-".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "keyboard/keyboard_layout.h"

namespace kiosk {

enum class ShiftState { Off, Once, Locked };

struct KeyboardOptions {
    size_t max_length = 0;               // in code points; 0: no limit
    std::string decimal_separator = ","; // what the `decimal` key types ("," or ".")
    bool allow_decimal = true;           // number keypads: `decimal` is disabled when false
    bool allow_negative = true;          // number keypads: `sign` is disabled when false
};

class KeyboardModel {
public:
    KeyboardModel() = default;
    // `layout` must outlive the model (layouts live in KioskData). `text` is clamped to
    // the maximum length.
    KeyboardModel(const KeyboardLayout& layout, KeyboardOptions options, std::string text = {});

    bool Valid() const { return layout_ != nullptr; }
    const KeyboardLayout& Layout() const { return *layout_; }
    const KeyboardOptions& Options() const { return options_; }
    const KeyboardLayer& CurrentLayer() const { return layout_->layers[layer_]; }
    size_t LayerIndex() const { return layer_; }
    ShiftState Shift() const { return shift_; }

    const std::string& Text() const { return text_; }
    // Replaces the text (clamped to the maximum length, on a code point boundary).
    void SetText(std::string text);
    size_t Length() const; // code points
    bool Full() const;

    // What a tap on `key` types now, shift applied ("" for keys that type nothing).
    std::string Output(const Key& key) const;
    // What `key` shows: its output for character keys, its label for layer keys, the
    // decimal separator, or "" for keys the widget draws as a pictogram or a catalogue word.
    std::string Label(const Key& key) const;
    // False when the key would do nothing (text full, nothing to erase, decimal disallowed…).
    bool Enabled(const Key& key) const;

    // A tap on `key`. Returns true if the text changed.
    bool Press(const Key& key);

    // Long press on `key`: opens its variants, the key's own character highlighted. Returns
    // false (nothing opens) for keys without variants or disabled keys.
    bool OpenVariants(const Key& key);
    bool VariantsOpen() const { return variant_key_ != nullptr; }
    // The characters offered, shift applied: the key's own first, then its variants.
    std::vector<std::string> VariantChoices() const;
    // The finger is over choice `index` (-1: over none, lifting then types nothing).
    void HighlightVariant(int index);
    int HighlightedVariant() const { return variant_highlight_; }
    // The finger lifted: types the highlighted choice, if any, and closes. Returns true if
    // the text changed.
    bool CommitVariant();
    void CloseVariants();

private:
    bool Type(const std::string& text);
    bool Fits(const std::string& text) const;

    const KeyboardLayout* layout_ = nullptr;
    KeyboardOptions options_;
    std::string text_;
    size_t layer_ = 0;
    ShiftState shift_ = ShiftState::Off;
    const Key* variant_key_ = nullptr;
    int variant_highlight_ = -1;
};

// A number typed on a keypad ("-12", "3,5", "0.25"): either separator is accepted. Returns
// nothing for text that is not a complete number ("", "-", "1,").
std::optional<double> ParseTypedNumber(std::string_view text);
// `value` as a visitor of that language writes it: "3,5" with a comma separator, no
// trailing zeros, at most `decimals` decimals.
std::string FormatTypedNumber(double value, std::string_view decimal_separator, int decimals = 6);

} // namespace kiosk
