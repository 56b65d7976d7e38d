// Keeps a full-screen window covering its monitor on X11 when no window manager does it.
//
// SDL 2.26 makes an X11 window full screen by asking the window manager
// (_NET_WM_STATE_FULLSCREEN). A kiosk started by xinit or an auto-login straight into the
// kiosk has no window manager: nobody answers, and the window stays where and as large as
// it was created. SDL also never updates a display's size when its resolution changes
// (only when a monitor is plugged or unplugged), so the window keeps the old size too.
// This watches RandR's screen-change notifications and moves/resizes the window to cover
// the monitor it is on (or the primary one), exactly as a window manager would; SDL then
// reports the new size (SDL_WINDOWEVENT_SIZE_CHANGED) and the layout follows. Under a
// window manager the window already covers its monitor and nothing is done.
// Other video drivers (Wayland, KMSDRM) need none of this: calls do nothing there.
#pragma once

struct SDL_Window;

namespace kiosk {

// Fits `window` to its monitor now and after every screen change, until StopFullScreenKeeper.
// One window at a time (the kiosk has one).
void StartFullScreenKeeper(SDL_Window* window);
void StopFullScreenKeeper();

} // namespace kiosk
