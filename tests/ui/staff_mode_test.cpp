// Staff mode on the real shell, headless, by synthetic touch only: the hidden corner press
// opens the PIN pad, the PIN typed on it opens the panel; the panel locks on idle and on
// the attract screen; test mode and the origin chosen in the panel are recorded in the
// SQLite file, and test mode's banner is drawn on the public screens.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "big_screen/big_screen.h"
#include "image_probe.h"
#include "palette.h"
#include "staff/pin.h"
#include "staff/staff_state.h"
#include "survey_kiosk.h"
#include "test_paths.h"
#include "touch_target_audit.h"

using namespace kiosk;
using kiosk::test::SurveyKiosk;

namespace {

constexpr const char* kPin = "730418";

const std::string& StaffPinHash() {
    static const std::string hash = [] {
        std::string pin = kPin, error;
        std::optional<std::string> made = HashPin(pin, error);
        REQUIRE(made);
        return *made;
    }();
    return hash;
}

// A kiosk with a staff PIN (lock after `lock_seconds`), on a fresh database and back-off file.
std::unique_ptr<SurveyKiosk> StaffKiosk(const std::string& name, int lock_seconds = 120, int w = 1920,
                                        int h = 1080) {
    std::filesystem::remove_all(test::ScratchDir(name));
    return std::make_unique<SurveyKiosk>(
        name,
        [&](KioskData& data) {
            data.config.staff.pin_hash = StaffPinHash();
            data.config.staff.lock_seconds = lock_seconds;
        },
        w, h);
}

// The hidden gesture: one finger held still in the top-left corner for `seconds`.
void HoldCorner(SurveyKiosk& k, double seconds = 3.2) {
    k.Driver().WaitUntilTouchActs(20, 20);
    k.Driver().FingerDown(1, 20, 20);
    k.Driver().Wait(seconds);
    k.Driver().FingerUp(1, 20, 20);
    k.Driver().Frames(2);
}

// Renders frames (real time) until the PIN check on its worker thread is over.
void WaitForCheck(SurveyKiosk& k) {
    for (int i = 0; i < 500 && k.GetApp().staff.checker->Busy(); i++)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    k.Driver().Frames(3);
}

void TypePin(SurveyKiosk& k, std::string_view pin) {
    for (char digit : pin)
        k.Tap(std::string("pin:") + digit);
}

void OpenPanel(SurveyKiosk& k) {
    HoldCorner(k);
    REQUIRE(k.CurrentScreen() == Screen::StaffPin);
    TypePin(k, kPin);
    k.Tap("pin.ok");
    WaitForCheck(k);
    REQUIRE(k.CurrentScreen() == Screen::StaffPanel);
}

} // namespace

TEST_CASE("the corner press and the PIN open the staff panel, and leaving returns to the attract screen") {
    auto k = StaffKiosk("staff-open");
    REQUIRE(k->CurrentScreen() == Screen::Attract);
    HoldCorner(*k, 2.5); // too short: nothing, and not a tap on the attract screen either
    CHECK(k->CurrentScreen() == Screen::Attract);

    HoldCorner(*k);
    REQUIRE(k->CurrentScreen() == Screen::StaffPin); // not Home: the press tapped nothing
    CHECK_FALSE(k->Has("test-banner"));
    k->Shot("staff-pin-empty");
    TypePin(*k, "7304");
    CHECK(k->GetApp().staff.digits == "7304");
    k->Shot("staff-pin-typed");
    k->Tap("pin.erase");
    CHECK(k->GetApp().staff.digits == "730");
    TypePin(*k, "418");
    k->Tap("pin.ok");
    CHECK(k->GetApp().staff.digits.empty()); // handed to the checker and wiped
    WaitForCheck(*k);
    REQUIRE(k->CurrentScreen() == Screen::StaffPanel);
    CHECK(k->GetApp().staff.session.Unlocked());
    CHECK(k->Has("panel.test:on"));
    CHECK(k->Has("panel.origin:assisted"));
    CHECK(k->Has("panel.restart"));
    k->Shot("staff-panel-controls");

    k->Tap("panel.leave");
    CHECK(k->CurrentScreen() == Screen::Attract);
    CHECK_FALSE(k->GetApp().staff.session.Unlocked());
}

