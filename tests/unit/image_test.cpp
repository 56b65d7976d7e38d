// Decoding and shaping images on the CPU (core/image): PNG round trip, every kind of broken
// file, the cap on decoded bytes, 16-bit images in bounded memory, down-scaling, and the
// tiled pyramid's levels and tile ranges.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <png.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <stb_image_write.h>

#include "image/image_file.h"
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

// A w×h PNG of `channels` channels at `depth` bits, streamed row by row (a 144 Mpx image
// costs a row of memory). Rows of zeros compress ~1000:1, like the 932 KB file.
std::filesystem::path WriteStreamedPng(const std::filesystem::path& file, int w, int h, int channels,
                                       int depth) {
    FILE* f = std::fopen(file.c_str(), "wb");
    REQUIRE(f);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    png_init_io(png, f);
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_NONE);
    const int type = channels == 1   ? PNG_COLOR_TYPE_GRAY
                     : channels == 3 ? PNG_COLOR_TYPE_RGB
                                     : PNG_COLOR_TYPE_RGBA;
    png_set_IHDR(png, info, w, h, depth, type, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    std::vector<uint8_t> row((size_t)w * channels * depth / 8);
    for (int y = 0; y < h; y++)
        png_write_row(png, row.data());
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    std::fclose(f);
    return file;
}

std::string ReadBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
void WriteBytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

