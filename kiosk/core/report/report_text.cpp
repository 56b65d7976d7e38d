#include "report/report_text.h"

#include <cmath>

#include <fmt/format.h>

namespace kiosk {

namespace {

const std::string kNoBreakSpace = "\u00A0";
const std::string kNarrowNoBreakSpace = "\u202F";

// Length of the space character at the end of `text` (ordinary, no-break or narrow
// no-break), 0 when it ends otherwise.
size_t TrailingSpace(const std::string& text) {
    if (!text.empty() && text.back() == ' ') return 1;
    for (const std::string* space : {&kNoBreakSpace, &kNarrowNoBreakSpace})
        if (text.size() >= space->size() &&
            text.compare(text.size() - space->size(), space->size(), *space) == 0)
            return space->size();
    return 0;
}

// Length of the space character at `at` in `text`, 0 when there is none.
size_t SpaceAt(std::string_view text, size_t at) {
    if (at < text.size() && text[at] == ' ') return 1;
    for (const std::string* space : {&kNoBreakSpace, &kNarrowNoBreakSpace})
        if (text.substr(at, space->size()) == *space) return space->size();
    return 0;
}

} // namespace

ReportText::ReportText(const Catalogs& catalogs, std::string language)
    : catalogs_(catalogs), language_(std::move(language)) {
    before_punctuation_ = catalogs_.Text(language_, "report.typography.before_punctuation");
    before_colon_ = catalogs_.Text(language_, "report.typography.before_colon");
    inside_quotes_ = catalogs_.Text(language_, "report.typography.inside_quotes");
    thousands_ = catalogs_.Text(language_, "report.number.thousands_separator");
    decimal_ = catalogs_.Text(language_, "report.number.decimal_separator");
    if (decimal_.empty()) decimal_ = ".";
}

std::string ReportText::Tr(std::string_view key) const {
    return Typeset(catalogs_.Text(language_, key));
}

std::string ReportText::Int(int64_t value) const {
    const std::string digits = std::to_string(value < 0 ? -(value + 1) + 1ULL : uint64_t(value));
    std::string out = value < 0 ? "−" : "";
    for (size_t i = 0; i < digits.size(); i++) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += thousands_;
        out += digits[i];
    }
    return out;
}

std::string ReportText::Decimal(double value, int decimals) const {
    if (!std::isfinite(value)) return "–";
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    const int64_t whole = static_cast<int64_t>(std::trunc(std::fabs(rounded)));
    std::string out = (rounded < 0 ? "−" : "") + Int(whole);
    if (decimals > 0) {
        const int64_t fraction = static_cast<int64_t>(std::llround((std::fabs(rounded) - whole) * scale));
        out += decimal_ + fmt::format("{:0{}}", fraction, decimals);
    }
    return out;
}

std::string ReportText::Percent(double share) const {
    return catalogs_.Format(language_, "report.number.percent",
                            fmt::arg("value", Int(static_cast<int64_t>(std::llround(share * 100)))));
}

std::string ReportText::Typeset(std::string_view text) const {
    std::string out;
    out.reserve(text.size() + 8);
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        const bool high = c == ';' || c == '!' || c == '?';
        if ((high || c == ':') && !out.empty()) {
            // Only a space already there is replaced: "10:30", "https://" and "?!" stay as they are.
            const std::string& wanted = high ? before_punctuation_ : before_colon_;
            if (const size_t n = TrailingSpace(out)) {
                out.resize(out.size() - n);
                out += wanted.empty() ? " " : wanted;
            }
            out += c;
            i++;
            continue;
        }
        if (text.compare(i, 2, "«") == 0) { // U+00AB, two bytes
            out += "«";
            i += 2;
            if (size_t n = SpaceAt(text, i)) {
                out += inside_quotes_.empty() ? " " : inside_quotes_;
                i += n;
            }
            continue;
        }
        if (text.compare(i, 2, "»") == 0) {
            if (const size_t n = TrailingSpace(out)) {
                out.resize(out.size() - n);
                out += inside_quotes_.empty() ? " " : inside_quotes_;
            }
            out += "»";
            i += 2;
            continue;
        }
        out += c;
        i++;
    }
    return out;
}

} // namespace kiosk
