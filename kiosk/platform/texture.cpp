#include "texture.h"

#include <utility>

#include <SDL2/SDL_opengl.h>

namespace kiosk {

void SetBlending(bool enabled) {
    if (enabled)
        glEnable(GL_BLEND);
    else
        glDisable(GL_BLEND);
}

Texture::~Texture() {
    if (id_) {
        GLuint id = id_;
        glDeleteTextures(1, &id);
    }
}

Texture::Texture(Texture&& other) noexcept
    : id_(std::exchange(other.id_, 0)), width_(other.width_), height_(other.height_) {}

Texture& Texture::operator=(Texture&& other) noexcept {
    if (this != &other) {
        Texture old(std::move(*this));
        id_ = std::exchange(other.id_, 0);
        width_ = other.width_;
        height_ = other.height_;
    }
    return *this;
}

Texture Texture::Upload(const Raster& raster, int x, int y, int width, int height) {
    Texture texture;
    while (glGetError() != GL_NO_ERROR) {} // errors left by others must not be taken for ours
    GLuint id = 0;
    glGenTextures(1, &id);
    if (!id) return texture;
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, raster.Width());
    const bool rgba = raster.Channels() == 4;
    glTexImage2D(GL_TEXTURE_2D, 0, rgba ? GL_RGBA8 : GL_RGB8, width, height, 0, rgba ? GL_RGBA : GL_RGB,
                 GL_UNSIGNED_BYTE, raster.Pixel(x, y));
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glBindTexture(GL_TEXTURE_2D, (GLuint)previous);
    if (glGetError() != GL_NO_ERROR) {
        glDeleteTextures(1, &id);
        return texture;
    }
    texture.id_ = id;
    texture.width_ = width;
    texture.height_ = height;
    return texture;
}

} // namespace kiosk
