// Frame capture: the current back buffer as pixels or as a PNG file (tests, screenshots).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba; // top row first

    uint32_t Pixel(int x, int y) const; // 0xRRGGBBAA
};

// Reads the GL back buffer (call after rendering, before swapping).
Image CaptureFrame(int width, int height);

// Writes `image` as PNG. Returns false and sets `error` on failure.
bool WritePng(const Image& image, const std::filesystem::path& file, std::string& error);

} // namespace kiosk
