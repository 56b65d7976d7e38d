// Deeply nested TOML: toml++ recurses once per level, so about 35 000 levels (a 70 KB file)
// overflowed the stack and killed the kiosk (SIGSEGV) before it could log anything. Every
// file goes through ParseTomlFile, which now refuses such a text at file:line before toml++
// sees it, for every way TOML nests; the kiosk's other files still load.
#include <fstream>

#include <catch2/catch.hpp>

#include "config/toml_nesting.h"
#include "config/toml_reader.h"
#include "content/content.h"
#include "i18n/catalog.h"
#include "keyboard/keyboard_layout.h"
#include "kiosk_data.h"
#include "survey/survey_loader.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

constexpr int kDeep = 35000; // the depth that crashed the kiosk

std::string Repeat(std::string_view piece, int count) {
    std::string out;
    out.reserve(piece.size() * count);
    for (int i = 0; i < count; i++)
        out += piece;
    return out;
}

// `a.a.a…a`: a dotted key of `levels` segments.
std::string DottedKey(int levels) {
    return "a" + Repeat(".a", levels - 1);
}

struct Form {
    const char* name;
    std::string text; // the deep statement (on one line)
};

std::vector<Form> DeepForms(int levels) {
    return {
        {"dotted key", DottedKey(levels) + " = 1"},
        {"table header", "[" + DottedKey(levels) + "]"},
        {"array of tables header", "[[" + DottedKey(levels) + "]]"},
        {"nested inline tables", "x = " + Repeat("{a = ", levels) + "1" + Repeat("}", levels)},
        {"nested arrays", "x = " + Repeat("[", levels) + Repeat("]", levels)},
    };
}

void Write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

bool Mentions(const Diagnostics& diags, const std::string& fragment) {
    return diags.FormatAll().find(fragment) != std::string::npos;
}

} // namespace

TEST_CASE("every form of deep TOML nesting is refused at its file:line, without a crash") {
    const std::filesystem::path dir = test::ScratchDir("toml-nesting-forms");
    for (const Form& form : DeepForms(kDeep)) {
        INFO(form.name);
        const std::filesystem::path file = dir / "deep.toml";
        Write(file, "# two lines before it\ntitle = \"ok\"\n" + form.text + "\n");
        CHECK(form.text.size() >= 2 * kDeep);
        Diagnostics diags;
        CHECK_FALSE(ParseTomlFile(file, diags));
        INFO(diags.FormatAll());
        CHECK(diags.ErrorCount() == 1);
        CHECK(Mentions(diags, file.string() + ":3:"));
        CHECK(Mentions(diags, "TOML nesting"));
    }
}

TEST_CASE("nesting up to the limit parses, one level more is refused") {
    CHECK_FALSE(FindExcessiveNesting(DottedKey(kMaxTomlNesting) + " = 1\n"));
    CHECK(FindExcessiveNesting(DottedKey(kMaxTomlNesting + 1) + " = 1\n"));
    // A header's depth adds to the keys below it.
    CHECK_FALSE(FindExcessiveNesting("[" + DottedKey(kMaxTomlNesting - 2) + "]\nb.c = 1\n"));
    std::optional<NestingExcess> excess =
        FindExcessiveNesting("[" + DottedKey(kMaxTomlNesting - 2) + "]\n\nb.c.d = 1\n");
    REQUIRE(excess);
    CHECK(excess->line == 3);
    // Each header starts again from the root.
    CHECK_FALSE(FindExcessiveNesting(Repeat("[" + DottedKey(kMaxTomlNesting) + "]\n", 3)));
}

