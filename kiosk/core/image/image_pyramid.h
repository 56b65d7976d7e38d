// ImagePyramid: a big image as levels of halving resolution, each cut into tiles.
//
// A plan may be far larger than the screen (10000×7000 px) and than the GPU's largest
// texture. It is drawn from tiles of at most `tile_size` px, at the level whose resolution
// matches the zoom: at "fit" a 10000 px plan on a 1920 px screen uses the 2500 px level
// (a handful of tiles), zoomed in it uses the full-size tiles that are on screen. Each
// level is at most twice as detailed as the screen needs, so plain linear filtering looks
// right without mipmaps. The coarsest level fits in one tile: it is always on the GPU and
// stands in for any finer tile not uploaded yet.
#pragma once

#include <vector>

#include "base/rect.h"
#include "image/raster.h"

namespace kiosk {

struct ImagePyramid {
    std::vector<Raster> levels; // [0] = full size; each next one half the previous (rounded up)
    int tile_size = 1024;

    int Width() const { return levels.empty() ? 0 : levels[0].Width(); }
    int Height() const { return levels.empty() ? 0 : levels[0].Height(); }
    int LevelCount() const { return (int)levels.size(); }
    size_t Bytes() const;
};

// Builds the levels from `full` down to the first one that fits in a single tile.
ImagePyramid BuildPyramid(Raster full, int tile_size);

// The level to draw when one full-size image pixel covers `scale` screen pixels: the
// coarsest level that still has at least one pixel per screen pixel (0 when zoomed in).
int ChooseLevel(float scale, int level_count);

// Tiles [x0, x1) × [y0, y1) of a level.
struct TileRange {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool Empty() const { return x0 >= x1 || y0 >= y1; }
    int Count() const { return Empty() ? 0 : (x1 - x0) * (y1 - y0); }
};

// Number of tiles across and down a level of `width`×`height` px.
inline int TileCount(int pixels, int tile_size) {
    return (pixels + tile_size - 1) / tile_size;
}

// Tiles of a `width`×`height` level that intersect `visible` (in that level's pixels).
TileRange VisibleTiles(int width, int height, int tile_size, const Rect& visible);

} // namespace kiosk
