// Survey screens driven by taps (real synthetic touches through the shell), with the
// answers checked in the SQLite file the kiosk wrote: the whole demo survey, validation,
// cancel, double "Send", idle timeout, one-tap polls and their results, recording faults,
// responses the database refuses.
#include <chrono>
#include <fstream>
#include <thread>
#include <tuple>

#include <catch2/catch.hpp>

#include "survey/survey_layout.h"
#include "survey/survey_visit.h"
#include "survey_kiosk.h"
#include "test_paths.h"

using namespace kiosk;
using kiosk::test::FindAnswer;
using kiosk::test::SurveyKiosk;

namespace {

// Renders frames until the control `name` shows (the store works on its own thread).
void WaitUntilShown(SurveyKiosk& kiosk, std::string_view name) {
    for (int i = 0; i < 100 && !kiosk.Has(name); i++) {
        kiosk.Store().WaitIdle(0.01);
        kiosk.Driver().Frames(1);
    }
    INFO("waiting for \"" << name << "\" on screen " << ScreenName(kiosk.CurrentScreen()));
    REQUIRE(kiosk.Has(name));
}

} // namespace

TEST_CASE("the whole demo survey answered by taps is recorded, answer by answer, in responses.db") {
    SurveyKiosk kiosk("survey-ui-whole");
    kiosk.StartSurvey("usages-espaces-publics");
    test::AnswerDemoSurveyUpToFreeText(kiosk);
    kiosk.Type("Des bancs");
    test::SkipDemoProfileToLast(kiosk);
    kiosk.Tap("survey.next"); // "Send"
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
    CHECK(kiosk.GetApp().nav.Current().param == "usages-espaces-publics");

    const std::vector<Response> responses = kiosk.Responses();
    REQUIRE(responses.size() == 1);
    const Response& r = responses[0];
    CHECK(r.survey_id == "usages-espaces-publics");
    CHECK(r.status == ResponseStatus::Complete);
    CHECK(r.language == "fr");
    CHECK(r.kiosk_id == kiosk.Data().config.kiosk_id);
    CHECK(FindAnswer(r, "frequence", "chaque-semaine"));
    CHECK(FindAnswer(r, "activite", "sport"));
    CHECK(FindAnswer(r, "lieux", "square"));
    CHECK(FindAnswer(r, "lieux", "ecole"));
    REQUIRE(FindAnswer(r, "soir", "good"));
    CHECK(FindAnswer(r, "soir", "good")->number == 4);
    REQUIRE(FindAnswer(r, "proprete"));
    CHECK(FindAnswer(r, "proprete")->number == 7);
    CHECK(FindAnswer(r, "avec-enfants", "yes"));
    REQUIRE(FindAnswer(r, "nombre-enfants"));
    CHECK(FindAnswer(r, "nombre-enfants")->number == 2);
    int rank = 1;
    for (const char* id : {"jeux", "eclairage", "ombre", "voitures", "toilettes"}) {
        INFO(id);
        REQUIRE(FindAnswer(r, "priorites", id));
        CHECK(FindAnswer(r, "priorites", id)->number == rank++);
    }
    CHECK_FALSE(FindAnswer(r, "endroits")); // skipped
    REQUIRE(FindAnswer(r, "idee"));
    CHECK(FindAnswer(r, "idee")->text == "Des bancs");
    CHECK(r.answers.size() == 14);
}

