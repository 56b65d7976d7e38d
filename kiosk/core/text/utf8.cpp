#include "text/utf8.h"

#include <cassert>

namespace kiosk {

char32_t DecodeUtf8(std::string_view text, size_t& pos) {
    assert(pos < text.size());
    const auto byte = [&](size_t i) { return (unsigned char)text[i]; };
    unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        pos += 1;
        return b0;
    }
    int length = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 0 || pos + length > text.size()) {
        pos += 1;
        return kReplacementChar;
    }
    char32_t c = b0 & (0x7F >> length);
    for (int i = 1; i < length; i++) {
        unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) {
            pos += 1;
            return kReplacementChar;
        }
        c = (c << 6) | (b & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static constexpr char32_t kMinForLength[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < kMinForLength[length] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
        pos += 1;
        return kReplacementChar;
    }
    pos += length;
    assert(pos <= text.size());
    return c;
}

std::vector<char32_t> DecodeUtf8(std::string_view text) {
    std::vector<char32_t> out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();)
        out.push_back(DecodeUtf8(text, pos));
    return out;
}

void AppendUtf8(std::string& out, char32_t c) {
    assert(c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF)); // callers encode what DecodeUtf8 returned
    if (c < 0x80) {
        out += (char)c;
    } else if (c < 0x800) {
        out += (char)(0xC0 | (c >> 6));
        out += (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += (char)(0xE0 | (c >> 12));
        out += (char)(0x80 | ((c >> 6) & 0x3F));
        out += (char)(0x80 | (c & 0x3F));
    } else {
        out += (char)(0xF0 | (c >> 18));
        out += (char)(0x80 | ((c >> 12) & 0x3F));
        out += (char)(0x80 | ((c >> 6) & 0x3F));
        out += (char)(0x80 | (c & 0x3F));
    }
}

std::string EncodeUtf8(char32_t c) {
    std::string out;
    AppendUtf8(out, c);
    return out;
}

size_t CountCodePoints(std::string_view text) {
    size_t count = 0;
    for (size_t pos = 0; pos < text.size(); count++)
        DecodeUtf8(text, pos);
    return count;
}

void PopBackCodePoint(std::string& text) {
    if (text.empty()) return;
    size_t pos = text.size() - 1;
    // Step back over continuation bytes (at most 3) to the lead byte.
    while (pos > 0 && text.size() - pos < 4 && ((unsigned char)text[pos] & 0xC0) == 0x80)
        pos--;
    text.erase(pos);
}

bool IsCleanText(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        size_t start = pos;
        char32_t c = DecodeUtf8(text, pos);
        if (c == kReplacementChar && text.substr(start, pos - start) != "\xEF\xBF\xBD") return false;
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return false;
    }
    return true;
}

} // namespace kiosk
