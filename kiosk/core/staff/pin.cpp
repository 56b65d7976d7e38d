#include "staff/pin.h"

#include <algorithm>

#include <fmt/format.h>
#include <sodium.h>

namespace kiosk {

namespace {

bool SodiumReady() {
    // Idempotent and thread-safe; picks the fastest Argon2 implementation for this CPU.
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

void WipeSecret(std::string& secret) {
    // resize() up to the capacity never reallocates, and reaches characters a shorter PIN
    // left behind (a PIN pad's backspace only shrinks the size).
    secret.resize(secret.capacity());
    sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

std::optional<std::string> PinRuleProblem(std::string_view pin) {
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::string("use digits only (0 to 9)");
    if (pin.size() < kPinMinDigits || pin.size() > kPinMaxDigits)
        return fmt::format("use {} to {} digits", kPinMinDigits, kPinMaxDigits);
    if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin[0]; }))
        return std::string("one digit repeated is the first PIN anyone tries");
    bool up = true, down = true;
    for (size_t i = 1; i < pin.size(); i++) {
        up = up && pin[i] == pin[i - 1] + 1;
        down = down && pin[i] == pin[i - 1] - 1;
    }
    if (up || down)
        return std::string("a straight run of digits, up or down, is among the first PINs anyone tries");
    return std::nullopt;
}

std::optional<std::string> HashPin(std::string& pin, std::string& error) {
    char out[crypto_pwhash_STRBYTES] = {};
    const bool ok =
        SodiumReady() && crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
    WipeSecret(pin);
    if (!ok) {
        error = "cannot hash the PIN (libsodium: out of memory?)";
        return std::nullopt;
    }
    return std::string(out);
}

PinHashKind ClassifyPinHash(std::string_view pin_hash) {
    // libsodium reads a NUL-terminated string shorter than crypto_pwhash_STRBYTES.
    if (!SodiumReady() || pin_hash.size() >= crypto_pwhash_STRBYTES ||
        pin_hash.find('\0') != std::string_view::npos ||
        pin_hash.rfind(crypto_pwhash_argon2id_STRPREFIX, 0) != 0)
        return PinHashKind::NotAHash;
    const std::string text(pin_hash);
    // -1: not decodable as Argon2id (bad version, parameters, salt or hash encoding).
    switch (crypto_pwhash_str_needs_rehash(text.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE)) {
    case 0: return PinHashKind::Interactive;
    case 1: return PinHashKind::OtherLimits;
    default: return PinHashKind::NotAHash;
    }
}

bool VerifyPin(std::string& pin, std::string_view pin_hash) {
    bool ok = false;
    if (!pin.empty() && ClassifyPinHash(pin_hash) != PinHashKind::NotAHash) {
        const std::string text(pin_hash);
        ok = crypto_pwhash_str_verify(text.c_str(), pin.data(), pin.size()) == 0;
    }
    WipeSecret(pin);
    return ok;
}

} // namespace kiosk
