// Exports: the read-only source, the four formats, the manifest, determinism.
// Databases are real SQLite files written by the kiosk's own ResponseWriter.
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "export/export_job.h"
#include "export/export_text.h"
#include "export/export_writer.h"
#include "export/response_source.h"
#include "store/response_store.h"
#include "store/response_writer.h"
#include "store/schema.h"
#include "store_test_support.h"
#include "survey/survey_loader.h"
#include "survey/synthetic_answers.h"
#include "sync/destination.h"
#include "test_paths.h"

using namespace kiosk;

namespace {

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

// A database holding `responses`, written by the kiosk's writer.
std::filesystem::path MakeDatabase(const std::string& name, const std::vector<Response>& responses) {
    const std::filesystem::path db = test::ScratchDir(name) / "responses.db";
    ResponseWriter writer;
    std::string moved;
    REQUIRE(writer.Open(db, 5000, moved).ok);
    for (const Response& r : responses)
        REQUIRE(writer.Insert(r).ok);
    return db;
}

std::vector<Survey> DemoSurveys() {
    Diagnostics diags;
    std::vector<Survey> surveys = LoadSurveys(test::SourceDir() / "config" / "surveys", {"fr", "en"}, diags);
    REQUIRE(surveys.size() >= 3);
    return surveys;
}

std::vector<Response> ReadAll(ResponseSource& source, const ResponseFilter& filter) {
    std::vector<Response> out;
    std::string error;
    REQUIRE(source.Read(
        filter, 0, 1'000'000, 0,
        [&](const Response& r) {
            out.push_back(r);
            return true;
        },
        error));
    return out;
}

} // namespace

TEST_CASE("the read-only source gives back exactly what was recorded, filtered") {
    Response full = test::FullResponse();
    Response vote = test::Vote("futur-square", "souhait", "jeux");
    vote.submitted_at = "2026-12-02T09:00:00.000Z";
    Response test_vote = test::Vote("futur-square", "souhait", "eau", false, /*is_test=*/true);
    Response empty = test::Vote("futur-square", "souhait", "eau");
    empty.answers.clear(); // an abandoned survey with nothing answered
    empty.status = ResponseStatus::Abandoned;
    const std::filesystem::path db = MakeDatabase("export-source", {full, vote, test_vote, empty});

    ResponseSource source;
    std::string error;
    REQUIRE(source.Open(db, error));
    CHECK(IsUuidV4(source.DatabaseId()));
    CHECK(source.SchemaVersion() == kSchemaVersion);
    CHECK(source.MaxSeq(error) == 4);

    std::vector<Response> all = ReadAll(source, {true, "", ""});
    REQUIRE(all.size() == 4);
    full.seq = 1, vote.seq = 2, test_vote.seq = 3, empty.seq = 4;
    CHECK(all[0] == full); // every answer shape, hostile text and all
    CHECK(all[1] == vote);
    CHECK(all[2] == test_vote);
    CHECK(all[3] == empty);

    CHECK(ReadAll(source, {false, "", ""}).size() == 3); // test responses left out by default
    CHECK(ReadAll(source, {false, "futur-square", ""}).size() == 2);
    CHECK(ReadAll(source, {false, "", "2026-12-01T00:00:00.000Z"}).size() == 1);
    CHECK(source.Count({false, "", ""}, 1, 4, error) == 2);

    // A limit and an early stop.
    int visited = 0;
    REQUIRE(source.Read(
        {true, "", ""}, 0, 100, 2, [&](const Response&) { return ++visited < 5; }, error));
    CHECK(visited == 2);
}

TEST_CASE("the source refuses what is not a kiosk database, naming the file") {
    ResponseSource missing;
    std::string error;
    CHECK_FALSE(missing.Open("/nonexistent/responses.db", error));
    CHECK(error.find("/nonexistent/responses.db") != std::string::npos);

    const std::filesystem::path other = test::ScratchDir("export-not-kiosk") / "other.db";
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    ResponseSource not_kiosk;
    CHECK_FALSE(not_kiosk.Open(other, error));
    CHECK(error.find("not a kiosk responses database") != std::string::npos);
}

