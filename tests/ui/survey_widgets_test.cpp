// Question widgets looked at closely (issue 10): the five faces read by their mouth alone
// (no eyebrows), the ranking shows its order as it is built and records it, the plan-pin
// question zooms and pans like the plan viewer and places a pin where the finger is on the
// zoomed plan. Real synthetic touches; answers read back from the SQLite file.
#include <chrono>
#include <cmath>
#include <thread>

#include <catch2/catch.hpp>

#include "survey/plan_backdrop.h"
#include "survey/survey_visit.h"
#include "survey_kiosk.h"

using namespace kiosk;
using kiosk::test::FindAnswer;
using kiosk::test::SurveyKiosk;

namespace {

uint32_t PixelRgb(const Image& image, int x, int y) {
    return image.Pixel(x, y) >> 8;
}

bool Close(uint32_t a, uint32_t b, int tolerance) {
    for (int shift : {0, 8, 16})
        if (std::abs((int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF)) > tolerance) return false;
    return true;
}

bool Ink(uint32_t rgb) { // the faces' features are drawn in 0x1A1A1A
    return Close(rgb, 0x1A1A1A, 40);
}

// From the notice to question `id` of the demo survey, answering on the way.
void AnswerDemoSurveyUpTo(SurveyKiosk& kiosk, std::string_view id) {
    const SurveyRunner& runner = *kiosk.GetApp().visit.survey.runner;
    const std::vector<std::vector<std::string>> taps = {
        {"option:chaque-semaine"},
        {"option:sport"},
        {"option:square", "option:ecole"},
        {"option:good"},
        {"value:7"},
        {"option:yes"},
        {"key:2"},
        {"option:jeux", "option:eclairage", "option:ombre", "option:voitures", "option:toilettes"}};
    for (const auto& step : taps) {
        if (runner.Current().id == id) return;
        for (const std::string& name : step)
            kiosk.Tap(name);
        kiosk.Tap("survey.next");
    }
    REQUIRE(runner.Current().id == id);
}

// Renders frames until the plan of the plan-pin question is drawn.
void WaitForPlan(SurveyKiosk& kiosk) {
    for (int i = 0; i < 300 && !kiosk.Has("pin.zoom_in"); i++) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        kiosk.Driver().Frames(1);
    }
    REQUIRE(kiosk.Has("pin.zoom_in"));
    REQUIRE(kiosk.Driver().WaitForImages());
}

} // namespace

TEST_CASE("the five faces read by their mouth alone: no eyebrows, from a tear to a laugh") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}}) {
        SurveyKiosk kiosk("survey-ui-faces-" + std::to_string(w), w, h);
        kiosk.StartSurvey("usages-espaces-publics");
        AnswerDemoSurveyUpTo(kiosk, "soir");
        kiosk.Driver().Frames(2);
        kiosk.Shot(fmt::format("survey-smiley-five-{}x{}", w, h));
        const Image shot = kiosk.Driver().Capture();
        static constexpr uint32_t kFills[] = {0xD64541, 0xEE8A3C, 0xF2C14E, 0x9CCB5B, 0x4CAF50};
        int level = 0;
        for (const char* id : {"very_bad", "bad", "neutral", "good", "very_good"}) {
            INFO(w << "x" << h << " face " << id);
            const TargetRect cell = *kiosk.GetApp().targets.Find(std::string("option:") + id);
            // The disc: the extent of its fill colour in the cell.
            int x0 = 1 << 30, x1 = -1, y0 = 1 << 30, y1 = -1;
            for (int y = (int)cell.min.y; y < (int)cell.max.y; y++)
                for (int x = (int)cell.min.x; x < (int)cell.max.x; x++)
                    if (Close(PixelRgb(shot, x, y), kFills[level], 6)) {
                        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y),
                        y1 = std::max(y1, y);
                    }
            REQUIRE(x1 > x0);
            const float cx = (x0 + x1) * 0.5f, cy = (y0 + y1) * 0.5f, r = (x1 - x0) * 0.5f;
            CHECK(r > 20);
            // Nothing drawn above the eyes (the eyes' tops are 0.31 r above the centre).
            int brow = 0;
            for (int y = (int)(cy - 0.75f * r); y < (int)(cy - 0.36f * r); y++)
                for (int x = (int)(cx - 0.6f * r); x <= (int)(cx + 0.6f * r); x++)
                    brow += Ink(PixelRgb(shot, x, y));
            CHECK(brow == 0);
            // The mouth's middle against its sides: lower (smile) or higher (frown); the two
            // ends of the scale open it (its middle column is a tall run of ink, not a stroke).
            struct Run {
                int top = -1, bottom = -1;
            };
            auto mouth = [&](float fx) {
                Run run;
                for (int y = (int)(cy + 0.05f * r); y < (int)(cy + 0.92f * r); y++)
                    if (Ink(PixelRgb(shot, (int)(cx + fx * r), y))) {
                        if (run.top < 0) run.top = y;
                        run.bottom = y;
                    }
                return run;
            };
            const Run middle = mouth(0), left = mouth(-0.3f), right = mouth(0.3f);
            REQUIRE(middle.top >= 0);
            REQUIRE(left.top >= 0);
            REQUIRE(right.top >= 0);
            const float curve =
                ((middle.top + middle.bottom) - (left.top + left.bottom + right.top + right.bottom) * 0.5f) *
                0.5f / r;
            const float opening = (middle.bottom - middle.top) / r;
            if (level == 2)
                CHECK(std::fabs(curve) < 0.03f);
            else if (level < 2)
                CHECK(curve < -0.03f);
            else
                CHECK(curve > 0.03f);
            if (level == 4)
                CHECK(opening > 0.25f); // laughs
            else
                CHECK(opening < 0.2f);
            // The saddest cries: a blue tear under an eye, on that face only.
            int tear = 0;
            for (int y = (int)(cy - 0.2f * r); y < (int)(cy + 0.3f * r); y++)
                for (int x = (int)(cx - 0.6f * r); x <= (int)(cx + 0.6f * r); x++)
                    tear += Close(PixelRgb(shot, x, y), 0x3D8FD6, 12);
            if (level == 0)
                CHECK(tear > r * r * 0.01f);
            else
                CHECK(tear == 0);
            level++;
        }
    }
}

