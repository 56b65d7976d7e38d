#include "x11_full_screen.h"

#include <vector>

#include <SDL2/SDL.h>
#include <SDL2/SDL_syswm.h>

#include "base/log.h"

#if defined(KIOSK_HAVE_X11) && defined(SDL_VIDEO_DRIVER_X11)
#include <X11/Xlib.h>
#include <X11/extensions/Xrandr.h>
#include <errno.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <thread>
#include <unistd.h>

namespace kiosk {

namespace {

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
    bool operator==(const Rect&) const = default;
    bool Contains(int px, int py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

struct Keeper {
    Display* display = nullptr; // the watcher's own connection (Xlib is not shared across threads)
    ::Window xwindow = 0;       // the kiosk's window, from SDL's connection
    int randr_event_base = -1;
    int stop_fd = -1; // eventfd: wakes the watcher to end it
    std::thread thread;
};
Keeper keeper;

// The monitors (RandR CRTCs showing something) in root coordinates; the primary first.
std::vector<Rect> Monitors(Display* display, ::Window root) {
    std::vector<Rect> monitors;
    XRRScreenResources* resources = XRRGetScreenResourcesCurrent(display, root);
    if (!resources) return monitors;
    RRCrtc primary_crtc = 0;
    if (RROutput primary = XRRGetOutputPrimary(display, root)) {
        if (XRROutputInfo* info = XRRGetOutputInfo(display, resources, primary)) {
            primary_crtc = info->crtc;
            XRRFreeOutputInfo(info);
        }
    }
    for (int i = 0; i < resources->ncrtc; i++) {
        XRRCrtcInfo* crtc = XRRGetCrtcInfo(display, resources, resources->crtcs[i]);
        if (!crtc) continue;
        if (crtc->mode != None && crtc->noutput > 0 && crtc->width > 0 && crtc->height > 0) {
            Rect r{crtc->x, crtc->y, (int)crtc->width, (int)crtc->height};
            if (resources->crtcs[i] == primary_crtc)
                monitors.insert(monitors.begin(), r);
            else
                monitors.push_back(r);
        }
        XRRFreeCrtcInfo(crtc);
    }
    XRRFreeScreenResources(resources);
    return monitors;
}

void Fit(Display* display, ::Window xwindow, const char* why) {
    const ::Window root = DefaultRootWindow(display);
    XWindowAttributes attributes{};
    if (!XGetWindowAttributes(display, xwindow, &attributes)) return;
    Rect current{0, 0, attributes.width, attributes.height};
    ::Window child = 0;
    XTranslateCoordinates(display, xwindow, root, 0, 0, &current.x, &current.y, &child);

    std::vector<Rect> monitors = Monitors(display, root);
    if (monitors.empty()) {
        // No RandR answer (or every CRTC off in the middle of a change): the whole X screen.
        XWindowAttributes root_attributes{};
        if (!XGetWindowAttributes(display, root, &root_attributes)) return;
        monitors.push_back({0, 0, root_attributes.width, root_attributes.height});
    }
    Rect target = monitors.front();
    for (const Rect& m : monitors)
        if (m.Contains(current.x + current.w / 2, current.y + current.h / 2)) target = m;
    if (target == current) return;
    LogInfo("full screen: window at {}x{}+{}+{}, its monitor is {}x{}+{}+{} ({}): fitting it", current.w,
            current.h, current.x, current.y, target.w, target.h, target.x, target.y, why);
    XMoveResizeWindow(display, xwindow, target.x, target.y, (unsigned)target.w, (unsigned)target.h);
    XFlush(display);
}

// The watcher thread: its own X connection, asleep in poll() until RandR reports a change.
// SDL 2.26 does not pass root-window RandR events on (not even as SDL_SYSWMEVENT), and the
// main loop must not poll for them. Moving the window is enough: SDL sees the resulting
// ConfigureNotify on its own connection and reports SDL_WINDOWEVENT_SIZE_CHANGED.
void Watch(Display* display, ::Window xwindow, int randr_event_base, int stop_fd) {
    Fit(display, xwindow, "created");
    pollfd fds[2] = {{ConnectionNumber(display), POLLIN, 0}, {stop_fd, POLLIN, 0}};
    for (;;) {
        bool changed = false;
        while (XPending(display)) {
            XEvent event;
            XNextEvent(display, &event);
            if (event.type == randr_event_base + RRScreenChangeNotify ||
                event.type == randr_event_base + RRNotify)
                changed = true;
        }
        if (changed) Fit(display, xwindow, "the screen changed");
        if (poll(fds, 2, -1) < 0 && errno != EINTR) break;
        if (fds[1].revents) break;
        if (fds[0].revents & (POLLERR | POLLHUP)) break;
    }
}

} // namespace

void StartFullScreenKeeper(SDL_Window* window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (keeper.display || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) return;
    Display* display = XOpenDisplay(DisplayString(info.info.x11.display));
    if (!display) {
        LogWarning("full screen: cannot open a second X connection: screen changes will not be followed");
        return;
    }
    int error_base = 0;
    if (!XRRQueryExtension(display, &keeper.randr_event_base, &error_base)) {
        LogWarning("full screen: the X server has no RandR: screen changes will not be followed");
        keeper.randr_event_base = -1000;
    } else {
        XRRSelectInput(display, DefaultRootWindow(display),
                       RRScreenChangeNotifyMask | RRCrtcChangeNotifyMask | RROutputChangeNotifyMask);
    }
    keeper.display = display;
    keeper.xwindow = info.info.x11.window;
    keeper.stop_fd = eventfd(0, EFD_CLOEXEC);
    keeper.thread = std::thread(Watch, display, keeper.xwindow, keeper.randr_event_base, keeper.stop_fd);
}

void StopFullScreenKeeper() {
    if (!keeper.display) return;
    const uint64_t one = 1;
    if (write(keeper.stop_fd, &one, sizeof one) < 0) LogWarning("full screen: cannot stop the watcher");
    keeper.thread.join();
    close(keeper.stop_fd);
    XCloseDisplay(keeper.display);
    keeper.display = nullptr;
    keeper.xwindow = 0;
}

} // namespace kiosk

#else

namespace kiosk {
void StartFullScreenKeeper(SDL_Window*) {}
void StopFullScreenKeeper() {}
} // namespace kiosk

#endif
