// kiosk-report end to end (issue 13): the real program over a hand-made database written
// through the kiosk's own store, its PDF read back with pdftotext, its CSV beside it; its
// refusals (bad date, unknown survey, unwritable --out); and the demo report rendered page by
// page to PNG (pdftoppm) under build/report-pages/, for people to look at.
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <catch2/catch.hpp>

#include "base/child_process.h"
#include "kiosk_data.h"
#include "skip.h"
#include "store_test_support.h"
#include "survey/synthetic_answers.h"
#include "test_paths.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct Outcome {
    int code = -1;
    std::string out, err;
};

Outcome Launch(const std::vector<std::string>& argv) {
    // Local dates are the process's: the responses below are written in UTC.
    setenv("TZ", "UTC", 1);
    ChildProcess child;
    std::string error;
    Outcome o;
    if (!child.Start(argv, nullptr, error)) {
        o.err = error;
        return o;
    }
    REQUIRE(child.Wait(300));
    o.code = child.ExitCode().value_or(-1);
    o.out = child.Stdout();
    o.err = child.Stderr();
    return o;
}

std::string ReportProgram() {
    return (std::filesystem::path(KIOSK_BINARY_DIR) / "bin" / "kiosk-report").string();
}

bool HavePoppler() {
    return std::filesystem::exists("/usr/bin/pdftotext") && std::filesystem::exists("/usr/bin/pdftoppm");
}

// pdftotext -layout, every kind of space as one ordinary space.
std::string PlainPdfText(const std::filesystem::path& pdf) {
    const Outcome o = Launch({"/usr/bin/pdftotext", "-layout", pdf.string(), "-"});
    INFO(o.err);
    REQUIRE(o.code == 0);
    std::string text = o.out;
    for (const char* s : {"\u202F", "\u00A0"})
        for (size_t at; (at = text.find(s)) != std::string::npos;)
            text.replace(at, std::string(s).size(), " ");
    std::string out;
    for (char c : text) {
        if (c == '\n') c = ' '; // a sentence wrapped over two lines reads as one
        if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
    }
    return out;
}

std::string Slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Response Made(const char* survey, const std::string& day, const char* hour = "10") {
    Response r;
    r.uuid = NewUuidV4();
    r.kiosk_id = "fauvettes-mdp-01";
    r.survey_id = survey;
    r.survey_version = 1;
    r.language = "fr";
    r.started_at = day + "T" + hour + ":00:00.000Z";
    r.submitted_at = day + "T" + hour + ":01:30.000Z";
    r.duration_ms = 90000;
    return r;
}

// Worked out by hand — participation (TZ=UTC), November 2026:
//   survey usages-espaces-publics: 8 kiosk (2 in English) + 1 assisted complete on Mon 2 Nov,
//   2 paper complete dated Thu 5 Nov (typed in on 20 Nov), 3 abandoned on Tue 3 Nov, 1 test;
//   poll futur-square: 1 vote on Wed 4 Nov, 2 burst votes, 1 test vote.
//   → complete 12, abandoned 3, total 15; test left out 2; burst left out 2; paper without hour 2.
void WriteKnownDatabase(const std::filesystem::path& db) {
    ResponseStore store(FastRetry(db));
    auto submit = [&](Response r) { REQUIRE(store.WaitCommitted(store.Submit(std::move(r)), 10)); };
    for (int i = 0; i < 9; i++) {
        Response r = Made("usages-espaces-publics", "2026-11-02");
        if (i < 2) r.language = "en";
        if (i == 8) r.origin = ResponseOrigin::Assisted;
        r.answers.push_back(Answer{"frequence"});
        r.answers.back().option_id = i < 6 ? "chaque-jour" : "parfois";
        // Donated "About you" answers: 7 of 9 give their age (one prefers not to say), 3 their gender.
        const char* ages[] = {"60-74", "60-74", "60-74", "60-74", "15-29", "15-29", "sans-reponse"};
        if (i < 7) {
            r.answers.push_back(Answer{"profil-age"});
            r.answers.back().option_id = ages[i];
        }
        if (i < 3) {
            r.answers.push_back(Answer{"profil-genre"});
            r.answers.back().option_id = "femme";
        }
        submit(r);
    }
    for (int i = 0; i < 2; i++) {
        Response r = Made("usages-espaces-publics", "2026-11-20");
        r.origin = ResponseOrigin::Paper;
        r.paper_date = "2026-11-05";
        r.answers.push_back(Answer{"frequence"});
        r.answers.back().option_id = "jamais";
        submit(r);
    }
    for (int i = 0; i < 3; i++) {
        Response r = Made("usages-espaces-publics", "2026-11-03", "15");
        r.status = ResponseStatus::Abandoned;
        submit(r);
    }
    Response test = Made("usages-espaces-publics", "2026-11-02");
    test.is_test = true;
    submit(test);
    for (int i = 0; i < 4; i++) {
        Response r = Made("futur-square", "2026-11-04", "17");
        r.answers.push_back(Answer{"envie"});
        r.answers.back().option_id = "jardin";
        r.burst = i >= 1 && i <= 2;
        r.is_test = i == 3;
        submit(r);
    }
}

} // namespace

