// Fonts: the atlas of every glyph the kiosk can show, at the few sizes it uses.
//
// Dear ImGui's default ranges are Latin-1 only: Œ œ ’ « » … € and U+202F (the narrow
// no-break space French puts before ; : ! ?) would render as "?". The ranges are built
// from every text the kiosk can show (catalogues and loaded content, see
// ForEachDisplayText) plus Latin-1 for what visitors type. Rasterised with FreeType, which
// packs much tighter than stb_truetype; the atlas is checked against the GPU's maximum
// texture size.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "theme.h"

namespace kiosk {

// One set of sizes: what a screen draws with.
struct Fonts {
    ImFont* small = nullptr;     // secondary text, captions
    ImFont* body = nullptr;      // body text
    ImFont* body_bold = nullptr; // buttons, emphasis
    ImFont* title = nullptr;     // screen titles (bold)
    ImFont* huge = nullptr;      // attract screen, big numbers (bold)
};

// A visitor's "Aa" (large text, with high contrast) draws every text this much larger:
// a second set of sizes in the same atlas, so switching costs no rebuild.
inline constexpr float kLargeTextFactor = 1.4f;

// Everything one atlas holds.
struct BuiltFonts {
    Fonts standard;
    Fonts large; // null fonts unless BuildFonts was given a large-text factor
    // The atlas keeps a pointer to these ranges: they live as long as the fonts. DejaVu
    // draws the first, Noto Sans Arabic (merged into each font) the second.
    ImVector<ImWchar> glyph_ranges;
    ImVector<ImWchar> arabic_glyph_ranges;
};

// The font files the kiosk needs (DejaVuSans.ttf, DejaVuSans-Bold.ttf and Noto Sans Arabic's
// NotoSansArabic-Regular.ttf and -Bold.ttf in `font_dir`),
// each opened by FreeType as BuildFonts will: one message per file that is missing or not a
// font FreeType reads. Empty when both are usable. For `kiosk --check-config` and start-up.
std::vector<std::string> CheckFontFiles(const std::filesystem::path& font_dir);

// Builds `atlas` (cleared first) from the fonts in `font_dir` (DejaVu Sans, with Noto Sans
// Arabic merged in when a text has Arabic) with glyphs for every character of `texts` (and
// of its shaped forms), at the metrics' sizes and,
// when `large_factor` > 0, also at those sizes times it (BuiltFonts::large). Returns false
// with a message naming the file or the size limit on failure.
bool BuildFonts(ImFontAtlas& atlas, const std::filesystem::path& font_dir, const Metrics& metrics,
                const std::vector<std::string>& texts, int max_texture_size, BuiltFonts& fonts,
                std::string& error, float large_factor = 0.0f);

// The characters of `text` that `font` has no glyph for (after building).
std::vector<char32_t> MissingGlyphs(const ImFont& font, std::string_view text);

} // namespace kiosk
