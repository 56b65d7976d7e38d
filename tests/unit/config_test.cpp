// Configuration loading: the demo configuration is valid, and every broken file in
// tests/data/config/broken/ gives exactly the diagnostic its first line announces:
//     # expect: LINE:COLUMN message fragment
// or, for a problem with no place in the file (a missing top-level table):
//     # expect: - message fragment
#include <fstream>

#include <catch2/catch.hpp>

#include "config/config.h"
#include "kiosk_data.h"
#include "test_paths.h"

using namespace kiosk;

TEST_CASE("the demo configuration loads with every path resolved") {
    Diagnostics diags;
    std::optional<KioskConfig> cfg = LoadKioskConfig(test::DemoConfig(), diags);
    INFO(diags.FormatAll());
    REQUIRE(cfg);
    CHECK_FALSE(diags.HasErrors());
    CHECK(cfg->kiosk_id == "fauvettes-mdp-01");
    CHECK(cfg->languages == std::vector<std::string>{"fr", "fr-x-falc", "en", "ar"});
    // Easy-to-read French is a variant of French: its catalogue says so.
    CHECK(cfg->languages.VariantOf("fr-x-falc") == "fr");
    CHECK_FALSE(cfg->languages.IsVariant("en"));
    CHECK(cfg->DefaultLanguage() == "fr");
    CHECK(cfg->idle.timeout_seconds == 90);
    CHECK(cfg->idle.countdown_seconds == 15);
    // Relative paths are relative to the configuration file, not to the working directory.
    CHECK(cfg->paths.assets == (test::SourceDir() / "assets").lexically_normal());
    CHECK(cfg->paths.content == (test::SourceDir() / "config" / "content").lexically_normal());
    CHECK(cfg->paths.database.is_absolute());
    CHECK_FALSE(cfg->opening_hours.always_open);
    // The demo's mounting: a 32" landscape screen whose top edge is above a wheelchair
    // user's reach (README "Using the kiosk").
    CHECK(cfg->display.bottom_mm == 900);
    CHECK(cfg->display.height_mm == 398);
    CHECK(cfg->display.low_reach == LowReach::Toggle);
}

TEST_CASE("LoadKioskData loads the configuration and the catalogues") {
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(test::DemoConfig(), diags);
    INFO(diags.FormatAll());
    REQUIRE(data);
    CHECK(data->catalogs.LanguageName("fr") == "Français");
    CHECK(data->catalogs.LanguageName("en") == "English");
}

namespace {
struct Expectation {
    int line = 0, column = 0;
    std::string fragment;
};

Expectation ReadExpectation(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    const std::string prefix = "# expect: ";
    REQUIRE(first.rfind(prefix, 0) == 0);
    Expectation e;
    std::string rest = first.substr(prefix.size());
    size_t space = rest.find(' ');
    e.fragment = rest.substr(space + 1);
    if (rest[0] == '-') return e;
    size_t colon = rest.find(':');
    e.line = std::stoi(rest.substr(0, colon));
    e.column = std::stoi(rest.substr(colon + 1, space - colon - 1));
    return e;
}
} // namespace

TEST_CASE("every broken configuration is refused with its file:line:column message") {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::DataDir() / "config" / "broken"))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 10);

    for (const std::filesystem::path& file : files) {
        SECTION(file.filename().string()) {
            Expectation expected = ReadExpectation(file);
            Diagnostics diags;
            std::optional<KioskData> data = LoadKioskData(file, diags);
            INFO(diags.FormatAll());
            CHECK_FALSE(data);
            REQUIRE(diags.HasErrors());
            const std::string want_prefix =
                expected.line == 0
                    ? fmt::format("{}: error: ", file.string())
                    : fmt::format("{}:{}:{}: error: ", file.string(), expected.line, expected.column);
            bool found = false;
            for (const Diagnostic& d : diags.All())
                if (d.Format().rfind(want_prefix, 0) == 0 &&
                    d.Format().find(expected.fragment) != std::string::npos)
                    found = true;
            INFO("expected: " << want_prefix << "…" << expected.fragment);
            CHECK(found);
        }
    }
}

TEST_CASE("a missing configuration file is an error naming the file") {
    Diagnostics diags;
    CHECK_FALSE(LoadKioskConfig("/nonexistent/kiosk.toml", diags));
    REQUIRE(diags.ErrorCount() == 1);
    CHECK(diags.All()[0].Format() == "/nonexistent/kiosk.toml: error: cannot open the file for reading");
}

TEST_CASE("all errors of a file are reported, not just the first") {
    std::filesystem::path dir = test::ScratchDir("config-many-errors");
    std::filesystem::path file = dir / "kiosk.toml";
    std::ofstream(file) << "[kiosk]\nid = \"bad id\"\nlanguages = [\"fr\", \"fr\"]\n"
                           "[idle]\ntimeout_seconds = 1\ncountdown_seconds = \"x\"\nthanks = 3\n";
    Diagnostics diags;
    CHECK_FALSE(LoadKioskConfig(file, diags));
    INFO(diags.FormatAll());
    // id, duplicate language, timeout range, countdown type, unknown key, missing [paths]
    CHECK(diags.ErrorCount() == 6);
}
