// Content files: the demo content loads cleanly; every broken file in
// tests/data/content/broken/<kind>/ is refused with the diagnostic its first line announces
//     # expect: LINE:COLUMN message fragment        (or "# expect: - fragment": no position)
// and a broken file is left out while the rest of the content still loads.
#include <fstream>
#include <set>

#include <catch2/catch.hpp>

#include "content/content.h"
#include "kiosk_data.h"
#include "test_paths.h"

using namespace kiosk;

namespace {
const std::vector<std::string> kLanguages = {"fr", "en"};

struct Expectation {
    int line = 0, column = 0;
    std::string fragment;
};

Expectation ReadExpectation(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    const std::string prefix = "# expect: ";
    REQUIRE(first.rfind(prefix, 0) == 0);
    Expectation e;
    std::string rest = first.substr(prefix.size());
    const size_t space = rest.find(' ');
    e.fragment = rest.substr(space + 1);
    if (rest[0] != '-') std::sscanf(rest.c_str(), "%d:%d", &e.line, &e.column);
    return e;
}

bool HasError(const Diagnostics& diags, const Expectation& e) {
    for (const Diagnostic& d : diags.All())
        if (d.severity == Severity::Error && d.where.line == e.line && d.where.column == e.column &&
            d.message.find(e.fragment) != std::string::npos)
            return true;
    return false;
}

void Write(const std::filesystem::path& file, std::string_view text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

const char* kGoodPlan = R"(id = "good"
example = true
title = { fr = "Un bon plan", en = "A good plan" }
summary = { fr = "Résumé", en = "Summary" }
image = "missing.png"
size = [1000, 800]
)";
} // namespace

TEST_CASE("the demo content loads without errors or warnings") {
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(test::DemoConfig(), diags);
    INFO(diags.FormatAll());
    REQUIRE(data);
    CHECK(diags.Empty());
    const Content& c = data->content;
    REQUIRE(c.plans.size() == 4);
    CHECK(c.plans[0].id == "perimetre"); // file-name order
    const Plan* pair = c.FindPlan("plan-quartier-2030");
    REQUIRE(pair);
    REQUIRE(pair->before);
    // The "before" image is smaller than the "after" one and aligned by its area.
    CHECK(pair->image.width == 3200);
    CHECK(pair->before->width == 2400);
    CHECK(pair->before->area == Rect({0, 0}, {3200, 2200}));
    CHECK(pair->size == Vec2(3200, 2200));
    CHECK(pair->MaxScale() == 2.0f);
    CHECK(pair->hotspots.size() == 8);
    CHECK(pair->hotspots[4].number == 5);
    // Markers moved off the drawing's labels, chrome kept off its legend and title block.
    CHECK(pair->hotspots[1].id == "groupe-scolaire");
    CHECK(pair->hotspots[1].marker_offset == Vec2(0, -56));
    CHECK(pair->hotspots[0].marker_offset == Vec2(0, 0));
    CHECK(pair->legend == (kCornerTopLeft | kCornerBottomRight));
    for (const Plan& plan : c.plans) {
        CHECK(plan.example);
        for (const Hotspot& h : plan.hotspots) {
            INFO(plan.id << " / " << h.id);
            CHECK(h.at.x >= 0);
            CHECK(h.at.x <= plan.size.x);
            CHECK(h.at.y <= plan.size.y);
            CHECK(h.title.Has("en"));
        }
    }
    CHECK(c.phases.size() == 9);
    CHECK(std::is_sorted(c.phases.begin(), c.phases.end(), [](const Phase& a, const Phase& b) {
        return a.start.FirstDay() < b.start.FirstDay();
    }));
    CHECK(c.FindPhase("espaces-publics")->survey == "usages-espaces-publics");
    CHECK(c.events.size() == 7);
}

TEST_CASE("every broken content file is refused with its expected diagnostic") {
    const std::filesystem::path dir = test::DataDir() / "content" / "broken";
    int checked = 0;
    for (const char* kind : {"plan", "timeline", "agenda"}) {
        for (const auto& entry : std::filesystem::directory_iterator(dir / kind)) {
            const std::filesystem::path file = entry.path();
            DYNAMIC_SECTION(file.filename().string()) {
                const Expectation expected = ReadExpectation(file);
                Diagnostics diags;
                bool loaded = false;
                if (std::string(kind) == "plan") loaded = LoadPlanFile(file, kLanguages, diags).has_value();
                if (std::string(kind) == "timeline")
                    loaded = LoadTimelineFile(file, kLanguages, diags).has_value();
                if (std::string(kind) == "agenda")
                    loaded = LoadAgendaFile(file, kLanguages, diags).has_value();
                INFO("expected " << expected.line << ":" << expected.column << " " << expected.fragment);
                INFO(diags.FormatAll());
                CHECK_FALSE(loaded);
                CHECK(HasError(diags, expected));
                // Every message names the file.
                for (const Diagnostic& d : diags.All())
                    CHECK(d.where.file == file.string());
            }
            checked++;
        }
    }
    CHECK(checked >= 20);
}

