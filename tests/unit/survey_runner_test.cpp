// The survey runner: show_if, progress, validation keys, back/next, submitting once,
// cancel and idle-timeout policies; answer rows per type; the burst rule; synthetic
// responses. Driven by tests/data/surveys/valid/flow.toml and poll.toml.
#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "store/timestamp.h"
#include "store/uuid.h"
#include "survey/burst_detector.h"
#include "survey/own_vote.h"
#include "survey/survey_length.h"
#include "survey/survey_loader.h"
#include "survey/survey_runner.h"
#include "survey/synthetic_answers.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

Survey Load(const char* name) {
    Diagnostics diags;
    std::optional<Survey> survey =
        LoadSurveyFile(test::DataDir() / "surveys" / "valid" / name, {"fr", "en"}, diags);
    INFO(diags.FormatAll());
    REQUIRE(survey);
    return *survey;
}

AnswerValue Choice(std::string id) {
    AnswerValue v;
    v.Choose(std::move(id));
    return v;
}
AnswerValue Choices(std::vector<std::string> ids) {
    AnswerValue v;
    v.option_ids = std::move(ids);
    return v;
}
AnswerValue Number(double n) {
    AnswerValue v;
    v.number = n;
    return v;
}
AnswerValue Text(std::string text) {
    AnswerValue v;
    v.text = std::move(text);
    return v;
}
AnswerValue Pins(std::vector<PinAnswer> pins) {
    AnswerValue v;
    v.pins = std::move(pins);
    return v;
}

const ResponseContext kContext{"kiosk-test", "fr", ResponseOrigin::Kiosk, false};

// Answers the current question and moves on; fails the test if the answer is refused.
void AnswerAndNext(SurveyRunner& runner, const char* id, AnswerValue value) {
    INFO("question " << id);
    REQUIRE(runner.Current().id == id);
    runner.SetAnswer(std::move(value));
    REQUIRE_FALSE(runner.Next());
}

std::vector<std::string> QuestionIds(const Response& r) {
    std::vector<std::string> ids;
    for (const Answer& a : r.answers)
        if (ids.empty() || ids.back() != a.question_id) ids.push_back(a.question_id);
    return ids;
}

} // namespace

TEST_CASE("show_if skips hidden questions, and progress numbers the questions shown") {
    const Survey survey = Load("flow.toml");
    ManualClock clock;
    SurveyRunner runner(survey, kContext, clock);
    REQUIRE(runner.Current().id == "goes-out");
    CHECK_FALSE(runner.CanGoBack());

    // Before any answer every question may still show: at most 12, none answered.
    CHECK(runner.GetProgress().position == 1);
    CHECK(runner.GetProgress().at_most == 12);
    CHECK(runner.GetProgress().done == 0);
    // The current answer changes nothing (it may change again): "yes" or "no" alike.
    runner.SetAnswer(Choice("no"));
    CHECK(runner.GetProgress().at_most == 12);
    AnswerAndNext(runner, "goes-out", Choice("yes"));
    CHECK(runner.Current().id == "where");
    CHECK(runner.GetProgress().position == 2);
    CHECK(runner.GetProgress().at_most == 11); // why-not can no longer show

    AnswerAndNext(runner, "where", Choices({"square", "court"}));
    CHECK(runner.Current().id == "court-mark"); // any_of ["court"]
    CHECK(runner.GetProgress().at_most == 11);
    AnswerAndNext(runner, "court-mark", Number(1));
    CHECK(runner.Current().id == "court-low"); // equals 1 (numeric)
    CHECK(runner.GetProgress().position == 4);
    CHECK(runner.GetProgress().done == Approx(3.0 / 11));

    // Going back and changing an earlier answer hides the questions that depended on it.
    runner.Back();
    CHECK(runner.Current().id == "court-mark");
    CHECK(runner.GetProgress().position == 3);
    runner.SetAnswer(Number(4));
    REQUIRE_FALSE(runner.Next());
    CHECK(runner.Current().id == "mood"); // court-low skipped

    AnswerAndNext(runner, "mood", Choice("good"));
    CHECK(runner.Current().id == "age");
    runner.SetAnswer({}); // optional: skipped
    REQUIRE_FALSE(runner.Next());
    CHECK(runner.Current().id == "favourite"); // age-known hidden: "age" not answered
    runner.Back();
    runner.SetAnswer(Number(42));
    REQUIRE_FALSE(runner.Next());
    CHECK(runner.Current().id == "age-known"); // answered = true
    AnswerAndNext(runner, "age-known", Choice("no"));
    AnswerAndNext(runner, "favourite", Choice("trees"));
    AnswerAndNext(runner, "order", Choices({"shade", "light", "toilets"}));
    AnswerAndNext(runner, "places", Pins({{0.25, 0.75, "unsafe", ""}}));
    CHECK(runner.Current().id == "notes");
    CHECK(runner.IsLast());
    CHECK(runner.GetProgress().position == runner.GetProgress().at_most);

    // The other branch: "no" hides where/court-* and shows why-not (not_equals).
    SurveyRunner other(survey, kContext, clock);
    AnswerAndNext(other, "goes-out", Choice("no"));
    CHECK(other.Current().id == "why-not");
}

