#include "frame_capture.h"

#include <cstring>

#include <SDL2/SDL_opengl.h>
#include <fmt/format.h>
#include <stb_image_write.h>

namespace kiosk {

uint32_t Image::Pixel(int x, int y) const {
    const uint8_t* p = &rgba[((size_t)y * width + x) * 4];
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

Image CaptureFrame(int width, int height) {
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize((size_t)width * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    // GL's first row is the bottom one.
    const size_t stride = (size_t)width * 4;
    std::vector<uint8_t> row(stride);
    for (int y = 0; y < height / 2; y++) {
        uint8_t* top = &image.rgba[y * stride];
        uint8_t* bottom = &image.rgba[(height - 1 - y) * stride];
        std::memcpy(row.data(), top, stride);
        std::memcpy(top, bottom, stride);
        std::memcpy(bottom, row.data(), stride);
    }
    for (size_t i = 3; i < image.rgba.size(); i += 4)
        image.rgba[i] = 255; // the screen is opaque; the buffer's alpha is meaningless
    return image;
}

bool WritePng(const Image& image, const std::filesystem::path& file, std::string& error) {
    std::error_code ec; // a directory that cannot be made shows as the write failing below
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (!stbi_write_png(file.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4)) {
        error = fmt::format("cannot write {}", file.string());
        return false;
    }
    return true;
}

} // namespace kiosk