TEST_CASE("an answer the question refuses blocks Next and says why in the visitor's language") {
    SurveyKiosk kiosk("survey-ui-validation");
    kiosk.StartSurvey("usages-espaces-publics");
    App& app = kiosk.GetApp();
    const SurveyRunner& runner = *app.visit.survey.runner;

    // Nothing chosen on a required question.
    kiosk.Tap("survey.next");
    CHECK(runner.Current().id == "frequence");
    REQUIRE(app.visit.survey.error);
    CHECK(std::string(app.visit.survey.error->key) == "surveys.validation.required");
    // Answering clears the message; Next then goes on.
    kiosk.Tap("option:chaque-jour");
    CHECK_FALSE(app.visit.survey.error);
    kiosk.Tap("survey.next");
    kiosk.Tap("option:promenade");
    kiosk.Tap("survey.next");

    // Multiple choice: a fourth answer over the maximum of three is refused and explained.
    REQUIRE(runner.Current().id == "lieux");
    for (const char* id : {"square", "ecole", "commerces", "allees"})
        kiosk.Tap(std::string("option:") + id);
    CHECK(runner.CurrentAnswer().option_ids.size() == 3);
    CHECK_FALSE(runner.CurrentAnswer().Has("allees"));
    REQUIRE(app.visit.survey.error);
    CHECK(std::string(app.visit.survey.error->key) == "surveys.validation.max_choices");
    kiosk.Tap("survey.next");
    kiosk.Tap("option:neutral");
    kiosk.Tap("survey.next");
    kiosk.Tap("value:3");
    kiosk.Tap("survey.next");
    kiosk.Tap("option:yes");
    kiosk.Tap("survey.next");

    // Number outside min..max: the keypad types it, Next refuses it with the range.
    REQUIRE(runner.Current().id == "nombre-enfants");
    kiosk.Tap("key:2");
    kiosk.Tap("key:0");
    kiosk.Tap("survey.next");
    CHECK(runner.Current().id == "nombre-enfants");
    REQUIRE(app.visit.survey.error);
    CHECK(std::string(app.visit.survey.error->key) == "surveys.validation.number_range");
    CHECK(app.visit.survey.error->max == 12);
    const std::string message =
        app.Format(app.visit.survey.error->key, fmt::arg("min", 1), fmt::arg("max", 12));
    CHECK(message == "Entrez un nombre entre 1 et 12.");
    kiosk.Shot("survey-validation-number");
    kiosk.Tap("key:backspace");
    kiosk.Tap("survey.next");
    CHECK(runner.Current().id == "priorites");

    // Ranking half done: every option must be placed.
    kiosk.Tap("option:jeux");
    kiosk.Tap("survey.next");
    CHECK(runner.Current().id == "priorites");
    REQUIRE(app.visit.survey.error);
    CHECK(std::string(app.visit.survey.error->key) == "surveys.validation.rank_all");
    CHECK(kiosk.Responses().empty());
}

TEST_CASE("Back keeps the answers, the ranking takes taps in order, taps back and drags") {
    SurveyKiosk kiosk("survey-ui-back-ranking");
    kiosk.StartSurvey("usages-espaces-publics");
    App& app = kiosk.GetApp();
    const SurveyRunner& runner = *app.visit.survey.runner;
    kiosk.Tap("option:jamais"); // hides "activite" and "lieux" (show_if)
    kiosk.Tap("survey.next");
    CHECK(runner.Current().id == "soir");
    CHECK(runner.GetProgress().position == 2);
    kiosk.Tap("survey.back");
    CHECK(runner.Current().id == "frequence");
    CHECK(runner.CurrentAnswer().Has("jamais"));
    kiosk.Tap("survey.next");
    kiosk.Tap("option:bad");
    kiosk.Tap("survey.next");
    kiosk.Tap("value:10");
    kiosk.Tap("survey.next");
    kiosk.Tap("option:no"); // hides the number question
    kiosk.Tap("survey.next");
    REQUIRE(runner.Current().id == "priorites");

    for (const char* id : {"toilettes", "ombre", "jeux"})
        kiosk.Tap(std::string("option:") + id);
    kiosk.Tap("option:ombre"); // taken back: the later one moves up
    CHECK(runner.CurrentAnswer().option_ids == std::vector<std::string>{"toilettes", "jeux"});
    for (const char* id : {"ombre", "eclairage", "voitures"})
        kiosk.Tap(std::string("option:") + id);
    CHECK(runner.CurrentAnswer().option_ids ==
          std::vector<std::string>{"toilettes", "jeux", "ombre", "eclairage", "voitures"});
    // Drag "voitures" (place 5 of the ranking) to place 1: it becomes first.
    const TargetRect from = *app.targets.Find("rank:5");
    const TargetRect to = *app.targets.Find("rank:1");
    kiosk.Driver().Drag(from.Center().x, from.Center().y, to.Center().x, to.Center().y, 0.5);
    kiosk.Driver().Frames(3);
    CHECK(runner.CurrentAnswer().option_ids ==
          std::vector<std::string>{"voitures", "toilettes", "jeux", "ombre", "eclairage"});
    kiosk.Shot("survey-ranking");
    kiosk.Tap("ranking.reset");
    CHECK(runner.CurrentAnswer().option_ids.empty());
}