TEST_CASE("brackets, braces and dots in strings, comments and numbers are not nesting") {
    const std::string many = Repeat("[{.", kDeep);
    const std::string text = "basic = \"" + many + "\"\n" +             //
                             "literal = '" + many + "'\n" +             //
                             "multi = \"\"\"\n" + many + "\n\"\"\"\n" + //
                             "multi_literal = '''\n" + many + "'''\n" + //
                             "# " + many + "\n" +                       //
                             "escaped = \"\\\"" + many + "\"\n" +       //
                             "floats = [" + Repeat("1.5, ", kDeep) + "2.5]\n" +
                             "dates = [1979-05-27T07:32:00.999Z, 1.0e3]\n" + //
                             "\"quoted" + many + "\" = 1\n" + "[\"" + many +
                             "\"]\n" //
                             "k = 1\n";
    CHECK_FALSE(FindExcessiveNesting(text));
    // The text after all those strings is still scanned.
    std::optional<NestingExcess> excess = FindExcessiveNesting(text + DottedKey(kDeep) + " = 1\n");
    REQUIRE(excess);
    CHECK(excess->line == 15);
}

TEST_CASE("a character other than ASCII outside strings and comments is refused before toml++ reads it") {
    // Found by fuzzing (fuzz_plan, fuzz_keyboard): toml++ 3.3 reached __builtin_unreachable
    // reading `é` after a bare key. Any non-ASCII outside quotes is invalid TOML anyway.
    const std::filesystem::path file = test::ScratchDir("toml-non-ascii") / "accents.toml";
    for (const std::string text :
         {"title = \"ok\"\nr\xC3\xA9sum\xC3\xA9 = 1\n", "title = \"ok\"\n[pr\xC3\xA9]\n",
          "title = \"ok\"\nk\xEF\xB9\x90 = 1\n", "title = \"ok\"\na = 1 \xC3\xA9\n"}) {
        Write(file, text);
        Diagnostics diags;
        CHECK_FALSE(ParseTomlFile(file, diags));
        INFO(diags.FormatAll());
        CHECK(Mentions(diags, file.string() + ":2:"));
        CHECK(Mentions(diags, "other than ASCII outside quotes"));
    }
    // In strings, quoted keys and comments they are text.
    Write(file, "# \xC3\xA9t\xC3\xA9\n\"cl\xC3\xA9\" = \"\xC3\xA9t\xC3\xA9\"\nm = '''\n\xEF\xB9\x90\n'''\n");
    Diagnostics diags;
    CHECK(ParseTomlFile(file, diags));
    CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("a quote, array or table glued to a value or a key is refused before toml++ reads past it") {
    // Found by fuzzing (fuzz_keyboard, `u = 0"ù", …` and `a =0["à", …]`): toml++ 3.3 read on
    // past the quote or bracket to find the end of the number and reached
    // __builtin_unreachable on the letter inside.
    const std::filesystem::path file = test::ScratchDir("toml-stray-quote") / "quote.toml";
    for (const std::string text :
         {"title = \"ok\"\nu = 0\"\xC3\xB9\"\n", "title = \"ok\"\nu = [0'\xC3\xB9']\n",
          "title = \"ok\"\nu = 1.\"\xC3\xB9\"\n", "title = \"ok\"\nk\"\xC3\xA9\" = 1\n",
          "title = \"ok\"\na =0[\"\xC3\xA0\", \"\xC3\xA2\"]\n",
          "title = \"ok\"\nb = true {c = \"\xC3\xA9\"}\n"}) {
        Write(file, text);
        Diagnostics diags;
        CHECK_FALSE(ParseTomlFile(file, diags));
        INFO(diags.FormatAll());
        CHECK(Mentions(diags, file.string() + ":2:"));
        CHECK(Mentions(diags, "glued to the value or key before it"));
    }
    // Strings where TOML puts them: values, array items, inline tables, quoted key segments,
    // arrays over several lines, multi-line strings.
    Write(file, "a = \"x\"\nb = [\"y\", 'z']\nc = {d = \"w\", \"e\" = 1}\nf.\"g\" = \"\xC3\xA9\"\n"
                "h = [\n  \"i\",\n  \"j\"\n]\n\"k\" = '''\nl\n'''\nm = [[1, 2],[3], {n = [4]}]\n"
                "o = {p = {q = 1}, r = [\n[5]]}\n");
    Diagnostics diags;
    CHECK(ParseTomlFile(file, diags));
    INFO(diags.FormatAll());
    CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("every TOML file shipped or used by the tests is well within the nesting limit") {
    int files = 0;
    for (const char* top : {"config", "assets", "tests/data"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(test::SourceDir() / top)) {
            if (entry.path().extension() != ".toml") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            INFO(entry.path().string());
            // A margin, so that a richer real file never comes near the limit. (A broken test
            // file may stop the scan at a stray quote: that is its syntax error, not nesting.)
            const std::optional<NestingExcess> excess = FindExcessiveNesting(text, kMaxTomlNesting / 4);
            CHECK_FALSE((excess && !excess->glued));
            files++;
        }
    }
    CHECK(files > 50);
    Diagnostics diags;
    CHECK(LoadKioskData(test::DemoConfig(), diags));
    INFO(diags.FormatAll());
    CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("a deep survey, plan, timeline or agenda is left out and the rest of the kiosk loads") {
    const std::filesystem::path dir = test::ScratchDir("toml-nesting-kiosk");
    const std::string deep = "# deep\n" + DottedKey(kDeep) + " = 1\n";
    std::filesystem::copy(test::SourceDir() / "config" / "content", dir / "content",
                          std::filesystem::copy_options::recursive);
    std::filesystem::copy(test::SourceDir() / "config" / "surveys", dir / "surveys",
                          std::filesystem::copy_options::recursive);
    Write(dir / "surveys" / "zz-deep.toml", deep);
    Write(dir / "content" / "plans" / "zz-deep.toml", deep);
    Write(dir / "content" / "timeline.toml", deep);
    Write(dir / "content" / "agenda.toml", deep);
    Write(dir / "kiosk.toml", "[kiosk]\nid = \"test-kiosk\"\nlanguages = [\"fr\", \"en\"]\n"
                              "[paths]\nassets = \"" +
                                  (test::SourceDir() / "assets").string() +
                                  "\"\ncontent = \"content\"\nsurveys = \"surveys\"\ndatabase = \"r.db\"\n");
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(dir / "kiosk.toml", diags);
    INFO(diags.FormatAll());
    REQUIRE(data);
    CHECK(data->surveys.size() == 3);
    CHECK_FALSE(data->content.plans.empty());
    CHECK(data->content.phases.empty());
    CHECK(data->content.events.empty());
    for (const char* file : {"surveys/zz-deep.toml", "content/plans/zz-deep.toml", "content/timeline.toml",
                             "content/agenda.toml"})
        CHECK(Mentions(diags, (dir / file).string() + ":2:"));
}

TEST_CASE("a deep configuration, catalogue or keyboard is refused with file:line") {
    const std::filesystem::path dir = test::ScratchDir("toml-nesting-refused");
    const std::string deep = "# deep\n" + DottedKey(kDeep) + " = 1\n";
    {
        Write(dir / "kiosk.toml", deep);
        Diagnostics diags;
        CHECK_FALSE(LoadKioskData(dir / "kiosk.toml", diags));
        CHECK(Mentions(diags, (dir / "kiosk.toml").string() + ":2:"));
    }
    {
        Write(dir / "i18n" / "fr" / "a.toml", "[language]\nname = \"Français\"\n[x]\nk = \"1\"\n");
        Write(dir / "i18n" / "fr" / "deep.toml", deep);
        Catalogs catalogs;
        Diagnostics diags;
        catalogs.Load(dir / "i18n", {"fr"}, diags);
        CHECK(Mentions(diags, (dir / "i18n" / "fr" / "deep.toml").string() + ":2:"));
    }
    {
        Write(dir / "keyboards" / "deep.toml", deep);
        KeyboardLayouts layouts;
        Diagnostics diags;
        layouts.Load(dir / "keyboards", diags);
        CHECK(Mentions(diags, (dir / "keyboards" / "deep.toml").string() + ":2:"));
    }
}
