#include "second_display.h"

#include <SDL2/SDL.h>

#include "base/log.h"

namespace kiosk {

std::optional<int> SecondDisplayIndex() {
    const int count = SDL_GetNumVideoDisplays();
    if (count < 2) return std::nullopt;
    SDL_Rect kiosk{}, other{};
    if (SDL_GetDisplayBounds(0, &kiosk) != 0 || SDL_GetDisplayBounds(1, &other) != 0) return std::nullopt;
    // SDL 2.26 puts a new window on the display containing its centre: displays that overlap
    // (separate X screens all start at 0,0) would put the big screen over the touchscreen.
    if (SDL_HasIntersection(&kiosk, &other)) {
        LogWarning("big screen: display 1 ({},{} {}x{}) overlaps the kiosk's display 0: not used", other.x,
                   other.y, other.w, other.h);
        return std::nullopt;
    }
    return 1;
}

std::unique_ptr<SecondDisplay> SecondDisplay::Open(int display, std::string& error) {
    SDL_Rect bounds{};
    if (SDL_GetDisplayBounds(display, &bounds) != 0) {
        error = fmt::format("display {} has no bounds: {}", display, SDL_GetError());
        return nullptr;
    }
    SDL_Window* kiosk_window = SDL_GL_GetCurrentWindow();
    SDL_GLContext kiosk_context = SDL_GL_GetCurrentContext();
    std::unique_ptr<SecondDisplay> d(new SecondDisplay);
    // Borderless at the display's bounds rather than SDL's full screen, which on X11 without
    // a window manager does not move a window to its display (docs/architecture.md,
    // "Full screen and the display's size").
    // Placed by display index, not only by position: separate X screens (Xvfb -screen 0 …
    // -screen 1 …) all start at 0,0. Sized to the display, borderless: full screen without
    // depending on a window manager (docs/architecture.md, "Full screen and the display's size").
    d->window_ = SDL_CreateWindow("Maison du projet", (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                                  (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display), bounds.w, bounds.h,
                                  SDL_WINDOW_OPENGL | SDL_WINDOW_BORDERLESS | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!d->window_) {
        error = fmt::format("cannot open a window on display {}: {}", display, SDL_GetError());
        return nullptr;
    }
    // Its own context, sharing nothing: contexts on different X screens cannot share, and
    // the big screen keeps its own font and picture textures anyway.
    d->context_ = SDL_GL_CreateContext(d->window_);
    if (!d->context_) {
        error = fmt::format("cannot create an OpenGL context on display {}: {}", display, SDL_GetError());
        SDL_GL_MakeCurrent(kiosk_window, kiosk_context);
        return nullptr;
    }
    SDL_GL_SetSwapInterval(0); // never block the kiosk's loop on this screen's refresh
    SDL_GL_MakeCurrent(kiosk_window, kiosk_context);
    d->window_id_ = SDL_GetWindowID(d->window_);
    LogInfo("big screen: window on display {} at {},{} {}x{}", display, bounds.x, bounds.y, bounds.w,
            bounds.h);
    return d;
}

SecondDisplay::~SecondDisplay() {
    if (context_) SDL_GL_DeleteContext(context_);
    if (window_) SDL_DestroyWindow(window_);
}

void SecondDisplay::Size(int& width, int& height) const {
    SDL_GetWindowSize(window_, &width, &height);
}

void SecondDisplay::DrawableSize(int& width, int& height) const {
    SDL_GL_GetDrawableSize(window_, &width, &height);
}

void SecondDisplay::MakeCurrent() {
    previous_window_ = SDL_GL_GetCurrentWindow();
    previous_context_ = SDL_GL_GetCurrentContext();
    SDL_GL_MakeCurrent(window_, context_);
}

void SecondDisplay::Release() {
    SDL_GL_MakeCurrent(previous_window_, previous_context_);
}

void SecondDisplay::SwapAndRelease() {
    SDL_GL_SwapWindow(window_);
    Release();
}

} // namespace kiosk
