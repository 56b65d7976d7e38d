// The inauguration's big screen on the kiosk's own screen, on the real shell with a scratch
// database: votes recorded through the real store move its bars (eased, then at rest),
// counts and participants follow, every text is at least 5 % of the screen height, the
// loop sleeps once the bars stop, and a touch gives the kiosk back.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "big_screen/bar_animation.h"
#include "big_screen/big_screen.h"
#include "image_probe.h"
#include "palette.h"
#include "staff/staff_state.h"
#include "survey/survey_session.h"
#include "survey_kiosk.h"

using namespace kiosk;
using test::SurveyKiosk;

namespace {
void CheckReadable(const BigScreenLayout& layout, float height) {
    for (float size : layout.FontSizes())
        CHECK(size >= kBigScreenMinTextFraction * height);
    for (const BigScreenRow& row : layout.rows) {
        CHECK(row.bar_min.y + row.bar_height <= layout.participants_pos.y); // rows above the footer
        CHECK(row.bar_full > 0);
    }
    CHECK(layout.participants_pos.y + layout.text_font <= height);
}

// Votes as a visitor's tap does (VotePoll), then waits for the store to commit them.
void Vote(SurveyKiosk& kiosk, const char* option, int times) {
    App& app = kiosk.GetApp();
    for (int i = 0; i < times; i++) {
        VotePoll(app, *kiosk.Data().FindSurvey("futur-square"), option);
        REQUIRE(kiosk.Store().WaitIdle(10));
        app.ForgetVisit(); // the next vote is another visitor's: no burst
        app.poll_bursts.Reset();
    }
}

// Renders frames (real time passing, the manual clock still) until the options' pictures are up.
void WaitForPictures(SurveyKiosk& kiosk) {
    for (int i = 0; i < 600 && kiosk.GetApp().big_screen->ImagesBusy(); i++) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        kiosk.Driver().GetShell().RenderFrame();
    }
    kiosk.Driver().GetShell().RenderFrame();
    CHECK_FALSE(kiosk.GetApp().big_screen->ImagesBusy());
}
} // namespace

TEST_CASE("big screen bars ease towards their value and then rest") {
    BarAnimation bars;
    bars.SetTargets({0.0, 0.0}, 10.0);
    CHECK_FALSE(bars.Animating(10.0));
    bars.SetTargets({1.0, 0.0}, 10.0);
    CHECK(bars.Animating(10.1));
    CHECK(bars.Value(0, 10.1) > 0.0);
    CHECK(bars.Value(0, 10.1) < 1.0);
    CHECK(bars.Value(0, 10.3) > bars.Value(0, 10.1));
    CHECK(bars.Value(0, 10.001 + kBarEaseSeconds) == Approx(1.0));
    CHECK_FALSE(bars.Animating(10.001 + kBarEaseSeconds));
    // A new target mid-way starts from where the bar stands, not from its old target.
    bars.SetTargets({0.0, 0.0}, 20.0);
    const double midway = bars.Value(0, 20.1);
    CHECK(midway > 0.0);
    CHECK(midway < 1.0);
    bars.SetTargets({1.0, 0.0}, 20.1);
    CHECK(bars.Value(0, 20.1) == Approx(midway));
    CHECK(bars.Value(0, 20.2) > midway);
}

TEST_CASE("every text of the big screen is at least 5 % of the screen's height") {
    for (auto [w, h] : {std::pair{1920.f, 1080.f}, std::pair{1280.f, 800.f}, std::pair{1080.f, 1920.f},
                        std::pair{1024.f, 768.f}})
        for (int options : {2, 3, 6})
            for (int banners : {0, 2}) {
                INFO(w << "x" << h << ", " << options << " options, " << banners << " banners");
                CheckReadable(ComputeBigScreenLayout(w, h, options, true, banners, 2), h);
            }
}

