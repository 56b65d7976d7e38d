#include "i18n/toml_text_edit.h"

#include <algorithm>

#include <fmt/format.h>

namespace kiosk {

std::optional<size_t> ByteOffset(std::string_view text, const toml::source_position& position) {
    size_t offset = 0;
    for (toml::source_index line = 1; line < position.line; line++) {
        offset = text.find('\n', offset);
        if (offset == std::string_view::npos) return std::nullopt;
        offset++;
    }
    for (toml::source_index column = 1; column < position.column; column++) {
        if (offset >= text.size() || text[offset] == '\n') return std::nullopt;
        offset++;
        while (offset < text.size() && ((unsigned char)text[offset] & 0xC0) == 0x80)
            offset++; // continuation bytes of the same code point
    }
    return offset <= text.size() ? std::optional<size_t>(offset) : std::nullopt;
}

size_t ValueEnd(std::string_view text, size_t offset) {
    const auto string_end = [&](size_t at) -> size_t {
        const char quote = text[at];
        const bool multi = text.substr(at, 3) == std::string(3, quote);
        const bool escapes = quote == '"';
        size_t i = at + (multi ? 3 : 1);
        while (i < text.size()) {
            if (escapes && text[i] == '\\') {
                i += 2;
                continue;
            }
            if (multi ? text.substr(i, 3) == std::string(3, quote) : text[i] == quote) {
                i += multi ? 3 : 1;
                // A multi-line string may end with up to two more quotes (part of its text).
                while (multi && i < text.size() && text[i] == quote)
                    i++;
                return i;
            }
            i++;
        }
        return text.size();
    };
    if (offset >= text.size()) return text.size();
    const char first = text[offset];
    if (first == '"' || first == '\'') return string_end(offset);
    if (first == '{' || first == '[') {
        int depth = 0;
        for (size_t i = offset; i < text.size();) {
            const char c = text[i];
            if (c == '"' || c == '\'') {
                i = string_end(i);
                continue;
            }
            if (c == '#') { // a comment inside a multi-line array
                i = NextLineStart(text, i);
                continue;
            }
            if (c == '{' || c == '[') depth++;
            if ((c == '}' || c == ']') && --depth == 0) return i + 1;
            i++;
        }
        return text.size();
    }
    size_t i = offset;
    while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != '#' &&
           text[i] != '\n' && text[i] != '\r')
        i++;
    while (i > offset && (text[i - 1] == ' ' || text[i - 1] == '\t'))
        i--;
    return i;
}

size_t NextLineStart(std::string_view text, size_t offset) {
    const size_t end = text.find('\n', offset);
    return end == std::string_view::npos ? text.size() : end + 1;
}

std::string TomlQuote(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if ((unsigned char)c < 0x20 || c == 0x7f)
                out += fmt::format("\\u{:04X}", (unsigned char)c);
            else
                out += c;
        }
    }
    return out + "\"";
}

std::string TomlKey(std::string_view key) {
    const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_';
    });
    return bare ? std::string(key) : TomlQuote(key);
}

std::string ApplyEdits(std::string text, std::vector<TextEdit> edits) {
    // From the end, so earlier offsets stay valid; stable and reversed within one offset so
    // that insertions there come out in the order given.
    std::vector<size_t> order(edits.size());
    for (size_t i = 0; i < order.size(); i++)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return edits[a].offset != edits[b].offset ? edits[a].offset > edits[b].offset : a > b;
    });
    for (size_t i : order)
        text.replace(edits[i].offset, edits[i].length, edits[i].insert);
    return text;
}

} // namespace kiosk
