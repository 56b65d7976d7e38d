// Decoding and shaping images on the CPU (core/image): PNG round trip, corrupt and missing
// files, the size guard, down-scaling, and the tiled pyramid's levels and tile ranges.
#include <fstream>

#include <catch2/catch.hpp>
#include <stb_image_write.h>

#include "image/image_pyramid.h"
#include "test_paths.h"

using namespace kiosk;

namespace {
// A w×h RGB picture whose pixel (x, y) is (x % 256, y % 256, 77).
std::filesystem::path WriteGradient(const std::filesystem::path& file, int w, int h) {
    std::vector<uint8_t> pixels((size_t)w * h * 3);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint8_t* p = &pixels[((size_t)y * w + x) * 3];
            p[0] = (uint8_t)(x % 256);
            p[1] = (uint8_t)(y % 256);
            p[2] = 77;
        }
    REQUIRE(stbi_write_png(file.c_str(), w, h, 3, pixels.data(), w * 3));
    return file;
}
} // namespace

TEST_CASE("a PNG decodes to its pixels, RGB when it has no alpha") {
    const auto file = WriteGradient(test::ScratchDir("image_png") / "g.png", 300, 200);
    std::string error;
    std::optional<ImageInfo> info = ReadImageInfo(file, error);
    REQUIRE(info);
    CHECK(info->width == 300);
    CHECK_FALSE(info->has_alpha);
    std::optional<Raster> r = DecodeImageFile(file, 1'000'000, error);
    REQUIRE(r);
    CHECK(r->Channels() == 3);
    CHECK(r->Pixel(123, 45)[0] == 123);
    CHECK(r->Pixel(123, 45)[1] == 45);
    CHECK(r->Pixel(123, 45)[2] == 77);
}

TEST_CASE("missing, corrupt, truncated and oversized images are refused with a reason") {
    const auto dir = test::ScratchDir("image_bad");
    std::string error;
    CHECK_FALSE(DecodeImageFile(dir / "nowhere.png", 1'000'000, error));
    CHECK(error == "no such file");

    std::ofstream(dir / "garbage.png") << "\x89PNG but not really, just some text";
    CHECK_FALSE(DecodeImageFile(dir / "garbage.png", 1'000'000, error));
    CHECK(error.find("not a readable PNG or JPEG image") != std::string::npos);

    // A real PNG cut in half: the header reads, the pixels do not.
    const auto good = WriteGradient(dir / "good.png", 400, 300);
    std::string bytes;
    {
        std::ifstream in(good, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::ofstream(dir / "cut.png", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    CHECK_FALSE(DecodeImageFile(dir / "cut.png", 1'000'000, error));
    CHECK(error.find("not a readable PNG or JPEG image") != std::string::npos);

    CHECK_FALSE(DecodeImageFile(good, 100'000, error)); // 120 000 px > 100 000
    CHECK(error.find("400×300 px is too large") != std::string::npos);
    CHECK_FALSE(DecodeImageFile(dir, 1'000'000, error));
    CHECK(error == "not a regular file");
}

TEST_CASE("halving averages 2×2 blocks, odd edges included") {
    Raster r(3, 3, 3);
    for (int i = 0; i < 27; i++)
        r.Data()[i] = (uint8_t)(i * 9);
    Raster half = HalfSize(r);
    CHECK(half.Width() == 2);
    CHECK(half.Height() == 2);
    // Top-left: mean of pixels (0,0) (1,0) (0,1) (1,1), red channel = 0, 27, 81, 108.
    CHECK(half.Pixel(0, 0)[0] == (0 + 27 + 81 + 108 + 2) / 4);
    // Bottom-right: the last pixel averaged with itself.
    CHECK(half.Pixel(1, 1)[0] == r.Pixel(2, 2)[0]);
}

TEST_CASE("scaling to fit keeps the aspect and the mean colour") {
    Raster r(1000, 500, 3);
    for (size_t i = 0; i < r.Bytes(); i++)
        r.Data()[i] = (uint8_t)((i / 3) % 2 ? 200 : 100); // alternate columns
    Raster small = ScaleToFit(r, 300);
    CHECK(small.Width() == 300);
    CHECK(small.Height() == 150);
    CHECK(std::abs(small.Pixel(150, 75)[0] - 150) <= 20);
    Raster same = ScaleToFit(r, 4000);
    CHECK(same.Width() == 1000);
    CHECK(same.Pixel(1, 0)[0] == 200);
}

TEST_CASE("a pyramid halves down to one tile, the level follows the zoom, tiles cover the view") {
    ImagePyramid p = BuildPyramid(Raster(5000, 3000, 3), 1024);
    REQUIRE(p.LevelCount() == 4); // 5000, 2500, 1250, 625
    CHECK(p.levels[1].Width() == 2500);
    CHECK(p.levels[3].Width() == 625);
    CHECK(p.levels[3].Height() == 375);
    CHECK(p.Bytes() > 5000u * 3000u * 3u);

    CHECK(ChooseLevel(2.0f, 4) == 0); // zoomed in: full size
    CHECK(ChooseLevel(1.0f, 4) == 0);
    CHECK(ChooseLevel(0.6f, 4) == 0); // level 1 would be blurry
    CHECK(ChooseLevel(0.5f, 4) == 1);
    CHECK(ChooseLevel(0.3f, 4) == 1);
    CHECK(ChooseLevel(0.2f, 4) == 2);
    CHECK(ChooseLevel(0.01f, 4) == 3); // never past the coarsest

    const TileRange all = VisibleTiles(5000, 3000, 1024, Rect({-100, -100}, {6000, 4000}));
    CHECK(all.Count() == 5 * 3);
    const TileRange some = VisibleTiles(5000, 3000, 1024, Rect({1000, 1030}, {2100, 1040}));
    CHECK(some.x0 == 0);
    CHECK(some.x1 == 3);
    CHECK(some.y0 == 1);
    CHECK(some.y1 == 2);
    CHECK(VisibleTiles(5000, 3000, 1024, Rect({6000, 0}, {7000, 100})).Empty());
}
