// Random UUIDs (version 4, RFC 4122) from libsodium's CSPRNG: a response's identity.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

// "3f2b9c1e-7a4d-4e8b-9c0a-1d2e3f405162": lowercase, 122 random bits.
std::string NewUuidV4();
// True for a lowercase canonical UUID of version 4, variant 10xx.
bool IsUuidV4(std::string_view text);

} // namespace kiosk
