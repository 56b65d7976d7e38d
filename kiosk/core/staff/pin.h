// The staff PIN: its rules, its Argon2id hash, and checking a PIN against that hash.
//
// Only the hash is ever stored (`[staff] pin_hash` in the main configuration), in the string
// format of libsodium's crypto_pwhash_str: "$argon2id$v=19$m=65536,t=2,p=1$salt$hash", made
// with the INTERACTIVE limits (64 MiB, 2 passes: about 0.1 s on a kiosk's CPU, slow enough
// to make guessing from a copy of the file costly, fast enough for a PIN pad).
//
// Every function that takes a PIN wipes it (sodium_memzero, then clear()) before it returns,
// whatever the outcome: the caller hands the digits over and keeps no copy. Verification
// takes ~0.1 s and 64 MiB: the PIN pad calls it off the UI thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// PIN rules (README "Staff mode"): 6 to 12 ASCII digits, not one digit repeated
// ("000000") and not a straight run ("123456", "987654"). Six digits, not four: the wrong-PIN
// back-off (pin_backoff.h) caps at 300 s, so someone standing at the kiosk can try about
// 290 PINs a day — all 10 000 four-digit PINs in five weeks, but a million six-digit ones
// only in about ten years.
inline constexpr size_t kPinMinDigits = 6;
inline constexpr size_t kPinMaxDigits = 12;

// Why `pin` breaks the rules (a sentence for the person choosing it), or nothing when it
// follows them. Does not wipe `pin` (the caller still has to hash it).
std::optional<std::string> PinRuleProblem(std::string_view pin);

// crypto_pwhash_str of `pin` with the interactive limits. Returns nothing (with `error`)
// when libsodium cannot (out of memory). Wipes `pin`.
std::optional<std::string> HashPin(std::string& pin, std::string& error);

// Whether `pin` matches `pin_hash` (crypto_pwhash_str_verify). False for a wrong PIN and for
// a hash that is not one (never throws, never crashes). Wipes `pin`.
bool VerifyPin(std::string& pin, std::string_view pin_hash);

// What a `pin_hash` read from the configuration is.
enum class PinHashKind {
    Interactive, // an Argon2id string made with the interactive limits: what HashPin makes
    OtherLimits, // an Argon2id string with other cost limits: works, but may be slow or need much memory
    NotAHash,    // anything else (another algorithm, a truncated or edited string, a plain PIN)
};
PinHashKind ClassifyPinHash(std::string_view pin_hash);

// Overwrites the characters of `secret` (and its spare capacity) with zeros, then clears it.
void WipeSecret(std::string& secret);

} // namespace kiosk