TEST_CASE("the ranking shows its order as it is built and records it, and a drag lands where the finger is") {
    for (auto [w, h] : {std::pair{1280, 800}, std::pair{1920, 1080}}) {
        INFO(w << "x" << h);
        SurveyKiosk kiosk("survey-ui-ranking-order-" + std::to_string(w), w, h);
        kiosk.StartSurvey("usages-espaces-publics");
        AnswerDemoSurveyUpTo(kiosk, "priorites");
        App& app = kiosk.GetApp();
        const SurveyRunner& runner = *app.visit.survey.runner;
        auto shown_order = [&] { // the ranked options, top to bottom as drawn
            std::vector<std::pair<float, std::string>> rows;
            for (const char* id : {"jeux", "eclairage", "ombre", "voitures", "toilettes"})
                if (auto r = app.targets.Find(std::string("ranked:") + id)) rows.push_back({r->min.y, id});
            std::sort(rows.begin(), rows.end());
            std::vector<std::string> ids;
            for (auto& row : rows)
                ids.push_back(row.second);
            return ids;
        };
        for (const char* id : {"voitures", "jeux", "ombre"})
            kiosk.Tap(std::string("option:") + id);
        CHECK(shown_order() == std::vector<std::string>{"voitures", "jeux", "ombre"});
        kiosk.Tap("ranked:jeux"); // taken back from the ranking itself: the later one moves up
        CHECK(shown_order() == std::vector<std::string>{"voitures", "ombre"});
        kiosk.Tap("option:toilettes");
        kiosk.Tap("option:jeux");
        CHECK(shown_order() == std::vector<std::string>{"voitures", "ombre", "toilettes", "jeux"});

        // A held drag of place 4 to place 1: while the finger is still down the ranking
        // already shows where it lands, and nothing covers that place.
        const TargetRect from = *app.targets.Find("rank:4");
        const TargetRect to = *app.targets.Find("rank:1");
        ShellDriver& d = kiosk.Driver();
        d.FingerDown(1, from.Center().x, from.Center().y);
        d.Frames(1);
        for (int i = 1; i <= 10; i++) {
            d.FingerMove(1, from.Center().x, from.Center().y + (to.Center().y - from.Center().y) * i / 10.0f);
            d.Frames(2);
        }
        CHECK(shown_order() == std::vector<std::string>{"jeux", "voitures", "ombre", "toilettes"});
        kiosk.Shot(fmt::format("survey-ranking-drag-{}x{}", w, h));
        d.FingerUp(1, to.Center().x, to.Center().y);
        d.Frames(3);
        CHECK(runner.CurrentAnswer().option_ids ==
              std::vector<std::string>{"jeux", "voitures", "ombre", "toilettes"});
        // An unranked option dragged to place 2 goes there.
        const TargetRect eclairage = *app.targets.Find("option:eclairage");
        const TargetRect second = *app.targets.Find("rank:2");
        d.Drag(eclairage.Center().x, eclairage.Center().y, second.Center().x, second.Center().y, 0.5);
        d.Frames(3);
        CHECK(shown_order() ==
              std::vector<std::string>{"jeux", "eclairage", "voitures", "ombre", "toilettes"});
        kiosk.Shot(fmt::format("survey-ranking-order-{}x{}", w, h));

        kiosk.Tap("survey.next");
        REQUIRE(runner.Current().id == "endroits");
        kiosk.Tap("survey.next"); // skipped
        REQUIRE(runner.Current().id == "idee");
        test::SkipDemoProfileToLast(kiosk);
        kiosk.Tap("survey.next"); // send
        kiosk.Settle();
        const std::vector<Response> responses = kiosk.Responses();
        REQUIRE(responses.size() == 1);
        int rank = 1;
        for (const char* id : {"jeux", "eclairage", "voitures", "ombre", "toilettes"}) {
            INFO(id);
            REQUIRE(FindAnswer(responses[0], "priorites", id));
            CHECK(FindAnswer(responses[0], "priorites", id)->number == rank++);
        }
    }
}

