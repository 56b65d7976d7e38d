// Easy-to-read French ("Facile à lire", fr-x-falc) on the real kiosk, headless: offered in
// the language picker, and once chosen the home screen, a timeline phase and the walk-in
// poll show their FALC texts; what has none shows ordinary French.
#include <catch2/catch.hpp>

#include "image_probe.h"
#include "palette.h"
#include "survey_kiosk.h"

using namespace kiosk;
using test::SurveyKiosk;

namespace {
const char* const kFalc = "fr-x-falc";

// Whether two frames differ inside the band of rows [y0, y1): the text drawn there changed.
bool RowsDiffer(const Image& a, const Image& b, int y0, int y1) {
    REQUIRE(a.width == b.width);
    const size_t row = (size_t)a.width * 4;
    for (int y = std::max(0, y0); y < std::min({y1, a.height, b.height}); y++)
        if (!std::equal(a.rgba.begin() + y * row, a.rgba.begin() + (y + 1) * row, b.rgba.begin() + y * row))
            return true;
    return false;
}
} // namespace

TEST_CASE("Facile à lire is in the picker, and choosing it shows FALC on home, the timeline and the poll") {
    SurveyKiosk kiosk("falc-picker");
    App& app = kiosk.GetApp();
    const KioskData& data = kiosk.Data();
    app.nav.GoHome(app.now);
    kiosk.Driver().Frames(3);
    REQUIRE(kiosk.Has("language:fr-x-falc"));
    CHECK(data.catalogs.LanguageName(kFalc) == "Facile à lire");
    const Image home_fr = kiosk.Driver().Capture();

    // Home: the picker's button, a real tap.
    kiosk.Tap("language:fr-x-falc");
    kiosk.Driver().Frames(2);
    REQUIRE(app.nav.Language() == kFalc);
    CHECK(app.Tr("home.welcome") != data.catalogs.Text("fr", "home.welcome"));
    CHECK(app.Tr("home.welcome") == data.catalogs.Text(kFalc, "home.welcome"));
    CHECK(app.Tr("nav.back") == data.catalogs.Text("fr", "nav.back")); // not rewritten: French
    const Image home_falc = kiosk.Driver().Capture();
    kiosk.Shot("falc-home");
    const float tiles_top = app.targets.Find("home.plans")->min.y;
    CHECK(RowsDiffer(home_fr, home_falc, 0, (int)tiles_top)); // the welcome line changed

    // The poll on home: its question in FALC, and after a tap its thank-you.
    const Survey* poll = data.FindSurvey("futur-square");
    REQUIRE(poll);
    REQUIRE(poll->questions.front().text.Has(kFalc));
    CHECK(app.Text(poll->questions.front().text) == poll->questions.front().text.All().at(kFalc));
    kiosk.Tap("poll:futur-square:jardin");
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
    CHECK(app.Text(poll->thanks) == poll->thanks.All().at(kFalc));
    kiosk.Shot("falc-poll-thanks");
    {
        // The thank-you's three FALC lines end above the results' heading (each line counted).
        // Below the read-aloud controls, whose labels are in the same ink.
        const Image thanks = kiosk.Driver().Capture();
        const int rows_top = (int)app.targets.Find("result:jeux")->min.y - 4;
        const std::optional<TargetRect> read_aloud = app.targets.Find("read_aloud.play");
        REQUIRE(read_aloud);
        const int below_controls = (int)read_aloud->max.y + 2;
        const std::optional<test::Box> text =
            test::FindColour(thanks, palette::kText, {0, below_controls, thanks.width - 1, rows_top});
        REQUIRE(text);
        const std::optional<test::Box> heading =
            test::FindColour(thanks, palette::kOpinion, {0, text->y0, thanks.width - 1, rows_top});
        REQUIRE(heading);
        CHECK(text->y1 < heading->y0);
    }
    const std::vector<Response> responses = kiosk.Responses();
    REQUIRE(responses.size() == 1);
    CHECK(responses.front().language == kFalc); // which version the visitor read is recorded

    // A timeline phase: its FALC title and description, drawn.
    app.nav.Go({Screen::Timeline, "relogement"}, app.now);
    kiosk.Driver().Frames(4);
    REQUIRE(data.content.FindPhase("relogement"));
    const Phase& phase = *data.content.FindPhase("relogement");
    CHECK(app.Text(phase.title) == phase.title.All().at(kFalc));
    CHECK(app.Text(phase.description) == phase.description.All().at(kFalc));
    CHECK(app.Text(phase.partners) == phase.partners.All().at("fr")); // no FALC: ordinary French
    const Image timeline_falc = kiosk.Driver().Capture();
    kiosk.Shot("falc-timeline");
    app.nav.SetLanguage("fr");
    kiosk.Driver().Frames(3);
    CHECK(RowsDiffer(timeline_falc, kiosk.Driver().Capture(), 0, timeline_falc.height));
}

TEST_CASE("a survey's questions and notice show in FALC at every screen size") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        INFO(size);
        SurveyKiosk kiosk("falc-survey-" + size, w, h);
        App& app = kiosk.GetApp();
        app.nav.GoHome(app.now);
        kiosk.Driver().Frames(3);
        kiosk.Tap("language:fr-x-falc");
        const Survey* survey = kiosk.Data().FindSurvey("usages-espaces-publics");
        REQUIRE(survey);
        CHECK(app.Text(survey->notice.purpose) == survey->notice.purpose.All().at(kFalc));
        CHECK(app.Text(survey->notice.controller) == survey->notice.controller.All().at("fr")); // no FALC
        app.nav.Go({Screen::Surveys, ""}, app.now);
        kiosk.Driver().Frames(3);
        kiosk.Shot("falc-survey-list-" + size);
        kiosk.Tap("survey:usages-espaces-publics");
        kiosk.Driver().Frames(3);
        kiosk.Shot("falc-survey-notice-" + size);
        kiosk.Tap("survey.start");
        kiosk.Driver().Frames(3);
        REQUIRE(kiosk.CurrentScreen() == Screen::Survey);
        CHECK(app.Text(survey->questions.front().text) == survey->questions.front().text.All().at(kFalc));
        kiosk.Driver().WaitForImages();
        kiosk.Shot("falc-survey-question-" + size);
    }
}
