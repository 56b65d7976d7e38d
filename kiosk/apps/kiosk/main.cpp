// kiosk — the Maison du projet touch screen.
//
//   kiosk [--config FILE] [--db FILE] [--windowed] [--size WxH]
//   kiosk --check-config [--config FILE] [--db FILE]
//   kiosk --set-pin [--config FILE]
//   kiosk --export-translation LANG --out FILE.po [--config FILE]
//   kiosk --import-translation FILE.po [--config FILE]
//
// Exit codes: 0 normal quit (or valid configuration, or PIN set); 1 invalid configuration
// (or one --set-pin cannot read or write, or a translation that cannot be exported or
// imported: nothing is written then); 2 bad command line (or a PIN refused);
// 3 no usable screen; 4 fonts missing or unusable.
// (README "Command line".)
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "base/clock.h"
#include "base/log.h"
#include "base/path_probe.h"
#include "base/version.h"
#include "big_screen/big_screen.h"
#include "common/command_line.h"
#include "common/config_path.h"
#include "common/database_path.h"
#include "config/toml_reader.h"
#include "fatal_error_screen.h"
#include "fonts.h"
#include "i18n/translation_export.h"
#include "i18n/translation_import.h"
#include "image_check.h"
#include "kiosk_data.h"
#include "platform/event_wait.h"
#include "results/results_service.h"
#include "set_pin.h"
#include "shell.h"
#include "staff/results_view.h"
#include "store/response_store.h"

using namespace kiosk;

