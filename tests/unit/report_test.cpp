// The closing report (issue 13): numbers and French typography, and the report's pages read
// back with pdftotext (poppler-utils) against figures known by hand, with the CSV and the
// JSON written beside the PDF holding the same numbers.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "base/child_process.h"
#include "report/report.h"
#include "report/report_text.h"
#include "skip.h"
#include "store_test_support.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

const std::string kNarrow = "\u202F"; // narrow no-break space
const std::string kNoBreak = "\u00A0";

struct Ran {
    int code = -1;
    std::string out, err;
};

Ran RunProgram(const std::vector<std::string>& argv) {
    ChildProcess child;
    std::string error;
    Ran ran;
    if (!child.Start(argv, nullptr, error)) {
        ran.err = error;
        return ran;
    }
    REQUIRE(child.Wait(120));
    ran.code = child.ExitCode().value_or(-1);
    ran.out = child.Stdout();
    ran.err = child.Stderr();
    return ran;
}

std::string PdfToTextProgram() {
    for (const char* p : {"/usr/bin/pdftotext", "/usr/local/bin/pdftotext"})
        if (std::filesystem::exists(p)) return p;
    return "";
}

// The PDF's text as pdftotext -layout reads it.
std::string PdfText(const std::filesystem::path& pdf) {
    const Ran ran = RunProgram({PdfToTextProgram(), "-layout", pdf.string(), "-"});
    INFO(ran.err);
    REQUIRE(ran.code == 0);
    return ran.out;
}

// Spaces of every kind as ordinary ones, and runs of them as one (layout columns), to look
// for figures whatever the typography around them.
std::string Plain(std::string text) {
    for (const std::string* s : {&kNarrow, &kNoBreak})
        for (size_t at; (at = text.find(*s)) != std::string::npos;)
            text.replace(at, s->size(), " ");
    std::string out;
    for (char c : text) {
        if (c == '\n') c = ' '; // a sentence wrapped over two lines reads as one
        if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
    }
    return out;
}

std::string ReadFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const KioskData& Demo() {
    static const std::optional<KioskData> data = [] {
        Diagnostics diags;
        return LoadKioskData(DemoConfig(), diags);
    }();
    REQUIRE(data);
    return *data;
}

} // namespace

TEST_CASE("report text: French numbers and spacing come from the catalogue") {
    const ReportText fr(Demo().catalogs, "fr");
    CHECK(fr.Int(12345) == "12" + kNarrow + "345");
    CHECK(fr.Int(1234567) == "1" + kNarrow + "234" + kNarrow + "567");
    CHECK(fr.Int(999) == "999");
    CHECK(fr.Int(0) == "0");
    CHECK(fr.Decimal(3.5, 1) == "3,5");
    CHECK(fr.Decimal(12345.25, 2) == "12" + kNarrow + "345,25");
    CHECK(fr.Percent(0.425) == "43" + kNarrow + "%");
    // Spaces before ; ! ? become narrow no-break ones, before : a no-break one, inside « » too;
    // a colon or question mark without a space before it (a time, a URL) is left alone.
    CHECK(fr.Typeset("Oui ; non ! Vraiment ? Note : 10:30 « ici »") ==
          "Oui" + kNarrow + "; non" + kNarrow + "! Vraiment" + kNarrow + "? Note" + kNoBreak + ": 10:30 «" +
              kNarrow + "ici" + kNarrow + "»");
    CHECK(fr.Typeset("https://exemple.fr/?a=1") == "https://exemple.fr/?a=1");

    const ReportText en(Demo().catalogs, "en");
    CHECK(en.Int(12345) == "12,345");
    CHECK(en.Decimal(3.5, 1) == "3.5");
    CHECK(en.Percent(0.425) == "43%");
    CHECK(en.Typeset("Yes; no: maybe") == "Yes; no: maybe");
}

