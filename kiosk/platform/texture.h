// Texture: one OpenGL texture, freed with its owner (the GL context must be current).
#pragma once

#include <cstddef>
#include <cstdint>

#include "image/raster.h"

namespace kiosk {

// Turns alpha blending off or on for what is drawn next. Opaque pictures (plan tiles) drawn
// without blending cost noticeably less with software GL; the caller restores blending.
void SetBlending(bool enabled);

class Texture {
public:
    Texture() = default;
    ~Texture();
    Texture(Texture&& other) noexcept;
    Texture& operator=(Texture&& other) noexcept;
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;

    // Uploads the `width`×`height` block at (x, y) of `raster` (GL reads the rows in place, no
    // copy). Linear filtering, edges clamped. Returns an empty texture if GL refused.
    static Texture Upload(const Raster& raster, int x, int y, int width, int height);

    uint32_t Id() const { return id_; }
    int Width() const { return width_; }
    int Height() const { return height_; }
    bool Valid() const { return id_ != 0; }
    // Approximate GPU memory (drivers store RGB as RGBA).
    size_t Bytes() const { return (size_t)width_ * height_ * 4; }

private:
    uint32_t id_ = 0;
    int width_ = 0, height_ = 0;
};

} // namespace kiosk