namespace {

constexpr int kExitNoDisplay = 3;
constexpr int kExitFonts = 4; // not "no display": staff must look in paths.assets, not at the screen

// The configuration and everything it references, the responses database path included
// (--db applied): nothing when something is refused (the reasons are in `diags`).
std::optional<KioskData> Load(const std::filesystem::path& config_file, const std::string& db_file,
                              Diagnostics& diags) {
    std::optional<KioskData> data = LoadKioskData(config_file, diags);
    if (data && !UseDatabasePath(data->config, db_file, diags)) return std::nullopt;
    return data;
}

// Where `paths.assets` is written in the configuration (fonts are found through it).
SourcePos AssetsKey(const std::filesystem::path& config_file) {
    Diagnostics ignored;
    std::optional<toml::table> table = ParseTomlFile(config_file, ignored);
    const toml::table* paths = table ? (*table)["paths"].as_table() : nullptr;
    if (!paths) return {config_file.string()};
    return TableReader(*paths, "paths", config_file.string(), ignored).Where("assets");
}

int CheckConfig(const std::filesystem::path& config_file, const std::string& db_file) {
    Diagnostics diags;
    std::optional<KioskData> data = Load(config_file, db_file, diags);
    if (data) {
        // Loading reads image headers only: decode each image once, as the screens will.
        diags = CheckImages(*data, diags);
        for (const std::string& problem : CheckFontFiles(data->config.paths.assets / "fonts"))
            diags.Error(AssetsKey(config_file), "paths.assets: " + problem);
    }
    PrintDiagnostics(diags);
    if (!data || diags.HasErrors()) {
        std::fprintf(stderr, "%s: %d error(s)\n", config_file.c_str(), diags.ErrorCount());
        return 1;
    }
    if (!data->config.staff.Enabled())
        std::printf("%s: no [staff] pin_hash: staff mode is off (kiosk --set-pin sets a PIN)\n",
                    config_file.c_str());
    std::printf("%s: valid\n", config_file.c_str());
    return 0;
}

// --export-translation: the PO file for a translator (README "Translating the kiosk").
int ExportTranslationCommand(const std::filesystem::path& config_file, const std::string& language,
                             const std::filesystem::path& out) {
    Diagnostics diags;
    std::optional<ExportSummary> summary = ExportTranslation(config_file, language, out, diags);
    PrintDiagnostics(diags);
    if (!summary) {
        std::fprintf(stderr, "kiosk: --export-translation: nothing written\n");
        return 1;
    }
    std::printf("%s: %d texts, %d already translated into %s\n", out.c_str(), summary->texts,
                summary->translated, language.c_str());
    return 0;
}

// --import-translation: the translator's PO file back into the TOML files; what is not
// imported (fuzzy, untranslated) is listed on stdout, one line each.
int ImportTranslationCommand(const std::filesystem::path& config_file, const std::filesystem::path& po_file) {
    Diagnostics diags;
    std::optional<ImportReport> report = ImportTranslation(config_file, po_file, diags);
    PrintDiagnostics(diags);
    if (!report) {
        std::fprintf(stderr, "%s: %d error(s); nothing written\n", po_file.c_str(), diags.ErrorCount());
        return 1;
    }
    for (const std::string& line : report->not_imported)
        std::printf("%s\n", line.c_str());
    for (const std::filesystem::path& file : report->files_written)
        std::printf("written: %s\n", file.c_str());
    std::printf("%s: %d text(s) written into %zu file(s), %zu entr%s not imported (shown in the fallback "
                "language)\n",
                po_file.c_str(), report->texts_written, report->files_written.size(),
                report->not_imported.size(), report->not_imported.size() == 1 ? "y" : "ies");
    if (!report->language_configured)
        std::printf("%s is not in kiosk.languages yet: add it there to offer it to visitors\n",
                    report->language.c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const double process_start = SystemClock().Now();
    SetLogProgramName("kiosk");

    CLI::App cli{"Maison du projet kiosk: the touch screen where residents see the urban-renewal programme "
                 "and give their opinion."};
    std::string config_file = DefaultConfigPath().string();
    std::string db_file;
    std::string size_text = "1920x1080";
    bool windowed = false, check_config = false, set_pin = false, show_version = false;
    cli.add_option("--config", config_file,
                   "Configuration file (default: config/kiosk.toml, else "
                   "/etc/maison-du-projet/kiosk.toml)");
    cli.add_option("--db", db_file, "Responses database (overrides paths.database)");
    cli.add_flag("--windowed", windowed, "Run in a window instead of full screen (development)");
    cli.add_option("--size", size_text, "Window size when windowed, e.g. 1280x800");
    CLI::Option* check_option =
        cli.add_flag("--check-config", check_config,
                     "Validate the configuration and everything it references, print every error, and exit");
    CLI::Option* pin_option =
        cli.add_flag("--set-pin", set_pin,
                     "Ask for a new staff PIN twice (or read two lines on stdin) and write its hash into the "
                     "configuration's [staff] pin_hash, then exit")
            ->excludes(check_option);
    cli.add_flag("--version", show_version, "Print the version and exit");
    std::string big_screen_id;
    cli.add_option("--big-screen", big_screen_id,
                   "Show the live results of poll ID (or SURVEY:QUESTION, a single-choice question) on the "
                   "big screen: a second display when there is one, else this screen (a touch returns)");
    std::string export_language, po_out, po_in;
    CLI::Option* export_option = cli.add_option(
        "--export-translation", export_language,
        "Write every text the kiosk can show (catalogues, content, surveys) as a gettext PO file for "
        "translating into LANG (French source; needs --out), then exit");
    CLI::Option* out_option = cli.add_option("--out", po_out, "The PO file --export-translation writes");
    export_option->needs(out_option);
    out_option->needs(export_option);
    CLI::Option* import_option =
        cli.add_option(
               "--import-translation", po_in,
               "Write the translations of a PO file (its Language:) back into the catalogues, content and "
               "surveys, keeping their comments; list the fuzzy and untranslated entries, then exit")
            ->excludes(export_option)
            ->excludes(check_option)
            ->excludes(pin_option);
    export_option->excludes(check_option)->excludes(pin_option);
    if (std::optional<int> exit = ParseCommandLine(cli, argc, argv)) return *exit;

    if (show_version) {
        std::printf("kiosk %s\n", KioskVersion());
        return 0;
    }
    if (check_config) return CheckConfig(config_file, db_file);
    if (set_pin) return RunSetPin(config_file);
    if (export_option->count()) return ExportTranslationCommand(config_file, export_language, po_out);
    if (import_option->count()) return ImportTranslationCommand(config_file, po_in);

    std::optional<std::pair<int, int>> size = ParseSize(size_text);
    if (!size) {
        std::fprintf(stderr, "kiosk: --size: \"%s\" is not a size such as 1280x800\n", size_text.c_str());
        return kExitBadCommandLine;
    }
    ShellOptions options;
    options.window.fullscreen = !windowed;
    options.window.width = size->first;
    options.window.height = size->second;
    options.dev_keys = windowed;
    options.process_start = process_start;

    Diagnostics diags;
    std::optional<KioskData> data = Load(config_file, db_file, diags);
    PrintDiagnostics(diags);
    if (!data) {
        LogError("invalid configuration {}: {} error(s); not starting", config_file, diags.ErrorCount());
        if (windowed) return 1;
        // Full screen: say it on the screen too, and restart once the file is fixed.
        std::vector<std::string> lines;
        for (const Diagnostic& d : diags.All())
            lines.push_back(d.Format());
        bool fixed = RunFatalErrorScreen(lines, options.window, [&] {
            Diagnostics again;
            return Load(config_file, db_file, again).has_value();
        });
        if (fixed) {
            LogInfo("configuration fixed; restarting");
            execv("/proc/self/exe", argv);
        }
        return 1;
    }
    LogInfo("kiosk {} starting: {} ({})", KioskVersion(), data->config.kiosk_id, config_file);

    // The store opens the database in the background and holds its writer lock while the
    // kiosk runs (kiosk-fill refuses to write meanwhile). Declared before the shell, so it
    // is destroyed after it: answers still queued get their last attempt at exit.
    std::string error;
    // The panel's results: declared before the store, whose on_change (its writer thread)
    // tells it new responses committed, so it outlives the store.
    ResultsService results(ResultsOptions(*data, WakeMainLoop));
    StoreOptions store_options = ResponseStoreOptions(*data);
    store_options.on_change = [&results] {
        WakeMainLoop();
        results.NotifyChanged();
    };
    BigScreenSubject big_screen;
    if (!big_screen_id.empty()) {
        big_screen = ResolveBigScreenSubject(*data, big_screen_id, error);
        if (!error.empty()) {
            std::fprintf(stderr, "kiosk: --big-screen: %s\n", error.c_str());
            return kExitBadCommandLine;
        }
        AddBigScreenTally(store_options, big_screen); // a survey's question is counted only if asked
    }
    ResponseStore store(std::move(store_options));

    SystemClock clock;
    Shell::Failure failure = Shell::Failure::Display;
    std::unique_ptr<Shell> shell = Shell::Create(*data, options, clock, error, &failure);
    if (!shell) {
        if (failure == Shell::Failure::Fonts) {
            LogError("{}; the kiosk cannot show text and does not start (exit {}): restore the fonts in {}",
                     error, kExitFonts, (data->config.paths.assets / "fonts").string());
            return kExitFonts;
        }
        LogError("{}", error);
        return kExitNoDisplay;
    }
    shell->GetApp().store = &store;
    shell->GetApp().results = &results;
    if (!big_screen.survey_id.empty() &&
        !shell->GetBigScreen().Open(big_screen.survey_id, big_screen.question_id,
                                    BigScreenTarget::SecondDisplay, error))
        LogError("{}", error);
    return shell->Run();
}
