// QrCode: a QR code's module matrix, for the information notice's link to the full text.
//
// Encoded once per URL with libqrencode (8-bit mode, error correction M: readable from a
// phone at arm's length on a screen with some glare); the UI draws the modules itself, so
// no image file and no texture are involved.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk {

struct QrCode {
    int size = 0;                 // modules per side (21 for version 1, +4 per version)
    std::vector<uint8_t> modules; // size × size, row by row: 1 = dark

    bool Dark(int x, int y) const { return modules[(size_t)y * (size_t)size + (size_t)x] != 0; }
};

// Encodes `text` (UTF-8). Returns nothing for an empty text, a text with a NUL byte or one
// too long for any QR code version.
std::optional<QrCode> EncodeQr(std::string_view text);

} // namespace kiosk
