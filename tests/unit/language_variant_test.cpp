// Language variants (easy-to-read French, "fr-x-falc"): a variant's missing catalogue and
// content texts show its base language, never the reference, without a warning per key; a
// content file need not give the variant; a badly declared variant is refused naming its file.
#include <fstream>

#include <catch2/catch.hpp>

#include "base/log.h"
#include "config/toml_reader.h"
#include "i18n/catalog.h"
#include "i18n/language_variants.h"
#include "test_paths.h"

using namespace kiosk;

namespace variant_test {

void WriteCatalogue(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

// English is the reference on purpose: the variant must fall back to French, not to it.
std::filesystem::path EnglishFirstCatalogues(const char* name) {
    auto dir = test::ScratchDir(name);
    WriteCatalogue(
        dir / "en" / "a.toml",
        "[language]\nname = \"English\"\n[x]\nhello = \"Hello\"\nbye = \"Goodbye\"\nonly_en = \"Only\"\n");
    WriteCatalogue(dir / "fr" / "a.toml",
                   "[language]\nname = \"Français\"\n[x]\nhello = \"Bonjour\"\nbye = \"Au revoir\"\n");
    WriteCatalogue(dir / "fr-x-falc" / "a.toml",
                   "[language]\nname = \"Facile à lire\"\nvariant_of = \"fr\"\n[x]\nhello = \"Bonjour !\"\n");
    return dir;
}

} // namespace variant_test

TEST_CASE("a variant's missing catalogue text shows its base language, never the reference") {
    using namespace variant_test;
    const auto dir = EnglishFirstCatalogues("variant-catalogue");
    Languages languages{"en", "fr", "fr-x-falc"};
    Diagnostics diags;
    REQUIRE(ReadLanguageVariants(dir, languages, diags));
    REQUIRE(languages.VariantOf("fr-x-falc") == "fr");
    Catalogs catalogs;
    REQUIRE(catalogs.Load(dir, languages, diags));
    CHECK(catalogs.LanguageName("fr-x-falc") == "Facile à lire");
    CHECK(catalogs.Text("fr-x-falc", "x.hello") == "Bonjour !");
    CHECK(catalogs.Text("fr-x-falc", "x.bye") == "Au revoir"); // French, not "Goodbye"
    // Missing in French too: then the reference, as for French itself.
    CHECK(catalogs.Text("fr-x-falc", "x.only_en") == "Only");
    // Partial by design: no warning for what the variant leaves out (French's own gap is one).
    INFO(diags.FormatAll());
    for (const Diagnostic& d : diags.All())
        CHECK(d.where.file.find("fr-x-falc") == std::string::npos);
}

TEST_CASE("a variant's key that its base language lacks is reported") {
    using namespace variant_test;
    const auto dir = EnglishFirstCatalogues("variant-extra-key");
    WriteCatalogue(dir / "fr-x-falc" / "b.toml", "[x]\nhelo = \"Bonjour\"\n");
    Languages languages{"en", "fr", "fr-x-falc"};
    Diagnostics diags;
    REQUIRE(ReadLanguageVariants(dir, languages, diags));
    Catalogs catalogs;
    REQUIRE(catalogs.Load(dir, languages, diags));
    CHECK(diags.FormatAll().find("x.helo") != std::string::npos);
}

TEST_CASE("a content text need not give the variant, and falls back to its base language") {
    Languages languages{"en", "fr", "fr-x-falc"};
    languages.SetVariant("fr-x-falc", "fr");
    const toml::table root = toml::parse(R"(
plain = { en = "The square", fr = "Le square" }
easy = { en = "The square", fr = "Le square", fr-x-falc = "Le jardin" }
)");
    Diagnostics diags;
    TableReader reader(root, "", "content.toml", diags);
    const LocalizedText plain = reader.Localized("plain", languages, Need::Required);
    const LocalizedText easy = reader.Localized("easy", languages, Need::Required);
    INFO(diags.FormatAll());
    CHECK(diags.All().empty()); // neither an error nor a warning for the missing variant
    CHECK(plain.Get(languages, "fr-x-falc") == "Le square"); // French, not English (the default)
    CHECK(easy.Get(languages, "fr-x-falc") == "Le jardin");
    CHECK(easy.Get(languages, "fr") == "Le square");
    CHECK(plain.Get(languages, "en") == "The square");
    // A base language stays required.
    const toml::table no_french = toml::parse("t = { en = \"The square\", fr-x-falc = \"Le jardin\" }\n");
    TableReader strict(no_french, "", "content.toml", diags);
    strict.Localized("t", languages, Need::Required);
    CHECK(diags.FormatAll().find("\"fr\" translation is missing") != std::string::npos);
}

TEST_CASE("a badly declared variant is refused with its catalogue file and line") {
    using namespace variant_test;
    struct Case {
        const char* name;
        std::vector<std::string> languages;
        const char* variant_of;
        const char* message;
    };
    const Case cases[] = {
        {"unknown", {"fr", "fr-x-falc"}, "de", "\"de\" is not one of kiosk.languages"},
        {"itself", {"fr", "fr-x-falc"}, "fr-x-falc", "cannot be a variant of itself"},
        {"nested", {"fr", "fr-x-falc", "fr-x-big"}, "fr-x-falc", "is itself a variant of \"fr\""},
        {"default", {"fr-x-big", "fr"}, "fr", "cannot be the default language"},
    };
    for (const Case& c : cases) {
        SECTION(c.name) {
            auto dir = test::ScratchDir(std::string("variant-bad-") + c.name);
            WriteCatalogue(dir / "fr" / "a.toml", "[language]\nname = \"Français\"\n");
            WriteCatalogue(dir / "fr-x-falc" / "a.toml",
                           "[language]\nname = \"Facile à lire\"\nvariant_of = \"fr\"\n");
            WriteCatalogue(dir / "fr-x-big" / "a.toml",
                           std::string("[language]\nname = \"Gros\"\nvariant_of = \"") + c.variant_of +
                               "\"\n");
            if (std::string(c.name) != "nested" && std::string(c.name) != "default")
                WriteCatalogue(dir / "fr-x-falc" / "a.toml",
                               std::string("[language]\nname = \"Facile à lire\"\nvariant_of = \"") +
                                   c.variant_of + "\"\n");
            Languages languages(c.languages);
            Diagnostics diags;
            CHECK_FALSE(ReadLanguageVariants(dir, languages, diags));
            const std::string all = diags.FormatAll();
            INFO(all);
            CHECK(all.find(c.message) != std::string::npos);
            CHECK(all.find("a.toml:3") != std::string::npos); // the variant_of line
        }
    }
}
