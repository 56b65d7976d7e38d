// QrCodeWidget: draws a QR code (qr/qr_code.h) with ImGui's draw list.
//
// The code is drawn as dark rectangles on a white square with the 4-module quiet zone
// readers need, module edges snapped to whole pixels so phones read it from the screen.
#pragma once

#include <string_view>

#include <imgui.h>

#include "qr/qr_code.h"

namespace kiosk {

// Draws the QR code of `text` in the square at `pos` of side `side` (quiet zone included)
// and advances the cursor past it. Encodes each text once (cached). Returns false, drawing
// nothing, when `text` cannot be encoded (the caller shows the address as text instead).
bool QrCodeWidget(std::string_view text, ImVec2 pos, float side);

} // namespace kiosk