TEST_CASE("Stop asks for confirmation, confirmed, nothing is recorded") {
    SurveyKiosk kiosk("survey-ui-cancel");
    kiosk.StartSurvey("usages-espaces-publics");
    App& app = kiosk.GetApp();
    kiosk.Tap("option:parfois");
    kiosk.Tap("survey.stop");
    REQUIRE(app.visit.survey.confirm_cancel);
    REQUIRE(kiosk.Has("confirm.keep"));
    kiosk.Shot("survey-cancel-confirmation");
    // The answers below the dialog cannot be touched while it is open.
    const SurveyRunner& runner = *app.visit.survey.runner;
    kiosk.Tap("confirm.keep");
    CHECK_FALSE(app.visit.survey.confirm_cancel);
    CHECK(kiosk.CurrentScreen() == Screen::Survey);
    CHECK(runner.CurrentAnswer().Has("parfois"));

    kiosk.Tap("survey.stop");
    kiosk.Tap("confirm.confirm");
    CHECK(kiosk.CurrentScreen() == Screen::Home);
    CHECK_FALSE(app.visit.survey.runner);
    kiosk.Settle();
    CHECK(kiosk.Responses().empty());
}

TEST_CASE("a double tap on Send records the response once") {
    SurveyKiosk kiosk("survey-ui-double-send");
    kiosk.StartSurvey("usages-espaces-publics");
    test::AnswerDemoSurveyUpToFreeText(kiosk);
    test::SkipDemoProfileToLast(kiosk);
    const TargetRect send = *kiosk.GetApp().targets.Find("survey.next");
    ShellDriver& driver = kiosk.Driver();
    for (int i = 0; i < 2; i++) { // two quick taps, 50 ms apart
        driver.FingerDown(1, send.Center().x, send.Center().y);
        driver.Frames(1);
        driver.FingerUp(1, send.Center().x, send.Center().y);
        driver.Frames(2);
    }
    driver.Frames(6);
    kiosk.Settle();
    CHECK(kiosk.CurrentScreen() == Screen::Thanks);
    CHECK(kiosk.Responses().size() == 1);
}

TEST_CASE("a visit that times out mid-survey keeps the answers given (keep_partial) as abandoned") {
    SurveyKiosk kiosk("survey-ui-timeout");
    kiosk.StartSurvey("usages-espaces-publics");
    kiosk.Tap("option:chaque-jour");
    kiosk.Tap("survey.next");
    kiosk.Tap("option:discuter");
    kiosk.Tap("survey.next");
    const IdleConfig& idle = kiosk.Data().config.idle;
    kiosk.Driver().Wait(idle.timeout_seconds + idle.countdown_seconds + 2);
    CHECK(kiosk.CurrentScreen() == Screen::Attract);
    CHECK_FALSE(kiosk.GetApp().visit.survey.runner); // forgotten
    kiosk.Settle();
    const std::vector<Response> responses = kiosk.Responses();
    REQUIRE(responses.size() == 1);
    CHECK(responses[0].status == ResponseStatus::Abandoned);
    CHECK(responses[0].answers.size() == 2);
    CHECK(FindAnswer(responses[0], "frequence", "chaque-jour"));
    CHECK(FindAnswer(responses[0], "activite", "discuter"));
}