namespace {

// A demo-survey response (usages-espaces-publics) on `day` at 10:00 UTC.
Response SurveyResponse(const std::string& day, ResponseOrigin origin = ResponseOrigin::Kiosk) {
    Response r;
    r.uuid = NewUuidV4();
    r.kiosk_id = "fauvettes-mdp-01";
    r.survey_id = "usages-espaces-publics";
    r.survey_version = 1;
    r.language = "fr";
    r.origin = origin;
    if (origin == ResponseOrigin::Paper) r.paper_date = day;
    r.started_at = day + "T10:00:00.000Z";
    r.submitted_at = day + "T10:02:00.000Z";
    r.duration_ms = 120000;
    return r;
}

Answer& Row(Response& r, const char* question) {
    return r.answers.emplace_back(Answer{question});
}

// Twelve complete responses with known answers, plus an abandoned one and a test one.
void WriteSurveyDatabase(const std::filesystem::path& db) {
    ResponseStore store(FastRetry(db));
    auto submit = [&](const Response& r) { REQUIRE(store.WaitCommitted(store.Submit(r), 10)); };
    for (int i = 0; i < 12; i++) {
        Response r = SurveyResponse(i < 8 ? "2026-11-02" : "2026-11-03",
                                    i == 11 ? ResponseOrigin::Paper : ResponseOrigin::Kiosk);
        Row(r, "frequence").option_id = i < 9 ? "chaque-jour" : "jamais"; // 9 and 3: 75 % and 25 %
        Row(r, "proprete").number = i % 2 ? 8 : 4;                        // mean 6
        if (i < 3) {
            Answer& pin = Row(r, "endroits");
            pin.plan_id = "plan-quartier-2030";
            pin.x = 0.5;
            pin.y = 0.5;
            pin.option_id = "insecurite";
        }
        // Donated "About you" answers: 7 of 12 give their age, one of them "prefer not to say".
        const char* ages[] = {"60-74", "60-74", "60-74", "60-74", "15-29", "15-29", "sans-reponse"};
        if (i < 7) Row(r, "profil-age").option_id = ages[i];
        if (i == 0) Row(r, "idee").text = "Plus de bancs ! Et de l’ombre ?";
        if (i == 1) Row(r, "idee").text = "Un texte masqué";
        submit(r);
        if (i == 1) {
            store.SetHidden(r.uuid, "idee", true);
            REQUIRE(store.WaitIdle(10));
        }
    }
    Response abandoned = SurveyResponse("2026-11-03");
    abandoned.status = ResponseStatus::Abandoned;
    Row(abandoned, "frequence").option_id = "parfois";
    submit(abandoned);
    Response test = SurveyResponse("2026-11-03");
    test.is_test = true;
    Row(test, "frequence").option_id = "parfois";
    submit(test);
}

} // namespace

