// SecondDisplay: a full-screen window on another display than the kiosk's (the
// inauguration's big screen or projector), with its own OpenGL context, so the
// touchscreen stays usable while it shows.
//
// SDL numbers displays from 0; the kiosk's window is on display 0 (window.cpp). A second
// display is any display index ≥ 1 that SDL reports (SDL_GetNumVideoDisplays): on X11 a
// second RandR output or a second X screen. (SDL 2.26 does not list RandR 1.5 "monitors",
// so one screen split by `xrandr --setmonitor` stays one display.)
#pragma once

#include <memory>
#include <optional>
#include <string>

struct SDL_Window;
typedef void* SDL_GLContext;

namespace kiosk {

// The display for the big screen: the first one after the kiosk's, or none when SDL
// sees only one.
std::optional<int> SecondDisplayIndex();

class SecondDisplay {
public:
    // Opens a borderless full-screen window covering `display`. Must be called on the main
    // thread with the kiosk's GL context current; leaves the kiosk's context current.
    static std::unique_ptr<SecondDisplay> Open(int display, std::string& error);
    ~SecondDisplay();
    SecondDisplay(const SecondDisplay&) = delete;
    SecondDisplay& operator=(const SecondDisplay&) = delete;

    uint32_t WindowId() const { return window_id_; }
    void Size(int& width, int& height) const;
    void DrawableSize(int& width, int& height) const;
    // Makes this window's GL context current, remembering the one that was; Release gives
    // that one back, SwapAndRelease first shows what was drawn.
    void MakeCurrent();
    void Release();
    void SwapAndRelease();

private:
    SecondDisplay() = default;
    SDL_Window* window_ = nullptr;
    SDL_GLContext context_ = nullptr;
    SDL_Window* previous_window_ = nullptr;
    SDL_GLContext previous_context_ = nullptr;
    uint32_t window_id_ = 0;
};

} // namespace kiosk
