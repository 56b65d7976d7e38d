// SurveyKiosk: the kiosk on the demo configuration, driven headless, with its response
// store on a scratch database — for the survey screen tests. Controls are tapped by name
// (ui/ui_targets.h) through real synthetic touches (ShellDriver); what was recorded is read
// back from the SQLite file itself.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk_data.h"
#include "results/results_service.h"
#include "shell_driver.h"
#include "store/response.h"
#include "store/response_store.h"
#include "visit_state.h"

namespace kiosk::test {

// The answer of `response` to `question` (and to `option`, when given); null when none.
inline const Answer* FindAnswer(const Response& response, std::string_view question,
                                std::string_view option = "") {
    for (const Answer& answer : response.answers)
        if (answer.question_id == question && (option.empty() || answer.option_id == option)) return &answer;
    return nullptr;
}

// The demo survey "usages-espaces-publics" question by question, as the layout audits walk
// it: each question's id and the tap that answers it and reveals the next ones (show_if);
// null where the walk answers otherwise (the ranking: kDemoRankingOptions in order).
struct SurveyStep {
    const char* question;
    const char* answer;
};
inline constexpr SurveyStep kDemoSurveySteps[] = {
    {"frequence", "option:chaque-jour"},
    {"activite", "option:enfants"},
    {"lieux", "option:square"},
    {"soir", "option:very_good"},
    {"proprete", "value:8"},
    {"avec-enfants", "option:yes"},
    {"nombre-enfants", "key:3"},
    {"priorites", nullptr},
    {"endroits", nullptr},
    {"idee", "key:a"},
};
// The free-text step's letter in `language`: the demo's Arabic keyboard has no "a".
inline const char* DemoLetterKey(std::string_view language) {
    return language == "ar" ? "key:ب" : "key:a";
}
inline constexpr const char* kDemoRankingOptions[] = {"option:ombre", "option:jeux", "option:eclairage",
                                                      "option:toilettes", "option:voitures"};

class SurveyKiosk {
public:
    // A fresh kiosk whose database is build/test-scratch/<name>/responses.db, with the demo
    // surveys and `extra_surveys` (files, e.g. from tests/data/surveys-ui/).
    explicit SurveyKiosk(const std::string& name, int width = 1920, int height = 1080,
                         const std::vector<std::filesystem::path>& extra_surveys = {});
    // The demo configuration as `adjust` changes it (e.g. opening hours).
    SurveyKiosk(const std::string& name, const std::function<void(KioskData&)>& adjust, int width = 1920,
                int height = 1080);
    // A kiosk on `database` as it is (e.g. an unusable path, to see faults).
    SurveyKiosk(const std::string& name, const std::filesystem::path& database, int width, int height);
    ~SurveyKiosk();

    App& GetApp() { return driver_->GetApp(); }
    ShellDriver& Driver() { return *driver_; }
    ResponseStore& Store() { return *store_; }
    ResultsService& Results() { return *results_; }
    const KioskData& Data() const { return *data_; }
    Screen CurrentScreen() { return GetApp().nav.CurrentScreen(); }

    // Whether a control named `name` was on the last frame.
    bool Has(std::string_view name);
    // Taps the control named `name` (the test fails if it is not on screen).
    void Tap(std::string_view name);
    // Types `text` on the on-screen keyboard the way a visitor would: the key if shown, with
    // shift for a capital, else on another layer. Fails if a character cannot be typed.
    void Type(std::string_view text);

    // Opens the surveys list and starts `survey_id` (notice, then "Start").
    void StartSurvey(std::string_view survey_id);
    // Renders frames until the store has committed everything and the screen shows it.
    void Settle();
    // Every response in the database file (read-only connection).
    std::vector<Response> Responses();
    // Saves the last frame under build/test-screens/<name>.png.
    void Shot(const std::string& name);

private:
    void Open(const std::string& name, int width, int height);

    std::unique_ptr<KioskData> data_;
    std::unique_ptr<ResultsService> results_; // before the store, which notifies it
    std::unique_ptr<ResponseStore> store_;
    std::unique_ptr<ShellDriver> driver_;
};

// A responses.db in build/test-scratch/<name>/ whose schema refuses every response: a
// trigger on `response` raises a constraint failure (SQLITE_CONSTRAINT_TRIGGER), as a
// CHECK the response violates would. The store classifies that as RecordState::Rejected:
// logged, never retried, never recorded.
std::filesystem::path RefusingDatabase(const std::string& name);

// Answers the demo survey "usages-espaces-publics" from its first question up to (not
// including) the last one, the free-text question, with fixed answers (see the .cpp), then
// lets a second pass as a visitor reading it would (raw touches then act at once).
void AnswerDemoSurveyUpToFreeText(SurveyKiosk& kiosk);
// The same up to (not including) the plan-pin question.
void AnswerDemoSurveyUpToPlanPin(SurveyKiosk& kiosk);
// From the demo survey's free-text question (answered or not): Next, then "Skip" through its
// "About you" questions (survey/profile.h) up to the last one, whose button sends.
void SkipDemoProfileToLast(SurveyKiosk& kiosk);

// Opens `route` directly, keeping the visit (a display mode turned on stays on), and lets
// it settle for a few frames.
void Show(SurveyKiosk& kiosk, Route route);

// Every screen a visitor can reach, in a visit's order, each handed to `audit` with its name:
// home, the plans and two plans (their images decoded), the timeline and a phase, the agenda,
// the surveys, the demo survey's notice, each of its questions (answered by kDemoSurveySteps)
// and "About you" questions, thanks, the walk-in poll and its thanks. The visit is kept (a
// mode turned on before stays on). `before_answer(id)`, if given, runs on each question first.
// For the layout audits of the display modes (large text, Arabic, low reach).
void WalkVisitorScreens(SurveyKiosk& kiosk, const std::function<void(const std::string& what)>& audit,
                        const std::function<void(const std::string& question_id)>& before_answer = {});

} // namespace kiosk::test
