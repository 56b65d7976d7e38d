// Every character the kiosk can show has a glyph in the font atlas: no "?" for Œ, ’, €,
// « », … or the narrow no-break space French puts before ? ! : ;.
#include <algorithm>

#include <catch2/catch.hpp>
#include <imgui.h>

#include "fonts.h"
#include "kiosk_data.h"
#include "test_paths.h"
#include "text/bidi.h"
#include "text/utf8.h"

using namespace kiosk;

namespace {
// An ImGui context with the kiosk's fonts built for 1080p; no window or GL needed.
struct AtlasFixture {
    ImGuiContext* context = ImGui::CreateContext();
    KioskData data;
    BuiltFonts fonts;
    std::vector<std::string> texts;

    explicit AtlasFixture(std::vector<std::string> extra = {}) {
        Diagnostics diags;
        std::optional<KioskData> loaded = LoadKioskData(test::DemoConfig(), diags);
        INFO(diags.FormatAll());
        REQUIRE(loaded);
        data = std::move(*loaded);
        ForEachDisplayText(data, [&](std::string_view t) { texts.emplace_back(t); });
        texts.insert(texts.end(), extra.begin(), extra.end());
        std::string error;
        Metrics m = ComputeMetrics(1920, 1080, 1.0);
        REQUIRE(BuildFonts(*ImGui::GetIO().Fonts, data.config.paths.assets / "fonts", m, texts, 16384, fonts,
                           error, kLargeTextFactor));
    }
    ~AtlasFixture() { ImGui::DestroyContext(context); }
};

std::string Describe(const std::vector<char32_t>& missing) {
    std::string out;
    for (char32_t c : missing)
        out += fmt::format("U+{:04X} ", (uint32_t)c);
    return out;
}
} // namespace

TEST_CASE("every catalogue and content text renders in every font, with no missing glyph") {
    AtlasFixture f;
    REQUIRE(f.texts.size() > 20);
    const Fonts& standard = f.fonts.standard;
    const Fonts& large = f.fonts.large; // a visitor's "Aa"
    for (ImFont* font : {standard.small, standard.body, standard.body_bold, standard.title, standard.huge,
                         large.small, large.body, large.body_bold, large.title, large.huge}) {
        REQUIRE(font);
        for (const std::string& text : f.texts) {
            std::vector<char32_t> missing = MissingGlyphs(*font, text);
            INFO("\"" << text << "\" lacks " << Describe(missing));
            CHECK(missing.empty());
            // Arabic is drawn shaped (text/bidi.h): its joining forms must be there too.
            if (HasRtlLetters(text)) {
                const std::string shaped = VisualOrderRtl(text);
                missing = MissingGlyphs(*font, shaped);
                INFO("shaped, \"" << shaped << "\" lacks " << Describe(missing));
                CHECK(missing.empty());
            }
        }
    }
}

TEST_CASE("Arabic: the demo's texts and every letter a visitor can type have their shaped forms") {
    AtlasFixture f;
    const size_t arabic =
        std::count_if(f.texts.begin(), f.texts.end(), [](const std::string& t) { return HasRtlLetters(t); });
    CHECK(arabic > 100); // the third demo language's catalogues and content
    // Every isolated, final, initial and medial form and the lam-alef ligatures, drawn by Noto
    // Sans Arabic merged into each size (not DejaVu's few Arabic glyphs).
    std::string forms;
    for (char32_t c = 0xFE80; c <= 0xFEFC; c++)
        AppendUtf8(forms, c);
    CHECK(MissingGlyphs(*f.fonts.standard.body, forms).empty());
    CHECK(MissingGlyphs(*f.fonts.large.title, forms).empty());
    CHECK(MissingGlyphs(*f.fonts.standard.body, "،؛؟").empty()); // ، ؛ ؟
}

TEST_CASE("French typography is in the atlas even before any content uses it") {
    AtlasFixture f;
    const char* typography = "Œ œ Ÿ ’ ‘ “ ” « » … € \u202F — –";
    CHECK(MissingGlyphs(*f.fonts.standard.body, typography).empty());
}

TEST_CASE("the coverage check does catch a character the font cannot show") {
    // DejaVu Sans has no CJK ideographs: a configured text with one must be reported.
    AtlasFixture f({"Réunion publique 中"});
    std::vector<char32_t> missing = MissingGlyphs(*f.fonts.standard.body, "Réunion publique 中");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == U'中');
}

TEST_CASE("the large text set is 1.4 times the standard sizes") {
    AtlasFixture f;
    CHECK(f.fonts.large.body->FontSize == Approx(f.fonts.standard.body->FontSize * 1.4f));
    CHECK(f.fonts.large.title->FontSize == Approx(f.fonts.standard.title->FontSize * 1.4f));
    CHECK(f.fonts.large.small->FontSize == Approx(f.fonts.standard.small->FontSize * 1.4f));
}

TEST_CASE("the atlas stays small enough for modest GPUs, large text included") {
    AtlasFixture f;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    CHECK(atlas.TexWidth <= 4096);
    CHECK(atlas.TexHeight <= 4096);
}

TEST_CASE("an atlas larger than the GPU allows is refused with a clear message") {
    ImGuiContext* context = ImGui::CreateContext();
    BuiltFonts fonts;
    std::string error;
    Metrics m = ComputeMetrics(1920, 1080, 1.0);
    CHECK_FALSE(BuildFonts(*ImGui::GetIO().Fonts, test::SourceDir() / "assets" / "fonts", m, {"abc"}, 256,
                           fonts, error));
    CHECK(error.find("larger than the GPU's maximum texture size (256 px)") != std::string::npos);
    ImGui::DestroyContext(context);
}

TEST_CASE("a missing font file is named in the error") {
    ImGuiContext* context = ImGui::CreateContext();
    BuiltFonts fonts;
    std::string error;
    CHECK_FALSE(BuildFonts(*ImGui::GetIO().Fonts, "/nonexistent", ComputeMetrics(1920, 1080, 1.0), {}, 16384,
                           fonts, error));
    CHECK(error == "font /nonexistent/DejaVuSans.ttf is missing (it ships in assets/fonts/)");
    ImGui::DestroyContext(context);
}
