#include "keyboard/keyboard_model.h"

#include <cassert>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "text/letter_case.h"
#include "text/utf8.h"

namespace kiosk {

// [SECTION] Text

KeyboardModel::KeyboardModel(const KeyboardLayout& layout, KeyboardOptions options, std::string text)
    : layout_(&layout), options_(std::move(options)) {
    assert(!layout.layers.empty());
    SetText(std::move(text));
}

void KeyboardModel::SetText(std::string text) {
    if (options_.max_length > 0)
        while (CountCodePoints(text) > options_.max_length)
            PopBackCodePoint(text);
    text_ = std::move(text);
    assert(options_.max_length == 0 || Length() <= options_.max_length);
}

size_t KeyboardModel::Length() const {
    return CountCodePoints(text_);
}

bool KeyboardModel::Full() const {
    return options_.max_length > 0 && Length() >= options_.max_length;
}

bool KeyboardModel::Fits(const std::string& text) const {
    return options_.max_length == 0 || Length() + CountCodePoints(text) <= options_.max_length;
}

bool KeyboardModel::Type(const std::string& text) {
    if (text.empty() || !Fits(text)) return false;
    text_ += text;
    assert(options_.max_length == 0 || Length() <= options_.max_length);
    return true;
}

// [SECTION] Keys

std::string KeyboardModel::Output(const Key& key) const {
    switch (key.action) {
    case KeyAction::Type: return shift_ == ShiftState::Off ? key.text : key.shifted;
    case KeyAction::Space: return " ";
    case KeyAction::Decimal:
        // "," alone is not a number a visitor recognises: a leading separator becomes "0,".
        return (text_.empty() || text_ == "-") ? "0" + options_.decimal_separator
                                               : options_.decimal_separator;
    default: return "";
    }
}

std::string KeyboardModel::Label(const Key& key) const {
    switch (key.action) {
    case KeyAction::Type: return Output(key);
    case KeyAction::Layer: return key.label;
    case KeyAction::Decimal: return options_.decimal_separator;
    default: return "";
    }
}

bool KeyboardModel::Enabled(const Key& key) const {
    switch (key.action) {
    case KeyAction::Type:
    case KeyAction::Space: return Fits(Output(key));
    case KeyAction::Backspace: return !text_.empty();
    case KeyAction::Decimal:
        return options_.allow_decimal && text_.find(options_.decimal_separator) == std::string::npos &&
               Fits(Output(key));
    case KeyAction::Sign: return options_.allow_negative && (text_.starts_with('-') || Fits("-"));
    case KeyAction::Shift:
    case KeyAction::Layer: return true;
    }
    return true;
}

bool KeyboardModel::Press(const Key& key) {
    if (!Enabled(key)) return false;
    CloseVariants();
    switch (key.action) {
    case KeyAction::Type: {
        bool typed = Type(Output(key));
        if (typed && shift_ == ShiftState::Once) shift_ = ShiftState::Off;
        return typed;
    }
    case KeyAction::Space:
    case KeyAction::Decimal: return Type(Output(key));
    case KeyAction::Backspace: PopBackCodePoint(text_); return true;
    case KeyAction::Sign:
        if (text_.starts_with('-'))
            text_.erase(0, 1);
        else
            text_.insert(0, "-");
        return true;
    case KeyAction::Shift:
        shift_ = shift_ == ShiftState::Off    ? ShiftState::Once
                 : shift_ == ShiftState::Once ? ShiftState::Locked
                                              : ShiftState::Off;
        return false;
    case KeyAction::Layer:
        if (int index = layout_->LayerIndex(key.layer); index >= 0) layer_ = (size_t)index;
        assert(layer_ < layout_->layers.size());
        return false;
    }
    return false;
}

// [SECTION] Long-press variants

bool KeyboardModel::OpenVariants(const Key& key) {
    if (key.action != KeyAction::Type || key.variants.empty() || !Enabled(key)) return false;
    variant_key_ = &key;
    variant_highlight_ = 0;
    return true;
}

std::vector<std::string> KeyboardModel::VariantChoices() const {
    std::vector<std::string> choices;
    if (!variant_key_) return choices;
    const bool upper = shift_ != ShiftState::Off;
    choices.push_back(Output(*variant_key_));
    for (const std::string& variant : variant_key_->variants)
        choices.push_back(upper ? ToUpperLetters(variant) : variant);
    return choices;
}

void KeyboardModel::HighlightVariant(int index) {
    if (!variant_key_) return;
    variant_highlight_ = index >= 0 && index <= (int)variant_key_->variants.size() ? index : -1;
}

bool KeyboardModel::CommitVariant() {
    if (!variant_key_) return false;
    std::vector<std::string> choices = VariantChoices();
    const int index = variant_highlight_;
    CloseVariants();
    if (index < 0) return false;
    bool typed = Type(choices[(size_t)index]);
    if (typed && shift_ == ShiftState::Once) shift_ = ShiftState::Off;
    return typed;
}

void KeyboardModel::CloseVariants() {
    variant_key_ = nullptr;
    variant_highlight_ = -1;
}

// [SECTION] Numbers

std::optional<double> ParseTypedNumber(std::string_view text) {
    std::string normal(text);
    for (char& c : normal)
        if (c == ',') c = '.';
    if (normal.empty() || normal.back() == '.' ||
        normal.find_first_not_of("-.0123456789") != std::string::npos)
        return std::nullopt;
    double value = 0;
    const char* begin = normal.data();
    const char* end = normal.data() + normal.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::string FormatTypedNumber(double value, std::string_view decimal_separator, int decimals) {
    std::string text = fmt::format("{:.{}f}", value, decimals);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    if (auto dot = text.find('.'); dot != std::string::npos) text.replace(dot, 1, decimal_separator);
    return text;
}

} // namespace kiosk
