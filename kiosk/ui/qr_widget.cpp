#include "qr_widget.h"

#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "base/log.h"

namespace kiosk {

namespace {
constexpr int kQuietZone = 4; // modules of white around the code (ISO/IEC 18004)

// Encoded codes by text. Derived from configuration only (never from a visitor), so it
// holds a handful of entries for the process's lifetime.
const QrCode* Cached(std::string_view text) {
    static std::map<std::string, std::optional<QrCode>, std::less<>> cache;
    auto it = cache.find(text);
    if (it == cache.end()) {
        it = cache.emplace(std::string(text), EncodeQr(text)).first;
        if (!it->second)
            LogLineOnce(LogLevel::Error, "qr:" + std::string(text),
                        fmt::format("cannot make a QR code of \"{}\"", text));
    }
    return it->second ? &*it->second : nullptr;
}

// Dark modules on a white square with the quiet zone, snapped to whole pixels.
void DrawQrCode(ImDrawList* draw, const QrCode& code, ImVec2 pos, float side) {
    const int modules = code.size + 2 * kQuietZone;
    // Whole pixels per module, centred: blurred module edges make phones struggle.
    const float module = std::max(1.0f, std::floor(side / (float)modules));
    const float drawn = module * (float)modules;
    const ImVec2 origin(std::floor(pos.x + (side - drawn) * 0.5f), std::floor(pos.y + (side - drawn) * 0.5f));
    draw->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32_WHITE);
    const ImU32 dark = IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < code.size; y++) {
        // One rectangle per horizontal run of dark modules: a few hundred instead of ~1500.
        for (int x = 0; x < code.size;) {
            if (!code.Dark(x, y)) {
                x++;
                continue;
            }
            int end = x;
            while (end < code.size && code.Dark(end, y))
                end++;
            const float top = origin.y + (float)(y + kQuietZone) * module;
            draw->AddRectFilled(ImVec2(origin.x + (float)(x + kQuietZone) * module, top),
                                ImVec2(origin.x + (float)(end + kQuietZone) * module, top + module), dark);
            x = end;
        }
    }
}

} // namespace

bool QrCodeWidget(std::string_view text, ImVec2 pos, float side) {
    const QrCode* code = Cached(text);
    if (!code) return false;
    DrawQrCode(ImGui::GetWindowDrawList(), *code, pos, side);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(side, side));
    return true;
}

} // namespace kiosk
