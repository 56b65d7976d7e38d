// The "About you" block (survey/profile_loader.h): the demo and test blocks load with their
// reference population; every file of tests/data/profile/broken/ is refused with the
// diagnostic its first line announces (same `# expect:` form as the survey tests); surveys
// with `profile = true` get the questions appended, and run without them when the block is
// missing or broken.
#include <fstream>
#include <numeric>

#include <catch2/catch.hpp>

#include "kiosk_data.h"
#include "survey/profile_loader.h"
#include "survey/survey_loader.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

const std::vector<std::string> kProfileLanguages = {"fr", "en"};

std::filesystem::path ProfileData() {
    return test::DataDir() / "profile";
}

ProfileBlock TestBlock() {
    Diagnostics diags;
    std::optional<ProfileBlock> block =
        LoadProfileFile(ProfileData() / "profile.toml", kProfileLanguages, diags);
    INFO(diags.FormatAll());
    REQUIRE(block);
    return *block;
}

std::vector<std::string> Ids(const std::vector<Question>& questions) {
    std::vector<std::string> ids;
    for (const Question& q : questions)
        ids.push_back(q.id);
    return ids;
}

// A kiosk configuration in a scratch directory, its surveys and content directories empty.
std::filesystem::path ScratchKiosk(const std::string& name, const std::string& extra_paths = "") {
    const std::filesystem::path dir = test::ScratchDir(name);
    std::filesystem::create_directories(dir / "surveys");
    std::filesystem::create_directories(dir / "content");
    std::ofstream(dir / "kiosk.toml")
        << "[kiosk]\nid = \"test-kiosk\"\nlanguages = [\"fr\", \"en\"]\n"
        << "[paths]\nassets = \"" << (test::SourceDir() / "assets").string()
        << "\"\ncontent = \"content\"\nsurveys = \"surveys\"\ndatabase = \"r.db\"\n"
        << extra_paths;
    return dir;
}

} // namespace

TEST_CASE("the profile block loads its questions, why it is asked and the reference population") {
    const ProfileBlock block = TestBlock();
    CHECK(block.file == (ProfileData() / "profile.toml").lexically_normal());
    CHECK(block.why.Get("en", "fr") == "To check that everyone is heard.");
    CHECK(Ids(block.questions) == std::vector<std::string>{"profil-age", "profil-genre", "profil-secteur"});
    for (const Question& q : block.questions)
        CHECK_FALSE(q.required);
    CHECK(block.questions[2].type == QuestionType::PlanPin);
    CHECK(block.questions[2].min_pins == 0);
    CHECK(block.IsProfileQuestion("profil-genre"));
    CHECK_FALSE(block.IsProfileQuestion("q1"));

    const ReferencePopulation& population = block.population;
    CHECK(population.example);
    CHECK(population.source.Get("fr", "fr") == "Exemple");
    REQUIRE(population.dimensions.size() == 2);
    const ReferenceDimension* age = population.Find("profil-age");
    REQUIRE(age);
    REQUIRE(age->counts.size() == 3);
    CHECK(age->counts[0].option_id == "moins-15");
    CHECK(age->counts[0].people == 300);
    CHECK(age->counts[2].option_id == "60-plus");
    CHECK(age->counts[2].people == 200);
    CHECK(population.dimensions[0].question_id == "profil-age"); // in the questions' order
    const ReferenceDimension* gender = population.Find("profil-genre");
    REQUIRE(gender);
    CHECK(gender->counts.size() == 2); // "autre" has no figure: answered, not compared
    CHECK_FALSE(population.Find("profil-secteur"));
}