// What the issue saw: "1 / 7", then "1 / 9" once the first answer was ticked, then "7 / 10".
// Every visitor, on every branch: the number shown grows by one with each Next and never
// changes on a question, the answered share only grows, and the most questions this visit
// can show never grows — so nothing on screen is a promise show_if breaks.
TEST_CASE("progress never goes backwards and its total never grows, whatever show_if does") {
    Diagnostics diags;
    std::vector<Survey> surveys = LoadSurveys(test::SourceDir() / "config" / "surveys", {"fr", "en"}, diags);
    surveys.push_back(Load("flow.toml"));
    std::mt19937_64 rng(7);
    ManualClock clock;
    for (const Survey& survey : surveys) {
        if (survey.mode != SurveyMode::Survey) continue;
        for (int visitor = 0; visitor < 200; visitor++) {
            INFO(survey.id << ", visitor " << visitor);
            SurveyRunner runner(survey, kContext, clock);
            Progress before = runner.GetProgress();
            CHECK(before.position == 1);
            CHECK(before.at_most == (int)survey.questions.size()); // nothing answered: all may show
            for (int step = 0; step < 100; step++) {
                const Question& question = runner.Current();
                INFO("question " << question.id);
                // Trying answers on a question moves nothing.
                for (int tries = 0; tries < 3; tries++) {
                    runner.SetAnswer(SyntheticAnswer(question, "fr", rng));
                    const Progress now = runner.GetProgress();
                    CHECK(now.position == before.position);
                    CHECK(now.at_most == before.at_most);
                    CHECK(now.done == before.done);
                }
                if (runner.IsLast()) break;
                REQUIRE_FALSE(runner.Next());
                const Progress after = runner.GetProgress();
                CHECK(after.position == before.position + 1);
                CHECK(after.at_most <= before.at_most);
                CHECK(after.done > before.done);
                CHECK(after.position <= after.at_most);
                before = after;
            }
            CHECK(runner.IsLast());
            CHECK(before.done < 1.0f);
            SubmitResult result = runner.Submit();
            REQUIRE(result.response);
            // Shown: as many questions as the number on the last one.
            std::vector<std::string> ids = QuestionIds(*result.response);
            CHECK((int)ids.size() <= before.position);
        }
    }
}