TEST_CASE("a wrong PIN: the pad counts the back-off down and refuses digits until it is over") {
    auto k = StaffKiosk("staff-wrong");
    HoldCorner(*k);
    REQUIRE(k->CurrentScreen() == Screen::StaffPin);
    TypePin(*k, "111222");
    k->Tap("pin.ok");
    WaitForCheck(*k);
    CHECK(k->CurrentScreen() == Screen::StaffPin);
    // A second wrong PIN once the first wait (1 s) is over: 2 s to wait now.
    k->Driver().Wait(1.1);
    TypePin(*k, "111222");
    k->Tap("pin.ok");
    WaitForCheck(*k);
    const double wait = k->GetApp().staff.wait_until - k->GetApp().now;
    CHECK(wait == Approx(2).margin(0.1));
    k->Shot("staff-pin-backoff");
    // The count wakes the loop once a second, not every frame.
    const double now = k->GetApp().now;
    CHECK(k->Driver().GetShell().NextDeadline(now) >= now + 0.9);
    // Refused while waiting (the raw touch, as a hurried person would make it).
    std::optional<TargetRect> one = k->GetApp().targets.Find("pin:1");
    REQUIRE(one);
    k->Driver().FingerDown(2, one->Center().x, one->Center().y);
    k->Driver().FingerUp(2, one->Center().x, one->Center().y);
    k->Driver().Frames(5);
    CHECK(k->GetApp().staff.digits.empty());
    k->Driver().Wait(2.1);
    TypePin(*k, kPin);
    k->Tap("pin.ok");
    WaitForCheck(*k);
    CHECK(k->CurrentScreen() == Screen::StaffPanel);
}

TEST_CASE("no pin_hash, no staff mode: the corner press does nothing") {
    SurveyKiosk k("staff-off");
    REQUIRE_FALSE(k.GetApp().staff.Enabled());
    HoldCorner(k, 5);
    CHECK(k.CurrentScreen() == Screen::Attract);
}

TEST_CASE("the corner press does not open the pad while another finger drags") {
    auto k = StaffKiosk("staff-drag");
    k->Driver().Tap(960, 540);
    REQUIRE(k->CurrentScreen() == Screen::Home);
    k->Driver().WaitUntilTouchActs(20, 20);
    k->Driver().FingerDown(3, 900, 600);
    k->Driver().FingerMove(3, 900, 700);
    k->Driver().FingerDown(1, 20, 20);
    k->Driver().Wait(4);
    k->Driver().FingerUp(1, 20, 20);
    k->Driver().FingerUp(3, 900, 700);
    k->Driver().Frames(3);
    CHECK(k->CurrentScreen() != Screen::StaffPin);
}

TEST_CASE("the panel locks after lock_seconds without a touch") {
    auto k = StaffKiosk("staff-lock-idle", 30);
    OpenPanel(*k);
    k->Driver().Wait(29);
    CHECK(k->CurrentScreen() == Screen::StaffPanel);
    k->Driver().Wait(2);
    CHECK(k->CurrentScreen() == Screen::Attract);
    CHECK_FALSE(k->GetApp().staff.session.Unlocked());
}

TEST_CASE("the panel locks when the kiosk returns to the attract screen (idle timeout)") {
    auto k = StaffKiosk("staff-lock-attract", 3600);
    OpenPanel(*k);
    const IdleConfig& idle = k->Data().config.idle;
    k->Driver().Wait(idle.timeout_seconds + idle.countdown_seconds + 1);
    CHECK(k->CurrentScreen() == Screen::Attract);
    CHECK_FALSE(k->GetApp().staff.session.Unlocked());
    // Back to the panel needs the PIN again.
    HoldCorner(*k);
    CHECK(k->CurrentScreen() == Screen::StaffPin);
}

TEST_CASE("test mode and the origin set in the panel are recorded, and the banner shows on public screens") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        auto k = StaffKiosk("staff-test-mode-" + size, 120, w, h);
        // A vote before: not a test, from the kiosk.
        REQUIRE(k->Has("poll:futur-square:jeux"));
        k->Tap("poll:futur-square:jeux");
        k->Settle();
        k->GetApp().nav.EndVisit(k->GetApp().now);
        k->Driver().Frames(2);

        OpenPanel(*k);
        k->Shot("staff-pin-panel-" + size);
        k->Tap("panel.test:on");
        k->Tap("panel.origin:assisted");
        k->Shot("staff-panel-test-on-" + size);
        k->Tap("panel.leave");
        REQUIRE(k->CurrentScreen() == Screen::Attract);
        CHECK(k->Has("test-banner"));
        k->Driver().Wait(61); // not a burst
        k->Tap("poll:futur-square:ombre");
        k->Settle();
        CHECK(k->Has("test-banner")); // on the poll's results too
        k->GetApp().nav.EndVisit(k->GetApp().now);
        k->Driver().Frames(2);
        k->Driver().Tap(w / 2.0f, h / 3.0f);
        REQUIRE(k->CurrentScreen() == Screen::Home);
        k->Driver().Frames(2);
        CHECK(k->Has("test-banner"));
        Image home = k->Driver().Capture();
        CHECK(test::FindColour(home, palette::kDanger, test::Box{0, 0, w - 1, h / 12}));
        k->Shot("staff-test-banner-home-" + size);

        std::vector<Response> responses = k->Responses();
        REQUIRE(responses.size() == 2);
        CHECK_FALSE(responses[0].is_test);
        CHECK(responses[0].origin == ResponseOrigin::Kiosk);
        CHECK(responses[1].is_test);
        CHECK(responses[1].origin == ResponseOrigin::Assisted);
    }
}