TEST_CASE("the demo profile block is loaded by the kiosk and appended to the demo survey only") {
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(test::DemoConfig(), diags);
    INFO(diags.FormatAll());
    REQUIRE(data);
    CHECK_FALSE(diags.HasErrors());
    CHECK(diags.All().empty()); // no warning either: the block is there for the survey asking it
    const ProfileBlock& block = data->profile;
    CHECK(Ids(block.questions) ==
          std::vector<std::string>{"profil-age", "profil-genre", "profil-residence", "profil-secteur"});
    CHECK(block.population.example); // demo figures, marked as such
    const ReferenceDimension* age = block.population.Find("profil-age");
    REQUIRE(age);
    CHECK(age->counts.size() == 6); // the INSEE bands; "sans-reponse" has no figure
    const int64_t people =
        std::accumulate(age->counts.begin(), age->counts.end(), int64_t{0},
                        [](int64_t sum, const ReferenceCount& c) { return sum + c.people; });
    CHECK(people == 11000);
    for (const Question& q : block.questions)
        if (q.type == QuestionType::SingleChoice) CHECK(q.FindOption(kPreferNotToSay));

    const Survey* usages = data->FindSurvey("usages-espaces-publics");
    REQUIRE(usages);
    REQUIRE(usages->profile_first == 10);
    REQUIRE(usages->questions.size() == 14);
    for (size_t i = 0; i < block.questions.size(); i++)
        CHECK(usages->questions[10 + i].id == block.questions[i].id);
    CHECK(usages->profile_why.Get("fr", "") == block.why.Get("fr", "-"));
    for (const char* poll : {"futur-square", "inauguration-square"}) {
        REQUIRE(data->FindSurvey(poll));
        CHECK(data->FindSurvey(poll)->profile_first == -1);
        CHECK(data->FindSurvey(poll)->questions.size() == 1);
    }
}

TEST_CASE("every broken profile file is refused with its file:line:column message") {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(ProfileData() / "broken"))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 12);
    for (const std::filesystem::path& file : files) {
        SECTION(file.filename().string()) {
            std::ifstream in(file);
            std::string first;
            std::getline(in, first);
            REQUIRE(first.starts_with("# expect: "));
            const std::string rest = first.substr(10);
            const std::string place = rest.substr(0, rest.find(' '));
            const std::string fragment = rest.substr(place.size() + 1);

            Diagnostics diags;
            CHECK_FALSE(LoadProfileFile(file, kProfileLanguages, diags));
            INFO(diags.FormatAll());
            bool found = false;
            for (const Diagnostic& d : diags.All()) {
                if (d.severity != Severity::Error || d.message.find(fragment) == std::string::npos) continue;
                CHECK(d.where.file == file.string());
                if (place != "-") CHECK(fmt::format("{}:{}", d.where.line, d.where.column) == place);
                found = true;
            }
            CHECK(found);
            CHECK(diags.ErrorCount() == 1); // one problem, one message
        }
    }
}

TEST_CASE("a survey with profile = true gets the block's questions after its own, in order") {
    const ProfileBlock block = TestBlock();
    Diagnostics diags;
    std::optional<Survey> survey =
        LoadSurveyFile(ProfileData() / "surveys" / "with-profile.toml", kProfileLanguages, diags, &block);
    INFO(diags.FormatAll());
    REQUIRE(survey);
    CHECK(diags.All().empty());
    CHECK(survey->asks_profile);
    CHECK(survey->profile_first == 2);
    CHECK(Ids(survey->questions) ==
          std::vector<std::string>{"q1", "q2", "profil-age", "profil-genre", "profil-secteur"});
    CHECK(survey->profile_why.Get("en", "") == "To check that everyone is heard.");
    // The appended questions are ordinary ones: their texts are shown (and in the font).
    std::vector<std::string> texts;
    ForEachSurveyText(*survey, [&](std::string_view text) { texts.emplace_back(text); });
    CHECK(std::find(texts.begin(), texts.end(), "Your age") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "To check that everyone is heard.") != texts.end());
}

TEST_CASE("a survey question with the id of a profile question is refused at its id") {
    const ProfileBlock block = TestBlock();
    Diagnostics diags;
    const std::filesystem::path file = ProfileData() / "surveys" / "clash.toml";
    CHECK_FALSE(LoadSurveyFile(file, kProfileLanguages, diags, &block));
    REQUIRE(diags.ErrorCount() == 1);
    const Diagnostic& d = diags.All()[0];
    CHECK(d.where.file == file.string());
    CHECK(d.where.line == 22);
    CHECK(d.where.column == 1);
    CHECK(d.message.find("question id \"profil-genre\" is also a question of the profile block") !=
          std::string::npos);
}

