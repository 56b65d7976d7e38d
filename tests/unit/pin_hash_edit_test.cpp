// Writing [staff] pin_hash into a configuration (core/staff/pin_hash_edit.h): exactly one
// line changes or is added, whatever the file looks like; what cannot be edited safely is
// refused with the place to look at.
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "staff/pin_hash_edit.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

const std::string kHash =
    "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA";

std::string Edited(const std::string& text) {
    std::string error;
    std::optional<std::string> out = WithPinHash(text, kHash, "kiosk.toml", error);
    INFO(error);
    REQUIRE(out);
    return *out;
}

std::string Refusal(const std::string& text) {
    std::string error;
    CHECK_FALSE(WithPinHash(text, kHash, "kiosk.toml", error));
    return error;
}

std::string EditFileText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("pin_hash is added under an existing [staff] header, every other line kept") {
    const std::string text = "# top\n[kiosk]\nid = \"k\"\n\n[staff]   # staff mode\n# a comment\ncorner = "
                             "\"top-right\"\n\n[paths]\nassets = \"a\"\n";
    CHECK(Edited(text) == "# top\n[kiosk]\nid = \"k\"\n\n[staff]   # staff mode\npin_hash = \"" + kHash +
                              "\"\n# a comment\ncorner = \"top-right\"\n\n[paths]\nassets = \"a\"\n");
    CHECK(Edited("[ 'staff' ]") == "[ 'staff' ]\npin_hash = \"" + kHash + "\"\n"); // no final line break
}

TEST_CASE("an existing pin_hash has only its value replaced") {
    const std::string text =
        "[staff]\n  pin_hash   =   'old'   # set by kiosk --set-pin\nlock_seconds = 60\n";
    CHECK(Edited(text) ==
          "[staff]\n  pin_hash   =   \"" + kHash + "\"   # set by kiosk --set-pin\nlock_seconds = 60\n");
    // Dotted, at the root, or in an inline table: the value is still where toml++ says.
    CHECK(Edited("staff.pin_hash = \"x\" # c\n") == "staff.pin_hash = \"" + kHash + "\" # c\n");
    CHECK(Edited("staff = { corner = \"é\", pin_hash = \"x\" }\n") ==
          "staff = { corner = \"é\", pin_hash = \"" + kHash + "\" }\n");
    CHECK(Edited("[staff]\npin_hash = \"x\"") == "[staff]\npin_hash = \"" + kHash + "\"");
}

TEST_CASE("a file without [staff] gets the section appended") {
    CHECK(Edited("[kiosk]\nid = \"k\"\n") ==
          "[kiosk]\nid = \"k\"\n\n[staff]\npin_hash = \"" + kHash + "\"\n");
    CHECK(Edited("[kiosk]\nid = \"k\"") == "[kiosk]\nid = \"k\"\n\n[staff]\npin_hash = \"" + kHash + "\"\n");
    CHECK(Edited("") == "[staff]\npin_hash = \"" + kHash + "\"\n");
    // After an array of tables, the new header closes it (read back to be sure).
    CHECK(Edited("[[sync.destination]]\nname = \"d\"\n") ==
          "[[sync.destination]]\nname = \"d\"\n\n[staff]\npin_hash = \"" + kHash + "\"\n");
    // A byte order mark stays, and does not hide the header or shift the value.
    CHECK(Edited("\xEF\xBB\xBF[staff]\n") == "\xEF\xBB\xBF[staff]\npin_hash = \"" + kHash + "\"\n");
    CHECK(Edited("\xEF\xBB\xBFstaff.pin_hash = 'x'\n") == "\xEF\xBB\xBFstaff.pin_hash = \"" + kHash + "\"\n");
    // Windows line breaks stay Windows line breaks.
    CHECK(Edited("[kiosk]\r\nid = \"k\"\r\n[staff]\r\n") ==
          "[kiosk]\r\nid = \"k\"\r\n[staff]\r\npin_hash = \"" + kHash + "\"\r\n");
}

TEST_CASE("what cannot be edited safely is refused, with the place to look at") {
    CHECK(Refusal("[kiosk]\nid = \n").rfind("kiosk.toml:2:", 0) == 0);
    CHECK(Refusal("staff = 3\n") == "kiosk.toml:1:9: staff: expected a table ([staff])");
    CHECK(Refusal("staff = { corner = \"top-left\" }\n")
              .find("kiosk.toml:1: the staff table is not written as a "
                    "[staff] header line") == 0);
    CHECK(Refusal("staff.corner = \"top-left\"\n").find("kiosk.toml:1: the staff table") == 0);
    CHECK(Refusal("[staff.sub]\nx = 1\n").find("kiosk.toml:1: the staff table") == 0);
    CHECK(Refusal("[staff]\npin_hash = \"\"\"\nx\"\"\"\n")
              .find("kiosk.toml:2: staff.pin_hash spans several lines") == 0);
    std::string error;
    CHECK_FALSE(WithPinHash("", "with\"quote", "kiosk.toml", error));
}

TEST_CASE("WritePinHash replaces the file through its link, with its mode, and leaves nothing behind") {
    const std::filesystem::path dir = test::ScratchDir("pin-hash-edit-file");
    const std::filesystem::path file = dir / "real.toml";
    std::ofstream(file, std::ios::binary) << "[kiosk]\nid = \"k\" # x\n";
    REQUIRE(::chmod(file.c_str(), 0640) == 0);
    std::filesystem::create_symlink("real.toml", dir / "kiosk.toml");

    std::string error;
    REQUIRE(WritePinHash(dir / "kiosk.toml", kHash, error));
    CHECK(EditFileText(file) == "[kiosk]\nid = \"k\" # x\n\n[staff]\npin_hash = \"" + kHash + "\"\n");
    CHECK(std::filesystem::is_symlink(dir / "kiosk.toml"));
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);
    int entries = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        (void)entry;
        entries++;
    }
    CHECK(entries == 2); // no temporary file left

    // A broken file is left exactly as it was.
    std::ofstream(file, std::ios::binary | std::ios::trunc) << "[kiosk\n";
    CHECK_FALSE(WritePinHash(file, kHash, error));
    CHECK(error.find("TOML syntax") != std::string::npos);
    CHECK(EditFileText(file) == "[kiosk\n");
    CHECK_FALSE(WritePinHash(dir / "missing.toml", kHash, error));
}
