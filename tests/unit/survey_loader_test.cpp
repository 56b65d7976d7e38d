// Survey files: the demo surveys load and use every question type; every broken file in
// tests/data/surveys/broken/ is refused with exactly the diagnostic its first line announces
//     # expect: LINE:COLUMN message fragment      (or "- fragment" for no place in the file)
// while the sound files of the same directory still load.
#include <fstream>
#include <set>

#include <catch2/catch.hpp>

#include "kiosk_data.h"
#include "survey/survey_loader.h"
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
    const std::string rest = first.substr(prefix.size());
    const size_t space = rest.find(' ');
    Expectation e;
    e.fragment = rest.substr(space + 1);
    if (rest[0] == '-') return e;
    const size_t colon = rest.find(':');
    e.line = std::stoi(rest.substr(0, colon));
    e.column = std::stoi(rest.substr(colon + 1, space - colon - 1));
    return e;
}

std::vector<std::filesystem::path> BrokenFiles() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::DataDir() / "surveys" / "broken"))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("the demo surveys load, in French and English, using every question type") {
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(test::DemoConfig(), diags);
    INFO(diags.FormatAll());
    REQUIRE(data);
    CHECK_FALSE(diags.HasErrors());
    REQUIRE(data->surveys.size() == 3);

    const Survey* usages = data->FindSurvey("usages-espaces-publics");
    REQUIRE(usages);
    CHECK(usages->mode == SurveyMode::Survey);
    CHECK(usages->timeout == TimeoutPolicy::KeepPartial);
    CHECK(usages->title.Get("fr", "fr") == "Vos usages des espaces publics du quartier");
    // Its own questions; the profile block's follow (profile_test.cpp).
    CHECK(usages->profile_first >= 8);
    CHECK(usages->profile_first <= 10);
    std::set<QuestionType> types;
    int with_show_if = 0;
    for (const Question& q : usages->questions) {
        types.insert(q.type);
        with_show_if += q.show_if.has_value();
        for (const std::string& language : kLanguages)
            CHECK_FALSE(q.text.Get(language, "").empty());
    }
    CHECK(types.size() == 9); // every type
    CHECK(with_show_if >= 2);
    const Question* pin = usages->FindQuestion("endroits");
    REQUIRE(pin);
    CHECK(pin->type == QuestionType::PlanPin);
    CHECK(pin->plan_id == "plan-quartier-2030");
    CHECK(pin->pin_detail == PinDetail::Choice);
    CHECK_FALSE(usages->notice.url.empty());

    const Survey* square = data->FindSurvey("futur-square");
    REQUIRE(square);
    CHECK(square->mode == SurveyMode::Poll);
    CHECK(square->title.Get("fr", "fr") == "Que voulez-vous dans le futur square\u202F?");
    REQUIRE(square->questions.size() == 1);
    CHECK(square->questions[0].picture_only);
    for (const Option& o : square->questions[0].options)
        CHECK(std::filesystem::is_regular_file(o.picture));

    const Survey* opening = data->FindSurvey("inauguration-square");
    REQUIRE(opening);
    CHECK(opening->mode == SurveyMode::Poll);
    CHECK(opening->show_results);

    // The results bars need the polls' votes counted by the store.
    StoreOptions options = ResponseStoreOptions(*data);
    CHECK(options.polls.size() == 2);
}

TEST_CASE("French survey texts use a narrow no-break space before question marks, colons and the like") {
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(test::DemoConfig(), diags);
    REQUIRE(data);
    for (const Survey& survey : data->surveys) {
        std::vector<std::string> texts;
        ForEachSurveyText(survey, [&](std::string_view text) { texts.emplace_back(text); });
        CHECK(texts.size() > 10);
        for (const std::string& text : texts) {
            for (const char* bad : {" ?", " !", " :", " ;", "« ", " »"}) {
                INFO(survey.id << ": " << text);
                CHECK(text.find(bad) == std::string::npos);
            }
        }
    }
}

TEST_CASE("every survey text is among the texts the kiosk can display") {
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(test::DemoConfig(), diags);
    REQUIRE(data);
    std::set<std::string> shown;
    ForEachDisplayText(*data, [&](std::string_view text) { shown.emplace(text); });
    for (const Survey& survey : data->surveys) {
        CHECK(shown.contains(survey.title.Get("fr", "fr")));
        CHECK(shown.contains(survey.notice.rights.Get("en", "fr")));
        for (const Question& q : survey.questions)
            for (const Option& o : q.options)
                if (!o.label.Empty()) CHECK(shown.contains(o.label.Get("en", "fr")));
    }
}

TEST_CASE("every broken survey file is refused with its file:line:column message") {
    const std::vector<std::filesystem::path> files = BrokenFiles();
    REQUIRE(files.size() >= 30);
    for (const std::filesystem::path& file : files) {
        SECTION(file.filename().string()) {
            const Expectation expected = ReadExpectation(file);
            Diagnostics diags;
            std::optional<Survey> survey = LoadSurveyFile(file, kLanguages, diags);
            INFO(diags.FormatAll());
            CHECK_FALSE(survey);
            REQUIRE(diags.HasErrors());
            bool found = false;
            for (const Diagnostic& d : diags.All()) {
                if (d.severity != Severity::Error || d.message.find(expected.fragment) == std::string::npos)
                    continue;
                CHECK(d.where.file == file.string());
                CHECK(d.where.line == expected.line);
                CHECK(d.where.column == expected.column);
                found = true;
            }
            CHECK(found);
            // One problem, one message: nothing reported twice (e.g. also as "unknown key").
            CHECK(diags.ErrorCount() == 1);
        }
    }
}

