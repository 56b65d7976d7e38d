#include "text/letter_case.h"

#include "text/utf8.h"

namespace kiosk {

char32_t ToUpperLetter(char32_t c) {
    if (c >= U'a' && c <= U'z') return c - 0x20;
    // Latin-1: à..þ map to À..Þ, except ÷ (U+00F7); ÿ's capital is in Latin Extended-A.
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
    if (c == 0xFF) return 0x178;
    if (c == 0x131) return U'I'; // dotless ı
    // Latin Extended-A pairs capital/small letters; which of the two comes first changes
    // along the block.
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c & 1) ? c - 1 : c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c : c - 1;
    return c;
}

std::string ToUpperLetters(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();)
        AppendUtf8(out, ToUpperLetter(DecodeUtf8(text, pos)));
    return out;
}

} // namespace kiosk