TEST_CASE(
    "report: hand-filled participation figures and real results, read back from the PDF, CSV and JSON") {
    if (PdfToTextProgram().empty())
        KIOSK_SKIP("pdftotext (poppler-utils) is not installed: scripts/setup.sh test");
    const std::filesystem::path dir = ScratchDir("report-hand-filled");
    WriteSurveyDatabase(dir / "responses.db");

    ReportData data;
    data.kiosk = &Demo();
    // An "About you" block of one question, its reference population marked as an example.
    ProfileBlock profile;
    Question age;
    age.id = "tranche-age";
    age.type = QuestionType::SingleChoice;
    age.text.Set("fr", "Quel âge avez-vous ?");
    for (const char* band : {"15-29", "30-44", "60-74", "nsp"}) {
        age.options.push_back(Option{band, {}, {}, {}});
        age.options.back().label.Set("fr", std::string(band) + " ans");
    }
    profile.questions.push_back(age);
    profile.population.example = true;
    profile.population.source.Set("fr", "chiffres d’exemple");
    data.profile = &profile;
    data.example_population = true;
    DimensionComparison dim;
    dim.question_id = "tranche-age";
    dim.bands = {BandComparison{"15-29", 2, 0.1, 300, 0.3, 1.0 / 3},
                 BandComparison{"30-44", 8, 0.4, 400, 0.4, 1.0},
                 BandComparison{"60-74", 10, 0.5, 300, 0.3, 5.0 / 3}};
    dim.compared = 20;
    dim.other["nsp"] = 4;
    dim.responses_asked = 30;
    dim.over = {"60-74"};
    dim.under = {"15-29"};
    data.representativeness.dimensions.push_back(dim);
    data.language = "fr";
    data.example_content = true;
    data.options.from_date = "2026-11-01";
    data.options.to_date = "2026-11-30";
    data.options.today = CivilDate{2026, 12, 5};
    data.options.generated_at = "2026-12-05 10:00";
    ParticipationFigures& p = data.participation;
    p.responses = {12345, 3};
    p.test_left_out = 1;
    p.burst_left_out = 7;
    p.first_seen_days = 2;
    p.by_day["2026-11-02"] = {8, 0};
    p.by_day["2026-11-03"] = {12337, 3};
    p.by_survey["usages-espaces-publics"] = {12345, 3};
    p.by_origin["kiosk"] = {12344, 3};
    p.by_origin["paper"] = {1, 0};
    p.by_language["fr"] = {12345, 3};
    p.by_kiosk["fauvettes-mdp-01"] = {12345, 3};
    p.weekday_hour[0][10] = 8;
    p.weekday_hour[1][10] = 12339;
    p.without_hour = 1;
    p.median_seconds = 125;
    p.timed_responses = 11;
    {
        ReadOnlyDb db(dir / "responses.db");
        std::string error;
        INFO(error);
        REQUIRE(GatherSurveyResults(db.db, data, error));
    }
    std::string error;
    const bool written = WriteReport(data, dir / "bilan.pdf", error);
    INFO(error);
    REQUIRE(written);

    const std::string raw = PdfText(dir / "bilan.pdf");
    const std::string text = Plain(raw);
    INFO(text);
    // Cover and participation, with the thousands separator and the French spacing.
    // pdftotext gives every space as an ordinary one: the narrow no-break spaces themselves are
    // checked on ReportText above, here that they are where the figures are.
    CHECK(text.find("12 348 réponses : 12 345 complètes") != std::string::npos);
    CHECK(text.find("12 345 complètes et 3 abandonnées") != std::string::npos);
    CHECK(text.find("EXEMPLE") != std::string::npos);
    CHECK(text.find("réponses de test : 1 ; votes en rafale : 7") != std::string::npos);
    CHECK(text.find("2 min 05 s") != std::string::npos);
    CHECK(text.find("Questionnaires papier sans heure, absents de cette grille : 1") != std::string::npos);
    // Results, the staff panel's: 9 of 12 every day (75 %), mean cleanliness 6, the hidden text counted.
    CHECK(text.find("Tous les jours 9 (75 %)") != std::string::npos);
    CHECK(text.find("Rarement ou jamais 3 (25 %)") != std::string::npos);
    CHECK(text.find("Moyenne : 6,0 ; médiane : 6,0") != std::string::npos);
    CHECK(text.find("Réponses libres publiées : 1 ; masquées par l’équipe") != std::string::npos);
    CHECK(text.find("reprises ici : 1.") != std::string::npos);
    CHECK(text.find("« Plus de bancs ! Et de l’ombre ? »") != std::string::npos);
    CHECK(text.find("Un texte masqué") == std::string::npos);
    CHECK(text.find("Points posés sur le plan : 3") != std::string::npos);
    // Representativeness: donated answers that do not add up, bands named.
    CHECK(text.find("Leurs totaux ne correspondent donc pas au nombre de réponses") != std::string::npos);
    CHECK(text.find("20 réponses comparées, sur 30 réponses complètes") != std::string::npos);
    CHECK(text.find("50 % des réponses (10)") != std::string::npos);
    CHECK(text.find("30 % du quartier") != std::string::npos);
    CHECK(text.find("Surreprésentés : 60-74 ans.") != std::string::npos);
    CHECK(text.find("Sous-représentés : 15-29 ans.") != std::string::npos);
    CHECK(text.find("sans chiffre de référence) : 4.") != std::string::npos);
    CHECK(text.find("population de référence fictive") != std::string::npos);
    // "You said, we did" and the methods page.
    CHECK(text.find("Vous avez dit, nous avons fait") != std::string::npos);
    CHECK(text.find("Vous avez dit : Des jeux pour tous les âges") != std::string::npos);
    CHECK(text.find("Méthode") != std::string::npos);
    CHECK(text.find("Les chiffres comptent des réponses, pas des personnes") != std::string::npos);
    // A page number on every page: "1 / N" … "N / N" (pdftotext may drop the thin gaps
    // around the slash, so spaces are ignored).
    std::vector<std::string> pages{""};
    for (char c : raw)
        if (c == '\f')
            pages.emplace_back();
        else if (c != ' ')
            pages.back() += c;
    pages.pop_back(); // after the last form feed
    REQUIRE(pages.size() >= 6);
    for (size_t i = 0; i < pages.size(); i++)
        CHECK(pages[i].find(fmt::format("{}/{}", i + 1, pages.size())) != std::string::npos);

    // The same figures in the CSV and the JSON.
    const std::string csv = ReadFile(dir / "bilan.csv");
    CHECK(csv.rfind("section,key,sub_key,value\r\n", 0) == 0);
    CHECK(csv.find("participation,responses,complete,12345\r\n") != std::string::npos);
    CHECK(csv.find("participation,responses,abandoned,3\r\n") != std::string::npos);
    CHECK(csv.find("results.usages-espaces-publics.frequence,option,chaque-jour,9\r\n") != std::string::npos);
    CHECK(csv.find("results.usages-espaces-publics.idee,texts_hidden_left_out,,1\r\n") != std::string::npos);
    const nlohmann::json json = nlohmann::json::parse(ReadFile(dir / "bilan.json"));
    auto figure = [&](const std::string& section, const std::string& key, const std::string& sub) {
        for (const nlohmann::json& f : json["figures"])
            if (f["section"] == section && f["key"] == key && f["sub_key"] == sub) return f["value"];
        return nlohmann::json();
    };
    CHECK(figure("participation", "responses", "complete") == 12345);
    CHECK(figure("participation", "test_left_out", "") == 1);
    CHECK(figure("results.usages-espaces-publics.frequence", "option", "jamais") == 3);
    CHECK(figure("results.usages-espaces-publics.proprete", "mean", "") == 6.0);
}

