// Raster: decoded image pixels in memory, and the CPU-side operations on them.
//
// 8 bits per channel, rows top first, tightly packed; 3 channels (RGB) when the file has no
// transparency, else 4 (RGBA): a 10000×7000 plan is 210 MB as RGB, 280 MB as RGBA, so the
// alpha channel is only kept when it means something. Reading files: image/image_file.h.
// Everything here is slow on big images and is meant to run off the UI thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace kiosk {

class Raster {
public:
    Raster() = default;
    // Uninitialised pixels of the given size (channels 3 or 4).
    Raster(int width, int height, int channels);
    // Takes ownership of `pixels`, released with `release` (stb_image's buffers).
    static Raster Adopt(uint8_t* pixels, int width, int height, int channels, void (*release)(void*));

    int Width() const { return width_; }
    int Height() const { return height_; }
    int Channels() const { return channels_; }
    size_t Stride() const { return (size_t)width_ * channels_; }
    size_t Bytes() const { return Stride() * height_; }
    bool Empty() const { return !data_; }
    uint8_t* Data() { return data_.get(); }
    const uint8_t* Data() const { return data_.get(); }
    const uint8_t* Pixel(int x, int y) const {
        return data_.get() + (size_t)y * Stride() + (size_t)x * channels_;
    }

private:
    int width_ = 0, height_ = 0, channels_ = 0;
    std::unique_ptr<uint8_t, void (*)(void*)> data_{nullptr, &std::free};
};

// Half the size in each direction (rounded up), each pixel the mean of a 2×2 block (an odd
// last row or column is averaged with itself).
Raster HalfSize(const Raster& source);

// The image scaled down (area average) so that neither side exceeds `max_side`; a copy when it
// already fits. The aspect ratio is kept; no side becomes smaller than 1.
Raster ScaleToFit(const Raster& source, int max_side);

} // namespace kiosk
