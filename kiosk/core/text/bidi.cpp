#include "text/bidi.h"

#include <algorithm>
#include <fribidi.h>
#include <vector>

#include "text/utf8.h"

namespace kiosk {

namespace {

// One paragraph (no '\n'), in display order, through fribidi_log2vis: it resolves the
// embedding levels, joins and shapes Arabic (FRIBIDI_FLAGS_ARABIC: presentation forms and
// lam-alef ligatures) and reorders the line.
std::vector<char32_t> VisualParagraph(const std::vector<char32_t>& logical, FriBidiParType base) {
    if (logical.empty()) return {};
    std::vector<FriBidiChar> in(logical.begin(), logical.end());
    std::vector<FriBidiChar> out(in.size() + 1, 0);
    if (fribidi_log2vis(in.data(), (FriBidiStrIndex)in.size(), &base, out.data(), nullptr, nullptr,
                        nullptr) == 0)
        return logical; // FriBidi's failure (out of memory): the letters unshaped, still shown
    std::vector<char32_t> visual;
    visual.reserve(in.size());
    for (size_t i = 0; i < in.size(); i++) {
        // A lam-alef ligature takes the place of two letters: FriBidi leaves a zero-width
        // filler behind (U+FEFF), which the font may not have.
        if (out[i] == 0xFEFF) continue;
        visual.push_back((char32_t)out[i]);
    }
    return visual;
}

template <typename Transform>
std::string ByParagraph(std::string_view logical, FriBidiParType base, Transform transform) {
    std::string result;
    result.reserve(logical.size());
    size_t start = 0;
    while (true) {
        const size_t end = std::min(logical.find('\n', start), logical.size());
        std::vector<char32_t> line = VisualParagraph(DecodeUtf8(logical.substr(start, end - start)), base);
        transform(line);
        for (char32_t c : line)
            AppendUtf8(result, c);
        if (end >= logical.size()) break;
        result += '\n';
        start = end + 1;
    }
    return result;
}

} // namespace

std::string VisualOrderRtl(std::string_view logical) {
    return ByParagraph(logical, FRIBIDI_PAR_RTL, [](std::vector<char32_t>&) {});
}

std::string VisualOrderAuto(std::string_view logical) {
    return ByParagraph(logical, FRIBIDI_PAR_ON, [](std::vector<char32_t>&) {});
}

std::string MirroredDrawOrder(std::string_view logical) {
    return ByParagraph(logical, FRIBIDI_PAR_RTL,
                       [](std::vector<char32_t>& line) { std::reverse(line.begin(), line.end()); });
}

bool HasRtlLetters(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = DecodeUtf8(text, pos);
        if (c < 0x0590) continue;
        if (FRIBIDI_IS_RTL(fribidi_get_bidi_type((FriBidiChar)c))) return true;
    }
    return false;
}

} // namespace kiosk
