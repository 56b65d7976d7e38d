// Right-to-left text for a renderer that only draws left to right.
//
// Dear ImGui draws a string's code points one after another, left to right, with no
// shaping. Arabic needs two things it does not do: each letter takes its joining form
// (isolated, initial, medial, final; lam-alef ligatures), and a line's runs are ordered by
// the Unicode bidirectional algorithm (an Arabic sentence reads from the right, a number or a
// Latin name inside it still from the left). GNU FriBidi does both: it turns a logical line
// into the code points to draw, in display order, letters replaced by their presentation
// forms (U+FB50–U+FEFF), which the Arabic font maps.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

// The line `logical` as it is seen, left to right, in a paragraph whose base direction is
// right to left (an Arabic screen): shaped, runs reordered, brackets mirrored. Each '\n'
// starts a paragraph of its own. Invalid UTF-8 is replaced (utf8.h), never trusted.
std::string VisualOrderRtl(std::string_view logical);
// The same in a paragraph whose direction is its first strong letter's: an Arabic name or
// answer on a left-to-right screen (the language picker, the staff's results).
std::string VisualOrderAuto(std::string_view logical);

// What a mirrored frame draws (ui/rtl_mirror.h): the visual order reversed, code point by
// code point. The renderer mirrors every glyph's place across the screen, which reverses
// each line once more: the eye sees VisualOrderRtl. Reversed, a paragraph's words come in
// reading order again, so Dear ImGui's word wrap breaks it where an Arabic reader expects
// (the first words on the first line). Lines of '\n' are kept in their order.
std::string MirroredDrawOrder(std::string_view logical);

// True if `text` holds a letter of a right-to-left script (Arabic, Hebrew, Syriac, Thaana,
// N'Ko): what needs the work above.
bool HasRtlLetters(std::string_view text);

} // namespace kiosk
