#include "store/uuid.h"

#include <cstdint>

#include <sodium.h>

namespace kiosk {

std::string NewUuidV4() {
    // sodium_init() is idempotent and thread-safe; randombytes works without it on Linux,
    // but calling it picks the best source once (getrandom).
    static const bool initialised = sodium_init() >= 0;
    (void)initialised;
    uint8_t bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    bytes[6] = (uint8_t)((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = (uint8_t)((bytes[8] & 0x3F) | 0x80); // variant 10xx
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0F];
    }
    return out;
}

bool IsUuidV4(std::string_view text) {
    if (text.size() != 36) return false;
    for (size_t i = 0; i < text.size(); i++) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return text[14] == '4' && (text[19] == '8' || text[19] == '9' || text[19] == 'a' || text[19] == 'b');
}

} // namespace kiosk
