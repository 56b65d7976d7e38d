// PO files (core/i18n/po_file.h): escaping, the multi-line layout gettext writes, and
// malformed files refused at their line.
#include <catch2/catch.hpp>

#include "i18n/po_file.h"

using namespace kiosk;

TEST_CASE("PO strings are escaped as gettext does and read back unchanged", "[po]") {
    CHECK(PoEscape("Il a dit \"oui\"\tC:\\dossier\nfin") == "Il a dit \\\"oui\\\"\\tC:\\\\dossier\\nfin");
    CHECK(PoEscape(std::string("bip\x01", 4)) == "bip\\001");

    PoFile po;
    po.language = "en";
    PoEntry entry;
    entry.context = "survey:s/question:q/text";
    entry.msgid = "Première ligne\nDeuxième « ligne » avec \"guillemets\"\tet \\ barre\n";
    entry.msgstr = "First line\nSecond line";
    entry.references = {"config/surveys/s.toml:12"};
    entry.comments = {"TOML key: question[0].text"};
    PoEntry fuzzy;
    fuzzy.context = "home.title";
    fuzzy.msgid = "Accueil";
    fuzzy.msgstr = "Home";
    fuzzy.fuzzy = true;
    po.entries = {entry, fuzzy};
    const std::string text = WritePo(po);
    // Split after each line break, as msgmerge writes it.
    CHECK(
        text.find("msgid \"\"\n\"Première ligne\\n\"\n\"Deuxième « ligne » avec \\\"guillemets\\\"\\tet \\\\ "
                  "barre\\n\"\n") != std::string::npos);
    CHECK(text.find("msgstr \"\"\n\"First line\\n\"\n\"Second line\"\n") != std::string::npos);
    CHECK(text.find("\"Language: en\\n\"") != std::string::npos);
    CHECK(text.find("\"Content-Type: text/plain; charset=UTF-8\\n\"") != std::string::npos);

    Diagnostics diags;
    std::optional<PoFile> back = ParsePo(text, "t.po", diags);
    INFO(diags.FormatAll());
    REQUIRE(back);
    CHECK(back->language == "en");
    REQUIRE(back->entries.size() == 2);
    CHECK(back->entries[0].context == entry.context);
    CHECK(back->entries[0].msgid == entry.msgid);
    CHECK(back->entries[0].msgstr == entry.msgstr);
    CHECK(back->entries[0].references == entry.references);
    CHECK_FALSE(back->entries[0].fuzzy);
    CHECK(back->entries[1].fuzzy);
    CHECK(back->entries[1].msgstr == "Home");
}

TEST_CASE("A malformed PO file is refused at its line", "[po]") {
    const auto first_error = [](const std::string& text) {
        Diagnostics diags;
        std::optional<PoFile> po = ParsePo(text, "bad.po", diags);
        CHECK_FALSE(po);
        return diags.All().empty() ? std::string() : diags.All().front().Format();
    };
    const std::string header = "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\n";
    CHECK(first_error(header + "msgctxt \"a\"\nmsgid \"Bonjour\nmsgstr \"Hello\"\n")
              .starts_with("bad.po:6: error: unterminated string"));
    // One error for one broken entry: its msgid read as "" must not pass for a second header.
    Diagnostics diags;
    CHECK_FALSE(ParsePo(header + "msgid \"a\nmsgstr \"b\"\n", "bad.po", diags));
    CHECK(diags.ErrorCount() == 1);
    CHECK(first_error(header + "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\n")
              .starts_with("bad.po:6: error: plural forms"));
    CHECK(first_error(header + "msgid \"a\"\n\n").starts_with("bad.po:5: error: msgid without its msgstr"));
    CHECK(first_error(header + "msgid \"a\"\nmsgstr \"b\\q\"\n")
              .starts_with("bad.po:6: error: unknown escape"));
    CHECK(first_error("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n")
              .find("only UTF-8") != std::string::npos);
}
