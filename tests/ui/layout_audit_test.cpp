// Layout audit of every screen at 1920×1080, 1280×800 and portrait 1080×1920: each touch target is at least
// Metrics::target (≥ 70 px at 1080p: ≈ 9 mm on a 24" screen) on both sides, lies on the
// screen, and neighbours leave room for a thumb between them.
#include <catch2/catch.hpp>

#include "kiosk_data.h"
#include "shell_driver.h"
#include "test_paths.h"
#include "touch_target_audit.h"

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

// The screens to audit. Screens with content add their routes here.
std::vector<Route> Routes() {
    return {
        {Screen::Home, ""},
        {Screen::Plans, ""},
        {Screen::PlanViewer, "plan-quartier-2030"},
        {Screen::PlanViewer, "square"},
        {Screen::Timeline, ""},
        {Screen::Timeline, "espaces-publics"},
        {Screen::Agenda, ""},
        {Screen::Surveys, ""},
    };
}

} // namespace

TEST_CASE("touch targets are big enough and spaced on every screen, at both sizes") {
    CHECK(ComputeMetrics(1920, 1080, 1.0).target >= 70);
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        std::string error;
        std::unique_ptr<ShellDriver> driver = ShellDriver::Create(DemoData(), w, h, error);
        REQUIRE(driver);
        App& app = driver->GetApp();
        for (const Route& route : Routes()) {
            for (const std::string& language : app.data.catalogs.Languages()) {
                app.nav.EndVisit(app.now);
                app.nav.Go(route, app.now);
                app.nav.SetLanguage(language);
                driver->Frames(3);
                INFO(w << "x" << h << " " << ScreenName(route.screen) << " " << route.param << " in "
                       << language);
                test::CheckTouchTargets(app);
            }
        }
    }
}
