// The staff PIN (core/staff/pin.h): its rules, its Argon2id hash, verification against right,
// wrong and garbage hashes, and that every function taking a PIN wipes it.
#include <catch2/catch.hpp>

#include "staff/pin.h"
#include "staff_test_support.h"

using namespace kiosk;

namespace {

bool VerifyCopy(std::string pin, std::string_view hash) {
    return VerifyPin(pin, hash);
}

std::string Replaced(std::string text, std::string_view from, std::string_view to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("a PIN hashes to an interactive Argon2id string, and the PIN is wiped") {
    std::string pin = "482915", error;
    const std::optional<std::string> hash = HashPin(pin, error);
    REQUIRE(hash);
    CHECK(pin.empty());
    CHECK(hash->rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0);
    CHECK(hash->find("482915") == std::string::npos);
    CHECK(ClassifyPinHash(*hash) == PinHashKind::Interactive);
    // A random salt: the same PIN never gives the same string twice.
    std::string again = "482915";
    CHECK(HashPin(again, error) != hash);
}

TEST_CASE("the right PIN verifies, a wrong one does not, and both are wiped") {
    std::string right = "482915";
    CHECK(VerifyPin(right, test::TestPinHash("482915")));
    CHECK(right.empty());
    std::string wrong = "482916";
    CHECK_FALSE(VerifyPin(wrong, test::TestPinHash("482915")));
    CHECK(wrong.empty());
    CHECK_FALSE(VerifyCopy("", test::TestPinHash("482915")));
    CHECK_FALSE(VerifyCopy("4829150", test::TestPinHash("482915")));
}

TEST_CASE("a garbage hash never verifies and never crashes") {
    const std::string& good = test::TestPinHash("482915");
    const std::string other_limits = Replaced(good, "t=2", "t=3");
    std::string embedded_nul = good;
    embedded_nul[20] = '\0';
    const std::vector<std::string> garbage = {
        "",
        "482915", // the PIN itself, written where its hash should be
        "$argon2id$",
        Replaced(good, "$argon2id$", "$argon2i$"), // another algorithm
        good.substr(0, good.size() - 2),           // truncated: 41 base64 digits never decode
        good.substr(0, good.rfind('$')),           // no hash at all
        good + "$x",                               // trailing bytes
        Replaced(good, "v=19", "v=16"),
        Replaced(good, "m=65536", "m=abc"),
        embedded_nul,
        std::string(300, 'A'),
        "$2y$10$abcdefghijklmnopqrstuuXyz0123456789abcdefghijklmnopqrs", // bcrypt
    };
    for (const std::string& hash : garbage) {
        INFO(hash);
        CHECK(ClassifyPinHash(hash) == PinHashKind::NotAHash);
        CHECK_FALSE(VerifyCopy("482915", hash));
    }
    // Other cost limits still decode (and check the PIN with those limits).
    CHECK(ClassifyPinHash(other_limits) == PinHashKind::OtherLimits);
    CHECK_FALSE(VerifyCopy("482915", other_limits));
    // One changed character of the hash itself: decodes, but the PIN no longer matches.
    std::string altered = good;
    altered[altered.size() - 2] = altered[altered.size() - 2] == 'A' ? 'B' : 'A';
    CHECK(ClassifyPinHash(altered) == PinHashKind::Interactive);
    CHECK_FALSE(VerifyCopy("482915", altered));
    // Four more base64 digits decode as a longer hash, which the PIN does not match either.
    CHECK_FALSE(VerifyCopy("482915", good + "AAAA"));
}

TEST_CASE("PIN rules: 6 to 12 digits, not one digit repeated, not a straight run") {
    for (const char* ok : {"482915", "000000000001", "135792468024", "112233", "246801"}) {
        INFO(ok);
        CHECK_FALSE(PinRuleProblem(ok));
    }
    CHECK(PinRuleProblem("48291") == "use 6 to 12 digits");
    CHECK(PinRuleProblem("4829154829154") == "use 6 to 12 digits");
    CHECK(PinRuleProblem("") == "use 6 to 12 digits");
    CHECK(PinRuleProblem("48291a") == "use digits only (0 to 9)");
    CHECK(PinRuleProblem("4829 15") == "use digits only (0 to 9)");
    CHECK(PinRuleProblem("４８２９１５") == "use digits only (0 to 9)"); // full-width digits
    for (const char* weak : {"000000", "999999999999", "123456", "456789", "987654", "876543210"}) {
        INFO(weak);
        CHECK(PinRuleProblem(weak));
    }
}

TEST_CASE("WipeSecret zeroes the characters and the spare capacity a shorter PIN left") {
    std::string pin = "482915482915";
    pin.resize(6); // a PIN pad's backspace: the last six digits stay in the buffer
    const char* bytes = pin.data();
    const size_t capacity = pin.capacity();
    WipeSecret(pin);
    CHECK(pin.empty());
    REQUIRE(pin.data() == bytes); // the same buffer: nothing was copied elsewhere
    for (size_t i = 0; i < capacity; i++)
        CHECK(bytes[i] == '\0');
}