// Peak resident memory (VmHWM) of `work` run in a child process, above what the child had
// when it started, in bytes; the child's exit status is `work`'s result (0 = it succeeded).
struct Peak {
    int64_t bytes = -1;
    bool ok = false;
};
int64_t StatusKb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0) return std::stoll(line.substr(std::strlen(field)));
    return -1;
}
template <class F>
Peak PeakMemoryOf(F work) {
    int pipe_fds[2];
    REQUIRE(pipe(pipe_fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(pipe_fds[0]);
        std::ofstream("/proc/self/clear_refs") << "5"; // resets VmHWM to the current RSS
        const int64_t before = StatusKb("VmRSS:");
        const bool ok = work();
        const int64_t peak = (StatusKb("VmHWM:") - before) * 1024;
        if (write(pipe_fds[1], &peak, sizeof peak) != sizeof peak) _exit(3);
        _exit(ok ? 0 : 1);
    }
    close(pipe_fds[1]);
    Peak result;
    if (read(pipe_fds[0], &result.bytes, sizeof result.bytes) != sizeof result.bytes) result.bytes = -1;
    close(pipe_fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    result.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return result;
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
    CHECK(CheckImageFile(file, 1'000'000, error));
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

    std::ofstream(dir / "garbage.png") << "\x89PNG\r\n\x1a\n but not really, just some text";
    CHECK_FALSE(DecodeImageFile(dir / "garbage.png", 1'000'000, error));
    CHECK(error.find("not a readable PNG image") != std::string::npos);

    // A real PNG cut in half: the header reads, the pixels do not.
    const auto good = WriteGradient(dir / "good.png", 400, 300);
    std::string bytes;
    {
        std::ifstream in(good, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::ofstream(dir / "cut.png", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    CHECK_FALSE(DecodeImageFile(dir / "cut.png", 1'000'000, error));
    CHECK(error.find("not a readable PNG image") != std::string::npos);

    CHECK_FALSE(DecodeImageFile(good, 300'000, error)); // 400×300×3 = 360 000 bytes > 300 000
    CHECK(error.find("400×300 px is too large") != std::string::npos);
    CHECK_FALSE(DecodeImageFile(dir, 1'000'000, error));
    CHECK(error == "not a regular file");
}

// Each of these passed `kiosk --check-config` when only the header was read (issue 9).
TEST_CASE("checking decodes the whole file: every kind of broken image is refused with its reason") {
    const auto dir = test::ScratchDir("image_check");
    const int64_t cap = MaxDecodedBytes(ImageUse::Plan);
    auto refused = [&](const std::filesystem::path& file) {
        std::string error;
        const bool checked = CheckImageFile(file, cap, error);
        std::string decode_error;
        const bool decoded = DecodeImageFile(file, cap, decode_error).has_value();
        CHECK(decode_error == error); // the check says what the screen would meet
        return !checked && !decoded ? error : std::string("(accepted)");
    };
    const std::string good = ReadBytes(WriteGradient(dir / "good.png", 400, 300));
    std::string error;
    CHECK(CheckImageFile(dir / "good.png", cap, error));

    WriteBytes(dir / "empty.png", "");
    CHECK(refused(dir / "empty.png") == "empty file (0 bytes), not a PNG or JPEG image");
    WriteBytes(dir / "text.png", "Plan du quartier, version 2\n");
    CHECK(refused(dir / "text.png") == "a text file, not a PNG or JPEG image");
    WriteBytes(dir / "drawing.png", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    CHECK(refused(dir / "drawing.png").rfind("an SVG drawing", 0) == 0);
    WriteBytes(dir / "cut.png", good.substr(0, good.size() / 2));
    CHECK(refused(dir / "cut.png") == "not a readable PNG image (truncated: the file ends too early)");
    // Signature and IHDR (8 + 25 bytes), then IEND: a header that reads, no pixels at all.
    WriteBytes(dir / "header-only.png", good.substr(0, 33) + std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12));
    CHECK(refused(dir / "header-only.png").rfind("not a readable PNG image (", 0) == 0);
    std::string corrupt = good;
    for (size_t i = corrupt.size() / 2; i < corrupt.size() / 2 + 16; i++)
        corrupt[i] = (char)~corrupt[i];
    WriteBytes(dir / "corrupt.png", corrupt);
    CHECK(refused(dir / "corrupt.png").rfind("not a readable PNG image (", 0) == 0);
    // 144 Mpx of grey: 432 MB once decoded as RGB, over the plan cap, refused from the header.
    WriteStreamedPng(dir / "huge.png", 12000, 12000, 1, 8);
    CHECK(refused(dir / "huge.png") ==
          "12000×12000 px is too large (432 MB once decoded, at most 402 MB here): "
          "reduce the image");
    CHECK(refused(dir) == "not a regular file");
}

TEST_CASE("pictures have a much smaller cap than plans") {
    CHECK(MaxDecodedBytes(ImageUse::Picture) * 16 <= MaxDecodedBytes(ImageUse::Plan));
    CHECK(MaxDecodedBytes(ImageUse::Picture) < MaxDecodedBytes(ImageUse::Photo));
    CHECK(MaxDecodedBytes(ImageUse::Photo) < MaxDecodedBytes(ImageUse::Plan));
    // A 400×400 pictogram and a 10000×7000 RGBA plan fit their caps.
    CHECK(ImageInfo{400, 400, true}.DecodedBytes() <= MaxDecodedBytes(ImageUse::Picture));
    CHECK(ImageInfo{10000, 7000, true}.DecodedBytes() <= MaxDecodedBytes(ImageUse::Plan));
}

// Issue 9: a 932 KB 16-bit RGBA PNG of 10900×11000 took the kiosk to 1.99 GB; as a poll
// picture it is decoded on the home screen. Its decoded bytes (480 MB in 8 bits) are over
// every cap: refused from the header, with next to no memory.
TEST_CASE(
    "the issue's 16-bit 10900×11000 RGBA image is refused from its header, as a picture and as a plan") {
    const auto file = WriteStreamedPng(test::ScratchDir("image_16bit_huge") / "p16.png", 10900, 11000, 4, 16);
    for (ImageUse use : {ImageUse::Picture, ImageUse::Plan}) {
        std::string error;
        const Peak peak =
            PeakMemoryOf([&] { return DecodeImageFile(file, MaxDecodedBytes(use), error).has_value(); });
        std::printf("decoding the 10900×11000 16-bit RGBA PNG as a %s: peak RSS +%.1f MB\n",
                    ImageUseName(use), peak.bytes / 1e6);
        CHECK_FALSE(peak.ok);
        CHECK(peak.bytes >= 0);
        CHECK(peak.bytes < 8'000'000);
        CHECK_FALSE(CheckImageFile(file, MaxDecodedBytes(use), error));
        CHECK(error.find("10900×11000 px is too large (480 MB once decoded") == 0);
    }
}

// stb_image inflated the whole file, then kept a 16-bit image of the full size while making
// the 8-bit one (4 × the result and more). Row by row, the peak is the result itself.
TEST_CASE("a 16-bit image decodes to 8 bits in bounded memory: peak RSS close to the decoded bytes") {
    const int w = 4000, h = 3000;
    const auto file = WriteStreamedPng(test::ScratchDir("image_16bit") / "p16.png", w, h, 4, 16);
    const int64_t decoded = (int64_t)w * h * 4; // 48 MB as 8-bit RGBA
    const Peak peak = PeakMemoryOf([&] {
        std::string error;
        std::optional<Raster> r = DecodeImageFile(file, MaxDecodedBytes(ImageUse::Plan), error);
        if (!r || r->Channels() != 4 || r->Width() != w || r->Height() != h || r->Pixel(w - 1, h - 1)[3] != 0)
            return false;
        // Touch every page, as the pyramid and the upload will.
        size_t sum = 0;
        for (size_t i = 0; i < r->Bytes(); i += 4096)
            sum += r->Data()[i];
        return sum == 0;
    });
    std::printf("decoding a %d×%d 16-bit RGBA PNG (%.0f MB as 8-bit RGBA): peak RSS +%.1f MB\n", w, h,
                decoded / 1e6, peak.bytes / 1e6);
    CHECK(peak.ok);
    CHECK(peak.bytes > decoded / 2);                 // the measure sees the image
#if !defined(__SANITIZE_ADDRESS__)                   // its shadow memory and redzones are not the decoder's
    CHECK(peak.bytes < decoded * 5 / 4 + 4'000'000); // and nothing of its size besides
#endif
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
