// kiosk --export-translation / --import-translation (core/i18n/translation_export.h,
// translation_import.h) on the demo configuration, imports into a copy of it.
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "i18n/po_file.h"
#include "i18n/translation_export.h"
#include "i18n/translation_import.h"
#include "kiosk_data.h"
#include "skip.h"
#include "test_paths.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

std::string ReadText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void WriteText(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

// The demo's configuration, content, surveys and catalogues copied under the build tree.
fs::path CopyDemo(const std::string& name) {
    const fs::path dir = test::ScratchDir(name);
    fs::copy(test::SourceDir() / "config", dir / "config", fs::copy_options::recursive);
    fs::create_directories(dir / "assets");
    for (const char* part : {"i18n", "keyboards"})
        fs::copy(test::SourceDir() / "assets" / part, dir / "assets" / part, fs::copy_options::recursive);
    return dir / "config" / "kiosk.toml";
}

// Every file under `dir`, by path, with its bytes.
std::map<fs::path, std::string> Snapshot(const fs::path& dir) {
    std::map<fs::path, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() != ".po")
            files[entry.path()] = ReadText(entry.path());
    return files;
}

// The files whose bytes differ (or that appeared).
std::vector<fs::path> Changed(const std::map<fs::path, std::string>& before,
                              const std::map<fs::path, std::string>& after) {
    std::vector<fs::path> changed;
    for (const auto& [path, bytes] : after)
        if (auto it = before.find(path); it == before.end() || it->second != bytes) changed.push_back(path);
    return changed;
}

std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// The lines that differ between two texts of the same number of lines.
std::vector<std::string> DifferentLines(const std::string& before, const std::string& after) {
    const std::vector<std::string> a = Lines(before), b = Lines(after);
    REQUIRE(a.size() == b.size());
    std::vector<std::string> out;
    for (size_t i = 0; i < a.size(); i++)
        if (a[i] != b[i]) out.push_back(b[i]);
    return out;
}

PoFile ExportPo(const fs::path& config, const std::string& language, const fs::path& out) {
    Diagnostics diags;
    std::optional<ExportSummary> summary = ExportTranslation(config, language, out, diags);
    INFO(diags.FormatAll());
    REQUIRE(summary);
    REQUIRE_FALSE(diags.HasErrors());
    std::optional<PoFile> po = ParsePo(ReadText(out), out.string(), diags);
    REQUIRE(po);
    return *po;
}

PoEntry& Entry(PoFile& po, const std::string& context) {
    for (PoEntry& entry : po.entries)
        if (entry.context == context) return entry;
    FAIL("no entry " << context);
    throw;
}

bool Lists(const ImportReport& report, const std::string& what, const std::string& context) {
    for (const std::string& line : report.not_imported)
        if (line.find(what) != std::string::npos && line.ends_with(": " + context)) return true;
    return false;
}

} // namespace

TEST_CASE("The demo exports as a PO file with contexts and references", "[translation]") {
    const fs::path dir = test::ScratchDir("translation-export");
    const fs::path out = dir / "en.po";
    ExportPo(test::DemoConfig(), "en", out);
    const std::string po = ReadText(out);
    CHECK(po.find("\"Language: en\\n\"") != std::string::npos);
    // A catalogue text: context = its key, reference = its French file and line.
    CHECK(
        po.find(
            "#. key: attract.touch_to_start\n#: assets/i18n/fr/shell.toml:11\nmsgctxt "
            "\"attract.touch_to_start\"\nmsgid \"Touchez l’écran pour commencer\"\nmsgstr \"Touch the screen "
            "to start\"\n") != std::string::npos);
    // A survey's text: where it appears in the survey.
    CHECK(po.find(
              "#: config/surveys/futur-square.toml:36\nmsgctxt \"survey:futur-square/question:envie/text\"\n"
              "msgid \"Que voulez-vous dans le futur square\u202F?\"\nmsgstr \"What would you like in the "
              "future "
              "park?\"\n") != std::string::npos);
    CHECK(po.find("msgctxt \"survey:futur-square/question:envie/options:jeux/label\"\nmsgid \"Des jeux pour "
                  "enfants\"\nmsgstr \"A playground\"\n") != std::string::npos);
    CHECK(po.find("msgctxt \"timeline/phase:diagnostic/title\"\n") != std::string::npos);
    CHECK(po.find("msgctxt \"plan:square/hotspot:noue/title\"\n") != std::string::npos);
    CHECK(po.find("|fr-x-falc") == std::string::npos);

    // The easy-to-read variant: its own contexts, French source, its rewriting as msgstr.
    const fs::path falc = dir / "fr-x-falc.po";
    ExportPo(test::DemoConfig(), "fr-x-falc", falc);
    const std::string falc_po = ReadText(falc);
    CHECK(falc_po.find(
              "msgctxt \"survey:futur-square/title|fr-x-falc\"\nmsgid \"Que voulez-vous dans le futur "
              "square\u202F?\"\nmsgstr \"\"\n\"Le square va changer.\\n\"\n\"Qu’est-ce que vous voulez dans "
              "le square\u202F?\"\n") != std::string::npos);
    // A text FALC does not rewrite: empty, it falls back to French.
    CHECK(falc_po.find("msgctxt \"survey:futur-square/notice/controller|fr-x-falc\"\nmsgid \"Ville de "
                       "Neuilly-sur-Marne, direction du renouvellement urbain.\"\nmsgstr \"\"\n") !=
          std::string::npos);
}

