// Questions screen tests ask of rendered frames: where is this colour, is this area blank.
#pragma once

#include <cstdint>
#include <optional>

#include "platform/frame_capture.h"

namespace kiosk::test {

struct Box {
    int x0, y0, x1, y1; // inclusive
    float CenterX() const { return 0.5f * (x0 + x1); }
    float CenterY() const { return 0.5f * (y0 + y1); }
    int Width() const { return x1 - x0 + 1; }
    int Height() const { return y1 - y0 + 1; }
};

// Bounding box of the pixels of exactly colour 0xRRGGBB (nothing if there are none),
// optionally only within `region`.
std::optional<Box> FindColour(const Image& image, uint32_t rgb);
std::optional<Box> FindColour(const Image& image, uint32_t rgb, Box region);
// Number of pixels of exactly colour 0xRRGGBB.
size_t CountColour(const Image& image, uint32_t rgb);
// Number of distinct colours (a blank screen has one).
size_t DistinctColours(const Image& image);
// 0xRRGGBB at (x, y).
uint32_t RgbAt(const Image& image, int x, int y);

} // namespace kiosk::test
