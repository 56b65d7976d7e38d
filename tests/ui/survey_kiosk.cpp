#include "survey_kiosk.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "staff/results_view.h"
#include "store/response_reader.h"
#include "store/schema.h"
#include "survey/survey_loader.h"
#include "test_paths.h"
#include "text/letter_case.h"
#include "text/utf8.h"

namespace kiosk::test {

SurveyKiosk::SurveyKiosk(const std::string& name, int width, int height,
                         const std::vector<std::filesystem::path>& extra_surveys) {
    Diagnostics diags;
    std::optional<KioskData> loaded = LoadKioskData(DemoConfig(), diags);
    INFO(diags.FormatAll());
    REQUIRE(loaded);
    data_ = std::make_unique<KioskData>(std::move(*loaded));
    for (const std::filesystem::path& file : extra_surveys) {
        std::optional<Survey> survey = LoadSurveyFile(file, data_->config.languages, diags);
        INFO(diags.FormatAll());
        REQUIRE(survey);
        data_->surveys.push_back(std::move(*survey));
    }
    REQUIRE(CheckSurveyPlanReferences(
                data_->surveys, [&](std::string_view id) { return data_->content.FindPlan(id) != nullptr; },
                diags) == 0);
    data_->config.paths.database = ScratchDir(name) / "responses.db";
    Open(name, width, height);
}

SurveyKiosk::SurveyKiosk(const std::string& name, const std::function<void(KioskData&)>& adjust, int width,
                         int height) {
    Diagnostics diags;
    std::optional<KioskData> loaded = LoadKioskData(DemoConfig(), diags);
    REQUIRE(loaded);
    data_ = std::make_unique<KioskData>(std::move(*loaded));
    data_->config.paths.database = ScratchDir(name) / "responses.db";
    adjust(*data_);
    Open(name, width, height);
}

SurveyKiosk::SurveyKiosk(const std::string& name, const std::filesystem::path& database, int width,
                         int height) {
    Diagnostics diags;
    std::optional<KioskData> loaded = LoadKioskData(DemoConfig(), diags);
    REQUIRE(loaded);
    data_ = std::make_unique<KioskData>(std::move(*loaded));
    data_->config.paths.database = database;
    Open(name, width, height);
}

void SurveyKiosk::Open(const std::string& name, int width, int height) {
    // As the kiosk's main: the store's commits refresh the panel's results.
    results_ = std::make_unique<ResultsService>(ResultsOptions(*data_, {}));
    StoreOptions store_options = ResponseStoreOptions(*data_);
    store_options.on_change = [results = results_.get()] { results->NotifyChanged(); };
    store_ = std::make_unique<ResponseStore>(std::move(store_options));
    std::string error;
    driver_ = ShellDriver::Create(*data_, width, height, error, store_.get());
    if (driver_) driver_->GetApp().results = results_.get();
    INFO(name << ": " << error);
    REQUIRE(driver_);
}

SurveyKiosk::~SurveyKiosk() {
    driver_.reset(); // before the store it points to
    store_.reset();
    results_.reset(); // after the store, whose writer notifies it
}

bool SurveyKiosk::Has(std::string_view name) {
    return GetApp().targets.Find(name).has_value();
}

void SurveyKiosk::Tap(std::string_view name) {
    std::optional<TargetRect> target = GetApp().targets.Find(name);
    INFO("tapping \"" << name << "\" on screen " << ScreenName(CurrentScreen()));
    REQUIRE(target);
    // Where the target is seen: an Arabic frame is drawn mirrored (ui/rtl_mirror.h).
    const Vec2 c = GetApp().mirror.ToScreen(Vec2(target->Center().x, target->Center().y));
    driver_->Tap(c.x, c.y);
}

void SurveyKiosk::Type(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        const std::string c = EncodeUtf8(DecodeUtf8(text, pos));
        INFO("typing \"" << c << "\"");
        if (c == " ") {
            Tap("key:space");
            continue;
        }
        bool typed = false;
        for (int attempt = 0; attempt < 3 && !typed; attempt++) {
            if (Has("key:" + c)) {
                Tap("key:" + c);
                typed = true;
                break;
            }
            // A capital letter: shift, then the key (shift applies to one character).
            if (Has("key:shift") && ToUpperLetters(c) == c) {
                Tap("key:shift");
                if (Has("key:" + c)) {
                    Tap("key:" + c);
                    typed = true;
                    break;
                }
                Tap("key:shift"); // locked…
                Tap("key:shift"); // …and off again
            }
            // Another layer.
            Tap(Has("key:layer:symbols") ? "key:layer:symbols" : "key:layer:letters");
        }
        REQUIRE(typed);
    }
}