TEST_CASE("a broken file is left out and the rest of the content still loads") {
    const std::filesystem::path dir = test::ScratchDir("content_partial");
    Write(dir / "plans" / "01-good.toml", kGoodPlan);
    Write(dir / "plans" / "02-broken.toml", "id = \"broken\"\ntitle = { fr = \"Sans fin\"\n");
    Write(dir / "plans" / "03-same-id.toml", kGoodPlan);
    Write(dir / "timeline.toml", R"(example = true
[[phase]]
id = "works"
title = { fr = "Travaux", en = "Works" }
description = { fr = "Des travaux.", en = "Works." }
start = 2026
plan = "good"

[[phase]]
id = "later"
title = { fr = "Plus tard", en = "Later" }
description = { fr = "Ensuite.", en = "Then." }
start = 2027
plan = "broken"
)");
    Write(dir / "agenda.toml", "[[event]]\nid = \"x\"\ndate = 2026-13-01\n");

    Diagnostics diags;
    const Content content = LoadContent(dir, kLanguages, diags);
    INFO(diags.FormatAll());
    REQUIRE(content.plans.size() == 1);
    CHECK(content.plans[0].id == "good");
    CHECK(content.plans[0].example);
    REQUIRE(content.phases.size() == 2);
    CHECK(content.phases[0].plan == "good");
    CHECK(content.phases[1].plan.empty()); // its plan was left out: no button to nowhere
    CHECK(content.events.empty());
    CHECK(diags.ErrorCount() >= 3);
    const std::string all = diags.FormatAll();
    CHECK(all.find("02-broken.toml:2:") != std::string::npos);
    CHECK(all.find("03-same-id.toml: error: id: the plan id \"good\" is already used") != std::string::npos);
    CHECK(all.find("agenda.toml:3:") != std::string::npos);
    CHECK(all.find("timeline.toml: warning: phase \"later\": no plan has the id \"broken\"") !=
          std::string::npos);
}

TEST_CASE("a missing or corrupt image is a warning at its key: the plan stays, with a placeholder") {
    const std::filesystem::path dir = test::ScratchDir("content_missing_image");
    Write(dir / "not-a-picture.png", "this is not a PNG file");
    Write(dir / "plan.toml", R"(id = "square"
title = { fr = "Le square", en = "The square" }
summary = { fr = "Résumé", en = "Summary" }
image = "nowhere.png"
size = [1000, 800]

[[hotspot]]
id = "jeux"
at = [10, 10]
title = { fr = "Jeux", en = "Play" }
text = { fr = "Des jeux.", en = "Play." }
photo = "not-a-picture.png"
)");
    Diagnostics diags;
    std::optional<Plan> plan = LoadPlanFile(dir / "plan.toml", kLanguages, diags);
    INFO(diags.FormatAll());
    REQUIRE(plan);
    CHECK_FALSE(diags.HasErrors());
    CHECK(plan->image.width == 0);
    CHECK(plan->size == Vec2(1000, 800));
    const std::string all = diags.FormatAll();
    CHECK(all.find("plan.toml:4:1: warning: image: ") != std::string::npos);
    CHECK(all.find("nowhere.png: no such file (a placeholder will be shown)") != std::string::npos);
    CHECK(all.find("plan.toml:12:1: warning: hotspot[0].photo: ") != std::string::npos);
    CHECK(all.find("not-a-picture.png: a text file, not a PNG or JPEG image") != std::string::npos);
}

// Issue 9: the 1600×1000 placeholder frame left these points "outside the plan", an error,
// and the plan disappeared from the gallery although the README says it stays.
TEST_CASE("a plan without size and with an unreadable image keeps its points on a placeholder frame") {
    const std::filesystem::path dir = test::ScratchDir("content_plan_no_size");
    Write(dir / "plan.toml", R"(id = "square"
title = { fr = "Le square", en = "The square" }
summary = { fr = "Résumé", en = "Summary" }
image = "nowhere.png"

[before]
image = "nowhere-either.png"
area = [200, 100, 4000, 2500]

[[hotspot]]
id = "jeux"
at = [3000, 2000]
title = { fr = "Jeux", en = "Play" }
text = { fr = "Des jeux.", en = "Play." }

[[hotspot]]
id = "bancs"
at = [120.5, 2900]
title = { fr = "Bancs", en = "Benches" }
text = { fr = "Des bancs.", en = "Benches." }
)");
    Diagnostics diags;
    std::optional<Plan> plan = LoadPlanFile(dir / "plan.toml", kLanguages, diags);
    INFO(diags.FormatAll());
    REQUIRE(plan);
    CHECK_FALSE(diags.HasErrors());
    REQUIRE(plan->hotspots.size() == 2);
    // The frame holds every point and the before area, with a margin.
    CHECK(plan->size.x >= 4200);
    CHECK(plan->size.y >= 2900);
    CHECK(plan->size.x <= 4200 * 1.1f);
    CHECK(plan->size.y <= 2900 * 1.1f);
    for (const Hotspot& h : plan->hotspots) {
        CHECK(h.at.x < plan->size.x);
        CHECK(h.at.y < plan->size.y);
    }
    CHECK(plan->image.area == Rect::FromSize({0, 0}, plan->size));
    CHECK(diags.FormatAll().find(
              "plan.toml:4:1: warning: image: the plan's size is unknown without its image") !=
          std::string::npos);

    // Points within 1600×1000 keep the usual placeholder frame.
    Write(dir / "small.toml", R"(id = "small"
title = { fr = "Petit", en = "Small" }
summary = { fr = "Résumé", en = "Summary" }
image = "nowhere.png"

[[hotspot]]
id = "a"
at = [1500, 900]
title = { fr = "A", en = "A" }
text = { fr = "A.", en = "A." }
)");
    std::optional<Plan> small = LoadPlanFile(dir / "small.toml", kLanguages, diags);
    REQUIRE(small);
    CHECK(small->size == Vec2(1600, 1000));
}

