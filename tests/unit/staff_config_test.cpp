// The [staff] table of the main configuration: defaults, each key, a real hash, and that a
// refused pin_hash is reported at its line without echoing what was written there. (Broken
// files with their exact file:line:column: tests/data/config/broken/staff_*.toml, run by
// config_test.cpp.)
#include <fstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "config/config.h"
#include "staff/pin.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

// A configuration in a scratch directory whose paths reach the demo content; `staff` is the
// body of its [staff] table (none when empty).
std::filesystem::path StaffConfigFile(const std::string& name, const std::string& staff) {
    const std::filesystem::path dir = test::ScratchDir(name);
    const std::filesystem::path src = test::SourceDir();
    std::ofstream out(dir / "kiosk.toml");
    out << "[kiosk]\nid = \"k\"\nlanguages = [\"fr\", \"en\"]\n\n[paths]\n"
        << "assets = \"" << (src / "assets").string() << "\"\n"
        << "content = \"" << (src / "config" / "content").string() << "\"\n"
        << "surveys = \"" << (src / "config" / "surveys").string() << "\"\n"
        << "database = \"" << (dir / "responses.db").string() << "\"\n";
    if (!staff.empty()) out << "\n[staff]\n" << staff;
    return dir / "kiosk.toml";
}

} // namespace

TEST_CASE("the demo configuration has no PIN: staff mode is off, with the defaults") {
    Diagnostics diags;
    std::optional<KioskConfig> cfg = LoadKioskConfig(test::DemoConfig(), diags);
    INFO(diags.FormatAll());
    REQUIRE(cfg);
    CHECK_FALSE(cfg->staff.Enabled());
    CHECK(cfg->staff.corner == ScreenCorner::TopLeft);
    CHECK(cfg->staff.lock_seconds == 120);
}

TEST_CASE("[staff] with a hash made by HashPin turns staff mode on") {
    std::string pin = "482915", error;
    const std::optional<std::string> hash = HashPin(pin, error);
    REQUIRE(hash);
    const std::filesystem::path file =
        StaffConfigFile("staff-config-valid",
                        "pin_hash = \"" + *hash + "\"\ncorner = \"bottom-right\"\nlock_seconds = 300\n");
    Diagnostics diags;
    std::optional<KioskConfig> cfg = LoadKioskConfig(file, diags);
    INFO(diags.FormatAll());
    REQUIRE(cfg);
    CHECK(diags.Empty());
    CHECK(cfg->staff.Enabled());
    CHECK(cfg->staff.pin_hash == *hash);
    CHECK(cfg->staff.corner == ScreenCorner::BottomRight);
    CHECK(cfg->staff.lock_seconds == 300);

    for (const auto& [text, corner] :
         {std::pair{"top-left", ScreenCorner::TopLeft}, std::pair{"top-right", ScreenCorner::TopRight},
          std::pair{"bottom-left", ScreenCorner::BottomLeft}}) {
        Diagnostics more;
        std::optional<KioskConfig> with_corner = LoadKioskConfig(
            StaffConfigFile("staff-config-corner", fmt::format("corner = \"{}\"\n", text)), more);
        REQUIRE(with_corner);
        CHECK(with_corner->staff.corner == corner);
        CHECK_FALSE(with_corner->staff.Enabled());
    }

    SECTION("a hash with other cost limits is accepted with a warning at its line") {
        std::string other = *hash;
        other.replace(other.find("t=2"), 3, "t=3");
        Diagnostics warned;
        std::optional<KioskConfig> loaded = LoadKioskConfig(
            StaffConfigFile("staff-config-other-limits", "pin_hash = \"" + other + "\"\n"), warned);
        REQUIRE(loaded);
        CHECK(loaded->staff.Enabled());
        REQUIRE(warned.All().size() == 1);
        CHECK(warned.All()[0].severity == Severity::Warning);
        CHECK(warned.All()[0].where.line == 12);
        CHECK(warned.All()[0].message.find("interactive limits") != std::string::npos);
    }
}

TEST_CASE("a refused pin_hash is an error at its line that does not repeat the value") {
    for (const std::string& value :
         {std::string("482915"), std::string(""), std::string("$argon2id$v=19$oops")}) {
        INFO(value);
        Diagnostics diags;
        CHECK_FALSE(LoadKioskConfig(
            StaffConfigFile("staff-config-bad-hash", "pin_hash = \"" + value + "\"\n"), diags));
        REQUIRE(diags.ErrorCount() == 1);
        const std::string line = diags.All()[0].Format();
        CHECK(line.find("kiosk.toml:12:1: error: staff.pin_hash: not an Argon2id hash") != std::string::npos);
        if (!value.empty()) CHECK(line.find(value) == std::string::npos);
    }
    Diagnostics diags;
    CHECK_FALSE(LoadKioskConfig(StaffConfigFile("staff-config-hash-type", "pin_hash = 482915\n"), diags));
    CHECK(diags.FormatAll().find("kiosk.toml:12:1: error: staff.pin_hash") != std::string::npos);
}
