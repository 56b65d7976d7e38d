// Sample for tests/i18n/check_translation_keys_test.py, never compiled: each line marked
// "expect:" must be reported at its file:line with that text; nothing else may be reported.
#include "app.h"

void DrawSample(App& app, const Catalogs& catalogs, bool ok) {
    Show(app.Tr("home.title"));
    static constexpr const char* kLanguageNameKey = "language.name"; // as the loader requires it
    Show(app.Tr("home.welcom"));                      // expect: key "home.welcom" is missing from the
    Show(app.Format("home.count", fmt::arg("n", 3))); // expect: key "home.count" is missing from the "en"
    Show(catalogs.Text("en", ok ? "home.yes" : "home.no"));
    static const char* kTiles[] = {"home.tile.plans", "home.tile.timeline"};
    const std::string section = "home.tile";       // expect: is a catalogue section, not a text
    Show(app.Tr(section + ".plans"));              // expect: is the tail of a key assembled at run time
    Show(app.Tr(fmt::format("home.tile.n{}", 1))); // expect: looks like part of a key assembled
    Show(app.Tr("hme.title"));                     // expect: key "hme.title" is missing from the
    Show(app.Tr(ok ? "home.yes" : "hom.no"));      // expect: key "hom.no" is missing from the
    Show(catalogs.Text(language, "home.Title"));   // expect: is given as a translation key but is not one
    // Not keys: a touch target's name, a marked line, file names, prose.
    app.targets.Name("home.tile_target");
    // i18n: not a key — a target name in a table
    static const char* kTargets[] = {"home.tile"};
    Load("home.toml");
    LogError("home.title: shown in French");
}
