#include "fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <fmt/format.h>
#include <imgui_freetype.h>

#include "base/log.h"
#include "text/bidi.h"
#include "text/utf8.h"

namespace kiosk {

namespace {
// Always available, whatever the content: printable ASCII and Latin-1 (what the on-screen
// keyboards can type), typographic punctuation, the euro sign and the replacement glyph.
const ImWchar kBaseRanges[] = {
    0x0020, 0x00FF, // Basic Latin + Latin-1 Supplement
    0x0152, 0x0153, // Œ œ
    0x0178, 0x0178, // Ÿ
    0x2010, 0x2027, // dashes, quotes ‘ ’ “ ”, bullet, ellipsis
    0x202F, 0x202F, // narrow no-break space
    0x20AC, 0x20AC, // €
    0x2190, 0x2193, // arrows
    0xFFFD, 0xFFFD, // replacement character
    0,
};
const ImWchar kArabicTypedRanges[] = {
    0x060C, 0x060C, // ، Arabic comma
    0x061B, 0x061B, // ؛
    0x061F, 0x061F, // ؟
    0xFE70, 0xFEFC, // the letters' isolated, final, initial and medial forms, lam-alef
    0,
};
constexpr float kArabicSizeFactor = 1.4f;
// Arabic letters and their presentation forms (what text/bidi.h draws): from Noto Sans
// Arabic, whose letters are drawn for screens like DejaVu's Latin. DejaVu has a few Arabic
// glyphs of its own; they are kept out so that one word never mixes two designs.
const ImWchar kArabicRanges[][2] = {
    {0x0600, 0x06FF}, // Arabic
    {0x0750, 0x077F}, // Arabic Supplement
    {0xFB50, 0xFDFF}, // Arabic Presentation Forms-A
    {0xFE70, 0xFEFF}, // Arabic Presentation Forms-B
};
const char* const kFontFiles[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "NotoSansArabic-Regular.ttf",
                                  "NotoSansArabic-Bold.ttf"};

bool IsArabic(ImWchar c) {
    for (const auto& range : kArabicRanges)
        if (c >= range[0] && c <= range[1]) return true;
    return false;
}

// `ranges` (pairs, zero-terminated) split into what DejaVu draws and what Noto Sans Arabic
// draws, each zero-terminated.
void SplitArabic(const ImVector<ImWchar>& ranges, ImVector<ImWchar>& latin, ImVector<ImWchar>& arabic) {
    latin.clear();
    arabic.clear();
    auto add = [](ImVector<ImWchar>& to, ImWchar first, ImWchar last) {
        to.push_back(first);
        to.push_back(last);
    };
    for (int i = 0; i + 1 < ranges.Size && ranges[i] != 0; i += 2) {
        // The builder's ranges are runs of present characters: split each at the Arabic
        // blocks' edges.
        ImWchar start = ranges[i];
        for (unsigned c = ranges[i]; c <= ranges[i + 1]; c++) {
            const bool last = c == ranges[i + 1];
            if (!last && IsArabic((ImWchar)c) == IsArabic((ImWchar)(c + 1))) continue;
            add(IsArabic((ImWchar)c) ? arabic : latin, start, (ImWchar)c);
            start = (ImWchar)(c + 1);
        }
    }
    latin.push_back(0);
    arabic.push_back(0);
}
} // namespace

std::vector<std::string> CheckFontFiles(const std::filesystem::path& font_dir) {
    std::vector<std::string> problems;
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) return {"FreeType cannot start"};
    for (const char* name : kFontFiles) {
        const std::filesystem::path file = font_dir / name;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) {
            problems.push_back(fmt::format("font {} is missing (it ships in assets/fonts/)", file.string()));
            continue;
        }
        FT_Face face = nullptr;
        const FT_Error error = FT_New_Face(library, file.c_str(), 0, &face);
        if (error != 0) {
            problems.push_back(fmt::format("font {} is not a font FreeType can read ({})", file.string(),
                                           error == FT_Err_Unknown_File_Format
                                               ? "unknown file format"
                                               : fmt::format("error {}", error)));
            continue;
        }
        FT_Done_Face(face);
    }
    FT_Done_FreeType(library);
    return problems;
}

