// The gallery, the timeline and the agenda on the demo content, driven headless: what opens
// first, swiping, links and coming back, survey links only while the survey is offered,
// events dropping off with the date, every glyph present, and a kiosk whose content has
// broken files still showing the rest.
#include <catch2/catch.hpp>

#include "content/date_text.h"
#include "fonts.h"
#include "palette.h"
#include "programme_fixture.h"
#include "survey/survey_session.h"
#include "test_paths.h"
#include "view/timeline_strip.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {
long long WallAt(int year, int month, int day, int hour) {
    // Local noon-ish moments; the tests only compare dates, far from midnight.
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_isdst = -1;
    return (long long)std::mktime(&tm);
}

int IndexOf(const std::vector<Phase>& phases, std::string_view id) {
    for (int i = 0; i < (int)phases.size(); i++)
        if (phases[i].id == id) return i;
    return -1;
}

// Finds a button of `color` (a filled run at least `min_width` px wide) below `top`.
std::optional<Vec2> FindButton(const Image& image, uint32_t color, float top, int min_width = 150) {
    for (int y = (int)top; y < image.height; y += 4) {
        int run = 0;
        for (int x = 0; x < image.width; x++) {
            run = Near(Rgb(image, (float)x, (float)y), color, 3) ? run + 1 : 0;
            if (run == min_width) return Vec2((float)(x - min_width / 2), (float)y + 10);
        }
    }
    return std::nullopt;
}
} // namespace

TEST_CASE("the gallery shows every plan and a tap opens it", "[programme]") {
    TestKiosk k = OpenKiosk(DemoConfig());
    App& app = k.app();
    app.nav.GoHome(app.now);
    app.nav.Go({Screen::Plans, ""}, app.now);
    REQUIRE(k.driver->WaitForImages());
    SaveScreen(*k.driver, ScreenshotDir() / "plans-gallery.png");
    // Cards in two columns; the first opens the first plan.
    k.driver->Tap(app.metrics.width * 0.3f, app.metrics.height * 0.3f);
    CHECK(app.nav.Current() == Route{Screen::PlanViewer, "perimetre"});
    k.driver->Frames(2);
    CHECK(app.visit.plan_viewer.plan_id == "perimetre");
    CHECK(app.visit.plan_viewer.view.AtFit());
}

TEST_CASE("the timeline opens on today's phase, centred, and swipes with inertia", "[programme]") {
    TestKiosk k = OpenKiosk(DemoConfig());
    App& app = k.app();
    k.driver->Clock().SetWall(WallAt(2026, 11, 26, 15));
    app.nav.GoHome(app.now);
    app.nav.Go({Screen::Timeline, ""}, app.now);
    k.driver->Frames(3);
    const auto& phases = app.data.content.phases;
    TimelineState& s = app.visit.timeline;
    // On 26 November 2026 the latest phase under way is the construction one.
    CHECK(s.selected == "constructions");
    const int index = IndexOf(phases, "constructions");
    const Metrics& m = app.metrics;
    TimelineStrip strip{std::min(m.Px(400), (m.width - 2 * m.margin) * 0.42f), m.gap, m.width,
                        (int)phases.size()};
    CHECK(s.scroll == Approx(strip.ScrollToCenter(index)));
    REQUIRE(k.driver->WaitForImages());
    SaveScreen(*k.driver, ScreenshotDir() / "timeline-today.png");

    // A fling to the left moves the strip on after the finger lifts.
    const float y = s.cards.Center().y;
    const float before = s.scroll;
    k.driver->Drag(m.width * 0.7f, y, m.width * 0.45f, y, 0.1, 6);
    const float at_release = s.scroll;
    CHECK(at_release > before);
    k.driver->Wait(0.3);
    CHECK(s.scroll > at_release);
    k.driver->Wait(3);
    CHECK(s.scroll <= strip.MaxScroll() + 0.01f);
    CHECK(s.selected == "constructions"); // swiping does not select

    // A tap on a card selects it and centres it.
    const float x = strip.CardCenter(IndexOf(phases, "livraison")) - s.scroll;
    REQUIRE(x > 0);
    REQUIRE(x < m.width);
    k.driver->Tap(x, y);
    CHECK(s.selected == "livraison");
    k.driver->Wait(1.5);
    CHECK(s.scroll == Approx(strip.ScrollToCenter(IndexOf(phases, "livraison"))).margin(1.0));
}

