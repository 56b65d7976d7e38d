#include "image/image_pyramid.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace kiosk {

size_t ImagePyramid::Bytes() const {
    size_t bytes = 0;
    for (const Raster& level : levels)
        bytes += level.Bytes();
    return bytes;
}

ImagePyramid BuildPyramid(Raster full, int tile_size) {
    assert(tile_size > 0);
    ImagePyramid pyramid;
    pyramid.tile_size = tile_size;
    pyramid.levels.push_back(std::move(full));
    while (std::max(pyramid.levels.back().Width(), pyramid.levels.back().Height()) > tile_size)
        pyramid.levels.push_back(HalfSize(pyramid.levels.back()));
    return pyramid;
}

int ChooseLevel(float scale, int level_count) {
    if (level_count <= 1 || !(scale > 0)) return 0;
    // Level k has 2^-k pixels per image pixel; keep 2^-k >= scale, the coarsest such k.
    const int level = (int)std::floor(std::log2(1.0f / scale) + 1e-4f);
    return std::clamp(level, 0, level_count - 1);
}

TileRange VisibleTiles(int width, int height, int tile_size, const Rect& visible) {
    assert(width > 0 && height > 0 && tile_size > 0);
    TileRange range;
    const float x0 = std::max(0.0f, visible.min.x), y0 = std::max(0.0f, visible.min.y);
    const float x1 = std::min((float)width, visible.max.x), y1 = std::min((float)height, visible.max.y);
    if (x0 >= x1 || y0 >= y1) return range;
    range.x0 = (int)(x0 / tile_size);
    range.y0 = (int)(y0 / tile_size);
    range.x1 = std::min(TileCount(width, tile_size), (int)std::ceil(x1 / tile_size));
    range.y1 = std::min(TileCount(height, tile_size), (int)std::ceil(y1 / tile_size));
    assert(range.x0 <= range.x1 && range.y0 <= range.y1);
    return range;
}

} // namespace kiosk
