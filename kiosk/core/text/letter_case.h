// Letter case for the on-screen keyboard's shift key.
//
// From the C library's Unicode tables (towupper_l in the C.UTF-8 locale), so a keyboard for
// any script shifts right without a table of ours: é → É, œ → Œ, ÿ → Ÿ, α → Α, д → Д.
// Characters without a single upper-case letter (ß, digits, punctuation, scripts without
// case such as Arabic) are returned unchanged: a layout that needs something else gives the
// shifted character explicitly (see keyboard/keyboard_layout.h).
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

char32_t ToUpperLetter(char32_t c);
// Every code point of `text` through ToUpperLetter (invalid UTF-8 becomes U+FFFD).
std::string ToUpperLetters(std::string_view text);

} // namespace kiosk