bool BuildFonts(ImFontAtlas& atlas, const std::filesystem::path& font_dir, const Metrics& metrics,
                const std::vector<std::string>& texts, int max_texture_size, BuiltFonts& fonts,
                std::string& error, float large_factor) {
    const std::filesystem::path regular = font_dir / kFontFiles[0];
    const std::filesystem::path bold = font_dir / kFontFiles[1];
    // A message naming the file, rather than "cannot build the font atlas".
    if (std::vector<std::string> problems = CheckFontFiles(font_dir); !problems.empty()) {
        error = problems.front();
        return false;
    }

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(kBaseRanges);
    bool any_rtl = false;
    for (const std::string& text : texts) {
        builder.AddText(text.data(), text.data() + text.size());
        if (HasRtlLetters(text)) { // drawn shaped: its presentation forms, not its letters
            any_rtl = true;
            const std::string shaped = VisualOrderRtl(text);
            builder.AddText(shaped.data(), shaped.data() + shaped.size());
        }
    }
    // What a visitor types on an Arabic keyboard: every letter's four forms.
    if (any_rtl) builder.AddRanges(kArabicTypedRanges);
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    SplitArabic(ranges, fonts.glyph_ranges, fonts.arabic_glyph_ranges);
    const bool has_arabic = fonts.arabic_glyph_ranges.Size > 1;

    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.TexDesiredWidth = 2048;
    ImFontConfig config;
    config.OversampleH = config.OversampleV = 1; // FreeType renders at the exact size
    const std::filesystem::path arabic_regular = font_dir / kFontFiles[2];
    const std::filesystem::path arabic_bold = font_dir / kFontFiles[3];
    // Each size is DejaVu, with Noto Sans Arabic merged in for the Arabic glyphs (one ImFont).
    auto add = [&](const std::filesystem::path& file, float size) {
        ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), size, &config, fonts.glyph_ranges.Data);
        if (font && has_arabic) {
            ImFontConfig merge = config;
            merge.MergeMode = true;
            const std::filesystem::path& arabic = file == bold ? arabic_bold : arabic_regular;
            // At the same size Arabic letters look smaller than Latin ones: a little larger.
            if (!atlas.AddFontFromFileTTF(arabic.c_str(), size * kArabicSizeFactor, &merge,
                                          fonts.arabic_glyph_ranges.Data))
                return (ImFont*)nullptr;
        }
        return font;
    };
    auto add_set = [&](Fonts& set, float factor) {
        set.body = add(regular, metrics.font_body * factor); // the first font is ImGui's default
        set.small = add(regular, metrics.font_small * factor);
        set.body_bold = add(bold, metrics.font_body * factor);
        set.title = add(bold, metrics.font_title * factor);
        set.huge = add(bold, metrics.font_huge * factor);
        return set.body && set.small && set.body_bold && set.title && set.huge;
    };
    fonts.large = Fonts{};
    bool added = add_set(fonts.standard, 1.0f);
    if (large_factor > 0) added = added && add_set(fonts.large, large_factor);
    if (!added || !atlas.Build()) {
        error = fmt::format("cannot build the font atlas from {}", font_dir.string());
        return false;
    }
    if (atlas.TexWidth > max_texture_size || atlas.TexHeight > max_texture_size) {
        error =
            fmt::format("the font atlas ({}x{} px) is larger than the GPU's maximum texture size ({} px): "
                        "fewer languages or a smaller display.scale would fit",
                        atlas.TexWidth, atlas.TexHeight, max_texture_size);
        return false;
    }
    LogInfo("fonts: {} glyph ranges, atlas {}x{} px", ranges.Size / 2, atlas.TexWidth, atlas.TexHeight);
    return true;
}

std::vector<char32_t> MissingGlyphs(const ImFont& font, std::string_view text) {
    std::vector<char32_t> missing;
    for (char32_t c : DecodeUtf8(text)) {
        if (c == '\n' || c == '\t' || c == '\r') continue;
        if (c > 0xFFFF || font.FindGlyphNoFallback((ImWchar)c) == nullptr) missing.push_back(c);
    }
    return missing;
}

} // namespace kiosk