TEST_CASE("report: a survey under embargo is left out and said so unless asked for") {
    if (PdfToTextProgram().empty())
        KIOSK_SKIP("pdftotext (poppler-utils) is not installed: scripts/setup.sh test");
    const std::filesystem::path dir = ScratchDir("report-embargo");
    WriteSurveyDatabase(dir / "responses.db");
    KioskData kiosk = Demo();
    for (Survey& s : kiosk.surveys)
        if (s.id == "usages-espaces-publics") s.results_public_from = CivilDate{2027, 7, 1};
    const ProfileBlock no_profile;
    ReportData data;
    data.kiosk = &kiosk;
    data.profile = &no_profile;
    data.language = "fr";
    data.options.from_date = "2026-11-01";
    data.options.to_date = "2026-11-30";
    data.options.today = CivilDate{2026, 12, 5};
    data.participation.responses = {12, 1};
    ReadOnlyDb db(dir / "responses.db");
    std::string error;

    SECTION("left out") {
        REQUIRE(GatherSurveyResults(db.db, data, error));
        REQUIRE(data.embargoed_out.size() == 1);
        REQUIRE(WriteReport(data, dir / "embargo.pdf", error));
        const std::string text = Plain(PdfText(dir / "embargo.pdf"));
        INFO(text);
        CHECK(
            text.find(
                "Les résultats de « Vos usages des espaces publics du quartier » sont sous embargo jusqu’au "
                "1er juillet 2027") != std::string::npos);
        CHECK(text.find("Tous les jours") == std::string::npos);
        CHECK(Plain(ReadFile(dir / "embargo.csv"))
                  .find("results.usages-espaces-publics,embargoed_left_out,,1") != std::string::npos);
    }
    SECTION("--include-embargoed: printed, with a warning") {
        data.options.include_embargoed = true;
        REQUIRE(GatherSurveyResults(db.db, data, error));
        CHECK(data.embargoed_out.empty());
        REQUIRE(WriteReport(data, dir / "embargo-in.pdf", error));
        const std::string text = Plain(PdfText(dir / "embargo-in.pdf"));
        INFO(text);
        CHECK(text.find("Résultats sous embargo jusqu’au 1er juillet 2027 : à ne pas publier") !=
              std::string::npos);
        CHECK(text.find("Tous les jours 9 (75 %)") != std::string::npos);
    }
}