TEST_CASE("the big screen's bars and counts follow the votes recorded by the store") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        INFO(size);
        SurveyKiosk kiosk("big-screen-" + size, w, h);
        App& app = kiosk.GetApp();
        REQUIRE(app.big_screen);
        BigScreen& big = *app.big_screen;
        std::string error;
        REQUIRE(big.Open("futur-square", "", BigScreenTarget::SecondDisplay, error)); // one display here
        CHECK(big.Target() == BigScreenTarget::OwnScreen);
        kiosk.Driver().Frames(2);
        REQUIRE(big.Options() == 5); // jeux, ombre, jardin, sport, eau
        CHECK(big.Participants() == 0);
        CHECK(big.BarLength(0) == 0.0f);
        CheckReadable(big.Layout(), (float)h);
        CHECK(big.Layout().question_font >= kBigScreenMinTextFraction * (float)h);

        Vote(kiosk, "jeux", 3);
        Vote(kiosk, "jardin", 1);
        kiosk.Driver().Frames(1);
        CHECK(big.Count(0) == 3);
        CHECK(big.Count(1) == 0);
        CHECK(big.Count(2) == 1);
        CHECK(big.Participants() == 4);
        const float full = big.Layout().rows[0].bar_full;
        // Growing: part of the way after a few frames …
        kiosk.Driver().Frames(6);
        CHECK(big.BarLength(0) > 0.0f);
        CHECK(big.BarLength(0) < 0.75f * full - 1.0f);
        CHECK(kiosk.Driver().GetShell().NextDeadline(app.clock.Now()) <= app.clock.Now() + 0.02);
        // … at rest on 3/4 and 1/4 after the ease.
        kiosk.Driver().Wait(kBarEaseSeconds);
        kiosk.Driver().Frames(1);
        CHECK(big.BarLength(0) == Approx(0.75f * full).margin(0.5));
        CHECK(big.BarLength(1) == 0.0f);
        CHECK(big.BarLength(2) == Approx(0.25f * full).margin(0.5));

        // The bar is drawn where the layout says, in the poll colour.
        const Image image = kiosk.Driver().Capture();
        const BigScreenRow& row = big.Layout().rows[0];
        const int y = (int)(row.bar_min.y + row.bar_height * 0.5f);
        const int x_in = (int)(row.bar_min.x + 0.70f * full), x_out = (int)(row.bar_min.x + 0.80f * full);
        CHECK(test::RgbAt(image, x_in, y) == palette::kOpinion);
        CHECK(test::RgbAt(image, x_out, y) != palette::kOpinion);
        WaitForPictures(kiosk);
        // Nothing moves: the loop sleeps (until the own-screen timeout).
        CHECK(kiosk.Driver().GetShell().NextDeadline(app.clock.Now()) > app.clock.Now() + 60);
        kiosk.Shot("big-screen-" + size);

        // The banners follow the staff session's test mode and the demo content's example mark.
        CHECK_FALSE(big.test_mode);
        app.staff.session.settings.test_mode = true;
        kiosk.Driver().Frames(1);
        CHECK(big.test_mode);
        CHECK(big.example); // the bundled demo content is marked as an example
        CheckReadable(big.Layout(), (float)h);
        WaitForPictures(kiosk);
        kiosk.Shot("big-screen-banners-" + size);
        app.staff.session.settings.test_mode = false;

        // A touch on the kiosk's screen gives it back, and does nothing else there.
        app.nav.Go({Screen::Surveys, ""}, app.now); // the poll's buttons under the finger
        const Screen before = kiosk.CurrentScreen();
        kiosk.Driver().Tap((float)w * 0.5f, (float)h * 0.5f);
        CHECK_FALSE(big.IsOpen());
        kiosk.Driver().Frames(3);
        CHECK(kiosk.CurrentScreen() == before);
        REQUIRE(kiosk.Store().WaitIdle(10));
        CHECK(kiosk.Responses().size() == 4);
    }
}

TEST_CASE("the big screen refuses what it cannot show") {
    SurveyKiosk kiosk("big-screen-refusals", 1280, 800);
    BigScreen& big = *kiosk.GetApp().big_screen;
    std::string error;
    CHECK_FALSE(big.Open("no-such-poll", "", BigScreenTarget::OwnScreen, error));
    CHECK(error.find("no-such-poll") != std::string::npos);
    CHECK_FALSE(big.IsOpen());
}

// Regression: with opening hours, the shell's deadline took the hours' deadline set by the
// last kiosk frame; over the kiosk's screen no kiosk frame moves it on, so once it passed
// the loop rendered the big screen as fast as it could (160 frames a second seen on Xvfb).
TEST_CASE("over the kiosk's screen, the big screen lets the loop sleep with opening hours set") {
    test::SurveyKiosk kiosk(
        "big-screen-hours",
        [](KioskData& data) {
            data.config.opening_hours.always_open = false;
            for (auto& day : data.config.opening_hours.week)
                day = {OpenInterval{9 * 60, 18 * 60}};
        },
        1280, 800);
    App& app = kiosk.GetApp();
    std::string error;
    app.big_screen->own_screen_timeout = 2 * 86400.0;
    REQUIRE(app.big_screen->Open("futur-square", "", BigScreenTarget::OwnScreen, error));
    kiosk.Driver().Frames(3);
    WaitForPictures(kiosk);
    kiosk.Driver().Clock().Advance(86400); // the hours' next change is long past
    kiosk.Driver().Frames(1);
    Shell& shell = kiosk.Driver().GetShell();
    CHECK(shell.NextDeadline(app.clock.Now()) > app.clock.Now() + 1);
}
