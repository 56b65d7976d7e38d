// Letter case for the on-screen keyboard's shift key.
//
// Covers what the kiosk's keyboards can type: ASCII, Latin-1 and Latin Extended-A (so é → É,
// œ → Œ, ÿ → Ÿ). Characters without a single upper-case letter (ß, digits, punctuation,
// other scripts) are returned unchanged: a layout that needs something else gives the
// shifted character explicitly (see keyboard/keyboard_layout.h).
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

char32_t ToUpperLetter(char32_t c);
// Every code point of `text` through ToUpperLetter (invalid UTF-8 becomes U+FFFD).
std::string ToUpperLetters(std::string_view text);

} // namespace kiosk