TEST_CASE("a broken survey is left out while the other surveys of the directory load") {
    const std::filesystem::path dir = test::ScratchDir("surveys-mixed");
    std::filesystem::create_directories(dir / "pictures");
    std::filesystem::copy_file(test::DataDir() / "surveys" / "valid" / "pictures" / "jeux.png",
                               dir / "pictures" / "jeux.png");
    std::filesystem::copy_file(test::DataDir() / "surveys" / "valid" / "flow.toml", dir / "a-flow.toml");
    std::filesystem::copy_file(test::DataDir() / "surveys" / "broken" / "unknown_question_type.toml",
                               dir / "b-broken.toml");
    std::filesystem::copy_file(test::DataDir() / "surveys" / "valid" / "poll.toml", dir / "c-poll.toml");
    // The same id as a-flow.toml: refused, reported at its `id`.
    std::filesystem::copy_file(test::DataDir() / "surveys" / "valid" / "flow.toml",
                               dir / "d-flow-again.toml");
    std::ofstream(dir / "notes.txt") << "not a survey";

    Diagnostics diags;
    std::vector<Survey> surveys = LoadSurveys(dir, kLanguages, diags);
    INFO(diags.FormatAll());
    REQUIRE(surveys.size() == 2);
    CHECK(surveys[0].id == "flow");
    CHECK(surveys[1].id == "square-poll");
    CHECK(diags.ErrorCount() == 2);
    CHECK(diags.FormatAll().find("b-broken.toml:17:1: error: question[0].type") != std::string::npos);
    CHECK(diags.FormatAll().find("d-flow-again.toml:2:1: error: id: survey id \"flow\" is already used") !=
          std::string::npos);
}

TEST_CASE("kiosk --check-config's loader reports a broken survey and keeps the kiosk runnable") {
    // A copy of the demo configuration whose surveys directory holds one broken file.
    const std::filesystem::path dir = test::ScratchDir("check-config-surveys");
    std::filesystem::create_directories(dir / "surveys");
    std::filesystem::create_directories(dir / "content");
    std::filesystem::copy_file(test::DataDir() / "surveys" / "broken" / "show_if_later_question.toml",
                               dir / "surveys" / "later.toml");
    std::ofstream(dir / "kiosk.toml")
        << "[kiosk]\nid = \"test-kiosk\"\nlanguages = [\"fr\", \"en\"]\n"
        << "[paths]\nassets = \"" << (test::SourceDir() / "assets").string() << "\"\n"
        << "content = \"content\"\nsurveys = \"surveys\"\ndatabase = \"r.db\"\n";
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(dir / "kiosk.toml", diags);
    REQUIRE(data); // the kiosk still starts …
    CHECK(data->surveys.empty());
    CHECK(diags.HasErrors()); // … and --check-config fails, naming the place
    CHECK(diags.FormatAll().find("later.toml:19:13: error: question[0].show_if.question") !=
          std::string::npos);
    // … and keeps the refusal for the staff panel's alerts.
    REQUIRE(data->refused.size() == 1);
    CHECK(data->refused[0].where.file.find("later.toml") != std::string::npos);
    CHECK(data->refused[0].where.line == 19);
}

TEST_CASE("plan-pin questions are cross-checked against the known plans through the hook") {
    Diagnostics diags;
    std::vector<Survey> surveys = LoadSurveys(test::DataDir() / "surveys" / "valid", kLanguages, diags);
    REQUIRE(surveys.size() == 2);
    Diagnostics check;
    CHECK(CheckSurveyPlanReferences(
              surveys, [](std::string_view id) { return id == "plan-quartier-2030"; }, check) == 0);
    CHECK(surveys.size() == 2);
    CHECK(check.Empty());

    CHECK(CheckSurveyPlanReferences(
              surveys, [](std::string_view id) { return id == "another-plan"; }, check) == 1);
    REQUIRE(surveys.size() == 1);
    CHECK(surveys[0].id == "square-poll"); // the poll has no plan
    CHECK(check.ErrorCount() == 2);        // both plan-pin questions of flow.toml, each at its `plan`
    CHECK(check.All()[0].message.find("plan \"plan-quartier-2030\" is not a plan") != std::string::npos);
    CHECK(check.All()[0].where.line > 0);
}

TEST_CASE("results_public_from is read as a local date: figures are public from that day on") {
    Diagnostics diags;
    std::optional<Survey> poll =
        LoadSurveyFile(test::DataDir() / "surveys" / "valid" / "poll.toml", kLanguages, diags);
    INFO(diags.FormatAll());
    REQUIRE(poll);
    REQUIRE(poll->results_public_from);
    CHECK(*poll->results_public_from == CivilDate{2027, 1, 15});
    CHECK_FALSE(poll->ResultsPublic({2026, 11, 18}));
    CHECK_FALSE(poll->ResultsPublic({2027, 1, 14}));
    CHECK(poll->ResultsPublic({2027, 1, 15})); // inclusive, like active_from
    CHECK(poll->ResultsPublic({2028, 1, 1}));

    // No embargo: always public.
    std::optional<Survey> flow =
        LoadSurveyFile(test::DataDir() / "surveys" / "valid" / "flow.toml", kLanguages, diags);
    REQUIRE(flow);
    CHECK_FALSE(flow->results_public_from);
    CHECK(flow->ResultsPublic({2026, 11, 18}));
}