TEST_CASE("The exported PO files pass msgfmt --check", "[translation]") {
    if (std::system("command -v msgfmt >/dev/null 2>&1") != 0)
        KIOSK_SKIP("msgfmt not installed (Debian package gettext, scripts/debian-packages.txt)");
    const fs::path dir = test::ScratchDir("translation-msgfmt");
    for (const char* language : {"en", "fr-x-falc", "ar"}) {
        const fs::path out = dir / (std::string(language) + ".po");
        ExportPo(test::DemoConfig(), language, out);
        const std::string command =
            "msgfmt --check -o /dev/null '" + out.string() + "' 2>'" + (dir / "msgfmt.err").string() + "'";
        INFO(language << ": " << ReadText(dir / "msgfmt.err"));
        CHECK(std::system(command.c_str()) == 0);
    }
}

TEST_CASE("Importing writes the translations in place and keeps the files' comments", "[translation]") {
    const fs::path config = CopyDemo("translation-import");
    const fs::path root = config.parent_path().parent_path();
    const fs::path po_path = root / "en.po";
    PoFile po = ExportPo(config, "en", po_path);
    size_t untranslated_before = 0; // texts the English catalogue leaves to French by design
    for (const PoEntry& entry : po.entries)
        untranslated_before += entry.msgstr.empty();
    Entry(po, "survey:futur-square/question:envie/text").msgstr = "What do you want in the new \"park\"?";
    Entry(po, "attract.touch_to_start").msgstr = "Touch the screen\nto begin";
    PoEntry& fuzzy = Entry(po, "survey:futur-square/title");
    fuzzy.fuzzy = true;
    fuzzy.msgstr = "A guess";
    Entry(po, "survey:futur-square/notice/controller").msgstr = "";
    WriteText(po_path, WritePo(po));

    const auto before = Snapshot(root);
    Diagnostics diags;
    std::optional<ImportReport> report = ImportTranslation(config, po_path, diags);
    INFO(diags.FormatAll());
    REQUIRE(report);
    const auto after = Snapshot(root);
    const fs::path survey = root / "config/surveys/futur-square.toml";
    const fs::path shell = root / "assets/i18n/en/shell.toml";
    CHECK(Changed(before, after) == std::vector<fs::path>{shell, survey});
    CHECK(report->texts_written == 2);

    // One line changed in each file; every other byte, comments included, as it was.
    CHECK(
        DifferentLines(before.at(survey), after.at(survey)) ==
        std::vector<std::string>{
            "text = { fr = \"Que voulez-vous dans le futur square\u202F?\", fr-x-falc = \"Le "
            "square va changer.\\nQu’est-ce que vous voulez dans le square\u202F?\", en = "
            "\"What do you want in the new \\\"park\\\"?\", ar = \"ماذا تريدون في الحديقة المستقبلية؟\" }"});
    CHECK(after.at(survey).find("# A hand voting again and again: more than 3 votes within 60 seconds, with "
                                "nobody leaving\n") != std::string::npos);
    CHECK(DifferentLines(before.at(shell), after.at(shell)) ==
          std::vector<std::string>{"touch_to_start = \"Touch the screen\\nto begin\""});

    // Fuzzy and untranslated entries: listed, not written.
    CHECK(Lists(*report, "fuzzy", "survey:futur-square/title"));
    CHECK(Lists(*report, "untranslated", "survey:futur-square/notice/controller"));
    CHECK(report->not_imported.size() == untranslated_before + 2);

    // The kiosk's loaders read the result.
    Diagnostics load;
    std::optional<KioskData> data = LoadKioskData(config, load);
    INFO(load.FormatAll());
    REQUIRE(data);
    CHECK_FALSE(load.HasErrors());
    const Survey* poll = data->FindSurvey("futur-square");
    REQUIRE(poll);
    CHECK(poll->questions.front().text.Get("en", "fr") == "What do you want in the new \"park\"?");
    CHECK(poll->title.Get("en", "fr") == "What would you like in the future park?");
    CHECK(data->catalogs.Text("en", "attract.touch_to_start") == "Touch the screen\nto begin");
}

