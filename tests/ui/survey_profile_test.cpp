// The "About you" block (survey/profile.h) on the demo survey: its questions come after the
// survey's own, each can be skipped or answered "prefer not to say", and what was given is
// recorded in responses.db like any answer (read back from the SQLite file itself).
#include <catch2/catch.hpp>

#include "survey/survey_runner.h"
#include "survey_kiosk.h"

using namespace kiosk;
using test::FindAnswer;
using test::SurveyKiosk;

TEST_CASE("the About you questions end the survey: one skipped, one not said, recorded as given") {
    SurveyKiosk kiosk("survey-ui-profile");
    kiosk.StartSurvey("usages-espaces-publics");
    test::AnswerDemoSurveyUpToFreeText(kiosk);
    const SurveyRunner& runner = *kiosk.GetApp().visit.survey.runner;
    auto at = [&](const char* id) {
        INFO("expected question " << id << ", showing " << runner.Current().id);
        REQUIRE(runner.Current().id == id);
        kiosk.Driver().Wait(1); // the visitor reads the question (past the touch guard)
    };
    kiosk.Tap("survey.next"); // the free text: skipped
    at("profil-age");
    kiosk.Shot("survey-profile-age");
    kiosk.Tap("option:sans-reponse"); // "I prefer not to answer"
    kiosk.Tap("survey.next");
    at("profil-genre");
    kiosk.Tap("survey.next"); // skipped
    at("profil-residence");
    kiosk.Tap("option:travaille-etudie");
    kiosk.Tap("survey.next");
    at("profil-secteur");
    kiosk.Tap("survey.next"); // no pin: skipped, and the last question's button sends
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);

    const std::vector<Response> responses = kiosk.Responses();
    REQUIRE(responses.size() == 1);
    const Response& r = responses[0];
    CHECK(r.status == ResponseStatus::Complete);
    CHECK(FindAnswer(r, "frequence", "chaque-semaine")); // the survey's own answers are there too
    CHECK(FindAnswer(r, "profil-age", "sans-reponse"));  // said: "prefer not to say"
    CHECK_FALSE(FindAnswer(r, "profil-genre"));          // skipped: no row at all
    CHECK(FindAnswer(r, "profil-residence", "travaille-etudie"));
    CHECK_FALSE(FindAnswer(r, "profil-secteur"));
    CHECK_FALSE(FindAnswer(r, "idee"));
    int profile_rows = 0;
    for (const Answer& answer : r.answers)
        profile_rows += kiosk.Data().profile.IsProfileQuestion(answer.question_id);
    CHECK(profile_rows == 2);
}
