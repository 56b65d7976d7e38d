// UTF-8 helpers: all text in the kiosk is UTF-8 (catalogues, content, answers).
//
// Decoding is lenient: an invalid byte becomes U+FFFD and decoding resumes at the next
// byte, so hostile or corrupt input can never make the kiosk loop or read out of bounds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

inline constexpr char32_t kReplacementChar = U'\uFFFD';

// Decodes the code point at `text[pos]` and advances `pos` past it.
char32_t DecodeUtf8(std::string_view text, size_t& pos);

std::vector<char32_t> DecodeUtf8(std::string_view text);
void AppendUtf8(std::string& out, char32_t c);
std::string EncodeUtf8(char32_t c);

// Number of code points (what a visitor counts as characters, near enough for limits).
size_t CountCodePoints(std::string_view text);
// Removes the last code point (a keyboard's backspace).
void PopBackCodePoint(std::string& text);
// True if `text` is valid UTF-8 with no NUL and no control characters except tab/newline.
bool IsCleanText(std::string_view text);

} // namespace kiosk