TEST_CASE("a phase's link opens its plan, coming back keeps the phase, reopening shows today's",
          "[programme]") {
    TestKiosk k = OpenKiosk(DemoConfig());
    App& app = k.app();
    k.driver->Clock().SetWall(WallAt(2026, 11, 26, 15));
    app.nav.GoHome(app.now);
    app.nav.Go({Screen::Timeline, "demolitions"}, app.now); // the route names the phase to open
    k.driver->Frames(3);
    TimelineState& s = app.visit.timeline;
    CHECK(s.selected == "demolitions");
    REQUIRE(k.driver->WaitForImages());
    SaveScreen(*k.driver, ScreenshotDir() / "timeline-phase.png");

    const std::optional<Vec2> see_plan =
        FindButton(k.driver->Capture(), palette::kPrimary, s.cards.max.y + 20);
    REQUIRE(see_plan);
    k.driver->Tap(see_plan->x, see_plan->y);
    CHECK(app.nav.Current() == Route{Screen::PlanViewer, "plan-quartier-2030"});
    k.driver->Frames(3);
    app.nav.Back(app.now);
    k.driver->Frames(3);
    CHECK(app.nav.CurrentScreen() == Screen::Timeline);
    CHECK(s.selected == "demolitions");

    app.nav.GoHome(app.now);
    k.driver->Frames(2);
    app.nav.Go({Screen::Timeline, ""}, app.now);
    k.driver->Frames(2);
    CHECK(s.selected == "constructions");
}

TEST_CASE("a phase's survey link shows only while the survey is offered, as in the surveys list",
          "[programme]") {
    TestKiosk k = OpenKiosk(DemoConfig());
    App& app = k.app();
    // The phase "espaces-publics" links the demo survey, offered 2026-10-01 to 2027-03-31.
    const Survey* survey = app.data.FindSurvey("usages-espaces-publics");
    REQUIRE(survey);
    REQUIRE(survey->active_from == CivilDate{2026, 10, 1});
    REQUIRE(survey->active_to == CivilDate{2027, 3, 31});
    auto open_phase_on = [&](long long wall) {
        k.driver->Clock().SetWall(wall);
        app.nav.GoHome(app.now);
        k.driver->Frames(2);
        app.nav.Go({Screen::Timeline, "espaces-publics"}, app.now);
        k.driver->Frames(3);
        REQUIRE(app.visit.timeline.selected == "espaces-publics");
        CHECK(app.targets.Find("timeline.see_plan")); // the phase's plan link stays whatever the date
    };
    auto listed = [&] {
        for (const Survey* s : ActiveSurveys(app, SurveyMode::Survey))
            if (s->id == "usages-espaces-publics") return true;
        return false;
    };

    // Offered: the link shows and opens the survey.
    open_phase_on(WallAt(2026, 11, 26, 15));
    CHECK(listed());
    std::optional<TargetRect> link = app.targets.Find("timeline.give_opinion");
    REQUIRE(link);
    k.driver->Tap(link->Center().x, link->Center().y);
    CHECK(app.nav.Current() == Route{Screen::Survey, "usages-espaces-publics"});
    // Its last day (active_to is inclusive): still there.
    open_phase_on(WallAt(2027, 3, 31, 15));
    CHECK(listed());
    CHECK(app.targets.Find("timeline.give_opinion"));
    // Closed the day after: neither listed nor linked.
    open_phase_on(WallAt(2027, 4, 1, 15));
    CHECK_FALSE(listed());
    CHECK_FALSE(app.targets.Find("timeline.give_opinion"));
    REQUIRE(k.driver->WaitForImages());
    SaveScreen(*k.driver, ScreenshotDir() / "timeline-survey-closed.png");
    // Not open yet: no link either.
    open_phase_on(WallAt(2026, 9, 30, 15));
    CHECK_FALSE(listed());
    CHECK_FALSE(app.targets.Find("timeline.give_opinion"));
}