TEST_CASE("Importing the easy-to-read variant adds its texts where there were none", "[translation]") {
    const fs::path config = CopyDemo("translation-import-falc");
    const fs::path root = config.parent_path().parent_path();
    const fs::path po_path = root / "falc.po";
    PoFile po = ExportPo(config, "fr-x-falc", po_path);
    Entry(po, "survey:futur-square/notice/controller|fr-x-falc").msgstr = "La mairie de Neuilly-sur-Marne.";
    Entry(po, "nav.back|fr-x-falc").msgstr = "Revenir";            // no [nav] in its shell.toml
    Entry(po, "home.welcome|fr-x-falc").msgstr = "Bonjour !";      // replaced
    Entry(po, "date.since|fr-x-falc").msgstr = "depuis le {from}"; // it has no dates.toml
    WriteText(po_path, WritePo(po));

    const auto before = Snapshot(root);
    Diagnostics diags;
    std::optional<ImportReport> report = ImportTranslation(config, po_path, diags);
    INFO(diags.FormatAll());
    REQUIRE(report);
    const auto after = Snapshot(root);
    const fs::path survey = root / "config/surveys/futur-square.toml";
    const fs::path shell = root / "assets/i18n/fr-x-falc/shell.toml";
    const fs::path dates = root / "assets/i18n/fr-x-falc/dates.toml";
    CHECK(Changed(before, after) == std::vector<fs::path>{dates, shell, survey});
    CHECK(DifferentLines(before.at(survey), after.at(survey)) ==
          std::vector<std::string>{
              "controller = { fr = \"Ville de Neuilly-sur-Marne, direction du renouvellement "
              "urbain.\", en = \"City of Neuilly-sur-Marne, urban renewal department.\", "
              "ar = \"بلدية نويي سور مارن، إدارة التجديد الحضري.\", "
              "fr-x-falc = \"La mairie de Neuilly-sur-Marne.\" }"});
    CHECK(after.at(shell).starts_with(before.at(shell).substr(0, before.at(shell).find("[home]"))));
    CHECK(after.at(shell).ends_with("\n[nav]\nback = \"Revenir\"\n"));
    // A new catalogue file: the French one's comments and tables, only the translated text.
    const std::string french_dates = ReadText(root / "assets/i18n/fr/dates.toml");
    CHECK(after.at(dates).starts_with(french_dates.substr(0, french_dates.find("first_day"))));
    CHECK(after.at(dates).find("since = \"depuis le {from}\"\n") != std::string::npos);
    CHECK(after.at(dates).find("full =") == std::string::npos);

    Diagnostics load;
    std::optional<KioskData> data = LoadKioskData(config, load);
    INFO(load.FormatAll());
    REQUIRE(data);
    CHECK_FALSE(load.HasErrors());
    CHECK(data->catalogs.Text("fr-x-falc", "nav.back") == "Revenir");
    CHECK(data->catalogs.Text("fr-x-falc", "home.welcome") == "Bonjour !");
    CHECK(data->catalogs.Text("fr-x-falc", "date.since") == "depuis le {from}");
    CHECK(data->catalogs.Text("fr-x-falc", "date.full") == data->catalogs.Text("fr", "date.full"));
    CHECK(data->FindSurvey("futur-square")->notice.controller.Get(data->config.languages, "fr-x-falc") ==
          "La mairie de Neuilly-sur-Marne.");
}

TEST_CASE("A malformed PO file or an unknown context changes nothing", "[translation]") {
    const fs::path config = CopyDemo("translation-import-refused");
    const fs::path root = config.parent_path().parent_path();
    const auto before = Snapshot(root);

    const fs::path bad = root / "bad.po";
    WriteText(bad, "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\nmsgctxt \"attract.touch_to_start\"\n"
                   "msgid \"Touchez l’écran pour commencer\"\nmsgstr \"Touch here\n");
    Diagnostics diags;
    CHECK_FALSE(ImportTranslation(config, bad, diags));
    REQUIRE(diags.HasErrors());
    CHECK(diags.All().front().Format().starts_with(bad.string() + ":7: error: unterminated string"));
    CHECK(diags.ErrorCount() == 1); // no second error about the same entry

    // A text translated and an entry of a question that no longer exists: nothing written.
    PoFile po = ExportPo(config, "en", root / "en.po");
    Entry(po, "attract.touch_to_start").msgstr = "Touch here";
    PoEntry gone = Entry(po, "survey:futur-square/question:envie/text");
    gone.context = "survey:futur-square/question:removed/text";
    po.entries.push_back(gone);
    WriteText(root / "en.po", WritePo(po));
    Diagnostics unknown;
    CHECK_FALSE(ImportTranslation(config, root / "en.po", unknown));
    REQUIRE(unknown.ErrorCount() == 1);
    const std::string message = unknown.All().front().Format();
    CHECK(message.starts_with((root / "en.po").string() + ":"));
    CHECK(message.find("unknown context \"survey:futur-square/question:removed/text\"") != std::string::npos);

    CHECK(Changed(before, Snapshot(root)).empty());
}

TEST_CASE("Exporting then importing without edits changes no byte", "[translation]") {
    const fs::path config = CopyDemo("translation-round-trip");
    const fs::path root = config.parent_path().parent_path();
    const auto before = Snapshot(root);
    for (const char* language : {"en", "fr-x-falc"}) {
        const fs::path po = root / (std::string(language) + ".po");
        ExportPo(config, language, po);
        Diagnostics diags;
        std::optional<ImportReport> report = ImportTranslation(config, po, diags);
        INFO(diags.FormatAll());
        REQUIRE(report);
        CHECK(report->files_written.empty());
    }
    CHECK(Changed(before, Snapshot(root)).empty());
}