TEST_CASE("a poll is one tap: recorded, then thanks with the results as bars, rapid votes flagged burst") {
    SurveyKiosk kiosk("survey-ui-poll");
    App& app = kiosk.GetApp();
    const int max_votes = kiosk.Data().FindSurvey("futur-square")->burst.max_votes;
    for (int vote = 1; vote <= max_votes + 1; vote++) {
        INFO("vote " << vote);
        app.nav.Go({Screen::Surveys, ""}, app.now);
        kiosk.Driver().Frames(3);
        kiosk.Tap(vote == 2 ? "poll:futur-square:ombre" : "poll:futur-square:jeux");
        kiosk.Settle();
        REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
        const PollTally t = kiosk.Store().Tally("futur-square");
        INFO("loaded " << t.loaded << " total " << t.total);
        CHECK(kiosk.Has("result:jeux"));
        CHECK(kiosk.Has("result:ombre"));
        if (vote == 1) kiosk.Shot("poll-thanks-results");
        kiosk.Tap("thanks.home");
    }
    const std::vector<Response> responses = kiosk.Responses();
    REQUIRE(responses.size() == (size_t)max_votes + 1);
    for (size_t i = 0; i < responses.size(); i++) {
        INFO("response " << i);
        CHECK(responses[i].survey_id == "futur-square");
        CHECK(responses[i].status == ResponseStatus::Complete);
        REQUIRE(responses[i].answers.size() == 1);
        CHECK(responses[i].answers[0].option_id == (i == 1 ? "ombre" : "jeux"));
        CHECK(responses[i].burst == (i == (size_t)max_votes)); // only the one over the limit
    }
    const PollTally tally = kiosk.Store().Tally("futur-square");
    CHECK(tally.votes.at("jeux") == max_votes - 1);
    CHECK(tally.votes.at("ombre") == 1);
    CHECK(tally.burst_votes == 1);
}

TEST_CASE("when recording fails the visitor is told, the answer is kept, and staff see the marker") {
    // A database whose directory cannot exist (its parent is a file): every attempt fails.
    const std::filesystem::path dir = test::ScratchDir("survey-ui-fault");
    { std::ofstream(dir / "not-a-directory") << "x"; }
    SurveyKiosk kiosk("survey-ui-fault", dir / "not-a-directory" / "responses.db", 1920, 1080);
    App& app = kiosk.GetApp();
    app.nav.Go({Screen::Surveys, ""}, app.now);
    kiosk.Driver().Frames(3);
    kiosk.Tap("poll:futur-square:eau");
    for (int i = 0; i < 100 && !kiosk.Has("sending.retry"); i++) {
        kiosk.Store().WaitIdle(0.01);
        kiosk.Driver().Frames(1);
    }
    CHECK(kiosk.CurrentScreen() == Screen::Survey); // no thank-you without a commit
    CHECK(kiosk.Has("sending.retry"));
    CHECK(kiosk.Has("sending.finish"));
    CHECK(kiosk.Has("staff.alert"));
    CHECK(kiosk.Store().Status().pending == 1); // kept in memory, retried
    kiosk.Shot("survey-recording-fault");
    kiosk.Tap("sending.finish"); // the visitor may leave; the answer stays queued
    CHECK(kiosk.CurrentScreen() == Screen::Attract);
    CHECK(kiosk.Store().Status().pending == 1);
}