TEST_CASE("an export writes every format, then a manifest whose hashes and counts match the files") {
    const std::vector<Survey> surveys = DemoSurveys();
    const Survey* usages = nullptr;
    for (const Survey& s : surveys)
        if (s.id == "usages-espaces-publics") usages = &s;
    REQUIRE(usages);
    std::mt19937_64 rng(42);
    std::vector<Response> responses;
    for (int i = 0; i < 40; i++)
        responses.push_back(
            SyntheticResponse(*usages, "fauvettes-mdp-01", "fr", 1795000000000 + i * 1000, rng));
    responses.push_back(test::Vote("futur-square", "souhait", "jeux"));
    const std::filesystem::path db = MakeDatabase("export-files", responses);

    ResponseSource source;
    std::string error;
    REQUIRE(source.Open(db, error));
    auto write = [&](const std::filesystem::path& dir, ExportOptions options) {
        std::filesystem::create_directories(dir);
        ExportJob job{dir, "fauvettes-mdp-01", "2026-12-01T10:00:00.000Z", options, {true, "", ""}, 7};
        ExportResult result;
        INFO(error);
        REQUIRE(ExportToDirectory(source, surveys, job, result, error));
        return result;
    };
    const ExportResult a = write(test::ScratchDir("export-files-a"), {});
    CHECK(a.dir.filename() == "fauvettes-mdp-01.export.20261201T100000Z");
    CHECK(a.counts.responses == 41);
    int64_t answers = 0, pins = 0;
    for (const Response& r : responses)
        for (const Answer& x : r.answers) {
            answers++;
            pins += x.plan_id ? 1 : 0;
        }
    CHECK(a.counts.answers == answers);
    CHECK(a.counts.pins == pins);
    CHECK(pins > 0);
    // No staging directory is left behind.
    for (const auto& entry : std::filesystem::directory_iterator(a.dir.parent_path()))
        CHECK(entry.path().filename().string()[0] != '.');

    const nlohmann::json manifest = nlohmann::json::parse(ReadFile(a.dir / "manifest.json"));
    CHECK(manifest["counts"]["responses"] == 41);
    CHECK(manifest["database_id"] == source.DatabaseId());
    CHECK(manifest["range"]["last_seq"] == 41);
    std::set<std::string> names;
    for (const nlohmann::json& f : manifest["files"]) {
        const std::string bytes = ReadFile(a.dir / f["name"].get<std::string>());
        CHECK(f["sha256"] == Sha256Hex(bytes));
        CHECK(f["bytes"] == bytes.size());
        names.insert(f["name"].get<std::string>());
    }
    CHECK(names == std::set<std::string>{"answers.csv", "responses.jsonl", "pins.geojson",
                                         "pins-plan.geojson", "datapackage.json",
                                         "responses-usages-espaces-publics.csv", "responses-futur-square.csv",
                                         "responses.xlsx"});
    // Line counts: header + one row per answer / one line per response.
    CHECK(Lines(ReadFile(a.dir / "answers.csv")).size() == (size_t)answers + 1);
    CHECK(Lines(ReadFile(a.dir / "responses.jsonl")).size() == 41);
    // No plan is georeferenced here: every pin is in plan coordinates, none in WGS84.
    const nlohmann::json geo = nlohmann::json::parse(ReadFile(a.dir / "pins-plan.geojson"));
    CHECK(geo["type"] == "FeatureCollection");
    CHECK(geo["coordinate_system"] == "plan");
    CHECK(geo["features"].size() == (size_t)pins);
    CHECK(geo["features"][0]["geometry"]["type"] == "Point");
    CHECK(nlohmann::json::parse(ReadFile(a.dir / "pins.geojson"))["features"].empty());
    // datapackage.json: one resource per CSV file, listed in the manifest like the others.
    const nlohmann::json package = nlohmann::json::parse(ReadFile(a.dir / "datapackage.json"));
    CHECK(package["profile"] == "tabular-data-package");
    CHECK(package["resources"].size() == 3);
    CHECK(package["licenses"][0]["name"] == "etalab-2.0");

    // The same export again (same creation time): byte-identical files, the workbook too
    // (its document properties carry the batch's creation time, not the clock's).
    const ExportResult b = write(test::ScratchDir("export-files-b"), {});
    for (const ExportedFile& f : a.files)
        CHECK(ReadFile(a.dir / f.name) == ReadFile(b.dir / f.name));
    CHECK(ReadFile(a.dir / "manifest.json") == ReadFile(b.dir / "manifest.json"));

    // Only the formats asked for.
    ExportOptions only_long;
    only_long.formats = {ExportFormat::CsvLong};
    const ExportResult c = write(test::ScratchDir("export-files-c"), only_long);
    REQUIRE(c.files.size() == 2); // and its description
    CHECK(c.files[0].name == "answers.csv");
    CHECK(c.files[1].name == "datapackage.json");
}

