#include "palette.h"

#include <algorithm>
#include <cmath>

namespace kiosk::palette {

double RelativeLuminance(uint32_t rgb) {
    auto channel = [](uint32_t value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) +
           0.0722 * channel(rgb & 0xFF);
}

double ContrastRatio(uint32_t a, uint32_t b) {
    double la = RelativeLuminance(a), lb = RelativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace kiosk::palette