TEST_CASE("kiosk-report: the figures of a hand-made database in the PDF and the CSV") {
    if (!HavePoppler()) KIOSK_SKIP("pdftotext/pdftoppm (poppler-utils) not installed: scripts/setup.sh test");
    const std::filesystem::path dir = ScratchDir("report-cli");
    WriteKnownDatabase(dir / "responses.db");
    auto args = [&](std::vector<std::string> more, const char* from = "2026-11-01",
                    const char* to = "2026-11-30") {
        std::vector<std::string> all{ReportProgram(),
                                     "--config",
                                     DemoConfig().string(),
                                     "--db",
                                     (dir / "responses.db").string(),
                                     "--from",
                                     from,
                                     "--to",
                                     to};
        all.insert(all.end(), more.begin(), more.end());
        return all;
    };

    SECTION("the counted figures, test responses left out") {
        const Outcome o = Launch(args({"--out", (dir / "bilan.pdf").string()}));
        INFO(o.err);
        REQUIRE(o.code == 0);
        const std::string text = PlainPdfText(dir / "bilan.pdf");
        INFO(text);
        CHECK(text.find("15 réponses : 12 complètes et 3 abandonnées") != std::string::npos);
        CHECK(text.find("réponses de test : 2 ; votes en rafale : 2") != std::string::npos);
        CHECK(text.find("Questionnaires papier sans heure, absents de cette grille : 2") !=
              std::string::npos);
        CHECK(text.find("11 réponses (borne : 8 ; avec un médiateur : 1 ; papier : 2 ; événement : 0)") !=
              std::string::npos);
        CHECK(text.find("EXEMPLE") != std::string::npos);
        CHECK(text.find("réponses de test et synthétiques") == std::string::npos);
        // Donated ages against the demo's example population (config/surveys/profile.toml):
        // 6 compared (the 7th prefers not to say) of the survey's 11 complete responses;
        // 60-74: 4 of 6 against 1 320 of 11 000 people.
        CHECK(text.find("6 réponses comparées, sur 11 réponses complètes") != std::string::npos);
        CHECK(text.find("67 % des réponses (4)") != std::string::npos);
        CHECK(text.find("12 % du quartier") != std::string::npos);
        CHECK(text.find("Surreprésentés : 60 à 74 ans") != std::string::npos);
        CHECK(text.find("population de référence fictive") != std::string::npos);
        CHECK(text.find("figurent dans « Qui a répondu ? »") != std::string::npos);
        const std::string csv = Slurp(dir / "bilan.csv");
        CHECK(csv.find("participation,responses,complete,12\r\n") != std::string::npos);
        CHECK(csv.find("participation,responses,abandoned,3\r\n") != std::string::npos);
        CHECK(csv.find("participation,test_left_out,,2\r\n") != std::string::npos);
        CHECK(csv.find("participation,burst_left_out,,2\r\n") != std::string::npos);
        CHECK(csv.find("participation.by_origin,paper,complete,2\r\n") != std::string::npos);
        CHECK(csv.find("participation.by_language,en,complete,2\r\n") != std::string::npos);
        CHECK(csv.find("participation.by_day,2026-11-05,complete,2\r\n") != std::string::npos);
        CHECK(csv.find("results.usages-espaces-publics.frequence,option,chaque-jour,6\r\n") !=
              std::string::npos);
        CHECK(std::filesystem::exists(dir / "bilan.json"));
    }
    SECTION("--include-test counts them and says so on the cover") {
        const Outcome o = Launch(args({"--include-test", "--out", (dir / "test.pdf").string()}));
        INFO(o.err);
        REQUIRE(o.code == 0);
        const std::string text = PlainPdfText(dir / "test.pdf");
        INFO(text);
        const std::string cover = text.substr(0, text.find('\f'));
        CHECK(cover.find("compte aussi les réponses de test") != std::string::npos);
        CHECK(text.find("17 réponses : 14 complètes et 3 abandonnées") != std::string::npos);
    }
    SECTION("a range without any response makes a report that says so") {
        const Outcome o = Launch({ReportProgram(), "--config", DemoConfig().string(), "--db",
                                  (dir / "responses.db").string(), "--from", "2025-01-01", "--to",
                                  "2025-01-31", "--out", (dir / "vide.pdf").string()});
        INFO(o.err);
        REQUIRE(o.code == 0);
        const std::string text = PlainPdfText(dir / "vide.pdf");
        CHECK(text.find("Aucune réponse n’a été enregistrée sur cette période") != std::string::npos);
        CHECK(Slurp(dir / "vide.csv").find("participation,responses,complete,0\r\n") != std::string::npos);
    }
    SECTION("bad arguments: a clear message and a non-zero exit, nothing written") {
        Outcome o = Launch(args({"--out", (dir / "x.pdf").string()}, "2026-13-01"));
        CHECK(o.code == 2);
        CHECK(o.err.find("--from 2026-13-01: expected a date such as 2026-11-01") != std::string::npos);
        o = Launch(args({"--out", (dir / "x.pdf").string()}, "2026-11-01", "2026-10-01"));
        CHECK(o.code == 2);
        CHECK(o.err.find("--to 2026-10-01 is before --from 2026-11-01") != std::string::npos);
        o = Launch(args({"--survey", "nope", "--out", (dir / "x.pdf").string()}));
        CHECK(o.code == 2);
        CHECK(o.err.find("--survey nope: no such survey (known: ") != std::string::npos);
        o = Launch(args({"--out", (dir / "no-such-dir" / "x.pdf").string()}));
        CHECK(o.code == 4);
        CHECK(o.err.find("no-such-dir/x.pdf: cannot write there") != std::string::npos);
        o = Launch(args({"--out", dir.string()}));
        CHECK(o.code == 4);
        CHECK(o.err.find(": is a directory") != std::string::npos);
        // A database the kiosk has not upgraded yet (schema 3: no participation tallies).
        {
            sqlite3* old = nullptr;
            REQUIRE(sqlite3_open((dir / "v3.db").c_str(), &old) == SQLITE_OK);
            REQUIRE(sqlite3_exec(old, Slurp(DataDir() / "store" / "schema-v3.sql").c_str(), nullptr, nullptr,
                                 nullptr) == SQLITE_OK);
            sqlite3_close(old);
        }
        o = Launch({ReportProgram(), "--config", DemoConfig().string(), "--db", (dir / "v3.db").string(),
                    "--from", "2026-11-01", "--to", "2026-11-30", "--out", (dir / "x.pdf").string()});
        CHECK(o.code == 3);
        CHECK(
            o.err.find("database schema version 3, this kiosk-report reads version 4 (the kiosk upgrades") !=
            std::string::npos);
        o = Launch(args({}));
        CHECK(o.code == 2); // --out missing
        CHECK(o.err.find("--out is required") != std::string::npos);
        CHECK(!std::filesystem::exists(dir / "x.pdf"));
    }
}

