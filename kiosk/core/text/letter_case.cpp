#include "text/letter_case.h"

#include <locale.h>
#include <wctype.h>

#include "base/log.h"
#include "text/utf8.h"

namespace kiosk {

namespace {

// The C library's Unicode tables, through the C.UTF-8 locale (glibc ships it in libc-bin:
// every Debian system has it) opened once for LC_CTYPE only: the process's own locale,
// which the kiosk never sets, stays "C" for number formatting and parsing.
locale_t UnicodeCType() {
    static const locale_t locale = [] {
        locale_t opened = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
        if (!opened)
            LogWarning("keyboard: the C.UTF-8 locale is missing, shift changes only the letters a to z");
        return opened;
    }();
    return locale;
}

} // namespace

char32_t ToUpperLetter(char32_t c) {
    static_assert(sizeof(wchar_t) == sizeof(char32_t), "glibc's wchar_t holds a code point");
    if (locale_t locale = UnicodeCType()) return (char32_t)towupper_l((wint_t)c, locale);
    return c >= U'a' && c <= U'z' ? c - 0x20 : c;
}

std::string ToUpperLetters(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();)
        AppendUtf8(out, ToUpperLetter(DecodeUtf8(text, pos)));
    return out;
}

} // namespace kiosk