TEST_CASE("report: representativeness gathered from donated answers that do not add up") {
    if (PdfToTextProgram().empty())
        KIOSK_SKIP("pdftotext (poppler-utils) is not installed: scripts/setup.sh test");
    setenv("TZ", "UTC", 1); // local days = the UTC days the responses are written on
    tzset();
    const std::filesystem::path dir = ScratchDir("report-representativeness");
    WriteSurveyDatabase(dir / "responses.db");
    // The demo's age question and example population (config/surveys/profile.toml): 11 000 people.
    ProfileBlock profile;
    Question age;
    age.id = "profil-age";
    age.text.Set("fr", "Quel âge avez-vous ?");
    const std::vector<std::pair<const char*, int64_t>> bands = {{"moins-15", 2650}, {"15-29", 2310},
                                                                {"30-44", 2200},    {"45-59", 1880},
                                                                {"60-74", 1320},    {"75-plus", 640}};
    ReferenceDimension reference{"profil-age", {}};
    for (const auto& [id, people] : bands) {
        age.options.push_back(Option{id, {}, {}, {}});
        age.options.back().label.Set("fr", std::string(id) + " ans");
        reference.counts.push_back(ReferenceCount{id, people});
    }
    age.options.push_back(Option{"sans-reponse", {}, {}, {}});
    profile.questions.push_back(age);
    profile.population.dimensions.push_back(reference);
    profile.population.example = true;

    ReportOptions options;
    options.from_date = "2026-11-01";
    options.to_date = "2026-11-30";
    options.today = CivilDate{2026, 12, 5};
    ReportData data;
    std::string error;
    {
        ReadOnlyDb db(dir / "responses.db");
        const bool gathered = GatherReport(db.db, Demo(), profile, options, data, error);
        INFO(error);
        REQUIRE(gathered);
    }
    CHECK(data.participation.responses.complete == 12);
    CHECK(data.participation.responses.abandoned == 1);
    CHECK(data.participation.test_left_out == 1);
    REQUIRE(data.representativeness.dimensions.size() == 1);
    const DimensionComparison& dim = data.representativeness.dimensions[0];
    CHECK(dim.compared == 6);         // "prefer not to say" is answered, not compared
    CHECK(dim.responses_asked == 12); // 5 complete responses gave no age at all
    CHECK(dim.other.at("sans-reponse") == 1);
    REQUIRE(WriteReport(data, dir / "bilan.pdf", error));
    const std::string text = Plain(PdfText(dir / "bilan.pdf"));
    INFO(text);
    CHECK(text.find("6 réponses comparées, sur 12 réponses complètes") != std::string::npos);
    CHECK(text.find("67 % des réponses (4)") != std::string::npos); // 60-74: 4 of 6
    CHECK(text.find("12 % du quartier") != std::string::npos);      // 1 320 of 11 000
    CHECK(text.find("Surreprésentés : 60-74 ans") != std::string::npos);
    CHECK(text.find("Sous-représentés :") != std::string::npos);
    CHECK(text.find("Leurs totaux ne correspondent donc pas au nombre de réponses") != std::string::npos);
    CHECK(text.find("population de référence fictive") != std::string::npos);
    const std::string csv = ReadFile(dir / "bilan.csv");
    CHECK(csv.find("representativeness.profil-age,60-74,respondents,4\r\n") != std::string::npos);
    CHECK(csv.find("representativeness.profil-age,compared,,6\r\n") != std::string::npos);
}
