// The staff panel's "Participation" section on the real shell, headless, by synthetic touch:
// responses recorded through the real store (complete, abandoned, paper, test, with donated
// profile answers) show with their known counts, by day, hour, channel and against the
// neighbourhood; "Compter les réponses de test" brings the test response in.
//
// Local time is Paris time (a POSIX TZ rule: no time-zone database needed).
#include <cstdlib>
#include <ctime>
#include <fstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "staff/staff_state.h"
#include "staff_panel_opener.h"
#include "store/uuid.h"
#include "survey_kiosk.h"

using namespace kiosk;
using kiosk::test::SettleResults;
using kiosk::test::SurveyKiosk;

namespace {

constexpr const char* kSurvey = "usages-espaces-publics";

LocalizedText Words(const char* fr, const char* en) {
    return LocalizedText({{"fr", fr}, {"en", en}});
}

// An age question and the neighbourhood's figures: 30 % under 15, 20 % 15–29, 20 % 30–44,
// 30 % 45 and over.
ProfileBlock AgeProfile() {
    ProfileBlock profile;
    Question age;
    age.id = "profil-age";
    age.required = false;
    age.text = Words("Quel âge avez-vous ?", "How old are you?");
    for (auto [id, fr, en] :
         {std::tuple{"moins-15", "Moins de 15 ans", "Under 15"},
          std::tuple{"15-29", "15 à 29 ans", "15 to 29"}, std::tuple{"30-44", "30 à 44 ans", "30 to 44"},
          std::tuple{"45-plus", "45 ans et plus", "45 and over"},
          std::tuple{"sans-reponse", "Je préfère ne pas le dire", "I prefer not to say"}})
        age.options.push_back(Option{id, Words(fr, en), {}, {}});
    profile.questions.push_back(age);
    profile.population.example = true;
    profile.population.source = Words("Exemple de chiffres INSEE", "Example INSEE figures");
    profile.population.dimensions = {
        {"profil-age", {{"moins-15", 300}, {"15-29", 200}, {"30-44", 200}, {"45-plus", 300}}}};
    return profile;
}

struct Spec {
    const char* submitted;
    ResponseOrigin origin = ResponseOrigin::Kiosk;
    const char* language = "fr";
    bool abandoned = false, is_test = false;
    const char* paper_date = nullptr;
    const char* age = nullptr;
};

Response Make(const Spec& spec) {
    Response r;
    r.uuid = NewUuidV4();
    r.kiosk_id = "mdp-01";
    r.survey_id = kSurvey;
    r.survey_version = 1;
    r.language = spec.language;
    r.origin = spec.origin;
    r.status = spec.abandoned ? ResponseStatus::Abandoned : ResponseStatus::Complete;
    r.is_test = spec.is_test;
    if (spec.paper_date) r.paper_date = spec.paper_date;
    r.started_at = spec.submitted;
    r.submitted_at = spec.submitted;
    r.duration_ms = 150000;
    r.answers.push_back(Answer{.question_id = "frequence", .option_id = std::string("parfois")});
    if (spec.age)
        r.answers.push_back(Answer{.question_id = "profil-age", .option_id = std::string(spec.age)});
    return r;
}

int64_t ShownHere(SurveyKiosk& k, const std::string& key) {
    const auto& shown = k.GetApp().staff.participation_shown;
    const auto it = shown.find(key);
    INFO(key);
    REQUIRE(it != shown.end());
    return it->second;
}

} // namespace

