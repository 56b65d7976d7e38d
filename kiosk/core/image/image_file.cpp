#include "image/image_file.h"

#include <algorithm>
#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>
#include <png.h>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <stb_image.h>

namespace kiosk {

int64_t MaxDecodedBytes(ImageUse use) {
    switch (use) {
    case ImageUse::Plan: return 384ll << 20;   // 10000×7000 RGBA (280 MB) fits; 120 Mpx RGB (360 MB) too
    case ImageUse::Photo: return 96ll << 20;   // a 32 Mpx camera photo in RGB
    case ImageUse::Picture: return 16ll << 20; // 2048×2048 RGBA: pictograms are 400×400
    }
    return 0;
}

const char* ImageUseName(ImageUse use) {
    switch (use) {
    case ImageUse::Plan: return "plan";
    case ImageUse::Photo: return "photo";
    case ImageUse::Picture: return "picture";
    }
    return "image";
}

namespace {

enum class Format { Png, Jpeg };

struct FileCloser {
    void operator()(FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

// Opens `file` and tells its format from its first bytes, never from its name: a text file or
// an SVG drawing renamed .png must be named for what it is.
std::optional<Format> Sniff(const std::filesystem::path& file, File& handle, std::string& error) {
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(file, ec);
    if (ec || status.type() == std::filesystem::file_type::not_found) {
        error = ec && ec != std::errc::no_such_file_or_directory ? ec.message() : "no such file";
        return std::nullopt;
    }
    if (status.type() != std::filesystem::file_type::regular) {
        error = "not a regular file";
        return std::nullopt;
    }
    handle.reset(std::fopen(file.c_str(), "rb"));
    if (!handle) {
        error = fmt::format("cannot open it ({})", std::strerror(errno));
        return std::nullopt;
    }
    unsigned char head[256];
    const size_t n = std::fread(head, 1, sizeof head, handle.get());
    std::rewind(handle.get());
    static const unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (n >= 8 && std::memcmp(head, kPng, 8) == 0) return Format::Png;
    if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return Format::Jpeg;
    if (n == 0) {
        error = "empty file (0 bytes), not a PNG or JPEG image";
        return std::nullopt;
    }
    const std::string_view text((const char*)head, n);
    if (text.find("<svg") != std::string_view::npos || text.find("<?xml") != std::string_view::npos) {
        error = "an SVG drawing (or other XML), not a PNG or JPEG image: convert it to PNG (rsvg-convert)";
        return std::nullopt;
    }
    const bool printable = std::all_of(text.begin(), text.end(), [](char c) {
        return (unsigned char)c >= 0x20 || c == '\n' || c == '\r' || c == '\t';
    });
    error = printable ? "a text file, not a PNG or JPEG image" : "not a PNG or JPEG image (unknown format)";
    return std::nullopt;
}

std::string TooLarge(const ImageInfo& info, int64_t max_bytes) {
    return fmt::format("{}×{} px is too large ({} MB once decoded, at most {} MB here): reduce the image",
                       info.width, info.height, (info.DecodedBytes() + 999'999) / 1'000'000,
                       max_bytes / 1'000'000);
}

// [SECTION] PNG (libpng)
//
// libpng reports errors by longjmp: the functions that call it hold no C++ object with a
// destructor between setjmp and the call, and every object they fill was made by the caller.

struct PngState {
    png_structp png = nullptr;
    png_infop info = nullptr;
    FILE* file = nullptr;
    int passes = 1; // 7 for an interlaced (Adam7) image
    char message[200] = "";
};

void PngError(png_structp png, png_const_charp message) {
    auto* state = (PngState*)png_get_error_ptr(png);
    std::snprintf(state->message, sizeof state->message, "%s", message);
    png_longjmp(png, 1);
}
void PngWarning(png_structp, png_const_charp) {} // ancillary chunk trouble: the image still shows

void PngRead(png_structp png, png_bytep data, size_t length) {
    auto* state = (PngState*)png_get_io_ptr(png);
    if (std::fread(data, 1, length, state->file) != length)
        png_error(png, std::ferror(state->file) ? "read error" : "truncated: the file ends too early");
}

// Reads the header and sets up 8-bit RGB or RGBA output. False, with state.message, on error.
bool PngStart(PngState& state, ImageInfo& info) {
    state.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, PngError, PngWarning);
    if (!state.png) return false;
    state.info = png_create_info_struct(state.png);
    if (!state.info) return false;
    if (setjmp(png_jmpbuf(state.png))) return false;
    png_set_read_fn(state.png, &state, PngRead);
    png_read_info(state.png, state.info);
    const int type = png_get_color_type(state.png, state.info);
    png_set_strip_16(state.png); // 16-bit samples become 8-bit row by row: no 16-bit copy
    png_set_packing(state.png);
    if (type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(state.png);
    if (type == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(state.png, state.info) < 8)
        png_set_expand_gray_1_2_4_to_8(state.png);
    if (png_get_valid(state.png, state.info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(state.png);
    if (type == PNG_COLOR_TYPE_GRAY || type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(state.png);
    state.passes = png_set_interlace_handling(state.png);
    png_read_update_info(state.png, state.info);
    info.width = (int)png_get_image_width(state.png, state.info);
    info.height = (int)png_get_image_height(state.png, state.info);
    info.has_alpha = png_get_channels(state.png, state.info) == 4;
    return true;
}

// Reads every row of every pass: into rows[y] when `rows`, else all into `scratch` (checking).
bool PngRows(PngState& state, int height, uint8_t** rows, uint8_t* scratch) {
    if (setjmp(png_jmpbuf(state.png))) return false;
    for (int pass = 0; pass < state.passes; pass++)
        for (int y = 0; y < height; y++)
            png_read_row(state.png, rows ? rows[y] : scratch, nullptr);
    png_read_end(state.png, nullptr);
    return true;
}

struct PngReader {
    PngState state;
    ~PngReader() { png_destroy_read_struct(&state.png, &state.info, nullptr); }
    std::string Error() const {
        return fmt::format("not a readable PNG image ({})",
                           state.message[0] ? state.message : "out of memory");
    }
};

std::optional<ImageInfo> PngInfo(PngReader& reader, FILE* file, std::string& error) {
    reader.state.file = file;
    ImageInfo info;
    if (!PngStart(reader.state, info)) {
        error = reader.Error();
        return std::nullopt;
    }
    return info;
}

// [SECTION] JPEG (stb_image)

std::optional<ImageInfo> JpegInfo(FILE* file, std::string& error) {
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_file(file, &width, &height, &channels)) {
        const char* reason = stbi_failure_reason();
        error = fmt::format("not a readable JPEG image ({})", reason ? reason : "unknown reason");
        return std::nullopt;
    }
    std::rewind(file);
    return ImageInfo{width, height, false};
}

std::optional<Raster> JpegDecode(FILE* file, std::string& error) {
    int width = 0, height = 0, file_channels = 0;
    uint8_t* pixels = stbi_load_from_file(file, &width, &height, &file_channels, 3);
    if (!pixels) {
        const char* reason = stbi_failure_reason();
        error = fmt::format("not a readable JPEG image ({})", reason ? reason : "unknown reason");
        return std::nullopt;
    }
    return Raster::Adopt(pixels, width, height, 3, &stbi_image_free);
}

// Decodes (into a Raster when `keep`, else only through) after the format and cap checks.
std::optional<Raster> Decode(const std::filesystem::path& file, int64_t max_bytes, bool keep, bool& ok,
                             std::string& error) {
    ok = false;
    File handle;
    std::optional<Format> format = Sniff(file, handle, error);
    if (!format) return std::nullopt;
    if (*format == Format::Jpeg) {
        std::optional<ImageInfo> info = JpegInfo(handle.get(), error);
        if (!info) return std::nullopt;
        if (info->DecodedBytes() > max_bytes) {
            error = TooLarge(*info, max_bytes);
            return std::nullopt;
        }
        std::optional<Raster> raster = JpegDecode(handle.get(), error);
        ok = raster.has_value();
        return keep ? std::move(raster) : std::nullopt;
    }
    PngReader reader;
    std::optional<ImageInfo> info = PngInfo(reader, handle.get(), error);
    if (!info) return std::nullopt;
    if (info->DecodedBytes() > max_bytes) {
        error = TooLarge(*info, max_bytes);
        return std::nullopt;
    }
    const size_t stride = png_get_rowbytes(reader.state.png, reader.state.info);
    const int channels = info->has_alpha ? 4 : 3;
    if (stride != (size_t)info->width * channels) {
        error = "not a readable PNG image (unexpected row layout)";
        return std::nullopt;
    }
    std::optional<Raster> raster;
    std::vector<uint8_t> scratch;
    std::vector<uint8_t*> rows;
    if (keep) {
        raster.emplace(info->width, info->height, channels);
        rows.resize(info->height);
        for (int y = 0; y < info->height; y++)
            rows[y] = raster->Data() + (size_t)y * stride;
    } else {
        scratch.resize(stride);
    }
    if (!PngRows(reader.state, info->height, keep ? rows.data() : nullptr, scratch.data())) {
        error = reader.Error();
        return std::nullopt;
    }
    ok = true;
    return raster;
}

} // namespace

std::optional<ImageInfo> ReadImageInfo(const std::filesystem::path& file, std::string& error) {
    File handle;
    std::optional<Format> format = Sniff(file, handle, error);
    if (!format) return std::nullopt;
    if (*format == Format::Jpeg) return JpegInfo(handle.get(), error);
    PngReader reader;
    return PngInfo(reader, handle.get(), error);
}

std::optional<Raster> DecodeImageFile(const std::filesystem::path& file, int64_t max_decoded_bytes,
                                      std::string& error) {
    bool ok = false;
    return Decode(file, max_decoded_bytes, true, ok, error);
}

bool CheckImageFile(const std::filesystem::path& file, int64_t max_decoded_bytes, std::string& error) {
    bool ok = false;
    Decode(file, max_decoded_bytes, false, ok, error);
    return ok;
}

} // namespace kiosk
