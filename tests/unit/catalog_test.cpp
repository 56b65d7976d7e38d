// Translation catalogues: loading from per-language directories, French fallback,
// placeholders, and the errors a translator can make.
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <iterator>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "base/log.h"
#include "i18n/catalog.h"
#include "test_paths.h"

using namespace kiosk;

namespace {
// What `run` writes on stderr (the log), through a temporary file.
std::string CaptureStderr(const std::function<void()>& run) {
    const std::filesystem::path file = test::ScratchDir("catalog-stderr") / "stderr.txt";
    std::fflush(stderr);
    const int saved = dup(STDERR_FILENO);
    const int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(saved >= 0);
    REQUIRE(fd >= 0);
    dup2(fd, STDERR_FILENO);
    close(fd);
    run();
    std::fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void Write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
}
} // namespace

TEST_CASE("the shipped catalogues load and name their language in itself") {
    Catalogs catalogs;
    Diagnostics diags;
    REQUIRE(catalogs.Load(test::SourceDir() / "assets" / "i18n", {"fr", "en"}, diags));
    INFO(diags.FormatAll());
    CHECK_FALSE(diags.HasErrors());
    CHECK(catalogs.LanguageName("fr") == "Français");
    CHECK(catalogs.Text("fr", "attract.touch_to_start") == "Touchez l’écran pour commencer");
    CHECK(catalogs.Text("en", "attract.touch_to_start") == "Touch the screen to start");
}

TEST_CASE("every reference text is translated in every shipped language") {
    Catalogs catalogs;
    Diagnostics diags;
    REQUIRE(catalogs.Load(test::SourceDir() / "assets" / "i18n", {"fr", "en"}, diags));
    // Untranslated or orphan keys are warnings: the shipped catalogues have none.
    INFO(diags.FormatAll());
    CHECK(diags.Empty());
}

TEST_CASE("a missing translation falls back to the reference language") {
    auto dir = test::ScratchDir("catalog-fallback");
    Write(dir / "fr" / "a.toml",
          "[language]\nname = \"Français\"\n[x]\nhello = \"Bonjour\"\nbye = \"Au revoir\"\n");
    Write(dir / "en" / "a.toml", "[language]\nname = \"English\"\n[x]\nhello = \"Hello\"\n");
    Catalogs catalogs;
    Diagnostics diags;
    REQUIRE(catalogs.Load(dir, {"fr", "en"}, diags));
    CHECK(catalogs.Text("en", "x.hello") == "Hello");
    CHECK(catalogs.Text("en", "x.bye") == "Au revoir");
    REQUIRE(diags.All().size() == 1);
    CHECK(diags.All()[0].severity == Severity::Warning);
    CHECK(diags.All()[0].message.find("x.bye") != std::string::npos);
}

TEST_CASE("a key in no catalogue shows nothing, never the key, and is logged once") {
    auto dir = test::ScratchDir("catalog-missing");
    Write(dir / "fr" / "a.toml", "[language]\nname = \"Français\"\n[x]\nhello = \"Bonjour\"\n");
    Write(dir / "en" / "a.toml", "[language]\nname = \"English\"\n[x]\nhello = \"Hello\"\n");
    Catalogs catalogs;
    Diagnostics diags;
    REQUIRE(catalogs.Load(dir, {"fr", "en"}, diags));
    const std::string log = CaptureStderr([&] {
        for (int frame = 0; frame < 100; frame++) {
            CHECK(catalogs.Text("en", "x.nowhere").empty());
            CHECK(catalogs.Text("fr", "x.nowhere").empty());
            CHECK(catalogs.Format("en", "x.nowhere", fmt::arg("n", 1)).empty());
        }
    });
    INFO(log);
    size_t lines = 0;
    for (size_t at = log.find("x.nowhere"); at != std::string::npos; at = log.find("x.nowhere", at + 1))
        lines++;
    CHECK(lines == 1);
    CHECK(log.find("error: text \"x.nowhere\" is in no catalogue") != std::string::npos);
    // The known key is still there, in both languages.
    CHECK(catalogs.Text("en", "x.hello") == "Hello");
    CHECK(catalogs.Text("fr", "x.hello") == "Bonjour");
}

TEST_CASE("a language is a directory: its files merge, a key defined twice is an error") {
    auto dir = test::ScratchDir("catalog-merge");
    Write(dir / "fr" / "a.toml", "[language]\nname = \"Français\"\n[a]\nk = \"1\"\n");
    Write(dir / "fr" / "b.toml", "[b]\nk = \"2\"\n");
    Catalogs catalogs;
    Diagnostics diags;
    REQUIRE(catalogs.Load(dir, {"fr"}, diags));
    CHECK(catalogs.Text("fr", "b.k") == "2");

    Write(dir / "fr" / "c.toml", "[a]\nk = \"again\"\n");
    Diagnostics again;
    CHECK_FALSE(catalogs.Load(dir, {"fr"}, again));
    CHECK(again.FormatAll().find("a.k: already defined in a.toml") != std::string::npos);
}

TEST_CASE("catalogue errors name the file and line") {
    auto dir = test::ScratchDir("catalog-errors");
    Write(dir / "fr" / "a.toml", "[language]\nname = \"Français\"\n[x]\ncount = 3\n");
    Catalogs catalogs;
    Diagnostics diags;
    CHECK_FALSE(catalogs.Load(dir, {"fr"}, diags));
    CHECK(diags.FormatAll().find("a.toml:4:9: error: x.count: expected a text, found an integer") !=
          std::string::npos);

    Write(dir / "de" / "a.toml", "[x]\nhello = \"Hallo\"\n");
    Diagnostics no_name;
    CHECK_FALSE(catalogs.Load(dir, {"de"}, no_name));
    CHECK(no_name.FormatAll().find("language.name: this key is required") != std::string::npos);
}

TEST_CASE("placeholders are filled by name, a malformed one shows the text unformatted") {
    auto dir = test::ScratchDir("catalog-format");
    Write(dir / "fr" / "a.toml", "[language]\nname = \"Français\"\n[x]\ncount = \"Retour dans {seconds} "
                                 "s\"\nbad = \"Retour dans {seconds s\"\n");
    Catalogs catalogs;
    Diagnostics diags;
    REQUIRE(catalogs.Load(dir, {"fr"}, diags));
    CHECK(catalogs.Format("fr", "x.count", fmt::arg("seconds", 12)) == "Retour dans 12 s");
    CHECK(catalogs.Format("fr", "x.bad", fmt::arg("seconds", 12)) == "Retour dans {seconds s");
}

TEST_CASE("a repeated problem is logged once, however often it happens") {
    CHECK(LogLineOnce(LogLevel::Warning, "test:once", "first"));
    CHECK_FALSE(LogLineOnce(LogLevel::Warning, "test:once", "again"));
    CHECK(LogLineOnce(LogLevel::Warning, "test:other", "another problem"));
}
