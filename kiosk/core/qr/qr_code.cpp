#include "qr/qr_code.h"

#include <string>

#include <qrencode.h>

namespace kiosk {

std::optional<QrCode> EncodeQr(std::string_view text) {
    if (text.empty() || text.find('\0') != std::string_view::npos) return std::nullopt;
    const std::string copy(text); // libqrencode wants a NUL-terminated string
    // Version 0: the smallest version that fits. 8-bit mode keeps the URL byte for byte.
    QRcode* code = QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return std::nullopt;
    QrCode out;
    out.size = code->width;
    out.modules.resize((size_t)code->width * (size_t)code->width);
    for (size_t i = 0; i < out.modules.size(); i++)
        out.modules[i] = code->data[i] & 1; // bit 0: dark module; the other bits are encoder details
    QRcode_free(code);
    return out;
}

} // namespace kiosk