TEST_CASE("wide CSV: one column per question, values by question type, one-hot and translated headers") {
    const std::vector<Survey> surveys = DemoSurveys();
    Response r = test::FullResponse("usages-espaces-publics");
    r.survey_version = 1;
    r.answers.clear();
    auto add = [&](const char* q) -> Answer& { return r.answers.emplace_back(Answer{q}); };
    add("frequence").option_id = "chaque-jour";
    add("lieux").option_id = "square";
    add("lieux").option_id = "ecole";
    add("proprete").number = 7;
    for (const char* option : {"ombre", "jeux"}) { // ranking rows, stored in rank order 2, 1
        Answer& a = add("priorites");
        a.option_id = option;
        a.number = std::string(option) == "ombre" ? 2 : 1;
    }
    for (int i = 0; i < 2; i++) {
        Answer& pin = add("endroits");
        pin.plan_id = "plan-quartier-2030";
        pin.x = 0.25 * (i + 1);
        pin.y = 0.5;
    }
    add("idee").text = "=HYPERLINK(\"http://x\")";
    Response old = r; // an older version that asked a question since removed
    old.uuid = NewUuidV4();
    old.survey_version = 99;
    old.answers.push_back(Answer{"ancienne-question", std::string("oui")});
    const std::filesystem::path db = MakeDatabase("export-wide", {r, old});

    ResponseSource source;
    std::string error;
    REQUIRE(source.Open(db, error));
    auto wide = [&](ExportOptions options, const std::string& name) {
        options.formats = {ExportFormat::CsvWide};
        const std::filesystem::path dir = test::ScratchDir(name);
        ExportJob job{dir, "k", "2026-12-01T10:00:00.000Z", options, {true, "", ""}};
        ExportResult result;
        REQUIRE(ExportToDirectory(source, surveys, job, result, error));
        return Lines(ReadFile(result.dir / "responses-usages-espaces-publics.csv"));
    };

    const std::vector<std::string> rows = wide({}, "export-wide-ids");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].rfind(
              "uuid,kiosk_id,survey_id,survey_version,language,origin,status,is_test,burst,started_at,"
              "submitted_at,duration_ms,paper_date,frequence,",
              0) == 0);
    CHECK(rows[0].find(",ancienne-question\r") != std::string::npos); // older version's question, at the end
    CHECK(rows[1].find(",chaque-jour,") != std::string::npos);
    CHECK(rows[1].find(",square|ecole,") != std::string::npos); // multiple choice
    CHECK(rows[1].find(",7,") != std::string::npos);            // scale
    CHECK(rows[1].find(",jeux|ombre,") != std::string::npos);   // ranking, in rank order
    CHECK(rows[1].find(",2,\"=HYPERLINK(\"\"http://x\"\")\",0,") !=
          std::string::npos); // 2 pins, then the text intact (opendata), not hidden
    CHECK(rows[0].find(",idee,idee.hidden,") != std::string::npos);
    CHECK(rows[2].find(",oui\r") != std::string::npos);

    ExportOptions one_hot;
    one_hot.one_hot = true;
    const std::vector<std::string> hot = wide(one_hot, "export-wide-one-hot");
    CHECK(hot[0].find(",lieux.square,") != std::string::npos);
    CHECK(hot[0].find(",lieux,") == std::string::npos);

    ExportOptions french;
    french.header_language = "fr";
    french.profile = CsvProfile::ExcelFr;
    const std::vector<std::string> fr = wide(french, "export-wide-fr");
    CHECK(fr[0].rfind("\xEF\xBB\xBFuuid;", 0) == 0);
    CHECK(fr[0].find("frequence") == std::string::npos); // ids replaced by the questions' text
    CHECK(fr[1].find(";\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
}

TEST_CASE("every format writes invalid UTF-8 and NUL in a text the same way: U+FFFD") {
    // A damaged database: a NUL, a stray byte, a truncated sequence at the end, an overlong
    // '/', a surrogate — in a free-text answer and in a pin's comment.
    const std::string damaged = std::string("a\0b", 3) + "\xFF" + "c\xC0\xAF" + "d\xED\xA0\x80" + "e\xE2\x82";
    const std::string expected = "a\uFFFDb\uFFFDc\uFFFD\uFFFDd\uFFFD\uFFFD\uFFFDe\uFFFD";
    CHECK(CleanForExport(damaged) == expected);
    Response r = test::FullResponse();
    for (Answer& a : r.answers)
        if (a.text) a.text = damaged;
    const std::filesystem::path db = MakeDatabase("export-damaged", {r});
    ResponseSource source;
    std::string error;
    REQUIRE(source.Open(db, error));
    const std::vector<Response> read = ReadAll(source, {});
    REQUIRE(read.size() == 1);
    REQUIRE(read[0].answers[6].text == damaged); // the database holds the damage as it is

    for (CsvProfile profile : {CsvProfile::OpenData, CsvProfile::ExcelFr}) {
        const std::filesystem::path out =
            test::ScratchDir(std::string("export-damaged-") + ToString(profile));
        ExportOptions options;
        options.profile = profile;
        ExportJob job{out, "fauvettes-mdp-01", "2026-12-01T10:00:00.000Z", options, {}, 100};
        ExportResult result;
        INFO(error);
        REQUIRE(ExportToDirectory(source, {}, job, result, error));
        for (const ExportedFile& f : result.files) {
            INFO(f.name);
            if (f.format == ExportFormat::Xlsx) continue; // compressed: e2e_xlsx_libreoffice reads it
            const std::string bytes = ReadFile(result.dir / f.name);
            CHECK(bytes.find('\0') == std::string::npos);
            CHECK(IsExportClean(bytes));
            // Every file holding answers (not the description, nor pins.geojson: no plan is
            // georeferenced here, the pins are in pins-plan.geojson).
            if (f.name != "datapackage.json" && f.name != "pins.geojson")
                CHECK(bytes.find(expected) != std::string::npos);
        }
        const nlohmann::json line =
            nlohmann::json::parse(Lines(ReadFile(result.dir / "responses.jsonl")).at(0));
        CHECK(line["answers"][6]["text"] == expected);
        CHECK(line["answers"][11]["text"] == expected);
        const nlohmann::json geo = nlohmann::json::parse(ReadFile(result.dir / "pins-plan.geojson"));
        CHECK(geo["features"][1]["properties"]["text"] == expected);
    }
    // The HTTPS batch too.
    Batch batch;
    batch.responses = read;
    const nlohmann::json body = nlohmann::json::parse(HttpsBatchBody(batch));
    CHECK(body["responses"][0]["answers"][6]["text"] == expected);
}

TEST_CASE("invalid UTF-8 is replaced one maximal ill-formed subpart at a time, valid text kept") {
    CHECK(CleanForExport("Ça coûte 5 € 🌳") == "Ça coûte 5 € 🌳");
    CHECK(IsExportClean("Ça coûte 5 € 🌳\t\r\n"));
    CHECK(CleanForExport("\xE2\x82"
                         "A") == "\uFFFD"
                                 "A");                                       // truncated: one
    CHECK(CleanForExport("\xF0\x80\x80") == "\uFFFD\uFFFD\uFFFD");           // overlong: each byte
    CHECK(CleanForExport("\xF4\x90\x80\x80") == "\uFFFD\uFFFD\uFFFD\uFFFD"); // past U+10FFFF
    CHECK(CleanForExport("\xF0\x9F\x8C") == "\uFFFD");                       // emoji cut short
    CHECK(CleanForExport(std::string("\0", 1)) == "\uFFFD");
    CHECK_FALSE(IsExportClean(std::string("a\0", 2)));
}

TEST_CASE("a second export in the same second gets a directory of its own") {
    const std::filesystem::path db = MakeDatabase("export-same-second", {test::FullResponse()});
    ResponseSource source;
    std::string error;
    REQUIRE(source.Open(db, error));
    const std::filesystem::path out = test::ScratchDir("export-same-second-out");
    std::vector<std::filesystem::path> dirs;
    for (int i = 0; i < 3; i++) {
        ExportJob job{out, "fauvettes-mdp-01", "2026-12-01T10:15:00.123Z", {}, {}, 100};
        ExportResult result;
        INFO(error);
        REQUIRE(ExportToDirectory(source, {}, job, result, error));
        dirs.push_back(result.dir);
        const nlohmann::json manifest = nlohmann::json::parse(ReadFile(result.dir / "manifest.json"));
        CHECK(manifest["batch_id"] == result.dir.filename().string());
    }
    CHECK(dirs[0].filename() == "fauvettes-mdp-01.export.20261201T101500Z");
    CHECK(dirs[1].filename() == "fauvettes-mdp-01.export.20261201T101500Z-2");
    CHECK(dirs[2].filename() == "fauvettes-mdp-01.export.20261201T101500Z-3");
    // An export being written (its staging directory) keeps its name: the next one skips it.
    std::filesystem::create_directory(out / ".partial-fauvettes-mdp-01.export.20261201T101500Z-4");
    ExportJob job{out, "fauvettes-mdp-01", "2026-12-01T10:15:00.999Z", {}, {}, 100};
    ExportResult result;
    REQUIRE(ExportToDirectory(source, {}, job, result, error));
    CHECK(result.dir.filename() == "fauvettes-mdp-01.export.20261201T101500Z-5");
}

TEST_CASE("exports flag a hidden free-text answer, carry paper responses, leave test ones out unless asked") {
    Response shown = test::FullResponse("usages-espaces-publics");
    shown.survey_version = 1;
    shown.answers = {Answer{"idee"}};
    shown.answers[0].text = "Des bancs";
    Response insult = shown;
    insult.uuid = NewUuidV4();
    insult.answers[0].text = "Insulte";
    Response paper = shown;
    paper.uuid = NewUuidV4();
    paper.origin = ResponseOrigin::Paper;
    paper.paper_date = "2026-10-15";
    paper.answers[0].text = "Sur papier";
    Response test_one = shown;
    test_one.uuid = NewUuidV4();
    test_one.is_test = true;
    test_one.answers[0].text = "Essai";
    const std::filesystem::path db = MakeDatabase("export-hidden", {shown, insult, paper, test_one});
    {
        ResponseStore store(test::FastRetry(db)); // hiding goes through the store's writer
        store.SetHidden(insult.uuid, "idee", true);
        REQUIRE(store.WaitIdle(10));
        REQUIRE(store.Status().hidden_changes == 1);
    }
    ResponseSource source;
    std::string error;
    REQUIRE(source.Open(db, error));
    const std::vector<Survey> surveys = DemoSurveys();
    auto export_all = [&](const std::string& name, bool include_test) {
        ExportJob job{test::ScratchDir(name), "k", "2026-12-01T10:00:00.000Z", {}, {include_test, "", ""}};
        ExportResult result;
        INFO(error);
        REQUIRE(ExportToDirectory(source, surveys, job, result, error));
        return result.dir;
    };
    const std::filesystem::path dir = export_all("export-hidden-out", false);

    const std::vector<std::string> jsonl = Lines(ReadFile(dir / "responses.jsonl"));
    REQUIRE(jsonl.size() == 3); // the test response is left out by default
    const nlohmann::json first = nlohmann::json::parse(jsonl[0]), second = nlohmann::json::parse(jsonl[1]),
                         third = nlohmann::json::parse(jsonl[2]);
    CHECK(first["answers"][0]["hidden"] == false);
    CHECK(second["answers"][0]["text"] == "Insulte"); // delivered, flagged
    CHECK(second["answers"][0]["hidden"] == true);
    CHECK_FALSE(first.contains("paper_date"));
    CHECK(third["origin"] == "paper");
    CHECK(third["paper_date"] == "2026-10-15");

    const std::vector<std::string> long_rows = Lines(ReadFile(dir / "answers.csv"));
    REQUIRE(long_rows.size() == 4);
    CHECK(long_rows[0].find(",x,y,hidden\r") != std::string::npos);
    CHECK(long_rows[1].find("Des bancs,,,,,0\r") != std::string::npos);
    CHECK(long_rows[2].find("Insulte,,,,,1\r") != std::string::npos);

    const std::vector<std::string> wide = Lines(ReadFile(dir / "responses-usages-espaces-publics.csv"));
    REQUIRE(wide.size() == 4);
    CHECK(wide[2].find(",Insulte,1") != std::string::npos);
    CHECK(wide[1].find(",Des bancs,0") != std::string::npos);
    CHECK(wide[3].find(",paper,complete,0,0,") != std::string::npos);
    CHECK(wide[3].find(",2026-10-15,") != std::string::npos);

    // Asked for: the test response is there too.
    const std::filesystem::path with_test = export_all("export-hidden-with-test", true);
    CHECK(Lines(ReadFile(with_test / "responses.jsonl")).size() == 4);
}

TEST_CASE(
    "datapackage.json: a Table Schema per CSV file, the profile's dialect, the licence, pins in WGS84") {
    const std::vector<Survey> surveys = DemoSurveys();
    const Survey* usages = nullptr;
    for (const Survey& s : surveys)
        if (s.id == "usages-espaces-publics") usages = &s;
    REQUIRE(usages);
    std::mt19937_64 rng(7);
    std::vector<Response> responses;
    for (int i = 0; i < 20; i++)
        responses.push_back(
            SyntheticResponse(*usages, "fauvettes-mdp-01", "fr", 1795000000000 + i * 1000, rng));
    const std::filesystem::path db = MakeDatabase("export-package", responses);
    ResponseSource source;
    std::string error;
    REQUIRE(source.Open(db, error));

    ExportContext context;
    context.licence = "ODbL-1.0";
    context.example = true;
    GeoAffine affine; // 1 plan unit = 1e-5° east and 1e-5° south of 2.5 E, 48.9 N
    affine.a = {1e-5, 0, 2.5, 0, -1e-5, 48.9};
    context.georefs["plan-quartier-2030"] = {affine, 3200, 2200};
    // Stored with a planned batch: read back, the same context (doubles exactly).
    std::optional<ExportContext> read_back =
        ExportContextFromJson(nlohmann::json::parse(ToJson(context).dump()));
    REQUIRE(read_back);
    CHECK(ToJson(*read_back) == ToJson(context));
    CHECK(read_back->georefs.at("plan-quartier-2030").affine.a == affine.a);
    CHECK_FALSE(ExportContextFromJson(nlohmann::json::parse(R"({"georefs": {"p": {"affine": "no"}}})")));

    for (CsvProfile profile : {CsvProfile::OpenData, CsvProfile::ExcelFr}) {
        const std::filesystem::path out =
            test::ScratchDir(std::string("export-package-") + ToString(profile));
        ExportOptions options;
        options.profile = profile;
        ExportJob job{
            out, "fauvettes-mdp-01", "2026-12-01T10:00:00.000Z", options, {true, "", ""}, 100, {}, context};
        ExportResult result;
        INFO(error);
        REQUIRE(ExportToDirectory(source, surveys, job, result, error));
        const nlohmann::json p = nlohmann::json::parse(ReadFile(result.dir / "datapackage.json"));
        CHECK(p["profile"] == "tabular-data-package");
        CHECK(p["licenses"][0]["name"] == "ODbL-1.0");
        CHECK(p["kiosk:example"] == true);
        CHECK(p["description"].get<std::string>().find("EXAMPLE") != std::string::npos);
        REQUIRE(p["resources"].size() == 2);
        const nlohmann::json& wide = p["resources"][0];
        const nlohmann::json& answers = p["resources"][1];
        CHECK(wide["path"] == "responses-usages-espaces-publics.csv");
        CHECK(wide["hash"] ==
              "sha256:" + Sha256Hex(ReadFile(result.dir / "responses-usages-espaces-publics.csv")));
        CHECK(wide["dialect"]["delimiter"] == (profile == CsvProfile::ExcelFr ? ";" : ","));
        CHECK(wide["schema"]["primaryKey"] == nlohmann::json{"uuid"});
        CHECK(wide["schema"]["missingValues"] == nlohmann::json{""});
        // Fields by name: the choice question's options, the scale's bounds, a decimal comma in excel-fr.
        std::map<std::string, nlohmann::json> fields;
        for (const nlohmann::json& f : wide["schema"]["fields"])
            fields[f["name"].get<std::string>()] = f;
        CHECK(fields["frequence"]["constraints"]["enum"] ==
              nlohmann::json{"chaque-jour", "chaque-semaine", "parfois", "jamais"});
        CHECK(fields["proprete"]["type"] == "number");
        CHECK(fields["proprete"]["constraints"]["minimum"] == usages->FindQuestion("proprete")->scale_from);
        CHECK(fields["proprete"]["constraints"]["maximum"] == usages->FindQuestion("proprete")->scale_to);
        CHECK(fields["proprete"].contains("decimalChar") == (profile == CsvProfile::ExcelFr));
        CHECK(fields["is_test"]["type"] == "boolean");
        CHECK(answers["schema"]["primaryKey"] == nlohmann::json{"response_uuid", "position"});
        // One survey: the foreign key from answers.csv to the wide file holds.
        CHECK(answers["schema"]["foreignKeys"][0]["reference"]["resource"] ==
              "responses-usages-espaces-publics");
        CHECK(answers.contains("kiosk:byte_order_mark") == (profile == CsvProfile::ExcelFr));

        // Pins: this survey's plan is georeferenced, so all are in pins.geojson at the affine's lon/lat.
        const nlohmann::json wgs84 = nlohmann::json::parse(ReadFile(result.dir / "pins.geojson"));
        const nlohmann::json drawing = nlohmann::json::parse(ReadFile(result.dir / "pins-plan.geojson"));
        REQUIRE_FALSE(wgs84["features"].empty());
        CHECK(drawing["features"].empty());
        for (const nlohmann::json& f : wgs84["features"]) {
            CHECK(f["properties"]["plan_id"] == "plan-quartier-2030");
            const double x = f["properties"]["x"], y = f["properties"]["y"];
            CHECK(f["geometry"]["coordinates"][0].get<double>() ==
                  Approx(2.5 + x * 3200 * 1e-5).margin(1e-7));
            CHECK(f["geometry"]["coordinates"][1].get<double>() ==
                  Approx(48.9 - y * 2200 * 1e-5).margin(1e-7));
        }
    }

    // A response to another version of the survey: its options may differ, so no enum.
    Response older = responses[0];
    older.uuid = "0f6a3c1e-2b4d-4e8f-9a0b-1c2d3e4f5a6b";
    older.survey_version = usages->version + 1;
    const std::filesystem::path db2 = MakeDatabase("export-package-versions", {responses[1], older});
    ResponseSource source2;
    REQUIRE(source2.Open(db2, error));
    const std::filesystem::path out = test::ScratchDir("export-package-versions-out");
    ExportJob job{out, "fauvettes-mdp-01", "2026-12-01T10:00:00.000Z", {}, {true, "", ""}, 100};
    ExportResult result;
    REQUIRE(ExportToDirectory(source2, surveys, job, result, error));
    const nlohmann::json p = nlohmann::json::parse(ReadFile(result.dir / "datapackage.json"));
    for (const nlohmann::json& f : p["resources"][0]["schema"]["fields"])
        if (f["name"] == "frequence") CHECK_FALSE(f.contains("constraints"));
}
