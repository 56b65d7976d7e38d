// Paths the file system refuses: a component longer than 255 bytes made the throwing
// std::filesystem overloads throw filesystem_error (ENAMETOOLONG) and the kiosk abort
// (SIGABRT) while loading. Each is now an error at the key's file:line, the rest loads.
// (unit_no_throwing_filesystem keeps the throwing overloads out of kiosk/.)
#include <fstream>
#include <regex>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "base/path_probe.h"
#include "content/content.h"
#include "i18n/catalog.h"
#include "keyboard/keyboard_layout.h"
#include "kiosk_data.h"
#include "survey/survey_loader.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

const std::string kLongName(300, 'n'); // NAME_MAX is 255 bytes

void Write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

bool Mentions(const Diagnostics& diags, const std::string& fragment) {
    return diags.FormatAll().find(fragment) != std::string::npos;
}

std::string DemoLikeConfig(const std::string& assets, const std::string& content,
                           const std::string& surveys) {
    return "[kiosk]\nid = \"test-kiosk\"\nlanguages = [\"fr\", \"en\"]\n"
           "[paths]\nassets = \"" +
           assets + "\"\ncontent = \"" + content + "\"\nsurveys = \"" + surveys + "\"\ndatabase = \"r.db\"\n";
}

} // namespace

TEST_CASE("ProbePath tells a missing path from one the system refuses, without throwing") {
    const std::filesystem::path dir = test::ScratchDir("path-probe");
    CHECK(ProbePath(dir).IsDirectory());
    CHECK(ProbePath(dir / "nothing").Missing());
    CHECK_FALSE(ProbePath(dir / "nothing").error);
    const PathProbe refused = ProbePath(dir / kLongName);
    CHECK(refused.error == std::errc::filename_too_long);
    CHECK_FALSE(refused.Missing());
    std::error_code ec;
    CHECK(ListFiles(dir / kLongName, ".toml", ec).empty());
    CHECK(ec == std::errc::filename_too_long);
    CHECK(ListFiles(dir / "nothing", ".toml", ec).empty());
    CHECK_FALSE(ec);
}

TEST_CASE("a paths entry with a name over 255 bytes is an error at its key, not an abort") {
    const std::filesystem::path dir = test::ScratchDir("path-too-long-config");
    std::filesystem::copy(test::SourceDir() / "config" / "content", dir / "content",
                          std::filesystem::copy_options::recursive);
    std::filesystem::copy(test::SourceDir() / "config" / "surveys", dir / "surveys",
                          std::filesystem::copy_options::recursive);
    const std::string assets = (test::SourceDir() / "assets").string();
    struct Case {
        const char* key;
        std::string config;
        int line;
    };
    for (const Case& c : {Case{"assets", DemoLikeConfig(kLongName, "content", "surveys"), 5},
                          Case{"content", DemoLikeConfig(assets, kLongName, "surveys"), 6},
                          Case{"surveys", DemoLikeConfig(assets, "content", kLongName + "/y"), 7}}) {
        INFO(c.key);
        Write(dir / "kiosk.toml", c.config);
        Diagnostics diags;
        CHECK_FALSE(LoadKioskData(dir / "kiosk.toml", diags));
        INFO(diags.FormatAll());
        CHECK(Mentions(diags, fmt::format("kiosk.toml:{}:1: error: paths.{}: directory", c.line, c.key)));
        CHECK(Mentions(diags, "File name too long"));
    }
}

TEST_CASE("a survey picture with a name over 255 bytes refuses that survey only") {
    const std::filesystem::path dir = test::ScratchDir("path-too-long-survey");
    std::filesystem::create_directories(dir / "pictures");
    std::filesystem::copy_file(test::DataDir() / "surveys" / "valid" / "pictures" / "jeux.png",
                               dir / "pictures" / "jeux.png");
    std::ifstream in(test::DataDir() / "surveys" / "valid" / "flow.toml");
    std::string flow((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::copy_file(test::DataDir() / "surveys" / "valid" / "poll.toml", dir / "poll.toml");
    Write(dir / "flow.toml", std::regex_replace(flow, std::regex("pictures/jeux.png"), kLongName + ".png"));

    Diagnostics diags;
    std::vector<Survey> surveys = LoadSurveys(dir, {"fr", "en"}, diags);
    INFO(diags.FormatAll());
    REQUIRE(surveys.size() == 1);
    CHECK(surveys[0].id == "square-poll");
    CHECK(Mentions(diags, (dir / "flow.toml").string() + ":83:"));
    CHECK(Mentions(diags, "picture: the picture"));
    CHECK(Mentions(diags, "File name too long"));
}

TEST_CASE("content, surveys, catalogues and keyboards in a directory named over 255 bytes do not throw") {
    const std::filesystem::path dir = test::ScratchDir("path-too-long-dirs") / kLongName;
    Diagnostics diags;
    Content content = LoadContent(dir, {"fr", "en"}, diags);
    CHECK(content.plans.empty());
    CHECK(LoadSurveys(dir, {"fr", "en"}, diags).empty());
    Catalogs catalogs;
    CHECK_FALSE(catalogs.Load(dir, {"fr"}, diags));
    KeyboardLayouts layouts;
    CHECK_FALSE(layouts.Load(dir, diags));
    INFO(diags.FormatAll());
    CHECK(Mentions(diags, "cannot list the plans directory: File name too long"));
    CHECK(Mentions(diags, "cannot list the surveys directory: File name too long"));
    CHECK(Mentions(diags, "cannot list the catalogue for language \"fr\": File name too long"));
    CHECK(Mentions(diags, "cannot list the keyboard layouts: File name too long"));
}