TEST_CASE("the agenda lists what is to come and, once everything is past, says so", "[programme]") {
    TestKiosk k = OpenKiosk(DemoConfig());
    App& app = k.app();
    const Metrics& m = app.metrics;
    k.driver->Clock().SetWall(WallAt(2026, 11, 26, 15));
    app.nav.GoHome(app.now);
    app.nav.Go({Screen::Agenda, ""}, app.now);
    k.driver->Frames(3);
    SaveScreen(*k.driver, ScreenshotDir() / "agenda.png");
    const float card_y = m.bar + m.Px(160);
    // The first card: its date block in the agenda colour, its body white.
    CHECK(Near(Rgb(k.driver->Capture(), m.margin + m.Px(60), card_y), palette::kAgenda));
    CHECK(Near(Rgb(k.driver->Capture(), m.width * 0.6f, card_y), palette::kSurface));

    k.driver->Clock().SetWall(WallAt(2031, 1, 1, 12));
    k.driver->Frames(3);
    SaveScreen(*k.driver, ScreenshotDir() / "agenda-empty.png");
    CHECK(Near(Rgb(k.driver->Capture(), m.width * 0.6f, card_y), palette::kBackground));
}

TEST_CASE("every character the programme screens can show has a glyph", "[programme]") {
    TestKiosk k = OpenKiosk(DemoConfig());
    App& app = k.app();
    const Catalogs& c = app.data.catalogs;
    std::vector<std::string> texts;
    ForEachDisplayText(app.data, [&](std::string_view t) { texts.emplace_back(t); });
    // Texts composed at run time from catalogue patterns and content.
    for (const std::string& language : c.Languages()) {
        for (int year : {2026, 2027})
            for (int month = 1; month <= 12; month++)
                for (int day : {1, 15, 28}) {
                    texts.push_back(FormatFullDate(c, language, {year, month, day}));
                    texts.push_back(MonthShortName(c, language, month));
                }
        for (const Phase& p : app.data.content.phases)
            for (CivilDate today : {CivilDate{2016, 1, 1}, CivilDate{2026, 11, 26}})
                texts.push_back(FormatPeriod(c, language, p, today));
        for (const AgendaEvent& e : app.data.content.events)
            texts.push_back(FormatEventHours(c, language, e));
        texts.push_back(c.Format(language, "plans.points_many", fmt::arg("count", 8)));
    }
    for (ImFont* font :
         {app.fonts.small, app.fonts.body, app.fonts.body_bold, app.fonts.title, app.fonts.huge}) {
        for (const std::string& text : texts) {
            INFO(text);
            CHECK(MissingGlyphs(*font, text).empty());
        }
    }
}

TEST_CASE("a kiosk with a broken plan file, a bad timeline and a missing picture still shows the rest",
          "[programme]") {
    const auto dir = ScratchDir("programme_broken_content");
    const auto config = WriteKiosk(dir);
    WriteQuadrantPng(dir / "content" / "plans" / "ok.png", 800, 600);
    WriteFile(dir / "content" / "plans" / "1-ok.toml", R"(id = "ok"
title = { fr = "Bon plan", en = "Good plan" }
summary = { fr = "Il marche.", en = "It works." }
image = "ok.png"
)");
    WriteFile(dir / "content" / "plans" / "2-no-picture.toml", R"(id = "no-picture"
title = { fr = "Sans image", en = "No picture" }
summary = { fr = "L’image manque.", en = "The picture is missing." }
image = "gone.png"
size = [800, 600]
)");
    WriteFile(dir / "content" / "plans" / "3-broken.toml", "id = \"broken\"\ntitle = { fr = \"oops\" \n");
    WriteFile(dir / "content" / "timeline.toml", "[[phase]]\nid = \"x\"\nstart = \"demain\"\n");
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(config, diags);
    REQUIRE(data);
    CHECK(diags.HasErrors()); // `kiosk --check-config` fails...
    CHECK(diags.FormatAll().find("3-broken.toml:2:") != std::string::npos);
    CHECK(diags.FormatAll().find("timeline.toml:3:") != std::string::npos);
    TestKiosk k = OpenKiosk(config); // ...but the kiosk runs on what is valid
    App& app = k.app();
    REQUIRE(app.data.content.plans.size() == 2);
    CHECK(app.data.content.phases.empty());
    app.nav.GoHome(app.now);
    app.nav.Go({Screen::Plans, ""}, app.now);
    REQUIRE(k.driver->WaitForImages());
    SaveScreen(*k.driver, ScreenshotDir() / "plans-gallery-broken-content.png");
    app.nav.Go({Screen::Timeline, ""}, app.now);
    k.driver->Frames(3);
    app.nav.Go({Screen::PlanViewer, "no-such-plan"}, app.now);
    k.driver->Frames(3);
    CHECK(app.nav.CurrentScreen() == Screen::PlanViewer);
}