TEST_CASE("every content text is offered to the font builder") {
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(test::DemoConfig(), diags);
    REQUIRE(data);
    std::set<std::string> texts;
    ForEachDisplayText(*data, [&](std::string_view text) { texts.emplace(text); });
    const Content& c = data->content;
    for (const std::string& language : kLanguages) {
        for (const Plan& plan : c.plans) {
            CHECK(texts.count(plan.title.Get(language, "fr")));
            for (const Hotspot& h : plan.hotspots)
                CHECK(texts.count(h.text.Get(language, "fr")));
        }
        for (const Phase& p : c.phases) {
            CHECK(texts.count(p.description.Get(language, "fr")));
            if (!p.you_said.Empty()) CHECK(texts.count(p.you_said.Get(language, "fr")));
        }
        for (const AgendaEvent& e : c.events)
            CHECK(texts.count(e.place.Get(language, "fr")));
    }
}

TEST_CASE("a timeline link to a survey that is not loaded is dropped with a warning") {
    const std::filesystem::path dir = test::ScratchDir("content_survey_links");
    Write(dir / "timeline.toml", R"([[phase]]
id = "square"
title = { fr = "Square", en = "Square" }
description = { fr = "Le square.", en = "The square." }
start = 2027
survey = "known"

[[phase]]
id = "street"
title = { fr = "Rue", en = "Street" }
description = { fr = "La rue.", en = "The street." }
start = 2028
survey = "gone"
)");
    Diagnostics diags;
    Content content = LoadContent(dir, kLanguages, diags);
    REQUIRE(content.phases.size() == 2);
    DropUnknownSurveyLinks(
        content, [](std::string_view id) { return id == "known"; }, diags);
    CHECK(content.phases[0].survey == "known");
    CHECK(content.phases[1].survey.empty());
    CHECK(diags.FormatAll().find("timeline.toml: warning: phase \"street\": no survey has the id \"gone\"") !=
          std::string::npos);
    CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("a georeferenced plan maps its points to WGS84, control points that disagree are a warning") {
    const std::filesystem::path dir = test::ScratchDir("content_georef");
    // A 1000 × 800 drawing at 4 px per metre, north up; the last point's latitude mistyped
    // (48.8690 for 48.8660: 333 m north).
    const std::string plan = R"(id = "square"
title = { fr = "Le square", en = "The square" }
summary = { fr = "Résumé", en = "Summary" }
image = "nowhere.png"
size = [1000, 800]

[[georef.point]]
at = [0, 0]
lon = 2.529
lat = 48.868

[[georef.point]]
at = [1000, 0]
lon = 2.5324125
lat = 48.868

[[georef.point]]
at = [0, 800]
lon = 2.529
lat = 48.866203
)";
    Write(dir / "plan.toml", plan);
    Diagnostics diags;
    std::optional<Plan> loaded = LoadPlanFile(dir / "plan.toml", kLanguages, diags);
    INFO(diags.FormatAll());
    REQUIRE(loaded);
    REQUIRE(loaded->georef);
    const GeoAffine::LonLat centre = loaded->georef->Apply(500, 400);
    CHECK(centre.lon == Approx(2.53070625).margin(1e-9));
    CHECK(centre.lat == Approx(48.8671015).margin(1e-9));
    CHECK(diags.FormatAll().find(": georef.") == std::string::npos);

    Write(dir / "plan.toml", plan + R"(
[[georef.point]]
at = [1000, 800]
lon = 2.5324125
lat = 48.8690
)");
    Diagnostics disagree;
    loaded = LoadPlanFile(dir / "plan.toml", kLanguages, disagree);
    INFO(disagree.FormatAll());
    REQUIRE(loaded); // a warning: the plan and its georeference stay
    CHECK_FALSE(disagree.HasErrors());
    const std::string all = disagree.FormatAll();
    CHECK(all.find("warning: georef.point[") != std::string::npos);
    CHECK(all.find("the control points disagree") != std::string::npos);
}
