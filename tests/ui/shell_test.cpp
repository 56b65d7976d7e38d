// The shell driven headless: real SDL finger and mouse events, the real gesture
// recogniser and ImGui, software GL on SDL's offscreen driver, a manual clock.
#include <cctype>
#include <cmath>

#include <SDL2/SDL.h>
#include <catch2/catch.hpp>

#include "image_probe.h"
#include "kiosk_data.h"
#include "palette.h"
#include "shell_driver.h"
#include "survey/survey_length.h"
#include "survey/survey_length_text.h"
#include "test_paths.h"
#include "visit_state.h"

using namespace kiosk;

namespace {
const KioskData& DemoData() {
    static std::optional<KioskData> data = [] {
        Diagnostics diags;
        return LoadKioskData(test::DemoConfig(), diags);
    }();
    REQUIRE(data);
    return *data;
}

struct Kiosk {
    std::unique_ptr<ShellDriver> driver;
    explicit Kiosk(int w = 1920, int h = 1080) {
        std::string error;
        driver = ShellDriver::Create(DemoData(), w, h, error);
        INFO(error);
        REQUIRE(driver);
        // Wednesday 2026-11-25 10:00 UTC: inside opening hours in Paris and in UTC.
        driver->Clock().SetWall(1795600800);
        driver->Frames(2);
    }
    App& app() { return driver->GetApp(); }
    Screen screen() { return app().nav.CurrentScreen(); }
    Image Shot(const std::string& name) {
        Image image = driver->Capture();
        std::string error;
        WritePng(image, test::ScreenshotDir() / (name + ".png"), error);
        return image;
    }
};
} // namespace

TEST_CASE("the attract screen is drawn, and a tap anywhere opens home") {
    Kiosk k;
    CHECK(k.screen() == Screen::Attract);
    Image attract = k.Shot("shell-attract");
    CHECK(test::RgbAt(attract, 5, 5) == palette::kAttractBackground);
    CHECK(test::DistinctColours(attract) > 20); // text, pictogram, rings: not a blank screen
    CHECK(test::FindColour(attract, palette::kAttractAccent));

    k.driver->Tap(300, 900);
    CHECK(k.screen() == Screen::Home);
    Image home = k.Shot("shell-home");
    CHECK(test::RgbAt(home, 5, 5) == palette::kBackground);
}

TEST_CASE("each home tile is drawn where it can be tapped") {
    struct Case {
        uint32_t colour;
        Screen screen;
    };
    for (Case c : {Case{palette::kPrimary, Screen::Plans}, Case{palette::kTimeline, Screen::Timeline},
                   Case{palette::kOpinion, Screen::Surveys}, Case{palette::kAgenda, Screen::Agenda}}) {
        for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}}) {
            Kiosk k(w, h);
            k.driver->Tap(w / 2.0f, h / 2.0f);
            REQUIRE(k.screen() == Screen::Home);
            Image home = k.driver->Capture();
            // Below the header (whose title and selected language are also coloured).
            std::optional<test::Box> tile =
                test::FindColour(home, c.colour, test::Box{0, h / 5, w - 1, h - 1});
            REQUIRE(tile);
            // A tile is big: at least a fifth of the screen's width and height.
            CHECK(tile->Width() > w / 5);
            CHECK(tile->Height() > h / 5);
            // Tap its lower right quarter, away from the pictogram and the text.
            k.driver->Tap(tile->x0 + tile->Width() * 0.8f, tile->y0 + tile->Height() * 0.85f);
            CHECK(k.screen() == c.screen);
        }
    }
}

TEST_CASE("after a resize the screen is drawn for the new size and taps land on what is drawn") {
    // A resolution change or a rotation while the kiosk runs (SDL_WINDOWEVENT_SIZE_CHANGED).
    Kiosk k(1920, 1080);
    SDL_SetWindowSize(k.driver->GetShell().GetWindow().Handle(), 1280, 800);
    k.driver->Frames(3);
    CHECK(k.app().metrics.width == 1280.0f);
    Image attract = k.Shot("shell-resized-attract");
    REQUIRE(attract.width == 1280);
    CHECK(test::DistinctColours(attract) > 20); // not an empty frame
    std::optional<test::Box> accent =
        test::FindColour(attract, palette::kAttractAccent, test::Box{0, 0, 1279, 480});
    REQUIRE(accent);
    CHECK(std::abs(accent->CenterX() - 639.5f) < 8); // the title and pulse (above the poll) are centred
    k.driver->Tap(640, 250);
    REQUIRE(k.screen() == Screen::Home);
    Image home = k.Shot("shell-resized-home");
    std::optional<test::Box> tile = test::FindColour(home, palette::kPrimary, test::Box{0, 160, 1279, 799});
    REQUIRE(tile);
    CHECK(tile->x1 < 640);
    k.driver->Tap(tile->CenterX(), tile->CenterY());
    CHECK(k.screen() == Screen::Plans);
}

