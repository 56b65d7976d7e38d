// The report's words and numbers in one language: catalogue texts (assets/i18n/<lang>/
// report.toml) and numbers written the way that language prints them.
//
// French typography comes from the catalogue, not from code: report.typography.* holds
// the space put before ; : ! ? and inside « guillemets » (narrow no-break spaces in French,
// nothing in English), report.number.* the thousands and decimal separators ("12 345",
// "3,5"). Content texts (a phase's "we did", a survey title) are typeset with the same rules,
// since the people who write them type ordinary spaces.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "i18n/catalog.h"

namespace kiosk {

class ReportText {
public:
    ReportText(const Catalogs& catalogs, std::string language);

    const std::string& Language() const { return language_; }
    const Catalogs& Catalogues() const { return catalogs_; }

    // A catalogue text, typeset.
    std::string Tr(std::string_view key) const;
    // A catalogue pattern with named arguments (numbers already written by Int / Decimal),
    // typeset after formatting.
    template <typename... Args>
    std::string Format(std::string_view key, Args&&... args) const {
        return Typeset(catalogs_.Format(language_, key, std::forward<Args>(args)...));
    }

    // "12 345" (fr, U+202F) / "12,345" (en).
    std::string Int(int64_t value) const;
    // "3,5" / "3.5", with `decimals` digits after the separator.
    std::string Decimal(double value, int decimals) const;
    // A share 0..1 as "42 %" / "42%" (no decimal; "< 1 %" is written "0 %").
    std::string Percent(double share) const;

    // The language's spacing applied to `text`: an ordinary or no-break space before
    // ; : ! ? becomes the catalogue's, a space after « or before » too. Other text unchanged.
    std::string Typeset(std::string_view text) const;

private:
    const Catalogs& catalogs_;
    std::string language_;
    std::string before_punctuation_, before_colon_, inside_quotes_;
    std::string thousands_, decimal_;
};

} // namespace kiosk
