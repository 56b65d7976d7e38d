// QR codes for the information notice: the matrix has the structure every reader looks
// for (finder patterns, timing lines, the dark module), and bad input gives no code.
#include <catch2/catch.hpp>

#include "qr/qr_code.h"

using namespace kiosk;

namespace {
// The 7×7 finder pattern whose top-left module is (x, y): dark ring, light ring, 3×3 dark core.
bool IsFinder(const QrCode& code, int x, int y) {
    for (int j = 0; j < 7; j++)
        for (int i = 0; i < 7; i++) {
            const int ring = std::max(std::abs(i - 3), std::abs(j - 3)); // 3 outer, 2 light, ≤1 core
            if (code.Dark(x + i, y + j) != (ring != 2)) return false;
        }
    return true;
}
} // namespace

TEST_CASE("a notice URL encodes to a well-formed QR code") {
    const std::string url = "https://www.neuilly-sur-marne.fr/fauvettes/donnees-personnelles";
    std::optional<QrCode> code = EncodeQr(url);
    REQUIRE(code);
    CHECK((code->size - 17) % 4 == 0); // 21, 25, 29…: 17 + 4 × version
    const int version = (code->size - 17) / 4;
    CHECK(version >= 3);
    CHECK(version <= 6);
    REQUIRE(code->modules.size() == (size_t)(code->size * code->size));

    CHECK(IsFinder(*code, 0, 0));
    CHECK(IsFinder(*code, code->size - 7, 0));
    CHECK(IsFinder(*code, 0, code->size - 7));
    CHECK_FALSE(IsFinder(*code, code->size - 7, code->size - 7));
    // Timing lines between the finders alternate dark and light, starting dark.
    for (int i = 8; i < code->size - 8; i++) {
        CHECK(code->Dark(i, 6) == (i % 2 == 0));
        CHECK(code->Dark(6, i) == (i % 2 == 0));
    }
    CHECK(code->Dark(8, code->size - 8)); // the dark module every version has
}

TEST_CASE("the same URL gives the same code, another URL another code") {
    std::optional<QrCode> a = EncodeQr("https://example.org/a");
    std::optional<QrCode> b = EncodeQr("https://example.org/a");
    std::optional<QrCode> c = EncodeQr("https://example.org/b");
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(a->modules == b->modules);
    CHECK(a->modules != c->modules);
}

TEST_CASE("no code for an empty text, a NUL byte or a text too long for any version") {
    CHECK_FALSE(EncodeQr(""));
    CHECK_FALSE(EncodeQr(std::string_view("ab\0cd", 5)));
    CHECK_FALSE(EncodeQr(std::string(4000, 'x')));
    CHECK(EncodeQr(std::string(1000, 'x'))); // long, but it fits
}