TEST_CASE("validation returns catalogue keys with their bounds, and Next stays on a refused answer") {
    const Survey survey = Load("flow.toml");
    ManualClock clock;
    SurveyRunner runner(survey, kContext, clock);

    auto next_error = [&](AnswerValue value) {
        runner.SetAnswer(std::move(value));
        const int before = runner.CurrentIndex();
        std::optional<ValidationError> error = runner.Next();
        if (error) CHECK(runner.CurrentIndex() == before);
        return error;
    };

    REQUIRE(next_error({}) == ValidationError{"surveys.validation.required"});
    REQUIRE(next_error(Choice("maybe")) == ValidationError{"surveys.validation.invalid"});
    REQUIRE_FALSE(next_error(Choice("yes")));

    CHECK(next_error(Choices({"square"})) == ValidationError{"surveys.validation.min_choices", 2, 0});
    CHECK(next_error(Choices({"square", "court", "school", "shops"})) ==
          ValidationError{"surveys.validation.max_choices", 0, 3});
    CHECK(next_error(Choices({"square", "square"})) == ValidationError{"surveys.validation.invalid"});
    REQUIRE_FALSE(next_error(Choices({"square", "court"})));

    CHECK(next_error(Number(6)) == ValidationError{"surveys.validation.invalid"}); // scale 1–5
    CHECK(next_error(Number(2.5)) == ValidationError{"surveys.validation.invalid"});
    REQUIRE_FALSE(next_error(Number(2)));
    REQUIRE(runner.Current().id == "mood");
    REQUIRE_FALSE(next_error(Choice("very_good")));

    REQUIRE(runner.Current().id == "age");
    CHECK(next_error(Number(2)) == ValidationError{"surveys.validation.number_range", 3, 110});
    CHECK(next_error(Number(30.5)) == ValidationError{"surveys.validation.number_range", 3, 110});
    REQUIRE_FALSE(next_error(Number(30)));
    REQUIRE_FALSE(next_error(Choice("yes")));
    REQUIRE_FALSE(next_error(Choice("games")));

    REQUIRE(runner.Current().id == "order");
    CHECK(next_error(Choices({"shade"})) == ValidationError{"surveys.validation.rank_all"});
    REQUIRE_FALSE(next_error(Choices({"toilets", "shade", "light"})));

    REQUIRE(runner.Current().id == "places");
    CHECK(next_error({}) == ValidationError{"surveys.validation.required"});
    CHECK(next_error(Pins({{0.1, 0.1, "", ""}})) == ValidationError{"surveys.validation.pin_choice"});
    CHECK(next_error(Pins({{0.1, 0.1, "nice", ""}, {0.2, 0.2, "nice", ""}, {0.3, 0.3, "nice", ""}})) ==
          ValidationError{"surveys.validation.max_pins", 0, 2});
    CHECK(next_error(Pins({{1.5, 0.1, "nice", ""}})) == ValidationError{"surveys.validation.invalid"});
    CHECK(next_error(Pins({{0.5, 0.1, "nice", "a comment"}})) ==
          ValidationError{"surveys.validation.invalid"});
    REQUIRE_FALSE(next_error(Pins({{0.5, 0.1, "nice", ""}})));

    REQUIRE(runner.Current().id == "notes");
    CHECK(next_error(Pins({{0.5, 0.5, "", "vingt et un caractères"}})) ==
          ValidationError{"surveys.validation.text_too_long", 0, 20});
    CHECK(next_error(Pins({{0.5, 0.5, "", std::string("bad\x01", 4)}})) ==
          ValidationError{"surveys.validation.text_invalid"});
    CHECK(runner.CurrentError().has_value());
}

TEST_CASE("free text: the limit counts characters, not bytes, and blank text is no answer") {
    const Survey survey = Load("flow.toml");
    const Question& why = *survey.FindQuestion("why-not");
    REQUIRE(why.max_length == 10);
    CHECK_FALSE(ValidateAnswer(why, Text("éééééééééé"))); // 10 characters, 20 bytes
    CHECK(ValidateAnswer(why, Text("ééééééééééé")) ==
          ValidationError{"surveys.validation.text_too_long", 0, 10});
    CHECK(Text(" \u202F\n ").Empty());
    CHECK_FALSE(ValidateAnswer(why, Text("   "))); // optional and blank: skipped
    std::vector<Answer> rows = ToAnswerRows(why, Text("  Ça coûte 5 €  "));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].text == "Ça coûte 5 €");
}

