// Layout audit of every survey screen — the list, the notice, each question type, the
// keyboard and keypad, the recording state, the thank-you with results, a response the
// database refused — at 1920×1080, 1280×800 and in portrait 1080×1920, in every configured
// language (French, easy-to-read French, English): each touch target
// is at least Metrics::target on both sides, lies on the screen, and leaves room for a
// thumb to its neighbours. Every screen is also saved to build/test-screens/ to be looked at.
#include <catch2/catch.hpp>

#include "survey_kiosk.h"
#include "test_paths.h"
#include "touch_target_audit.h"

using namespace kiosk;
using kiosk::test::SurveyKiosk;

namespace {

void Audit(SurveyKiosk& kiosk, const std::string& what) {
    App& app = kiosk.GetApp();
    const Metrics& m = app.metrics;
    INFO(what << " at " << m.width << "x" << m.height << " in " << app.nav.Language());
    test::CheckTouchTargets(app);
    kiosk.Shot(fmt::format("survey-{}-{}x{}-{}", what, (int)m.width, (int)m.height, app.nav.Language()));
}

// The demo configuration's languages, variants included.
std::vector<std::string> DemoLanguages() {
    Diagnostics diags;
    const std::optional<KioskConfig> config = LoadKioskConfig(test::DemoConfig(), diags);
    REQUIRE(config);
    return config->languages;
}

} // namespace

TEST_CASE("every survey screen has big, spaced touch targets at both sizes and in both languages") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        for (const std::string& language : DemoLanguages()) {
            SurveyKiosk kiosk(fmt::format("survey-audit-{}x{}-{}", w, h, language), w, h);
            App& app = kiosk.GetApp();
            app.nav.Go({Screen::Home, ""}, app.now);
            app.nav.SetLanguage(language);
            app.nav.Go({Screen::Surveys, ""}, app.now);
            kiosk.Driver().Frames(3);
            Audit(kiosk, "list");
            kiosk.Tap("survey:usages-espaces-publics");
            Audit(kiosk, "notice");
            kiosk.Tap("survey.start");

            // Each question, with an answer that reveals the next ones (show_if).
            const SurveyRunner& runner = *app.visit.survey.runner;
            for (const auto& [id, answer] : test::kDemoSurveySteps) {
                REQUIRE(runner.Current().id == id);
                Audit(kiosk, std::string("question-") + id);
                if (answer)
                    kiosk.Tap(std::string(id) == "idee" ? test::DemoLetterKey(app.nav.Language()) : answer);
                if (std::string(id) == "priorites")
                    for (const char* option : test::kDemoRankingOptions)
                        kiosk.Tap(option);
                Audit(kiosk, std::string("question-") + id + "-answered");
                if (std::string(id) != "idee") kiosk.Tap("survey.next");
            }
            // The symbols layer of the keyboard, the "About you" questions, then send and thank.
            kiosk.Tap("key:layer:symbols");
            Audit(kiosk, "keyboard-symbols");
            const std::pair<const char*, const char*> profile_steps[] = {
                {"profil-age", "option:sans-reponse"},
                {"profil-genre", "option:femme"},
                {"profil-residence", nullptr},
                {"profil-secteur", nullptr}};
            for (const auto& [id, answer] : profile_steps) {
                kiosk.Tap("survey.next");
                REQUIRE(runner.Current().id == id);
                Audit(kiosk, std::string("question-") + id);
                if (answer) kiosk.Tap(answer);
            }
            kiosk.Tap("survey.next");
            kiosk.Settle();
            REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
            Audit(kiosk, "thanks");

            // A poll on its own screen, then its results.
            app.nav.Go({Screen::Survey, "futur-square"}, app.now);
            kiosk.Driver().Frames(3);
            Audit(kiosk, "poll");
            kiosk.Tap("poll:futur-square:jardin");
            kiosk.Settle();
            REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
            Audit(kiosk, "poll-thanks");
        }
    }
}

TEST_CASE("the screen of a response the database refused has big, spaced targets at both sizes and in both "
          "languages") {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920}}) {
        for (const std::string& language : DemoLanguages()) {
            const std::string name = fmt::format("survey-audit-rejected-{}x{}-{}", w, h, language);
            SurveyKiosk kiosk(name, test::RefusingDatabase(name), w, h);
            App& app = kiosk.GetApp();
            app.nav.Go({Screen::Home, ""}, app.now);
            app.nav.SetLanguage(language);
            app.nav.Go({Screen::Survey, "futur-square"}, app.now);
            kiosk.Driver().Frames(3);
            kiosk.Tap("poll:futur-square:jardin");
            for (int i = 0; i < 100 && !kiosk.Has("sending.home"); i++) {
                kiosk.Store().WaitIdle(0.01);
                kiosk.Driver().Frames(1);
            }
            REQUIRE(kiosk.Has("sending.home"));
            Audit(kiosk, "rejected");
        }
    }
}