TEST_CASE("a drag across a tile scrolls nothing and opens nothing") {
    Kiosk k;
    k.driver->Tap(960, 540);
    Image home = k.driver->Capture();
    std::optional<test::Box> tile = test::FindColour(home, palette::kPrimary, test::Box{0, 216, 1919, 1079});
    REQUIRE(tile);
    k.driver->Drag(tile->CenterX(), tile->CenterY(), tile->CenterX() + 200, tile->CenterY() + 50);
    k.driver->Frames(4);
    CHECK(k.screen() == Screen::Home);
}

TEST_CASE("the mouse works like a finger") {
    Kiosk k;
    auto mouse = [&](Uint32 type, int x, int y) {
        SDL_Event e{};
        e.type = type;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.which = 0;
        e.button.x = x;
        e.button.y = y;
        k.driver->GetShell().HandleEvent(e);
    };
    mouse(SDL_MOUSEBUTTONDOWN, 900, 500);
    k.driver->Frames(2);
    mouse(SDL_MOUSEBUTTONUP, 900, 500);
    k.driver->Frames(6);
    CHECK(k.screen() == Screen::Home);
}

TEST_CASE("mouse events SDL synthesises from touches are ignored (no double taps)") {
    Kiosk k;
    SDL_Event e{};
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.which = SDL_TOUCH_MOUSEID;
    e.button.x = 900;
    e.button.y = 500;
    k.driver->GetShell().HandleEvent(e);
    e.type = SDL_MOUSEBUTTONUP;
    k.driver->GetShell().HandleEvent(e);
    k.driver->Frames(8);
    CHECK(k.screen() == Screen::Attract);
}

TEST_CASE("the idle countdown appears, counts down, and ends the visit") {
    Kiosk k;
    k.driver->Tap(960, 540);
    const uint64_t visit = k.app().nav.VisitId();
    k.driver->Wait(89);
    CHECK_FALSE(k.app().nav.CountdownVisible());
    k.driver->Wait(2);
    REQUIRE(k.app().nav.CountdownVisible());
    Image overlay = k.Shot("shell-idle-countdown");
    // The screen behind is dimmed: its background is no longer the plain background colour.
    CHECK(test::RgbAt(overlay, 5, 5) != palette::kBackground);
    CHECK(test::FindColour(overlay, palette::kSurface)); // the card
    k.driver->Wait(15);
    CHECK(k.screen() == Screen::Attract);
    CHECK(k.app().nav.VisitId() != visit);
}

TEST_CASE("the touch that dismisses the countdown does not press what is below it") {
    Kiosk k;
    k.driver->Tap(960, 540);
    Image home = k.driver->Capture();
    std::optional<test::Box> plans = test::FindColour(home, palette::kPrimary, test::Box{0, 216, 1919, 1079});
    REQUIRE(plans);
    k.driver->Wait(92);
    REQUIRE(k.app().nav.CountdownVisible());
    k.driver->Tap(plans->x0 + 40, plans->y1 - 40);
    CHECK_FALSE(k.app().nav.CountdownVisible());
    CHECK(k.screen() == Screen::Home);
    // ...and the visitor has a whole new idle period.
    k.driver->Wait(80);
    CHECK_FALSE(k.app().nav.CountdownVisible());
}

TEST_CASE("a visit's end forgets the language and the visitor's state") {
    Kiosk k;
    k.driver->Tap(960, 540);
    // The language picker's "English" button (by name: "Facile à lire" is beside it).
    std::optional<TargetRect> english = k.app().targets.Find("language:en");
    REQUIRE(english);
    k.driver->Tap(english->Center().x, english->Center().y);
    CHECK(k.app().nav.Language() == "en");
    CHECK(k.app().visit.language_chosen);
    CHECK(k.app().Tr("nav.home") == "Home");
    k.driver->Wait(90 + 15 + 1);
    CHECK(k.screen() == Screen::Attract);
    CHECK(k.app().nav.Language() == "fr");
    CHECK_FALSE(k.app().visit.language_chosen);
}