TEST_CASE("every answer type becomes the documented database rows") {
    const Survey survey = Load("flow.toml");
    auto rows = [&](const char* id, AnswerValue v) {
        const Question& q = *survey.FindQuestion(id);
        REQUIRE_FALSE(ValidateAnswer(q, v));
        return ToAnswerRows(q, v);
    };
    auto one = [](std::vector<Answer> r) {
        REQUIRE(r.size() == 1);
        return r[0];
    };
    Answer yes = one(rows("goes-out", Choice("yes")));
    CHECK(yes.question_id == "goes-out");
    CHECK(yes.option_id == "yes");
    CHECK_FALSE(yes.number);

    std::vector<Answer> where = rows("where", Choices({"shops", "square"}));
    REQUIRE(where.size() == 2);
    CHECK(where[0].option_id == "shops");
    CHECK(where[1].option_id == "square");

    CHECK(one(rows("court-mark", Number(3))).number == 3.0);
    Answer mood = one(rows("mood", Choice("very_bad")));
    CHECK(mood.option_id == "very_bad");
    CHECK(mood.number == 1.0); // level: 1 = worst
    CHECK(one(rows("mood", Choice("very_good"))).number == 5.0);
    CHECK(one(rows("age", Number(67))).number == 67.0);
    CHECK(one(rows("favourite", Choice("games"))).option_id == "games");

    std::vector<Answer> order = rows("order", Choices({"toilets", "light", "shade"}));
    REQUIRE(order.size() == 3);
    CHECK(order[0].option_id == "toilets");
    CHECK(order[0].number == 1.0);
    CHECK(order[2].option_id == "shade");
    CHECK(order[2].number == 3.0);

    std::vector<Answer> places = rows("places", Pins({{0.125, 0.5, "unsafe", ""}, {1.0, 0.0, "nice", ""}}));
    REQUIRE(places.size() == 2);
    CHECK(places[0].plan_id == "plan-quartier-2030");
    CHECK(places[0].x == 0.125);
    CHECK(places[0].y == 0.5);
    CHECK(places[0].option_id == "unsafe");
    CHECK_FALSE(places[0].text);
    Answer note = one(rows("notes", Pins({{0.5, 0.25, "", " trop sombre "}})));
    CHECK(note.text == "trop sombre");
    CHECK_FALSE(note.option_id);
    CHECK(rows("notes", {}).empty()); // optional, skipped: no row
}

TEST_CASE("Submit returns the response once: a double tap on Send cannot record twice") {
    const Survey survey = Load("poll.toml");
    ManualClock clock(500.0, 1795000000);
    SurveyRunner runner(survey, kContext, clock);
    CHECK(runner.IsLast());
    CHECK(runner.Submit().error == ValidationError{"surveys.validation.required"});
    CHECK(runner.Answering());
    runner.SetAnswer(Choice("trees"));
    clock.Advance(2.5);
    SubmitResult first = runner.Submit();
    REQUIRE(first.response);
    SubmitResult second = runner.Submit();
    CHECK_FALSE(second.response);
    CHECK_FALSE(second.error);
    CHECK(runner.Stage() == RunnerStage::Submitted);
    runner.SetAnswer(Choice("games")); // ignored once submitted
    CHECK(runner.CurrentAnswer().option_ids == std::vector<std::string>{"trees"});

    const Response& r = *first.response;
    CHECK(IsUuidV4(r.uuid));
    CHECK(r.kiosk_id == "kiosk-test");
    CHECK(r.survey_id == "square-poll");
    CHECK(r.survey_version == 2);
    CHECK(r.language == "fr");
    CHECK(r.status == ResponseStatus::Complete);
    CHECK(r.origin == ResponseOrigin::Kiosk);
    CHECK(r.started_at == "2026-11-18T11:06:40.000Z");
    CHECK(r.submitted_at == "2026-11-18T11:06:42.500Z");
    CHECK(r.duration_ms == 2500);
    REQUIRE(r.answers.size() == 1);
    CHECK(r.answers[0].option_id == "trees");
}

