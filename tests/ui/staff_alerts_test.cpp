// The staff panel's "Alertes" on the real shell, headless, by synthetic touch only: a real
// store fault (the database's path is a directory: every attempt fails) and a refused survey
// file are listed with what to do; "J'ai vu" acknowledges one; after a restart the
// acknowledged fault, still going on, is not listed again while the one nobody saw is; the
// red disc stays until every alert is acknowledged.
#include <catch2/catch.hpp>

#include "staff/alerts_view.h"
#include "staff_panel_opener.h"
#include "survey/survey_loader.h"

using namespace kiosk;
using test::SurveyKiosk;

namespace {

// A kiosk on `dir`/responses.db (not wiped: a restart keeps the files beside it) whose
// start-up refused a broken survey file, as LoadKioskData reports it.
std::unique_ptr<SurveyKiosk> FaultyKiosk(const std::string& name, const std::filesystem::path& dir, int w,
                                         int h) {
    return test::PanelKiosk(name, w, h, [&](KioskData& data) {
        Diagnostics diags;
        const std::filesystem::path broken =
            test::DataDir() / "surveys" / "broken" / "results_public_from_string.toml";
        // The file is in French and English only: loaded for those, its one error is the date.
        REQUIRE_FALSE(LoadSurveyFile(broken, Languages{"fr", "en"}, diags));
        data.refused = diags.All();
        data.config.paths.database = dir / "responses.db";
    });
}

std::string RefusedName(SurveyKiosk& k) {
    REQUIRE(k.Data().refused.size() == 1);
    return "refused_file:" + k.Data().refused[0].where.file;
}

// Waits until the store has reported its fault and the frame drew it.
std::string StoreFaultName(SurveyKiosk& k) {
    const StoreStatus status = k.Store().WaitUntilOpen(10);
    REQUIRE(status.fault != StoreFault::None);
    k.Driver().Frames(3);
    return std::string("store_fault:") + ToString(status.fault);
}

} // namespace

TEST_CASE("Alertes lists a store fault and a refused file until acknowledged, across a restart") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        INFO(size);
        // The database's path is a directory: the store cannot open it, every attempt fails.
        const std::filesystem::path dir = test::ScratchDir("staff-alerts-db-" + size);
        std::filesystem::create_directories(dir / "responses.db");
        std::string fault, refused;
        {
            auto k = FaultyKiosk("staff-alerts-" + size, dir, w, h);
            fault = StoreFaultName(*k);
            refused = RefusedName(*k);
            CHECK(k->Has("staff.alert")); // the red disc, on the public screens
            test::OpenStaffPanel(*k);
            k->Tap("panel.tab:alerts");
            k->Driver().Frames(3);
            CHECK(UnacknowledgedAlerts(k->GetApp()) == 2);
            CHECK(k->Has("alert:" + fault));
            CHECK(k->Has("alert:" + refused));
            k->Shot("staff-alerts-" + size);

            k->Tap("alerts.ack:" + fault);
            k->Driver().Frames(3);
            CHECK_FALSE(k->Has("alert:" + fault));
            CHECK(k->Has("alert:" + refused));
            CHECK(UnacknowledgedAlerts(k->GetApp()) == 1);
            CHECK(k->Has("staff.alert")); // one alert still unseen
            // The fault goes on (the store retries): acknowledged, it is not listed again.
            k->Store().RetryNow();
            k->Store().WaitIdleOrFault(2);
            k->Driver().Frames(3);
            CHECK_FALSE(k->Has("alert:" + fault));
        }
        if (w != 1920) continue;

        // The kiosk restarts with the same fault and the same refused file.
        auto k = FaultyKiosk("staff-alerts-again", dir, w, h);
        CHECK(StoreFaultName(*k) == fault);
        CHECK(k->Has("staff.alert"));
        test::OpenStaffPanel(*k);
        k->Tap("panel.tab:alerts");
        k->Driver().Frames(3);
        CHECK_FALSE(k->Has("alert:" + fault)); // seen before the restart, still going on
        CHECK(k->Has("alert:" + refused));     // nobody saw it: listed again
        k->Tap("alerts.ack:" + refused);
        k->Driver().Frames(3);
        CHECK(k->Has("alerts.none"));
        CHECK_FALSE(k->Has("staff.alert")); // every alert seen: no red disc
        k->Shot("staff-alerts-none-1920x1080");
    }
}
