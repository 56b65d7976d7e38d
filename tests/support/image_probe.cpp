#include "image_probe.h"

#include <algorithm>
#include <unordered_set>

namespace kiosk::test {

uint32_t RgbAt(const Image& image, int x, int y) {
    return image.Pixel(x, y) >> 8;
}

std::optional<Box> FindColour(const Image& image, uint32_t rgb) {
    return FindColour(image, rgb, Box{0, 0, image.width - 1, image.height - 1});
}

std::optional<Box> FindColour(const Image& image, uint32_t rgb, Box region) {
    std::optional<Box> box;
    for (int y = std::max(0, region.y0); y <= std::min(image.height - 1, region.y1); y++)
        for (int x = std::max(0, region.x0); x <= std::min(image.width - 1, region.x1); x++) {
            if (RgbAt(image, x, y) != rgb) continue;
            if (!box) box = Box{x, y, x, y};
            box->x0 = std::min(box->x0, x);
            box->y0 = std::min(box->y0, y);
            box->x1 = std::max(box->x1, x);
            box->y1 = std::max(box->y1, y);
        }
    return box;
}

size_t CountColour(const Image& image, uint32_t rgb) {
    size_t count = 0;
    for (int y = 0; y < image.height; y++)
        for (int x = 0; x < image.width; x++)
            count += RgbAt(image, x, y) == rgb;
    return count;
}

size_t DistinctColours(const Image& image) {
    std::unordered_set<uint32_t> colours;
    for (int y = 0; y < image.height; y++)
        for (int x = 0; x < image.width; x++)
            colours.insert(RgbAt(image, x, y));
    return colours.size();
}

} // namespace kiosk::test