void SurveyKiosk::StartSurvey(std::string_view survey_id) {
    App& app = GetApp();
    app.nav.Go({Screen::Surveys, ""}, app.now);
    driver_->Frames(3);
    Tap("survey:" + std::string(survey_id));
    REQUIRE(CurrentScreen() == Screen::Survey);
    Tap("survey.start");
    REQUIRE(app.visit.survey.stage == SurveyStage::Answering);
}

void SurveyKiosk::Settle() {
    for (int i = 0; i < 300; i++) {
        const bool idle = store_->WaitIdle(0.005);
        driver_->Frames(1);
        const bool sending =
            CurrentScreen() == Screen::Survey && GetApp().visit.survey.stage == SurveyStage::Sending;
        if (idle && !sending) break;
    }
    driver_->Frames(3);
}

std::vector<Response> SurveyKiosk::Responses() {
    sqlite3* db = nullptr;
    const std::string path = data_->config.paths.database.string();
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    std::string error;
    std::optional<std::vector<Response>> responses = ReadResponses(db, 0, 100000, error);
    sqlite3_close(db);
    INFO(error);
    REQUIRE(responses);
    return *responses;
}

std::filesystem::path RefusingDatabase(const std::string& name) {
    const std::filesystem::path file = ScratchDir(name) / "responses.db";
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    std::string error;
    const bool migrated = Migrate(db, error); // the current schema, as the store makes it
    INFO(error);
    CHECK(migrated);
    char* message = nullptr;
    const int code = sqlite3_exec(db,
                                  "CREATE TRIGGER refuse_every_response BEFORE INSERT ON response "
                                  "BEGIN SELECT RAISE(ABORT, 'refused by the test schema'); END",
                                  nullptr, nullptr, &message);
    INFO((message ? message : ""));
    CHECK(code == SQLITE_OK);
    sqlite3_free(message);
    sqlite3_close(db);
    return file;
}

void SurveyKiosk::Shot(const std::string& name) {
    std::string error;
    INFO(error);
    CHECK(driver_->SavePng(ScreenshotDir() / (name + ".png"), error));
}

void AnswerDemoSurveyUpToFreeText(SurveyKiosk& kiosk) {
    AnswerDemoSurveyUpToPlanPin(kiosk);
    const SurveyRunner& runner = *kiosk.GetApp().visit.survey.runner;
    REQUIRE(runner.Current().id == "endroits");
    kiosk.Tap("survey.next"); // optional: skipped
    REQUIRE(runner.Current().id == "idee");
    kiosk.Driver().Wait(1); // the visitor reads the question (past the touch guard)
}

void SkipDemoProfileToLast(SurveyKiosk& kiosk) {
    const SurveyRunner& runner = *kiosk.GetApp().visit.survey.runner;
    const Survey* survey = kiosk.Data().FindSurvey("usages-espaces-publics");
    REQUIRE(survey);
    REQUIRE(survey->profile_first >= 0);
    REQUIRE(runner.Current().id == "idee");
    for (size_t i = survey->profile_first; i < survey->questions.size(); i++) {
        kiosk.Tap("survey.next"); // optional: skipped
        INFO("expected question " << survey->questions[i].id << ", showing " << runner.Current().id);
        REQUIRE(runner.Current().id == survey->questions[i].id);
    }
    kiosk.Driver().Wait(1); // the visitor reads the question (past the touch guard)
}