TEST_CASE("the “I have finished” button ends the visit at once") {
    Kiosk k;
    k.driver->Tap(960, 540);
    k.app().nav.SetLanguage("en");
    // The finish button is the last thing at the bottom right.
    k.driver->Tap(1920 - 48 - 60, 1080 - 24 - 42);
    CHECK(k.screen() == Screen::Attract);
    CHECK(k.app().nav.Language() == "fr");
}

TEST_CASE("a section's back and home buttons navigate") {
    Kiosk k;
    k.driver->Tap(960, 540);
    k.app().nav.Go({Screen::Agenda, ""}, k.app().now);
    k.driver->Frames(3);
    Image section = k.Shot("shell-section");
    // The bar's colour, searched in the top band only (the agenda's date blocks share it).
    std::optional<test::Box> bar = test::FindColour(section, palette::kAgenda, {0, 0, 1919, 150});
    REQUIRE(bar);
    CHECK(bar->y0 == 0);
    CHECK(bar->Width() == 1920);        // the top bar spans the screen edge to edge
    k.driver->Tap(100, bar->CenterY()); // back, at the left of the bar
    CHECK(k.screen() == Screen::Home);
}

TEST_CASE("the kiosk asks for no frame when nothing happens") {
    Kiosk k;
    // Attract: only its pulse, at display.attract_fps.
    const double now = k.app().now;
    const double fps = DemoData().config.display.attract_fps;
    CHECK(k.driver->GetShell().NextDeadline(now) == Approx(now + 1.0 / fps).margin(0.02));
    // Home after a tap: nothing until the idle timeout.
    k.driver->Tap(960, 540);
    k.driver->Frames(3);
    double deadline = k.driver->GetShell().NextDeadline(k.app().now);
    CHECK(deadline - k.app().now > 80);
}

TEST_CASE("outside opening hours the attract screen dims and a touch wakes it") {
    Kiosk k;
    k.driver->Clock().SetWall(1795345200); // Sunday 2026-11-22 10:00 UTC: closed
    k.driver->Frames(2);
    REQUIRE(k.app().nav.Asleep(k.app().now));
    Image dim = k.Shot("shell-attract-dimmed");
    CHECK(test::RgbAt(dim, 5, 5) != palette::kAttractBackground);
    // Asleep, the attract screen stops animating: no frame is needed at all.
    CHECK(k.driver->GetShell().NextDeadline(k.app().now) > k.app().now + 60);
    k.driver->Tap(960, 540);
    CHECK_FALSE(k.app().nav.Asleep(k.app().now));
}

TEST_CASE("the home tile and the survey notice give one length, computed from the survey") {
    Kiosk k;
    k.driver->Tap(960, 540);
    App& app = k.app();
    const Survey* survey = DemoData().FindSurvey("usages-espaces-publics");
    REQUIRE(survey);
    for (const char* language : {"fr", "en"}) {
        app.nav.SetLanguage(language);
        const std::string minutes =
            app.Format("surveys.length.minutes", fmt::arg("minutes", EstimateLength(*survey).minutes));
        INFO(language << ": " << minutes);
        CHECK(OpinionTileSubtitle(app).find(minutes) != std::string::npos); // the home tile
        CHECK(LengthText(app, *survey).find(minutes) != std::string::npos); // the list and the notice
    }
    // No catalogue or content text gives a duration of its own, which could disagree: every
    // text that speaks of minutes takes the computed figure (or is the one-minute wording).
    ForEachDisplayText(DemoData(), [&](std::string_view text) {
        std::string lower(text);
        for (char& c : lower)
            c = (char)std::tolower((unsigned char)c);
        if (lower.find("minute") == std::string::npos) return;
        INFO(text);
        CHECK((text.find('{') != std::string::npos ||
               text == app.data.catalogs.Text("fr", "surveys.length.one_minute") ||
               text == app.data.catalogs.Text("en", "surveys.length.one_minute")));
    });
}