TEST_CASE("a response the database refuses: the visitor is told so in their language and goes home") {
    const std::tuple<int, int, const char*, const char*> cases[] = {
        {1920, 1080, "fr",
         "Désolé, votre réponse n’a pas pu être enregistrée. L’équipe de la Maison du projet est prévenue."},
        {1280, 800, "en",
         "Sorry, your answer could not be recorded. The Maison du projet team has been told."},
    };
    for (const auto& [w, h, language, message] : cases) {
        const std::string name = fmt::format("survey-ui-rejected-{}x{}", w, h);
        INFO(name << " in " << language);
        // The schema refuses every response (a constraint): rejected for good, never retried.
        SurveyKiosk kiosk(name, test::RefusingDatabase(name), w, h);
        App& app = kiosk.GetApp();
        Shell& shell = kiosk.Driver().GetShell();
        app.nav.GoHome(app.now);
        app.nav.SetLanguage(language);

        // A whole survey, answered and sent.
        kiosk.StartSurvey("usages-espaces-publics");
        test::AnswerDemoSurveyUpToFreeText(kiosk);
        test::SkipDemoProfileToLast(kiosk);
        kiosk.Tap("survey.next"); // "Send" on the last question
        REQUIRE(app.visit.survey.ticket);
        const Ticket sent = *app.visit.survey.ticket;
        WaitUntilShown(kiosk, "sending.home");
        CHECK(kiosk.Store().State(sent) == RecordState::Rejected);
        CHECK(kiosk.CurrentScreen() == Screen::Survey); // no thank-you: nothing was committed
        CHECK(kiosk.Has("sending.rejected"));           // the message, in the visitor's language:
        CHECK(app.Tr("surveys.recording.rejected") == message);
        CHECK(kiosk.Has("sending.finish"));
        CHECK_FALSE(kiosk.Has("sending.retry")); // retrying cannot help
        // No turning ring: the screen waits for the visitor without asking for frames.
        kiosk.Driver().Frames(5);
        CHECK(shell.NextDeadline(app.now) > app.now + kiosk.Data().config.idle.timeout_seconds - 1);
        kiosk.Shot(fmt::format("survey-recording-rejected-{}x{}-{}", w, h, language));
        CHECK(kiosk.Store().Status().pending == 0); // not kept: it can never be recorded
        CHECK(kiosk.Responses().empty());

        // "Home": the visit goes on in the visitor's language; the survey is forgotten.
        kiosk.Tap("sending.home");
        CHECK(kiosk.CurrentScreen() == Screen::Home);
        CHECK(app.nav.Language() == language);
        CHECK(app.visit.survey.survey_id.empty());
        CHECK_FALSE(app.visit.survey.runner);

        // The walk-in poll on the home screen: refused too, and said the same way.
        kiosk.Tap("poll:futur-square:eau");
        WaitUntilShown(kiosk, "sending.home");
        CHECK(kiosk.Has("sending.rejected"));
        REQUIRE(app.visit.survey.ticket);
        const Ticket first_vote = *app.visit.survey.ticket;
        CHECK(kiosk.Store().State(first_vote) == RecordState::Rejected);
        // However the visitor gets home, a refused vote does not hold the next one back.
        app.nav.GoHome(app.now);
        kiosk.Driver().Frames(3);
        kiosk.Tap("poll:futur-square:jardin");
        REQUIRE(app.visit.survey.ticket);
        CHECK(*app.visit.survey.ticket != first_vote);
        WaitUntilShown(kiosk, "sending.finish");
        // "Finish" ends the visit at once.
        kiosk.Tap("sending.finish");
        CHECK(kiosk.CurrentScreen() == Screen::Attract);
        CHECK(app.nav.Language() == "fr");
        CHECK(kiosk.Responses().empty());
    }
}