TEST_CASE("Participation shows who took part, when, how, and against the neighbourhood") {
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
    const auto [w, h] = GENERATE(std::pair{1920, 1080}, std::pair{1280, 800}, std::pair{1080, 1920});
    auto k = test::PanelKiosk(fmt::format("staff-participation-{}x{}", w, h), w, h,
                              [](KioskData& data) { data.profile = AgeProfile(); });
    const Spec specs[] = {
        // Monday 2 November 2026, 10:30 in Paris: three visitors, two aged 30–44.
        {.submitted = "2026-11-02T09:30:00.000Z", .age = "30-44"},
        {.submitted = "2026-11-02T09:31:00.000Z", .age = "30-44"},
        {.submitted = "2026-11-02T09:32:00.000Z", .language = "en", .age = "15-29"},
        // Tuesday 16:00: one left half-way.
        {.submitted = "2026-11-03T15:00:00.000Z", .abandoned = true, .age = "45-plus"},
        // A paper questionnaire of Sunday 1 November, typed in later; "prefer not to say".
        {.submitted = "2026-12-01T10:00:00.000Z",
         .origin = ResponseOrigin::Paper,
         .paper_date = "2026-11-01",
         .age = "sans-reponse"},
        // A test response: left out until staff ask for it.
        {.submitted = "2026-11-02T10:00:00.000Z", .is_test = true, .age = "moins-15"},
    };
    for (const Spec& spec : specs)
        REQUIRE(k->Store().WaitCommitted(k->Store().Submit(Make(spec)), 10));

    test::OpenStaffPanel(*k);
    k->Tap("panel.tab:participation");
    SettleResults(*k);

    CHECK(ShownHere(*k, "complete") == 4);
    CHECK(ShownHere(*k, "abandoned") == 1);
    CHECK(ShownHere(*k, "test_left_out") == 1);
    CHECK(ShownHere(*k, "day:2026-11-01") == 1); // the paper's own date
    CHECK(ShownHere(*k, "day:2026-11-02") == 3);
    CHECK(ShownHere(*k, "hour:0:10") == 3); // Monday, 10 h local
    CHECK(ShownHere(*k, "hour:1:16") == 1); // the abandoned one
    CHECK(ShownHere(*k, "origin:kiosk") == 3);
    CHECK(ShownHere(*k, "origin:paper") == 1);
    CHECK(ShownHere(*k, "language:en") == 1);
    // Every visit took 150 s: the median is read in the 10 s class [150, 160), to its middle.
    CHECK(ShownHere(*k, "median_seconds") == 155);
    k->Shot(fmt::format("staff-participation-{}x{}", w, h));

    // Drag down to the comparison with the neighbourhood: it is drawn (and counted) whether
    // or not it is scrolled into view; the abandoned and the test responses' ages do not count.
    CHECK(ShownHere(*k, "profile:profil-age/30-44") == 2);
    CHECK(ShownHere(*k, "profile:profil-age/15-29") == 1);
    CHECK(ShownHere(*k, "profile:profil-age/45-plus") == 0);
    CHECK(ShownHere(*k, "profile:profil-age/moins-15") == 0);
    for (int i = 0; i < 6; i++) {
        k->Driver().Drag(w * 0.4f, h * 0.85f, w * 0.4f, h * 0.35f);
        k->Driver().Wait(1.0);
    }
    k->Driver().Frames(3);
    k->Shot(fmt::format("staff-participation-profile-{}x{}", w, h));

    // Test responses, when staff ask for them.
    k->Tap("participation.test");
    SettleResults(*k);
    CHECK(ShownHere(*k, "complete") == 5);
    CHECK(ShownHere(*k, "profile:profil-age/moins-15") == 1);

    // One survey only: the demo poll has no response.
    k->Tap("participation.test");
    k->Tap("participation.survey:futur-square");
    SettleResults(*k);
    CHECK(ShownHere(*k, "complete") == 0);
    k->Tap("participation.survey:all");
    SettleResults(*k);
    CHECK(ShownHere(*k, "complete") == 4);
}

TEST_CASE("Rapport de bilan: the real kiosk-report writes the PDF and its figures onto the export folder") {
    const std::filesystem::path key = test::ScratchDir("staff-participation-report-key");
    std::filesystem::remove_all(key);
    auto k = test::PanelKiosk("staff-participation-report", 1280, 800, [&](KioskData& data) {
        data.config.staff.report_program = std::filesystem::path(KIOSK_BINARY_DIR) / "bin" / "kiosk-report";
        data.config.staff.usb_export_dir = key;
    });
    REQUIRE(k->Store().WaitCommitted(k->Store().Submit(Make({.submitted = "2026-11-02T09:30:00.000Z"})), 10));
    test::OpenStaffPanel(*k);
    k->Tap("panel.tab:participation");
    SettleResults(*k);

    auto report = [&] {
        k->Tap("participation.report");
        for (int i = 0; i < 600 && (!k->GetApp().staff.report || k->GetApp().staff.report->Running()); i++)
            k->Driver().Wait(0.1);
        k->Driver().Frames(3);
        REQUIRE(k->GetApp().staff.report);
        return k->GetApp().staff.report->Last();
    };
    SECTION("the folder is missing (the key is not plugged in): said, nothing run") {
        const ReportOutcome last = report();
        CHECK(last.kind == ReportOutcome::Kind::NoDir);
        CHECK(ShownHere(*k, "report:" + std::to_string((int)ReportOutcome::Kind::NoDir)) == 1);
    }
    SECTION("written, with the CSV and JSON beside it") {
        std::filesystem::create_directories(key);
        const ReportOutcome last = report();
        INFO(last.detail);
        REQUIRE(last.kind == ReportOutcome::Kind::Done);
        CHECK(last.pdf.parent_path() == key);
        std::ifstream pdf(last.pdf, std::ios::binary);
        std::string magic(4, '\0');
        pdf.read(magic.data(), 4);
        CHECK(magic == "%PDF");
        CHECK(std::filesystem::file_size(std::filesystem::path(last.pdf).replace_extension(".csv")) > 0);
        CHECK(std::filesystem::file_size(std::filesystem::path(last.pdf).replace_extension(".json")) > 0);
        k->Shot("staff-participation-report-1280x800");
    }
}
