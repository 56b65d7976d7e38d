#include "shell.h"

#include <algorithm>
#include <cmath>
#include <time.h>

#include <SDL2/SDL.h>
#include <SDL2/SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "base/log.h"
#include "big_screen/big_screen.h"
#include "low_reach.h"
#include "palette.h"
#include "platform/speech/speech_player.h"
#include "read_aloud/read_aloud_controls.h"
#include "screens/screens.h"
#include "staff/staff_state.h"
#include "visit_state.h"

namespace kiosk {

namespace {
double ThreadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

// The recordings that replace synthesis; a problem is logged with file:line and only its
// entry is left out (read-aloud then synthesises that text).
RecordingIndex LoadRecordings(const ReadAloudConfig& config) {
    if (config.recordings.empty()) return {};
    Diagnostics diags;
    RecordingIndex index = LoadRecordingIndex(config.recordings, diags);
    for (const Diagnostic& d : diags.All())
        LogLine(d.severity == Severity::Error ? LogLevel::Error : LogLevel::Warning,
                "read-aloud: " + d.Format());
    return index;
}

std::vector<std::string> CollectDisplayTexts(const KioskData& data) {
    std::vector<std::string> texts;
    ForEachDisplayText(data, [&](std::string_view text) { texts.emplace_back(text); });
    return texts;
}
} // namespace

std::unique_ptr<Shell> Shell::Create(const KioskData& data, const ShellOptions& options, const Clock& clock,
                                     std::string& error, Failure* failure) {
    const double start = clock.Now();
    std::optional<Window> window = Window::Create(options.window, error);
    if (failure) *failure = Failure::Display;
    if (!window) return nullptr;
    const double window_ready = clock.Now();
    std::unique_ptr<Shell> shell(new Shell(data, options, clock, std::move(*window)));
    if (failure) *failure = Failure::Fonts; // SetUpScreen fails only on the fonts
    if (!shell->SetUpScreen(error)) return nullptr;
    LogInfo("start-up: window and GL context {:.0f} ms, ImGui and fonts {:.0f} ms",
            (window_ready - start) * 1000, (clock.Now() - window_ready) * 1000);
    return shell;
}

Shell::Shell(const KioskData& data, const ShellOptions& options, const Clock& clock, Window window)
    : data_(data), options_(options), clock_(clock), window_(std::move(window)),
      app_(std::make_unique<App>(data, clock)), waiter_(window_.VideoDriver()) {
    IMGUI_CHECKVERSION();
    imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing of a visit may persist on disk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigInputTextCursorBlink = false; // a blinking cursor would keep the loop awake
    io.MouseDoubleClickTime = 0.35f;
    ImGui_ImplOpenGL3_Init("#version 130");
    app_->max_texture_size = window_.MaxTextureSize();
    app_->images.SetMaxTextureSize(window_.MaxTextureSize());
    shown_view_ = ViewKey(); // the first screen is no change
    // The hidden corner press reads the raw touches (staff/corner_press.h); with no
    // pin_hash there is no staff mode and nothing watches the corner.
    // A right-to-left frame is drawn mirrored: touches are mirrored back (rtl_mirror.h).
    pointer_input_.SetMap([this](Vec2 p) { return app_->mirror.ToFrame(p); });
    if (app_->staff.Enabled())
        pointer_input_.SetObserver(
            [this](const PointerEvent& event) { app_->staff.corner.OnPointer(event); });
    // The bundled demo marks its content as an example: the big screen says so too.
    const Content& content = data.content;
    example_content_ =
        std::any_of(content.plans.begin(), content.plans.end(), [](const Plan& p) { return p.example; }) ||
        std::any_of(content.phases.begin(), content.phases.end(), [](const Phase& p) { return p.example; }) ||
        std::any_of(content.events.begin(), content.events.end(),
                    [](const AgendaEvent& e) { return e.example; });
    big_screen_ = std::make_unique<BigScreen>(*app_);
    app_->big_screen = big_screen_.get();
    speech_ = std::make_unique<SpeechPlayer>(data.config.read_aloud, LoadRecordings(data.config.read_aloud));
    app_->speech = speech_.get();
}

Shell::~Shell() {
    big_screen_.reset(); // its GL objects and ImGui context go first
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(imgui_);
}

bool Shell::SetUpScreen(std::string& error) {
    int width = 0, height = 0;
    window_.Size(width, height);
    App& app = *app_;
    // Screens lay out in the layout's size (the reachable band in low reach), staff
    // gestures and the pointer stay on the whole window.
    app.window_size = ImVec2((float)width, (float)height);
    const ImVec2 layout = Layout().size;
    const float old_scale = app.metrics.scale;
    app.metrics = ComputeMetrics(layout.x, layout.y, data_.config.display.scale);
    ApplyTheme(ImGui::GetStyle(), app.metrics);
    recognizer_.SetConfig(GestureConfig{}.Scaled(app.metrics.scale));
    app.staff.corner.SetScreen((float)width, (float)height, data_.config.staff.corner,
                               GestureConfig{}.Scaled(app.metrics.scale).tap_slop);
    pointer_input_.SetWindowSize(width, height);
    int drawable_w = 0, drawable_h = 0;
    window_.DrawableSize(drawable_w, drawable_h);
    LogInfo("layout: {}x{} in {}x{} ({}x{} px), scale {:.3f}", layout.x, layout.y, width, height, drawable_w,
            drawable_h, app.metrics.scale);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    // Only the font texture is replaced on a resize: destroying and recreating the
    // backend's shaders and buffers after frames were drawn left every later frame empty.
    const bool first = frames_rendered_ == 0;
    if (!first && !fonts_lost_ && app.metrics.scale == old_scale) {
        // Low reach in portrait: the band is as wide as the screen, the sizes stay, the
        // fonts too (a rebuild costs a visible pause).
        style_large_text_ = false; // ApplyTheme above used the standard palette
        screen_changed_ = false;
        return true;
    }
    if (!first) ImGui_ImplOpenGL3_DestroyFontsTexture();
    if (!BuildFonts(atlas, data_.config.paths.assets / "fonts", app.metrics, CollectDisplayTexts(data_),
                    window_.MaxTextureSize(), app.built_fonts, error, kLargeTextFactor)) {
        fonts_lost_ = true;
        return false;
    }
    fonts_lost_ = false;
    app.fonts = app.built_fonts.standard;
    style_large_text_ = false; // ApplyTheme above used the standard palette
    if (first)
        ImGui_ImplOpenGL3_CreateDeviceObjects(); // shaders, buffers and the font texture
    else
        ImGui_ImplOpenGL3_CreateFontsTexture();
    // Once the texture is on the GPU the CPU copies are dead weight (~8 MB at 1080p): the
    // RGBA pixels and the TTF files. The alpha pixels stay: ImGui 1.86's NewFrame asserts
    // the atlas is built, and they are enough to rebuild the RGBA copy should the backend
    // recreate its texture. A resize rebuilds everything from the font files.
    IM_FREE(atlas.TexPixelsRGBA32);
    atlas.TexPixelsRGBA32 = nullptr;
    atlas.ClearInputData();
    screen_changed_ = false;
    return true;
}

Shell::LayoutBox Shell::Layout() const {
    const App& app = *app_;
    if (!LowReachOn(app)) return {ImVec2(0, 0), app.window_size};
    const ReachBand band = ComputeReachBand(data_.config.display, app.window_size.y);
    // Whole pixels: a fractional offset would blur every line of text.
    const float top = std::round(band.top), bottom = std::round(band.bottom);
    return {ImVec2(0, top), ImVec2(app.window_size.x, std::max(1.0f, bottom - top))};
}

void Shell::UseVisitorDisplayMode() {
    App& app = *app_;
    // Arabic: texts shaped, the frame mirrored once built. ImGui's thick lines sample a
    // texture the mirror would take for glyphs: drawn as plain shapes on those frames.
    const bool rtl = data_.catalogs.IsRightToLeft(app.nav.Language());
    app.text_direction.SetRightToLeft(rtl);
    app.mirror.Begin(rtl, app.metrics.width, Vec2(app.layout_origin.x, app.layout_origin.y));
    const bool large = app.visit.large_text;
    app.fonts = large ? app.built_fonts.large : app.built_fonts.standard;
    palette::SetContrast(large ? palette::Contrast::High : palette::Contrast::Standard);
    if (large != style_large_text_) { // ImGui's own style colours follow the palette
        ApplyTheme(ImGui::GetStyle(), app.metrics);
        style_large_text_ = large;
    }
    ImGui::GetStyle().AntiAliasedLinesUseTex = !rtl;
}

void Shell::ApplyOpeningHours() {
    const OpeningHours& hours = data_.config.opening_hours;
    if (hours.always_open) return;
    LocalMoment moment = ToLocalMoment(app_->wall_now);
    app_->nav.SetOpen(hours.IsOpen(moment));
    // Seconds to the next possible change, counted from the start of the current minute.
    double seconds = hours.MinutesUntilChange(moment) * 60.0 - (double)(app_->wall_now % 60);
    hours_deadline_ = app_->now + std::max(1.0, seconds);
}

// Dear ImGui gets its pointer from the gesture recogniser only: a click is played as
// hover → press → release → gone over several frames, drags never press (docs/architecture.md, "Touch").
void Shell::FeedImGui(double now) {
    ImGuiIO& io = ImGui::GetIO();
    int width = 0, height = 0, drawable_w = 0, drawable_h = 0;
    window_.Size(width, height);
    window_.DrawableSize(drawable_w, drawable_h);
    io.DisplaySize = ImVec2(app_->metrics.width, app_->metrics.height); // the layout's (low_reach.h)
    if (width > 0 && height > 0)
        io.DisplayFramebufferScale = ImVec2((float)drawable_w / width, (float)drawable_h / height);
    io.DeltaTime = last_frame_time_ < 0 ? 1.0f / 60.0f : (float)std::max(1e-4, now - last_frame_time_);
    last_frame_time_ = now;

    const ImGuiPointer& pointer = app_->gestures.imgui;
    io.MousePos = pointer.present ? ImVec2(pointer.pos.x, pointer.pos.y) : ImVec2(-FLT_MAX, -FLT_MAX);
    for (bool& down : io.MouseDown)
        down = false;
    io.MouseDown[0] = pointer.down;
    io.MouseWheel = app_->wheel.y;
    io.MouseWheelH = app_->wheel.x;
}

void Shell::RenderFrame() {
    App& app = *app_;
    // The layout follows the size SDL reports now, whatever event (or none) told of it.
    int width = 0, height = 0;
    window_.Size(width, height);
    app.window_size = ImVec2((float)width, (float)height);
    // The layout follows low reach too: switched on or off, ended with the visit, or left for
    // the staff screens (low_reach.h).
    LayoutBox layout = Layout();
    if (layout.size.x != app.metrics.width || layout.size.y != app.metrics.height) screen_changed_ = true;
    if (screen_changed_) {
        screen_changed_ = false; // a failure is logged once, not retried every frame
        std::string error;
        if (!SetUpScreen(error)) LogError("{}", error); // keeps the previous fonts: the kiosk stays usable
    }
    app.layout_origin = layout.origin;
    app.targets.SetOrigin(layout.origin);
    big_screen_->SetBanners(example_content_, app.staff.session.settings.test_mode);
    if (big_screen_->CoversKiosk()) { // the big screen on the kiosk's own screen (big_screen.h)
        int drawable_w = 0, drawable_h = 0;
        window_.DrawableSize(drawable_w, drawable_h);
        big_screen_->RenderOwnScreen(width, height, drawable_w, drawable_h);
        if (big_screen_->CoversKiosk()) return;
        ViewChanged(clock_.Now()); // it timed out: the kiosk's screen is new to whoever stands there
    }
    const double build_start = ThreadCpuSeconds();
    app.now = clock_.Now();
    app.wall_now = clock_.WallSeconds();
    ApplyOpeningHours();

    app.gestures = recognizer_.Update(app.now);
    app.wheel = pointer_input_.TakeWheel() + injected_wheel_;
    injected_wheel_ = {};
    app.mouse_pos = pointer_input_.MousePos();
    const bool had_input = app.gestures.had_input || app.wheel != Vec2{};
    if (had_input) {
        app.nav.OnInput(app.now); // also dismisses the countdown and wakes a sleeping screen
        app.staff.session.OnTouch(app.now);
        settle_frames_ = 2;
    }
    if (VisitEnd end = app.nav.Tick(app.now); end != VisitEnd::None) {
        app.ForgetVisit(end);
        recognizer_.Reset();
    }
    if (ViewKey() != shown_view_) {
        // This frame's input dismissed "Are you still there?" or woke the screen, or a timer
        // changed the screen: the input was meant for what was shown and does nothing else.
        ViewChanged(app.now);
        app.gestures = GestureFrame{.had_input = had_input};
    }
    if (recognizer_.Guarded(app.mouse_pos, app.now)) app.wheel = {};
    // Touches land in the window; the screens are laid out from the layout's corner.
    const Vec2 to_layout(-layout.origin.x, -layout.origin.y);
    app.gestures = ShiftGestures(app.gestures, to_layout);
    app.mouse_pos += to_layout;

    const uint64_t view_before = ViewKey();
    const uint64_t visit_before = app.nav.VisitId();
    app.next_frame_at = std::numeric_limits<double>::infinity();
    app.clear_color = palette::kBackground;
    app.touch_targets.clear();
    app.text_overflows.clear();
    app.page_key = 0;
    UseVisitorDisplayMode();
    app.speech_script.Clear();

    FeedImGui(app.now);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    app.images.BeginFrame(); // decoded images in, textures up
    {
        SpeechScriptScope script(app.speech_script); // the texts drawn, for « Écouter »
        TextDirectionScope direction(app.text_direction);
        DrawScreens(app);
    }
    if (layout.origin.y > 0) DrawOutOfReach(app); // in the screen's colours (still this frame's contrast)
    // Asked for while drawing: now that the whole screen's text is known.
    if (app.speech_requested) SendReadAloudRequest(app);
    if (app.images.EndFrame()) app.RequestFrameIn(0); // unused images out; uploads still owed
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    app.mirror.Apply(*ImGui::GetDrawData(), io.Fonts->TexID, io.Fonts->TexUvWhitePixel);
    app.text_direction.ForgetCacheIfLarge();
    // ImGui drew the layout's display; the window is larger in low reach: the draw data
    // covers the whole window with the layout's corner at its origin (clip rects follow).
    ImDrawData* draw_data = ImGui::GetDrawData();
    draw_data->DisplayPos = ImVec2(-layout.origin.x, -layout.origin.y);
    draw_data->DisplaySize = app.window_size;
    last_build_cpu_ = ThreadCpuSeconds() - build_start;

    if (app.nav.VisitId() != visit_before) app.ForgetVisit();
    if (ViewKey() != view_before) {
        // A tap changed the route. The page this frame drew belongs to the old one.
        ViewChanged(app.now);
        LogInfo("screen: {}",
                ScreenName(app.nav.CurrentScreen())); // the screen's kind only, nothing of the visit
    } else if (page_known_ && app.page_key != shown_page_) {
        // A tap changed the page in the previous frame; this frame drew the new one.
        ViewChanged(app.now);
    } else {
        page_known_ = true;
    }
    shown_view_ = ViewKey();
    shown_page_ = app.page_key;

    int drawable_w = 0, drawable_h = 0;
    window_.DrawableSize(drawable_w, drawable_h);
    glViewport(0, 0, drawable_w, drawable_h);
    ImVec4 clear = RgbV(app.clear_color);
    palette::SetContrast(palette::Contrast::Standard); // the big screen and tools draw as usual
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    frames_rendered_++;
    if (settle_frames_ > 0 && !had_input) settle_frames_--;
}

void Shell::Present() {
    window_.Swap();
    if (frames_rendered_ == 1 && options_.process_start > 0)
        LogInfo("first frame presented {:.0f} ms after start",
                (clock_.Now() - options_.process_start) * 1000.0);
}

Image Shell::Capture() const {
    int drawable_w = 0, drawable_h = 0;
    window_.DrawableSize(drawable_w, drawable_h);
    return CaptureFrame(drawable_w, drawable_h);
}

uint64_t Shell::ViewKey() const {
    const Navigator& nav = app_->nav;
    uint64_t key = std::hash<std::string>{}(nav.Current().param);
    // "Aa" lays every screen out again in larger sizes: what was under the finger moves.
    for (uint64_t part : {(uint64_t)nav.CurrentScreen(), nav.VisitId(), (uint64_t)nav.CountdownVisible(),
                          (uint64_t)nav.Asleep(app_->now), (uint64_t)app_->visit.large_text,
                          (uint64_t)LowReachOn(*app_)}) // low reach moves everything too
        key = key * 1000003u ^ part;
    return key;
}

void Shell::ViewChanged(double now) {
    if (app_->speech) app_->speech->Stop(); // speech belongs to the screen it read
    recognizer_.Guard(now);
    page_known_ = false;
    settle_frames_ = 2;
}

double Shell::NextDeadline(double now) const {
    double deadline =
        std::min({app_->nav.NextDeadline(now), recognizer_.NextDeadline(now), app_->next_frame_at,
                  app_->staff.corner.NextDeadline(now), app_->staff.session.NextDeadline()});
    if (settle_frames_ > 0 || screen_changed_) deadline = now;
    if (!data_.config.opening_hours.always_open) deadline = std::min(deadline, hours_deadline_);
    // The big screen over the kiosk's: only its frames (the kiosk's timers wait, not drawn).
    if (big_screen_->CoversKiosk()) return big_screen_->NextDeadline(now);
    return deadline;
}

void Shell::HandleEvent(const SDL_Event& event) {
    if (big_screen_->HandleEvent(event, clock_.Now())) return; // its window's events, or the touch closing it
    if (pointer_input_.Handle(event, clock_.Now())) return;
    switch (event.type) {
    case SDL_QUIT: quit_ = true; break; // SIGTERM, SIGINT (a window close is not one: window.cpp)
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_CLOSE) {
            // Alt+F4 or a window manager's close button must not leave a public screen
            // on the desktop: full screen quits only on SIGTERM (systemd, staff).
            if (options_.window.fullscreen)
                LogInfo("ignored a request to close the window (full screen: stop the kiosk with SIGTERM)");
            else
                quit_ = true;
        }
        // X11 reports the initial size as a change too: rebuild fonts only for a real one.
        if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED &&
            ((float)event.window.data1 != app_->window_size.x ||
             (float)event.window.data2 != app_->window_size.y))
            screen_changed_ = true;
        settle_frames_ = std::max(settle_frames_, 1); // exposed, shown, resized: redraw
        break;
    case SDL_KEYDOWN:
        if (options_.dev_keys && event.key.keysym.sym == SDLK_ESCAPE) quit_ = true;
        break;
    default: break; // the wake-up event only needs the frame that follows
    }
}

int Shell::Run() {
    SDL_Event event;
    while (!quit_) {
        double now = clock_.Now();
        double deadline = NextDeadline(now);
        const double wake_at =
            std::min(deadline, big_screen_->NextDeadline(now)); // a second display's frames
        bool got_event = wake_at > now && waiter_.Wait(wake_at - now, event);
        if (got_event) HandleEvent(event);
        while (!quit_ && SDL_PollEvent(&event)) {
            HandleEvent(event);
            got_event = true;
        }
        if (quit_) break;
        big_screen_->SetBanners(example_content_, app_->staff.session.settings.test_mode);
        big_screen_->PumpSecondDisplay(clock_.Now());        // new votes; draws the second display when due
        if (!got_event && clock_.Now() < deadline) continue; // a capped wait ended early with nothing due
        RenderFrame();
        Present();
        if (app_->quit_requested) quit_ = true; // the staff panel's restart (README "Staff mode")
    }
    LogInfo("quitting after {} frames", frames_rendered_);
    return 0;
}

} // namespace kiosk