TEST_CASE(
    "plan pins: a tap places a numbered pin, its reason is chosen beside the plan, recorded normalised") {
    SurveyKiosk kiosk("survey-ui-plan-pin");
    kiosk.StartSurvey("usages-espaces-publics");
    App& app = kiosk.GetApp();
    const SurveyRunner& runner = *app.visit.survey.runner;
    kiosk.Tap("option:jamais");
    kiosk.Tap("survey.next");
    kiosk.Tap("option:neutral");
    kiosk.Tap("survey.next");
    kiosk.Tap("value:5");
    kiosk.Tap("survey.next");
    kiosk.Tap("option:no");
    kiosk.Tap("survey.next");
    for (const char* id : {"jeux", "ombre", "eclairage", "toilettes", "voitures"})
        kiosk.Tap(std::string("option:") + id);
    kiosk.Tap("survey.next");
    REQUIRE(runner.Current().id == "endroits");
    for (int i = 0; i < 200 && !kiosk.Has("plan"); i++) { // the plan decodes off the UI thread
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        kiosk.Driver().Frames(1);
    }
    REQUIRE(kiosk.Has("plan"));
    const TargetRect plan = *app.targets.Find("plan");
    auto tap_plan = [&](float fx, float fy) {
        kiosk.Driver().Tap(plan.min.x + fx * (plan.max.x - plan.min.x),
                           plan.min.y + fy * (plan.max.y - plan.min.y));
    };
    tap_plan(0.25f, 0.5f);
    REQUIRE(runner.CurrentAnswer().pins.size() == 1);
    CHECK(runner.CurrentAnswer().pins[0].x == Approx(0.25).margin(0.01));
    CHECK(runner.CurrentAnswer().pins[0].y == Approx(0.5).margin(0.01));
    // A pin needs its reason: Next says so.
    kiosk.Tap("survey.next");
    REQUIRE(app.visit.survey.error);
    CHECK(std::string(app.visit.survey.error->key) == "surveys.validation.pin_choice");
    kiosk.Tap("pin-choice:agreable");
    tap_plan(0.75f, 0.25f);
    REQUIRE(runner.CurrentAnswer().pins.size() == 2);
    kiosk.Tap("pin-choice:insecurite");
    tap_plan(0.5f, 0.9f);
    kiosk.Tap("pin-choice:abime");
    tap_plan(0.1f, 0.1f); // a fourth: refused, with the reason
    CHECK(runner.CurrentAnswer().pins.size() == 3);
    REQUIRE(app.visit.survey.error);
    CHECK(std::string(app.visit.survey.error->key) == "surveys.validation.max_pins");
    kiosk.Shot("survey-plan-pins");
    kiosk.Tap("pin.remove"); // the selected (third) pin
    CHECK(runner.CurrentAnswer().pins.size() == 2);
    kiosk.Tap("survey.next");
    REQUIRE(runner.Current().id == "idee");
    test::SkipDemoProfileToLast(kiosk);
    kiosk.Tap("survey.next"); // send without an idea
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
    const std::vector<Response> responses = kiosk.Responses();
    REQUIRE(responses.size() == 1);
    std::vector<const Answer*> pins;
    for (const Answer& a : responses[0].answers)
        if (a.question_id == "endroits") pins.push_back(&a);
    REQUIRE(pins.size() == 2);
    CHECK(pins[0]->plan_id == "plan-quartier-2030");
    CHECK(pins[0]->option_id == "agreable");
    CHECK(*pins[0]->x == Approx(0.25).margin(0.01));
    CHECK(*pins[0]->y == Approx(0.5).margin(0.01));
    CHECK(pins[1]->option_id == "insecurite");
    CHECK(*pins[1]->x == Approx(0.75).margin(0.01));
    CHECK(*pins[1]->y == Approx(0.25).margin(0.01));
}

TEST_CASE("the walk-in poll is one tap from the attract screen and from the home screen") {
    SurveyKiosk kiosk("survey-ui-poll-offer");
    App& app = kiosk.GetApp();
    REQUIRE(kiosk.CurrentScreen() == Screen::Attract);
    // On the attract screen the answer takes the tap, not the whole-screen "start" button.
    kiosk.Tap("poll:futur-square:jardin");
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
    kiosk.Tap("thanks.home");
    REQUIRE(kiosk.CurrentScreen() == Screen::Home);
    kiosk.Tap("poll:futur-square:eau");
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
    // The thank-you ends by itself, back to the attract screen.
    kiosk.Driver().Wait(kiosk.Data().config.idle.thanks_seconds + 1);
    CHECK(kiosk.CurrentScreen() == Screen::Attract);
    const std::vector<Response> responses = kiosk.Responses();
    REQUIRE(responses.size() == 2);
    CHECK(responses[0].answers.at(0).option_id == "jardin");
    CHECK(responses[1].answers.at(0).option_id == "eau");
    CHECK(app.store->Tally("futur-square").total == 2);
}

TEST_CASE("survey screens ask for no frame while nothing happens") {
    SurveyKiosk kiosk("survey-ui-idle-frames");
    App& app = kiosk.GetApp();
    Shell& shell = kiosk.Driver().GetShell();
    auto sleeps = [&](const char* what) {
        kiosk.Driver().Frames(5);
        INFO(what);
        // Nothing until the idle countdown (minus the frames just rendered).
        CHECK(shell.NextDeadline(app.now) > app.now + kiosk.Data().config.idle.timeout_seconds - 1);
    };
    app.nav.Go({Screen::Surveys, ""}, app.now);
    kiosk.Driver().Frames(3);
    kiosk.Driver().WaitForImages();
    sleeps("list");
    kiosk.Tap("survey:usages-espaces-publics");
    sleeps("notice");
    kiosk.Tap("survey.start");
    sleeps("first question");
    test::AnswerDemoSurveyUpToFreeText(kiosk);
    kiosk.Type("Merci");
    sleeps("keyboard");
}

