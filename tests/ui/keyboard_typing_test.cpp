// The on-screen keyboard typed by taps: the reference sentence exactly, long-press
// accents, the length limit, and every key's character in the font atlas.
#include <catch2/catch.hpp>

#include "fonts.h"
#include "survey_kiosk.h"

using namespace kiosk;
using kiosk::test::SurveyKiosk;

TEST_CASE("typing \"Ça coûte 5 € l’été !\" by tapping keys gives exactly that text, recorded as is") {
    SurveyKiosk kiosk("keyboard-typing");
    kiosk.StartSurvey("usages-espaces-publics");
    test::AnswerDemoSurveyUpToFreeText(kiosk);
    // Ç: shift + ç (accent row); û, é and ’ on the accent row; 5 and € on the symbols layer.
    // The space key types U+0020, also before "!": the visitor's text is kept as typed
    // (French typography's narrow no-break space is not inserted behind their back).
    const std::string sentence = "\u00C7a co\u00FBte 5 \u20AC l\u2019\u00E9t\u00E9 !";
    REQUIRE(sentence == "Ça coûte 5 € l’été !");
    kiosk.Type(sentence);
    const SurveyRunner& runner = *kiosk.GetApp().visit.survey.runner;
    CHECK(runner.CurrentAnswer().text == sentence);
    CHECK(kiosk.GetApp().visit.survey.keyboard.model.Length() == 20);
    kiosk.Shot("keyboard-typed-sentence");
    test::SkipDemoProfileToLast(kiosk);
    kiosk.Tap("survey.next");
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
    const std::vector<Response> responses = kiosk.Responses();
    REQUIRE(responses.size() == 1);
    bool found = false;
    for (const Answer& answer : responses[0].answers)
        if (answer.question_id == "idee") {
            found = true;
            CHECK(answer.text == sentence);
        }
    CHECK(found);
}

TEST_CASE("a long press offers the accents, the finger slides to one and lifts to type it") {
    SurveyKiosk kiosk("keyboard-long-press");
    kiosk.StartSurvey("usages-espaces-publics");
    test::AnswerDemoSurveyUpToFreeText(kiosk);
    App& app = kiosk.GetApp();
    ShellDriver& driver = kiosk.Driver();
    const TargetRect u = *app.targets.Find("key:u");
    driver.FingerDown(1, u.Center().x, u.Center().y);
    driver.Wait(0.8); // past the long-press time
    REQUIRE(kiosk.Has("variant:û"));
    const TargetRect u_circumflex = *app.targets.Find("variant:û");
    driver.FingerMove(1, u_circumflex.Center().x, u_circumflex.Center().y);
    driver.Frames(2);
    CHECK(app.visit.survey.keyboard.model.HighlightedVariant() == 2); // u, ù, û
    kiosk.Shot("keyboard-long-press");
    driver.FingerUp(1, u_circumflex.Center().x, u_circumflex.Center().y);
    driver.Frames(6);
    CHECK(app.visit.survey.keyboard.model.Text() == "û");
    CHECK_FALSE(kiosk.Has("variant:û"));

    // Lifting off the popup types nothing; a slow press on a key without variants types it.
    const TargetRect e = *app.targets.Find("key:e");
    driver.FingerDown(1, e.Center().x, e.Center().y);
    driver.Wait(0.8);
    driver.FingerMove(1, e.Center().x, e.Center().y + 400);
    driver.Frames(2);
    driver.FingerUp(1, e.Center().x, e.Center().y + 400);
    driver.Frames(6);
    CHECK(app.visit.survey.keyboard.model.Text() == "û");
    const TargetRect z = *app.targets.Find("key:z");
    driver.FingerDown(1, z.Center().x, z.Center().y);
    driver.Wait(0.8);
    driver.FingerUp(1, z.Center().x, z.Center().y);
    driver.Frames(6);
    CHECK(app.visit.survey.keyboard.model.Text() == "ûz");
}

TEST_CASE("the keyboard stops at the maximum length, and backspace erases one character") {
    SurveyKiosk kiosk("keyboard-limit");
    kiosk.StartSurvey("usages-espaces-publics");
    test::AnswerDemoSurveyUpToFreeText(kiosk);
    App& app = kiosk.GetApp();
    KeyboardModel& model = app.visit.survey.keyboard.model;
    const size_t max = (size_t)app.visit.survey.runner->Current().max_length;
    model.SetText(std::string(max - 1, 'a'));
    kiosk.Tap("key:é");
    kiosk.Tap("key:é"); // refused: full
    CHECK(model.Length() == max);
    CHECK(model.Text().ends_with("aé"));
    kiosk.Shot("keyboard-full");
    kiosk.Tap("key:backspace");
    CHECK(model.Length() == max - 1);
    CHECK(model.Text().back() == 'a');
}

TEST_CASE("every character a keyboard can type or show is in the font atlas") {
    SurveyKiosk kiosk("keyboard-glyphs");
    const App& app = kiosk.GetApp();
    std::string missing;
    app.data.keyboards.ForEachText([&](std::string_view text) {
        for (ImFont* font : {app.fonts.body, app.fonts.body_bold, app.fonts.title})
            for (char32_t c : MissingGlyphs(*font, text))
                missing += fmt::format("U+{:04X} in \"{}\"\n", (uint32_t)c, text);
    });
    CHECK(missing.empty());
    for (ImFont* font : {app.fonts.title, app.fonts.body})
        CHECK(MissingGlyphs(*font, "±€’«»œŒÇÉ…").empty());
}