TEST_CASE("without a loaded profile block, a survey asking for it loads without it and says so") {
    const ProfileBlock none; // what the kiosk holds when the file is missing or refused
    for (const ProfileBlock* block : {static_cast<const ProfileBlock*>(nullptr), &none}) {
        Diagnostics diags;
        std::optional<Survey> survey =
            LoadSurveyFile(ProfileData() / "surveys" / "with-profile.toml", kProfileLanguages, diags, block);
        INFO(diags.FormatAll());
        REQUIRE(survey);
        CHECK(Ids(survey->questions) == std::vector<std::string>{"q1", "q2"});
        CHECK(survey->profile_first == -1);
        CHECK_FALSE(diags.HasErrors());
        REQUIRE(diags.All().size() == 1);
        CHECK(diags.All()[0].severity == Severity::Warning);
        CHECK(diags.All()[0].where.line == 4); // its `profile = true`
        CHECK(diags.All()[0].message.find("runs without it") != std::string::npos);
    }
}

TEST_CASE("a broken profile file is refused by the kiosk, which runs its surveys without it") {
    const std::filesystem::path dir = ScratchKiosk("profile-broken");
    std::filesystem::copy_file(ProfileData() / "surveys" / "with-profile.toml", dir / "surveys" / "a.toml");
    // At the default place, among the surveys: never taken for a survey, broken or not.
    std::filesystem::copy_file(ProfileData() / "broken" / "population_negative.toml",
                               dir / "surveys" / "profile.toml");
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(dir / "kiosk.toml", diags);
    INFO(diags.FormatAll());
    REQUIRE(data);
    CHECK(data->profile.Empty());
    REQUIRE(data->surveys.size() == 1);
    CHECK(Ids(data->surveys[0].questions) == std::vector<std::string>{"q1", "q2"});
    REQUIRE(diags.ErrorCount() == 1); // the profile's error only: not also "not a survey"
    REQUIRE(data->refused.size() == 1);
    CHECK(data->refused[0].where.file == (dir / "surveys" / "profile.toml").string());
    CHECK(data->refused[0].where.line == 41);
    CHECK(diags.FormatAll().find("runs without it") != std::string::npos);
}

TEST_CASE("the profile block on a plan the content does not have is left out") {
    const std::filesystem::path dir = ScratchKiosk("profile-no-plan");
    std::filesystem::copy_file(ProfileData() / "surveys" / "with-profile.toml", dir / "surveys" / "a.toml");
    std::filesystem::copy_file(ProfileData() / "profile.toml", dir / "surveys" / "profile.toml");
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(dir / "kiosk.toml", diags);
    INFO(diags.FormatAll());
    REQUIRE(data);
    CHECK(data->profile.Empty());
    REQUIRE(data->surveys.size() == 1); // the survey stays, without the block
    CHECK(data->surveys[0].questions.size() == 2);
    REQUIRE(data->refused.size() == 1);
    CHECK(data->refused[0].message.find("plan \"plan-quartier-2030\" is not a plan") != std::string::npos);
}

TEST_CASE("paths.profile puts the block's file anywhere and a missing one refuses the configuration") {
    const std::filesystem::path dir =
        ScratchKiosk("profile-path", "profile = \"elsewhere/about-you.toml\"\n");
    std::filesystem::create_directories(dir / "elsewhere");
    std::filesystem::copy_file(ProfileData() / "surveys" / "with-profile.toml", dir / "surveys" / "a.toml");
    {
        // The test block without its plan_pin question (the scratch content has no plan).
        std::ifstream in(ProfileData() / "profile.toml");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const size_t from = text.find("[[question]]\nid = \"profil-secteur\"");
        const size_t to = text.find("[population]");
        REQUIRE(from < to);
        std::ofstream(dir / "elsewhere" / "about-you.toml") << text.erase(from, to - from);
    }
    {
        Diagnostics diags;
        std::optional<KioskData> data = LoadKioskData(dir / "kiosk.toml", diags);
        INFO(diags.FormatAll());
        REQUIRE(data);
        CHECK(diags.All().empty());
        CHECK(data->profile.questions.size() == 2);
        REQUIRE(data->surveys.size() == 1);
        CHECK(data->surveys[0].questions.size() == 4);
    }
    std::filesystem::remove(dir / "elsewhere" / "about-you.toml");
    Diagnostics diags;
    CHECK_FALSE(LoadKioskData(dir / "kiosk.toml", diags));
    CHECK(diags.FormatAll().find("paths.profile: the profile block's file") != std::string::npos);
    CHECK(diags.FormatAll().find("does not exist") != std::string::npos);
}