TEST_CASE("Submit checks every visible question and leaves out hidden answers") {
    const Survey survey = Load("flow.toml");
    ManualClock clock;
    SurveyRunner runner(survey, kContext, clock);
    AnswerAndNext(runner, "goes-out", Choice("yes"));
    AnswerAndNext(runner, "where", Choices({"court", "school"}));
    AnswerAndNext(runner, "court-mark", Number(1));
    AnswerAndNext(runner, "court-low", Text("Le grillage est cassé"));
    // Back to the start: answer "no". where, court-mark, court-low become hidden but keep
    // their answers (the visitor may change their mind again); why-not appears.
    while (runner.CanGoBack())
        runner.Back();
    runner.SetAnswer(Choice("no"));
    REQUIRE_FALSE(runner.Next());
    CHECK(runner.Current().id == "why-not");
    CHECK(runner.AnswerTo("court-low").text == "Le grillage est cassé");

    // Submitting now stops at the first visible required question without an answer.
    SubmitResult early = runner.Submit();
    REQUIRE(early.error);
    CHECK(early.error->key == std::string("surveys.validation.required"));
    CHECK(runner.Current().id == "mood");
    AnswerAndNext(runner, "mood", Choice("neutral"));
    AnswerAndNext(runner, "age", {});
    AnswerAndNext(runner, "favourite", Choice("games"));
    AnswerAndNext(runner, "order", Choices({"light", "shade", "toilets"}));
    AnswerAndNext(runner, "places", Pins({{0.5, 0.5, "nice", ""}}));
    SubmitResult done = runner.Submit();
    REQUIRE(done.response);
    CHECK(QuestionIds(*done.response) ==
          std::vector<std::string>{"goes-out", "mood", "favourite", "order", "places"});
}

TEST_CASE("cancel records nothing, the timeout applies the survey's policy") {
    Survey survey = Load("flow.toml");
    ManualClock clock;
    {
        SurveyRunner runner(survey, kContext, clock);
        AnswerAndNext(runner, "goes-out", Choice("yes"));
        runner.Cancel();
        CHECK(runner.Stage() == RunnerStage::Cancelled);
        CHECK_FALSE(runner.Submit().response);
        CHECK_FALSE(runner.TimeOut());
    }
    SECTION("keep_partial: the valid answers so far, as abandoned") {
        REQUIRE(survey.timeout == TimeoutPolicy::KeepPartial);
        SurveyRunner runner(survey, kContext, clock);
        AnswerAndNext(runner, "goes-out", Choice("yes"));
        runner.SetAnswer(Choices({"court"})); // too few: not kept
        clock.Advance(90);
        std::optional<Response> partial = runner.TimeOut();
        REQUIRE(partial);
        CHECK(partial->status == ResponseStatus::Abandoned);
        CHECK(QuestionIds(*partial) == std::vector<std::string>{"goes-out"});
        CHECK(partial->duration_ms == 90000);
        CHECK(runner.Stage() == RunnerStage::TimedOut);
        CHECK_FALSE(runner.TimeOut()); // once
        CHECK_FALSE(runner.Submit().response);
    }
    SECTION("keep_partial with nothing answered records nothing") {
        SurveyRunner runner(survey, kContext, clock);
        CHECK_FALSE(runner.TimeOut());
    }
    SECTION("discard: nothing") {
        survey.timeout = TimeoutPolicy::Discard;
        SurveyRunner runner(survey, kContext, clock);
        AnswerAndNext(runner, "goes-out", Choice("yes"));
        CHECK_FALSE(runner.TimeOut());
        CHECK(runner.Stage() == RunnerStage::TimedOut);
    }
}

TEST_CASE("burst: more than N votes within M seconds without a reset are flagged") {
    const Survey poll = Load("poll.toml"); // max_votes = 3, window_seconds = 10
    Survey other = poll;
    other.id = "other-poll";
    BurstDetector burst;
    CHECK_FALSE(burst.OnVote(poll, 100.0));
    CHECK_FALSE(burst.OnVote(poll, 101.0));
    CHECK_FALSE(burst.OnVote(poll, 102.0));
    CHECK(burst.OnVote(poll, 103.0));        // 4th within 10 s
    CHECK(burst.OnVote(poll, 104.0));        // still in the burst
    CHECK_FALSE(burst.OnVote(other, 104.5)); // counted per poll
    // Votes older than the window no longer count: 103, 104, 112.5 → 3 in the window.
    CHECK_FALSE(burst.OnVote(poll, 112.5));
    CHECK(burst.OnVote(poll, 112.8)); // 103 is 9.8 s old: 4 in the window
    burst.Reset();                    // a new visitor
    CHECK_FALSE(burst.OnVote(poll, 113.5));
    CHECK_FALSE(burst.OnVote(poll, 114.0));
    CHECK_FALSE(burst.OnVote(poll, 114.5));
    CHECK(burst.OnVote(poll, 115.0));
}