TEST_CASE("three faces, a 1–5 scale, a minimum of choices, a negative number and pins with comments") {
    SurveyKiosk kiosk("survey-ui-variants", 1920, 1080, {test::DataDir() / "surveys-ui" / "variants.toml"});
    kiosk.StartSurvey("variants");
    App& app = kiosk.GetApp();
    const SurveyRunner& runner = *app.visit.survey.runner;
    REQUIRE(runner.Current().id == "mood");
    CHECK(kiosk.Has("option:bad"));
    CHECK(kiosk.Has("option:neutral"));
    CHECK_FALSE(kiosk.Has("option:very_good"));
    kiosk.Tap("option:good");
    kiosk.Shot("survey-smiley-3");
    kiosk.Tap("survey.next");
    CHECK(kiosk.Has("value:1"));
    CHECK(kiosk.Has("value:5"));
    CHECK_FALSE(kiosk.Has("value:0"));
    kiosk.Tap("value:4");
    kiosk.Shot("survey-scale-1-5");
    kiosk.Tap("survey.next");

    kiosk.Tap("option:a");
    kiosk.Tap("survey.next");
    REQUIRE(app.visit.survey.error);
    CHECK(std::string(app.visit.survey.error->key) == "surveys.validation.min_choices");
    CHECK(ValidationMessage(app, *app.visit.survey.error) == "Nombre minimal de réponses\u202F: 2");
    kiosk.Tap("option:c");
    kiosk.Tap("survey.next");

    // The sign key is offered when the range goes below zero; it toggles a leading minus.
    REQUIRE(runner.Current().id == "temperature");
    kiosk.Tap("key:sign");
    kiosk.Tap("survey.next"); // "-" alone is no number
    REQUIRE(app.visit.survey.error);
    CHECK(std::string(app.visit.survey.error->key) == "surveys.validation.required");
    kiosk.Tap("key:5");
    CHECK(runner.CurrentAnswer().number == -5);
    kiosk.Shot("survey-number-negative");
    kiosk.Tap("survey.next");

    REQUIRE(runner.Current().id == "notes");
    for (int i = 0; i < 200 && !kiosk.Has("plan"); i++) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        kiosk.Driver().Frames(1);
    }
    const TargetRect plan = *app.targets.Find("plan");
    kiosk.Driver().Tap(plan.min.x + 0.4f * (plan.max.x - plan.min.x),
                       plan.min.y + 0.6f * (plan.max.y - plan.min.y));
    REQUIRE(runner.CurrentAnswer().pins.size() == 1);
    kiosk.Tap("pin.comment");
    REQUIRE(app.visit.survey.editing_comment);
    kiosk.Type("Trop sombre le soir");
    kiosk.Shot("survey-pin-comment");
    kiosk.Tap("pin.done");
    CHECK_FALSE(app.visit.survey.editing_comment);
    CHECK(runner.CurrentAnswer().pins[0].comment == "Trop sombre le soir");
    kiosk.Tap("survey.next"); // send
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);

    const std::vector<Response> responses = kiosk.Responses();
    REQUIRE(responses.size() == 1);
    const Response& r = responses[0];
    REQUIRE(FindAnswer(r, "mood", "good"));
    CHECK(FindAnswer(r, "mood", "good")->number == 3);
    CHECK(FindAnswer(r, "note")->number == 4);
    CHECK(FindAnswer(r, "two", "a"));
    CHECK(FindAnswer(r, "two", "c"));
    CHECK(FindAnswer(r, "temperature")->number == -5);
    const Answer* pin = FindAnswer(r, "notes");
    REQUIRE(pin);
    CHECK(pin->plan_id == "perimetre");
    CHECK(pin->text == "Trop sombre le soir");
    CHECK(*pin->x == Approx(0.4).margin(0.01));
    CHECK(*pin->y == Approx(0.6).margin(0.01));
}
