// Window: the SDL2 window and its OpenGL context.
//
// The kiosk is full screen (SDL_WINDOW_FULLSCREEN_DESKTOP) with the cursor hidden, created
// at the first display's size and kept covering its monitor (x11_full_screen.h); its size
// can change at any time (resolution change, rotation, another monitor): the shell reads
// Size() every frame. Development uses --windowed --size WxH. Tests and screenshots use a hidden window on
// SDL's offscreen driver (EGL + software GL), so no display is needed.
// Only SDL's video subsystem is initialised: with joystick or sensor subsystems open,
// SDL_WaitEventTimeout polls instead of sleeping (docs/architecture.md, "The frame loop: sleep when idle").
#pragma once

#include <optional>
#include <string>

struct SDL_Window;
typedef void* SDL_GLContext;

namespace kiosk {

struct WindowOptions {
    bool fullscreen = true;
    int width = 1920; // used when windowed, hidden, on the offscreen driver, or display unknown
    int height = 1080;
    bool offscreen = false; // force SDL's offscreen driver (no display needed)
    bool hide_cursor = true;
};

class Window {
public:
    // Creates the window and GL context. On failure returns nothing and sets `error` to a
    // message fit for the log ("no display: ...").
    static std::optional<Window> Create(const WindowOptions& options, std::string& error);

    Window(Window&& other) noexcept;
    Window& operator=(Window&&) = delete;
    Window(const Window&) = delete;
    ~Window();

    SDL_Window* Handle() const { return window_; }
    // Size in window coordinates (what pointer events and ImGui use)...
    void Size(int& width, int& height) const;
    // ...and in pixels (what GL renders).
    void DrawableSize(int& width, int& height) const;
    int MaxTextureSize() const { return max_texture_size_; }
    const std::string& VideoDriver() const { return video_driver_; }
    void Swap();

private:
    Window() = default;
    SDL_Window* window_ = nullptr;
    SDL_GLContext context_ = nullptr;
    int max_texture_size_ = 0;
    std::string video_driver_;
    std::string renderer_;
    bool keeps_full_screen_ = false;
};

} // namespace kiosk