TEST_CASE("synthetic responses are valid for every demo survey and respect show_if") {
    Diagnostics diags;
    std::vector<Survey> surveys = LoadSurveys(test::SourceDir() / "config" / "surveys", {"fr", "en"}, diags);
    REQUIRE(surveys.size() == 3);
    std::mt19937_64 rng(42);
    for (const Survey& survey : surveys) {
        for (int i = 0; i < 200; i++) {
            Response r = SyntheticResponse(survey, "kiosk-test", i % 2 ? "fr" : "en", 1795000000000LL, rng);
            CHECK(r.status == ResponseStatus::Complete);
            CHECK(r.origin == ResponseOrigin::Synthetic);
            CHECK(r.is_test);
            CHECK(r.submitted_at == "2026-11-18T11:06:40.000Z");
            CHECK(ParseUtcMillis(r.started_at) < ParseUtcMillis(r.submitted_at));
            // Rebuild the answers per question and check them like the runner does.
            std::vector<AnswerValue> values(survey.questions.size());
            for (const Answer& a : r.answers) {
                const int index = survey.QuestionIndex(a.question_id);
                REQUIRE(index >= 0);
                const Question& q = survey.questions[index];
                AnswerValue& v = values[index];
                if (q.type == QuestionType::PlanPin)
                    v.pins.push_back({*a.x, *a.y, a.option_id.value_or(""), a.text.value_or("")});
                else if (a.option_id)
                    v.option_ids.push_back(*a.option_id);
                else if (a.text)
                    v.text = *a.text;
                else if (a.number)
                    v.number = a.number;
            }
            for (size_t q = 0; q < survey.questions.size(); q++) {
                INFO(survey.id << " " << survey.questions[q].id);
                const bool visible = EvaluateVisibility(survey, values, (int)q);
                if (!visible) CHECK(values[q].Empty());
                if (visible) CHECK_FALSE(ValidateAnswer(survey.questions[q], values[q]));
            }
        }
    }
}

TEST_CASE("a survey's length: questions always asked to all of them, and minutes from their types") {
    const Survey flow = Load("flow.toml");
    const SurveyLength length = EstimateLength(flow);
    CHECK(length.max_questions == 12);
    CHECK(length.min_questions == 7); // without show_if
    int seconds = 0;
    for (const Question& q : flow.questions)
        seconds += TypicalSeconds(q.type);
    CHECK(length.minutes == std::max(1, (int)std::lround(seconds / 60.0)));

    // The demo survey: ten questions, three of them with show_if; about three minutes.
    Diagnostics diags;
    std::vector<Survey> surveys = LoadSurveys(test::SourceDir() / "config" / "surveys", {"fr", "en"}, diags);
    const auto demo = std::find_if(surveys.begin(), surveys.end(),
                                   [](const Survey& s) { return s.id == "usages-espaces-publics"; });
    REQUIRE(demo != surveys.end());
    CHECK(EstimateLength(*demo).min_questions == 7);
    CHECK(EstimateLength(*demo).max_questions == 10);
    CHECK(EstimateLength(*demo).minutes == 3);
    // A poll of one tap is still "about one minute", never zero.
    CHECK(EstimateLength(Load("poll.toml")).minutes == 1);
}

TEST_CASE("the voter sees their own vote counted, a burst one too, and only theirs") {
    PollTally tally;
    tally.loaded = true;
    tally.votes = {{"jeux", 3}};
    tally.total = 3;
    tally.burst_votes = 2; // this vote and an earlier one of the same burst
    const PollTally shown = TallyShownToVoter(tally, "ombre", /*burst=*/true);
    CHECK(shown.votes.at("ombre") == 1);
    CHECK(shown.votes.at("jeux") == 3);
    CHECK(shown.total == 4);
    CHECK(shown.burst_votes == 1);
    // A vote that is not burst is in the tally already: nothing is added twice.
    const PollTally plain = TallyShownToVoter(tally, "jeux", false);
    CHECK(plain.votes.at("jeux") == 3);
    CHECK(plain.total == 3);
    // Not loaded yet (the database is down): nothing to show, nothing invented.
    CHECK_FALSE(TallyShownToVoter(PollTally{}, "jeux", true).loaded);
    CHECK(TallyShownToVoter(PollTally{}, "jeux", true).total == 0);
}