TEST_CASE("the PIN pad and the panel pass the touch-target audit at every size and in every language") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        auto k = StaffKiosk("staff-audit-" + size, 120, w, h);
        for (const std::string& language : k->GetApp().data.catalogs.Languages()) {
            INFO(size << " in " << language);
            k->GetApp().nav.SetLanguage(language);
            HoldCorner(*k);
            REQUIRE(k->CurrentScreen() == Screen::StaffPin);
            k->GetApp().nav.SetLanguage(language);
            k->Driver().Frames(2);
            test::CheckTouchTargets(k->GetApp());
            if (language == "fr") k->Shot("staff-pin-empty-" + size);
            TypePin(*k, "730");
            if (language == "fr") k->Shot("staff-pin-typed-" + size);
            TypePin(*k, "418");
            k->Tap("pin.ok");
            WaitForCheck(*k);
            REQUIRE(k->CurrentScreen() == Screen::StaffPanel);
            k->Tap("panel.test:on");
            test::CheckTouchTargets(k->GetApp());
            k->Tap("panel.tab:results");
            test::CheckTouchTargets(k->GetApp());
            k->Tap("panel.tab:controls");
            k->Tap("panel.test:off");
            k->Tap("panel.leave");
            REQUIRE(k->CurrentScreen() == Screen::Attract);
        }
    }
}

TEST_CASE(
    "the poll offered on the attract screen is the one chosen in the panel, and restart quits the loop") {
    const std::string name = "staff-poll";
    std::filesystem::remove_all(test::ScratchDir(name));
    // Both demo polls active, the inauguration one started last: the automatic choice.
    SurveyKiosk k(name, [](KioskData& data) {
        data.config.staff.pin_hash = StaffPinHash();
        for (Survey& survey : data.surveys)
            if (survey.id == "inauguration-square") survey.active_from = CivilDate{2026, 11, 1};
    });
    CHECK(k.Has("poll:inauguration-square:jeux"));
    CHECK_FALSE(k.Has("poll:futur-square:jeux"));

    OpenPanel(k);
    k.Tap("panel.poll:futur-square");
    CHECK(k.GetApp().staff.session.settings.attract_poll == "futur-square");
    k.Tap("panel.leave");
    REQUIRE(k.CurrentScreen() == Screen::Attract);
    CHECK(k.Has("poll:futur-square:jeux"));
    CHECK_FALSE(k.Has("poll:inauguration-square:jeux"));

    OpenPanel(k);
    k.Tap("panel.poll:");
    k.Tap("panel.leave");
    CHECK(k.Has("poll:inauguration-square:jeux"));

    OpenPanel(k);
    CHECK_FALSE(k.GetApp().quit_requested);
    // Restart is at the end of the controls: scrolled into view, then asked twice.
    const float w = (float)k.GetApp().metrics.width, h = (float)k.GetApp().metrics.height;
    k.Driver().Drag(w * 0.5f, h * 0.85f, w * 0.5f, h * 0.3f);
    k.Driver().Wait(1.5);
    k.Tap("panel.restart");
    CHECK_FALSE(k.GetApp().quit_requested); // a tap by mistake restarts nothing
    k.Tap("panel.restart:cancel");
    CHECK(k.Has("panel.restart"));
    k.Tap("panel.restart");
    k.Tap("panel.restart:confirm");
    CHECK(k.GetApp().quit_requested); // Shell::Run ends its loop after this frame
}

TEST_CASE(
    "the panel opens the big screen on a poll and closes it, and over this screen a touch brings the panel "
    "back") {
    auto k = StaffKiosk("staff-big-screen");
    OpenPanel(*k);
    BigScreen& big = *k->GetApp().big_screen;
    REQUIRE_FALSE(big.IsOpen());
    REQUIRE(k->Has("panel.big_screen:futur-square"));
    k->Tap("panel.big_screen:futur-square");
    REQUIRE(big.IsOpen());
    CHECK(big.SurveyId() == "futur-square");
    // One display here (SDL's offscreen driver): the big screen covers the kiosk's own screen,
    // and the touch that closes it does nothing on the panel under it.
    CHECK(big.CoversKiosk());
    const int64_t before = k->Store().Status().committed;
    const ImVec2 centre(k->GetApp().metrics.width * 0.5f, k->GetApp().metrics.height * 0.5f);
    k->Driver().Tap(centre.x, centre.y);
    k->Driver().Frames(3);
    CHECK_FALSE(big.IsOpen());
    CHECK(k->CurrentScreen() == Screen::StaffPanel);
    CHECK(k->Store().Status().committed == before);
    CHECK_FALSE(k->GetApp().staff.session.settings.test_mode); // nothing under the finger was toggled
}
