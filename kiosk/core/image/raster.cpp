#include "image/raster.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace kiosk {

Raster::Raster(int width, int height, int channels)
    : width_(width), height_(height), channels_(channels),
      data_((uint8_t*)std::malloc((size_t)width * height * channels), &std::free) {
    if (!data_) throw std::bad_alloc();
}

Raster Raster::Adopt(uint8_t* pixels, int width, int height, int channels, void (*release)(void*)) {
    Raster r;
    r.width_ = width;
    r.height_ = height;
    r.channels_ = channels;
    r.data_ = std::unique_ptr<uint8_t, void (*)(void*)>(pixels, release);
    return r;
}

Raster HalfSize(const Raster& source) {
    const int w = source.Width(), h = source.Height(), c = source.Channels();
    Raster out((w + 1) / 2, (h + 1) / 2, c);
    for (int y = 0; y < out.Height(); y++) {
        const uint8_t* row0 = source.Pixel(0, 2 * y);
        const uint8_t* row1 = source.Pixel(0, std::min(2 * y + 1, h - 1));
        uint8_t* dst = out.Data() + (size_t)y * out.Stride();
        for (int x = 0; x < out.Width(); x++) {
            const size_t a = (size_t)(2 * x) * c;
            const size_t b = (size_t)std::min(2 * x + 1, w - 1) * c;
            for (int k = 0; k < c; k++)
                dst[(size_t)x * c + k] =
                    (uint8_t)((row0[a + k] + row0[b + k] + row1[a + k] + row1[b + k] + 2) / 4);
        }
    }
    return out;
}

Raster ScaleToFit(const Raster& source, int max_side) {
    const int w = source.Width(), h = source.Height(), c = source.Channels();
    const double factor = std::min(1.0, (double)max_side / std::max(w, h));
    const int ow = std::max(1, (int)std::lround(w * factor));
    const int oh = std::max(1, (int)std::lround(h * factor));
    Raster out(ow, oh, c);
    if (ow == w && oh == h) {
        std::memcpy(out.Data(), source.Data(), source.Bytes());
        return out;
    }
    // Each output pixel averages the block of source pixels it covers.
    std::vector<uint32_t> sums((size_t)ow * c);
    std::vector<int> x0(ow), x1(ow);
    for (int ox = 0; ox < ow; ox++) {
        x0[ox] = (int)((int64_t)ox * w / ow);
        x1[ox] = std::max(x0[ox] + 1, (int)((int64_t)(ox + 1) * w / ow));
    }
    for (int oy = 0; oy < oh; oy++) {
        const int y0 = (int)((int64_t)oy * h / oh), y1 = std::max(y0 + 1, (int)((int64_t)(oy + 1) * h / oh));
        std::fill(sums.begin(), sums.end(), 0u);
        for (int y = y0; y < y1; y++) {
            const uint8_t* row = source.Pixel(0, y);
            for (int ox = 0; ox < ow; ox++)
                for (int x = x0[ox]; x < x1[ox]; x++)
                    for (int k = 0; k < c; k++)
                        sums[(size_t)ox * c + k] += row[(size_t)x * c + k];
        }
        uint8_t* dst = out.Data() + (size_t)oy * out.Stride();
        for (int ox = 0; ox < ow; ox++) {
            const uint32_t count = (uint32_t)((x1[ox] - x0[ox]) * (y1 - y0));
            for (int k = 0; k < c; k++)
                dst[(size_t)ox * c + k] = (uint8_t)((sums[(size_t)ox * c + k] + count / 2) / count);
        }
    }
    return out;
}

} // namespace kiosk
