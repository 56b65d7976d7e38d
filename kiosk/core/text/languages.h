// Languages: the kiosk's configured language codes (the first is the default), and which of
// them are variants of another.
//
// A variant ("fr-x-falc", easy-to-read French) is offered to visitors like any language but
// is partial by design: a text it does not give is shown in the language it is a variant of,
// and only then in the default language. Content files therefore never need a variant's
// text, and a variant's catalogue holds only what it rewrites. Which language a variant
// belongs to is data: `[language] variant_of = "fr"` in its catalogue (i18n/language_variants.h
// reads it; docs/translations.md).
//
// A vector of codes so that everything that lists or searches the languages keeps doing so;
// built implicitly from a plain list, which then has no variants.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

class Languages : public std::vector<std::string> {
public:
    Languages() = default;
    Languages(std::vector<std::string> codes) : std::vector<std::string>(std::move(codes)) {}
    Languages(std::initializer_list<std::string> codes) : std::vector<std::string>(codes) {}

    // Records that `variant` is a variant of `base` (both among the codes).
    void SetVariant(std::string variant, std::string base) {
        variant_of_[std::move(variant)] = std::move(base);
    }
    // The language `code` is a variant of, or "" when it is not a variant.
    std::string_view VariantOf(std::string_view code) const;
    bool IsVariant(std::string_view code) const { return !VariantOf(code).empty(); }
    // The language whose rules (number format, keyboard, staff screens) `code` follows:
    // its base for a variant, else itself.
    std::string_view Base(std::string_view code) const;
    const std::string& Default() const { return front(); }

private:
    std::map<std::string, std::string, std::less<>> variant_of_;
};

} // namespace kiosk