TEST_CASE("kiosk-report: the demo report, every page rendered to PNG under build/report-pages") {
    if (!HavePoppler()) KIOSK_SKIP("pdftotext/pdftoppm (poppler-utils) not installed: scripts/setup.sh test");
    Diagnostics diags;
    const std::optional<KioskData> data = LoadKioskData(DemoConfig(), diags);
    REQUIRE(data);
    const std::filesystem::path dir = ScratchDir("report-demo");
    // A month of plausible activity: random valid answers (kiosk-fill's), spread over opening
    // hours, mostly at the kiosk, some assisted, on paper or at an event, a few abandoned.
    {
        ResponseStore store(FastRetry(dir / "responses.db"));
        std::mt19937_64 rng(13);
        const long long nov1 = 1793491200000; // 2026-11-01T00:00:00Z
        for (int i = 0; i < 400; i++) {
            const Survey& survey = data->surveys[i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : 2];
            const int day = std::uniform_int_distribution<int>(0, 29)(rng);
            const int hour = 9 + std::uniform_int_distribution<int>(0, 9)(rng) / 2 + (day % 7 == 2 ? 4 : 0);
            const long long at = nov1 + ((day * 24LL + hour) * 3600 + (i * 37) % 3600) * 1000;
            Response r = SyntheticResponse(survey, "fauvettes-mdp-01", i % 6 == 0 ? "en" : "fr", at, rng);
            r.is_test = false;
            r.origin = i % 9 == 0    ? ResponseOrigin::Assisted
                       : i % 13 == 0 ? ResponseOrigin::Event
                                     : ResponseOrigin::Kiosk;
            if (i % 17 == 0) {
                r.origin = ResponseOrigin::Paper;
                r.paper_date = r.submitted_at.substr(0, 10);
            }
            if (survey.timeout == TimeoutPolicy::KeepPartial && i % 11 == 0) {
                r.status = ResponseStatus::Abandoned;
                r.answers.resize(r.answers.size() / 2);
            }
            r.burst = survey.mode == SurveyMode::Poll && i % 23 == 0;
            store.Submit(std::move(r));
        }
        REQUIRE(store.WaitIdle(60));
    }
    const std::filesystem::path pdf = dir / "bilan-demo.pdf";
    const Outcome o =
        Launch({ReportProgram(), "--config", DemoConfig().string(), "--db", (dir / "responses.db").string(),
                "--from", "2026-11-01", "--to", "2026-11-30", "--out", pdf.string()});
    INFO(o.err);
    REQUIRE(o.code == 0);
    const std::filesystem::path pages = std::filesystem::path(KIOSK_BINARY_DIR) / "report-pages";
    std::error_code ec;
    std::filesystem::remove_all(pages, ec);
    std::filesystem::create_directories(pages);
    std::filesystem::copy_file(pdf, pages / "bilan-demo.pdf");
    const Outcome png =
        Launch({"/usr/bin/pdftoppm", "-r", "60", "-png", pdf.string(), (pages / "page").string()});
    INFO(png.err);
    REQUIRE(png.code == 0);
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(pages))
        count += entry.path().extension() == ".png";
    CHECK(count >= 6);
    WARN("demo report: " << count << " pages rendered in " << pages.string());
}
