#include "window.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_opengl.h>

#include "base/log.h"
#include "x11_full_screen.h"

namespace kiosk {

std::optional<Window> Window::Create(const WindowOptions& options, std::string& error) {
    if (options.offscreen) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    // Touches must not also arrive as synthetic mouse events (we handle both ourselves).
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    // A kiosk must not minimise when focus moves to another (e.g. a notification) window.
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    // A window manager's close (Alt+F4, WM_DELETE_WINDOW) arrives as SDL_WINDOWEVENT_CLOSE
    // only, not as SDL_QUIT, so that the shell can refuse it in full screen: SDL_QUIT then
    // means SIGTERM or SIGINT, the documented ways to stop the kiosk.
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        error = fmt::format("cannot start the video system: {} (no display? for tests use the offscreen "
                            "driver: SDL_VIDEODRIVER=offscreen)",
                            SDL_GetError());
        return std::nullopt;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    const std::string_view driver = SDL_GetCurrentVideoDriver();
    const bool offscreen = driver == "offscreen" || driver == "dummy";
    if (offscreen && !options.offscreen) {
        // SDL falls back to an invisible driver when no display answers: a kiosk showing
        // nothing must fail loudly instead (systemd restarts it when the display is up).
        error = fmt::format("no display found (SDL chose the \"{}\" video driver); is X, Wayland or KMS/DRM "
                            "available?",
                            driver);
        SDL_Quit();
        return std::nullopt;
    }
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    const bool fullscreen = options.fullscreen && !offscreen;
    if (fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    else if (!offscreen)
        flags |= SDL_WINDOW_RESIZABLE;
    // Full screen is created at the display's position and size, not at a default size that
    // full screen then changes: on X11 without a window manager nothing changes it, and a
    // 1920x1080 window centred on a 1280x800 screen hung off its top-left corner while SDL
    // reported 1280x800 (the layout was centred on x = 320).
    SDL_Rect bounds{SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width, options.height};
    if (fullscreen && SDL_GetDisplayBounds(0, &bounds) != 0) {
        LogWarning("display bounds unknown ({}): full screen from {}x{}", SDL_GetError(), options.width,
                   options.height);
        bounds = {SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width, options.height};
    }
    Window w;
    w.window_ = SDL_CreateWindow("Maison du projet", bounds.x, bounds.y, bounds.w, bounds.h, flags);
    if (!w.window_) {
        error = fmt::format("cannot open the window: {}", SDL_GetError());
        SDL_Quit();
        return std::nullopt;
    }
    w.context_ = SDL_GL_CreateContext(w.window_);
    if (!w.context_) {
        error = fmt::format("cannot create the OpenGL 3.0 context: {}", SDL_GetError());
        return std::nullopt; // ~Window closes the window and SDL
    }
    SDL_GL_MakeCurrent(w.window_, w.context_);
    SDL_GL_SetSwapInterval(1); // vsync: frames never outrun the screen
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &w.max_texture_size_);
    w.video_driver_ = SDL_GetCurrentVideoDriver();
    w.renderer_ = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    if (options.hide_cursor && options.fullscreen) SDL_ShowCursor(SDL_DISABLE);
    if (fullscreen) {
        StartFullScreenKeeper(w.window_);
        w.keeps_full_screen_ = true;
    }
    int dw = 0, dh = 0;
    w.DrawableSize(dw, dh);
    LogInfo("display: {}x{} px, video driver {}, OpenGL renderer {}, max texture {} px", dw, dh,
            w.video_driver_, w.renderer_, w.max_texture_size_);
    return w;
}

Window::Window(Window&& other) noexcept
    : window_(other.window_), context_(other.context_), max_texture_size_(other.max_texture_size_),
      video_driver_(std::move(other.video_driver_)), renderer_(std::move(other.renderer_)),
      keeps_full_screen_(other.keeps_full_screen_) {
    other.window_ = nullptr;
    other.context_ = nullptr;
    other.keeps_full_screen_ = false;
}

Window::~Window() {
    if (keeps_full_screen_) StopFullScreenKeeper();
    if (context_) SDL_GL_DeleteContext(context_);
    if (window_) {
        SDL_DestroyWindow(window_);
        SDL_Quit();
    }
}

void Window::Size(int& width, int& height) const {
    SDL_GetWindowSize(window_, &width, &height);
}
void Window::DrawableSize(int& width, int& height) const {
    SDL_GL_GetDrawableSize(window_, &width, &height);
}
void Window::Swap() {
    SDL_GL_SwapWindow(window_);
}

} // namespace kiosk