void AnswerDemoSurveyUpToPlanPin(SurveyKiosk& kiosk) {
    const SurveyRunner& runner = *kiosk.GetApp().visit.survey.runner;
    auto at = [&](const char* id) {
        INFO("expected question " << id << ", showing " << runner.Current().id);
        REQUIRE(runner.Current().id == id);
    };
    at("frequence");
    kiosk.Tap("option:chaque-semaine");
    kiosk.Tap("survey.next");
    at("activite");
    kiosk.Tap("option:sport");
    kiosk.Tap("survey.next");
    at("lieux");
    kiosk.Tap("option:square");
    kiosk.Tap("option:ecole");
    kiosk.Tap("survey.next");
    at("soir");
    kiosk.Tap("option:good");
    kiosk.Tap("survey.next");
    at("proprete");
    kiosk.Tap("value:7");
    kiosk.Tap("survey.next");
    at("avec-enfants");
    kiosk.Tap("option:yes");
    kiosk.Tap("survey.next");
    at("nombre-enfants");
    kiosk.Tap("key:2");
    kiosk.Tap("survey.next");
    at("priorites");
    for (const char* id : {"jeux", "eclairage", "ombre", "voitures", "toilettes"})
        kiosk.Tap(std::string("option:") + id);
    kiosk.Tap("survey.next");
    at("endroits");
    kiosk.Driver().Wait(1); // the visitor reads the question (past the touch guard)
}

void Show(SurveyKiosk& kiosk, Route route) {
    App& app = kiosk.GetApp();
    app.nav.Go(std::move(route), app.now);
    kiosk.Driver().Frames(3);
}

void WalkVisitorScreens(SurveyKiosk& kiosk, const std::function<void(const std::string& what)>& audit,
                        const std::function<void(const std::string& question_id)>& before_answer) {
    App& app = kiosk.GetApp();
    auto show = [&](Route route, const std::string& what) {
        Show(kiosk, std::move(route));
        audit(what);
    };
    show({Screen::Home, ""}, "home");
    show({Screen::Plans, ""}, "plans");
    for (const char* plan : {"plan-quartier-2030", "square"}) {
        Show(kiosk, {Screen::PlanViewer, plan});
        REQUIRE(kiosk.Driver().WaitForImages());
        audit(std::string("plan-") + plan);
    }
    show({Screen::Timeline, ""}, "timeline");
    show({Screen::Timeline, "espaces-publics"}, "timeline-phase");
    show({Screen::Agenda, ""}, "agenda");
    show({Screen::Surveys, ""}, "surveys");

    kiosk.Tap("survey:usages-espaces-publics");
    audit("notice");
    kiosk.Tap("survey.start");
    const SurveyRunner& runner = *app.visit.survey.runner;
    for (const auto& [id, answer] : kDemoSurveySteps) {
        REQUIRE(runner.Current().id == id);
        audit(std::string("question-") + id);
        if (before_answer) before_answer(id);
        // The free-text step types a letter of the visitor's keyboard.
        if (answer) kiosk.Tap(std::string(id) == "idee" ? DemoLetterKey(app.nav.Language()) : answer);
        if (std::string(id) == "priorites")
            for (const char* option : kDemoRankingOptions)
                kiosk.Tap(option);
        if (std::string(id) != "idee") kiosk.Tap("survey.next");
    }
    for (const char* id : {"profil-age", "profil-genre", "profil-residence", "profil-secteur"}) {
        kiosk.Tap("survey.next");
        REQUIRE(runner.Current().id == id);
        audit(std::string("question-") + id);
    }
    kiosk.Tap("survey.next");
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
    audit("thanks");

    show({Screen::Survey, "futur-square"}, "poll");
    kiosk.Tap("poll:futur-square:jardin");
    kiosk.Settle();
    REQUIRE(kiosk.CurrentScreen() == Screen::Thanks);
    audit("poll-thanks");
}

} // namespace kiosk::test