TEST_CASE("the plan-pin question zooms and pans like the viewer, and a pin placed zoomed in lands where the "
          "finger is") {
    for (auto [w, h] : {std::pair{1280, 800}, std::pair{1920, 1080}}) {
        INFO(w << "x" << h);
        SurveyKiosk kiosk("survey-ui-pin-zoom-" + std::to_string(w), w, h);
        kiosk.StartSurvey("usages-espaces-publics");
        AnswerDemoSurveyUpTo(kiosk, "endroits");
        WaitForPlan(kiosk);
        App& app = kiosk.GetApp();
        ShellDriver& d = kiosk.Driver();
        const SurveyRunner& runner = *app.visit.survey.runner;
        const PinPlanZoom& zoom = app.visit.survey.pin_zoom;
        const Plan& plan = *kiosk.Data().content.FindPlan("plan-quartier-2030");
        REQUIRE(zoom.view.AtFit());
        const Rect area = zoom.view.Viewport();
        const Vec2 center = area.Center();

        // Two fingers spread: zoomed about their centre.
        const Vec2 under = zoom.view.ScreenToPlan(center);
        d.Pinch(center.x, center.y, 150, 400);
        CHECK(zoom.view.Zoom() > 2.0f);
        CHECK(Distance(zoom.view.ScreenToPlan(center), under) * zoom.view.Scale() < 3.0f);
        // A drag pans.
        const Vec2 offset = zoom.view.Offset();
        d.FingerDown(1, center.x, center.y);
        d.Frames(1);
        for (int i = 1; i <= 8; i++) {
            d.FingerMove(1, center.x + 15.0f * i, center.y + 10.0f * i);
            d.Frames(2);
        }
        d.Frames(12);
        d.FingerUp(1, center.x + 120, center.y + 80);
        d.Frames(3);
        CHECK(zoom.view.Offset().x == Approx(offset.x + 120).margin(2));
        CHECK(zoom.view.Offset().y == Approx(offset.y + 80).margin(2));
        CHECK(runner.CurrentAnswer().pins.empty()); // neither gesture placed a pin
        // The buttons and the wheel.
        const float before_out = zoom.view.Zoom();
        kiosk.Tap("pin.zoom_out");
        d.Wait(0.5);
        CHECK(zoom.view.Zoom() < before_out);
        d.Wheel(center.x, center.y, 2);
        CHECK(zoom.view.Zoom() == Approx(before_out / 1.6f * 1.5625f).epsilon(0.02));
        kiosk.Tap("pin.zoom_in");
        d.Wait(0.5);
        REQUIRE(zoom.view.Zoom() > 2.0f);
        REQUIRE(kiosk.Driver().WaitForImages());

        // A tap while zoomed: the pin is at the plan point under the finger.
        const Vec2 finger(area.min.x + area.Width() * 0.3f, area.min.y + area.Height() * 0.6f);
        const Vec2 expected = PlanToPin(plan, zoom.view.ScreenToPlan(finger));
        d.Tap(finger.x, finger.y);
        REQUIRE(runner.CurrentAnswer().pins.size() == 1);
        CHECK(runner.CurrentAnswer().pins[0].x == Approx(expected.x).margin(0.002));
        CHECK(runner.CurrentAnswer().pins[0].y == Approx(expected.y).margin(0.002));
        // Not where the same tap would have put it on the whole plan.
        const Vec2 at_fit = PlanToPin(plan, PlanView(plan.size, area, plan.MaxScale()).ScreenToPlan(finger));
        CHECK(Distance(at_fit, expected) > 0.05f);
        kiosk.Tap("pin-choice:agreable");
        d.WaitForImages();
        kiosk.Shot(fmt::format("survey-plan-pin-zoomed-{}x{}", w, h));
        kiosk.Tap("pin.whole_plan");
        d.Wait(0.5);
        CHECK(zoom.view.AtFit());
        // A second pin, on the whole plan, with another reason.
        d.Tap(area.min.x + area.Width() * 0.7f, area.min.y + area.Height() * 0.35f);
        REQUIRE(runner.CurrentAnswer().pins.size() == 2);
        kiosk.Tap("pin-choice:insecurite");
        d.WaitForImages();
        kiosk.Shot(fmt::format("survey-plan-pin-reasons-{}x{}", w, h));

        kiosk.Tap("survey.next");
        REQUIRE(runner.Current().id == "idee");
        test::SkipDemoProfileToLast(kiosk);
        kiosk.Tap("survey.next"); // send
        kiosk.Settle();
        const std::vector<Response> responses = kiosk.Responses();
        REQUIRE(responses.size() == 1);
        const Answer* pin = FindAnswer(responses[0], "endroits", "agreable");
        REQUIRE(pin);
        CHECK(pin->plan_id == "plan-quartier-2030");
        CHECK(*pin->x == Approx(expected.x).margin(0.002));
        CHECK(*pin->y == Approx(expected.y).margin(0.002));
        CHECK(FindAnswer(responses[0], "endroits", "insecurite"));
    }
}
