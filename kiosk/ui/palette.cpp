#include "palette.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace kiosk::palette {

namespace {

// Only the UI thread draws; a plain variable, as ImGui's own current context is.
Contrast g_contrast = Contrast::Standard;

// (standard, high contrast) pairs sorted by the standard value, for a binary search on every
// Rgb() call while high contrast is on. Two swatches sharing a standard value (white as a
// surface and as text on dark fills) share their high-contrast value too: palette_test
// checks it, so the search may return either.
using ColorPair = std::pair<uint32_t, uint32_t>;
constexpr size_t kSwatchCount = sizeof(kSwatches) / sizeof(kSwatches[0]);

const std::array<ColorPair, kSwatchCount>& HighContrastTable() {
    static const std::array<ColorPair, kSwatchCount> table = [] {
        std::array<ColorPair, kSwatchCount> pairs{};
        for (size_t i = 0; i < kSwatchCount; i++)
            pairs[i] = {kSwatches[i].rgb, kSwatches[i].high_contrast};
        std::sort(pairs.begin(), pairs.end());
        return pairs;
    }();
    return table;
}

} // namespace

void SetContrast(Contrast contrast) {
    g_contrast = contrast;
}

Contrast CurrentContrast() {
    return g_contrast;
}

uint32_t Displayed(uint32_t rgb, Contrast contrast) {
    if (contrast == Contrast::Standard) return rgb;
    const auto& table = HighContrastTable();
    auto it = std::lower_bound(table.begin(), table.end(), ColorPair{rgb, 0});
    return it != table.end() && it->first == rgb ? it->second : rgb;
}

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
