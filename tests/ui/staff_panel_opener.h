// Opening the staff panel the way staff do, by synthetic touch only: the hidden corner
// press, then the PIN typed on the pad; and reading what the panel's results view drew.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "staff/pin.h"
#include "staff/staff_state.h"
#include "survey_kiosk.h"
#include "test_paths.h"

namespace kiosk::test {

inline constexpr const char* kPanelPin = "730418";

// One Argon2id hash for the whole run (each costs ~0.1 s and 64 MiB).
inline const std::string& PanelPinHash() {
    static const std::string hash = [] {
        std::string pin = kPanelPin, error;
        std::optional<std::string> made = HashPin(pin, error);
        REQUIRE(made);
        return *made;
    }();
    return hash;
}

// A kiosk with the staff PIN on a fresh scratch directory; `adjust` changes the rest.
inline std::unique_ptr<SurveyKiosk> PanelKiosk(const std::string& name, int w, int h,
                                               const std::function<void(KioskData&)>& adjust = {}) {
    std::filesystem::remove_all(ScratchDir(name));
    return std::make_unique<SurveyKiosk>(
        name,
        [&](KioskData& data) {
            data.config.staff.pin_hash = PanelPinHash();
            if (adjust) adjust(data);
        },
        w, h);
}

inline void OpenStaffPanel(SurveyKiosk& k) {
    k.Driver().WaitUntilTouchActs(20, 20);
    k.Driver().FingerDown(1, 20, 20);
    k.Driver().Wait(3.2);
    k.Driver().FingerUp(1, 20, 20);
    k.Driver().Frames(2);
    REQUIRE(k.CurrentScreen() == Screen::StaffPin);
    for (char digit : std::string_view(kPanelPin))
        k.Tap(std::string("pin:") + digit);
    k.Tap("pin.ok");
    for (int i = 0; i < 500 && k.GetApp().staff.checker->Busy(); i++)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    k.Driver().Frames(3);
    REQUIRE(k.CurrentScreen() == Screen::StaffPanel);
}

// Renders frames until the results service has caught up and the view drew it, the plan
// under a heat map included (decoded off the UI thread).
inline void SettleResults(SurveyKiosk& k) {
    k.Settle();
    for (int i = 0; i < 3; i++) {
        REQUIRE(k.Results().WaitIdle(30));
        k.Driver().Frames(3);
    }
    REQUIRE(k.Driver().WaitForImages());
    k.Driver().Frames(2);
}

// A figure the results view drew last frame (StaffState::results_shown), which must be there.
inline int64_t Shown(SurveyKiosk& k, const std::string& key) {
    const auto& shown = k.GetApp().staff.results_shown;
    const auto it = shown.find(key);
    INFO(key);
    REQUIRE(it != shown.end());
    return it->second;
}

} // namespace kiosk::test
