// Image files: what they are, decoding them within a memory cap, and checking them.
//
// PNG and JPEG only (README "Content"). The cap counts the bytes of the decoded 8-bit pixels
// (3 channels, 4 with transparency), never the pixels alone: a small file of 16-bit RGBA
// pixels would otherwise pass a pixel cap and need gigabytes. PNG is decoded row by row
// with libpng straight into those bytes, 16-bit samples stripped to 8 on the way, so its
// peak memory is the decoded image and nothing more (stb_image inflated the whole file and
// kept a 16-bit copy of the full size: a 10900×11000 16-bit RGBA poll picture took 1.99 GB).
// JPEG goes through stb_image (from libstb: never define STB_IMAGE_IMPLEMENTATION here), which
// needs up to about twice the decoded bytes while it works.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "image/raster.h"

namespace kiosk {

// What an image is for, which sets how big it may be once decoded.
enum class ImageUse {
    Plan,    // plans and their before images: tiled, zoomed into (and their gallery thumbnail)
    Photo,   // a hotspot's photo, a timeline phase's picture: shown at card size
    Picture, // a survey option's picture: several at once, poll pictures on the home screen
};

// The cap on the decoded bytes for `use` (README "Content", "Images").
int64_t MaxDecodedBytes(ImageUse use);
// "plan", "photo", "picture": for messages.
const char* ImageUseName(ImageUse use);

struct ImageInfo {
    int width = 0, height = 0;
    bool has_alpha = false;
    // Bytes of the decoded 8-bit pixels (RGB, or RGBA with transparency).
    int64_t DecodedBytes() const { return (int64_t)width * height * (has_alpha ? 4 : 3); }
};

// Reads only the file's header (fast: for loaders). Nothing, with `error` saying why ("no such
// file", "empty file (0 bytes)", "an SVG drawing, not a PNG or JPEG image…"), when the file is
// not a PNG or JPEG whose header reads.
std::optional<ImageInfo> ReadImageInfo(const std::filesystem::path& file, std::string& error);

// Decodes a whole image file. An image whose decoded pixels would exceed `max_decoded_bytes`
// is refused from its header, before anything is allocated. Nothing, with `error` saying why,
// for a missing, truncated, corrupt or oversized file.
std::optional<Raster> DecodeImageFile(const std::filesystem::path& file, int64_t max_decoded_bytes,
                                      std::string& error);

// Decodes the whole file as DecodeImageFile would and throws the pixels away (PNG: one row at
// a time, so checking a big plan costs a row of memory). False, with `error`, when the
// kiosk could not show it. For `kiosk --check-config`.
bool CheckImageFile(const std::filesystem::path& file, int64_t max_decoded_bytes, std::string& error);

} // namespace kiosk
