#include "export/data_package.h"

#include <nlohmann/json.hpp>

#include "export/export_text.h"
#include "export/export_writer.h"

namespace kiosk {

namespace {

using Json = nlohmann::ordered_json;

const DataLicence kLicences[] = {
    {"etalab-2.0", "Licence Ouverte / Open Licence version 2.0",
     "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},
    {"ODbL-1.0", "Open Data Commons Open Database License 1.0",
     "https://opendatacommons.org/licenses/odbl/1-0/"},
    {"CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"},
    {"CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"},
};

// Every timestamp the kiosk writes: UTC with milliseconds (store/timestamp.h).
constexpr const char* kTimestampFormat = "%Y-%m-%dT%H:%M:%S.%fZ";
// excel-fr's local times (export/local_time.h): seconds, no zone.
constexpr const char* kLocalTimeFormat = "%Y-%m-%d %H:%M:%S";

class Fields {
public:
    explicit Fields(const ExportOptions& options) : options_(options) {}

    Json& Add(std::string_view name, std::string_view type, std::string_view description) {
        Json f = {{"name", name}, {"type", type}};
        if (!description.empty()) f["description"] = description;
        if (type == "number" && options_.profile == CsvProfile::ExcelFr) f["decimalChar"] = ",";
        if (type == "boolean") { // CsvWriter writes flags as 1 and 0
            f["trueValues"] = {"1"};
            f["falseValues"] = {"0"};
        }
        if (type == "datetime") f["format"] = kTimestampFormat;
        fields_.push_back(std::move(f));
        return fields_.back();
    }
    // A response time: UTC in opendata; in excel-fr the kiosk's local time (CsvWriter::Time, a
    // shape spreadsheets read as a date-time, no zone), then the UTC value in "<name>_utc".
    Json& Time(std::string_view name, bool required) {
        if (options_.profile == CsvProfile::ExcelFr) {
            Json& local =
                Add(name, "datetime", "the kiosk's local time (the time zone of the machine that exported)");
            local["format"] = kLocalTimeFormat;
            if (required) Require(local);
            name_utc_ = std::string(name) + "_utc";
            name = name_utc_;
        }
        Json& utc = Add(name, "datetime", "UTC");
        if (required) Require(utc);
        return utc;
    }
    static void Require(Json& f) { f["constraints"]["required"] = true; }
    static void Range(Json& f, int64_t min, int64_t max) {
        f["constraints"]["minimum"] = min;
        f["constraints"]["maximum"] = max;
    }
    static void Enum(Json& f, const std::vector<std::string>& values) { f["constraints"]["enum"] = values; }

    Json Take() { return std::move(fields_); }

private:
    const ExportOptions& options_;
    Json fields_ = Json::array();
    std::string name_utc_;
};

std::vector<std::string> OptionIds(const Question& q) {
    std::vector<std::string> ids;
    for (const Option& o : q.options)
        ids.push_back(o.id);
    return ids;
}

// The columns every wide file starts with (ExportWriter's kWideFixedHeaders).
void FixedWideFields(Fields& f, const std::string& survey_id) {
    Json& uuid = f.Add("uuid", "string", "the response's random identifier (UUID v4)");
    uuid["format"] = "uuid";
    f.Require(uuid);
    uuid["constraints"]["unique"] = true;
    f.Require(f.Add("kiosk_id", "string", "the kiosk that recorded the response"));
    Json& survey = f.Add("survey_id", "string", "");
    f.Require(survey);
    f.Enum(survey, {survey_id});
    Json& version = f.Add("survey_version", "integer", "the version of the survey definition answered");
    f.Require(version);
    version["constraints"]["minimum"] = 1;
    f.Require(f.Add("language", "string", "the language the visitor answered in"));
    Json& origin = f.Add("origin", "string", "who entered the response");
    f.Require(origin);
    f.Enum(origin, {"kiosk", "assisted", "event", "synthetic", "paper"});
    Json& status = f.Add("status", "string", "abandoned: left mid-way, kept by the survey's timeout policy");
    f.Require(status);
    f.Enum(status, {"complete", "abandoned"});
    f.Require(f.Add("is_test", "boolean", "a test response made by staff"));
    f.Require(f.Add("burst", "boolean", "one of a burst of poll votes (several votes in a few seconds)"));
    f.Time("started_at", false);
    f.Time("submitted_at", true);
    Json& duration = f.Add("duration_ms", "integer", "");
    f.Require(duration);
    duration["constraints"]["minimum"] = 0;
    f.Add("paper_date", "date", "origin paper: the date written on the questionnaire");
}

void QuestionField(Fields& f, const WideColumn& c, const ExportOptions& options, bool exact) {
    const Question* q = c.question;
    std::string title;
    if (q) title = q->text.Get(options.header_language.empty() ? "fr" : options.header_language, "fr");
    auto add = [&](std::string_view type, std::string_view description) -> Json& {
        Json& field = f.Add(c.header, type, description);
        if (!title.empty()) field["title"] = title;
        return field;
    };
    if (c.hidden_flag) {
        add("boolean", "1: staff hid this free-text answer from the kiosk's on-screen results");
        return;
    }
    if (!c.option_id.empty()) {
        add("boolean", "1: the option " + c.option_id + " was chosen");
        return;
    }
    if (!q) {
        add("string", "a question of an older version of the survey: option ids separated by |, or the text");
        return;
    }
    // `exact`: every row answers the loaded definition, so its options and bounds hold.
    switch (q->type) {
    case QuestionType::SingleChoice:
    case QuestionType::YesNo:
    case QuestionType::Smiley: {
        Json& field = add("string", "the option id chosen");
        if (exact) f.Enum(field, OptionIds(*q));
        break;
    }
    case QuestionType::Scale: {
        Json& field = add("number", "the level chosen on the scale");
        if (exact) f.Range(field, q->scale_from, q->scale_to);
        break;
    }
    case QuestionType::Number: {
        Json& field = add("number", "the number given");
        if (exact) f.Range(field, q->number_min, q->number_max);
        break;
    }
    case QuestionType::FreeText: add("string", "free text typed by a visitor"); break;
    case QuestionType::PlanPin: {
        Json& field = add("integer", "the number of pins placed (the pins: answers.csv, pins*.geojson)");
        field["constraints"]["minimum"] = 0;
        break;
    }
    case QuestionType::Ranking: add("string", "option ids in rank order, separated by |"); break;
    case QuestionType::MultipleChoice: add("string", "the option ids chosen, separated by |"); break;
    }
}

Json LongFields(const ExportOptions& options) {
    Fields f(options);
    Json& uuid =
        f.Add("response_uuid", "string", "the response (uuid of its row in responses-<survey_id>.csv)");
    uuid["format"] = "uuid";
    f.Require(uuid);
    f.Require(f.Add("kiosk_id", "string", ""));
    f.Require(f.Add("survey_id", "string", ""));
    Json& version = f.Add("survey_version", "integer", "");
    f.Require(version);
    version["constraints"]["minimum"] = 1;
    f.Require(f.Add("language", "string", ""));
    Json& status = f.Add("status", "string", "");
    f.Require(status);
    f.Enum(status, {"complete", "abandoned"});
    f.Time("submitted_at", true);
    Json& position = f.Add("position", "integer", "the answer's rank within its response, from 0");
    f.Require(position);
    position["constraints"]["minimum"] = 0;
    f.Require(f.Add("question_id", "string", ""));
    f.Add("option_id", "string", "choice questions, and a pin's choice");
    f.Add("text", "string", "free text, and a pin's comment");
    f.Add("number", "number", "scale, number, smiley level, rank");
    f.Add("plan_id", "string", "plan pins: the plan");
    f.Range(f.Add("x", "number", "plan pins: 0 to 1 across the plan image, from the left"), 0, 1);
    f.Range(f.Add("y", "number", "plan pins: 0 to 1 down the plan image, from the top"), 0, 1);
    f.Add("hidden", "boolean", "answers with text: 1 when staff hid it from on-screen results");
    return f.Take();
}

Json Dialect(CsvProfile profile) {
    Json d = {{"delimiter", profile == CsvProfile::ExcelFr ? ";" : ","},
              {"lineTerminator", "\r\n"},
              {"quoteChar", "\""},
              {"doubleQuote", true},
              {"header", true}};
    return d;
}

// Package and resource names are lowercase a-z 0-9 - _ . (the spec's pattern): ids and file
// names are already made of these but for case.
std::string Lowercase(std::string_view text) {
    std::string name(text);
    for (char& c : name)
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    return name;
}

std::string ResourceName(std::string_view file) {
    return Lowercase(file.substr(0, file.rfind('.')));
}

} // namespace

std::optional<DataLicence> FindDataLicence(std::string_view id) {
    for (const DataLicence& l : kLicences)
        if (l.id == id) return l;
    return std::nullopt;
}

std::string DataLicenceIds() {
    std::string out;
    for (const DataLicence& l : kLicences)
        out += (out.empty() ? "" : ", ") + l.id;
    return out;
}

nlohmann::json ToJson(const ExportContext& context) {
    nlohmann::json georefs = nlohmann::json::object();
    for (const auto& [plan_id, g] : context.georefs)
        georefs[plan_id] = {{"affine", g.affine.a}, {"width", g.width}, {"height", g.height}};
    return {{"licence", context.licence}, {"example", context.example}, {"georefs", georefs}};
}

std::optional<ExportContext> ExportContextFromJson(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    ExportContext out;
    try {
        out.licence = json.value("licence", std::string(kDefaultLicence));
        out.example = json.value("example", false);
        const nlohmann::json georefs =
            json.value("georefs", nlohmann::json::object()); // items() needs it alive
        for (const auto& [plan_id, g] : georefs.items()) {
            PlanGeoref georef;
            georef.affine.a = g.at("affine").get<std::array<double, 6>>();
            georef.width = g.at("width").get<double>();
            georef.height = g.at("height").get<double>();
            out.georefs[plan_id] = georef;
        }
    } catch (const nlohmann::json::exception&) { // a state file edited by hand
        return std::nullopt;
    }
    return out;
}

std::string DataPackageText(const DataPackageInput& in) {
    const ExportOptions& options = *in.options;
    const ExportIdentity& id = *in.identity;
    const ExportContext& context = *in.context;
    const bool excel = options.profile == CsvProfile::ExcelFr;

    Json resources = Json::array();
    std::vector<std::string> wide_names;
    for (const ExportedFile& file : in.csv_files)
        if (file.format == ExportFormat::CsvWide) wide_names.push_back(ResourceName(file.name));
    for (const ExportedFile& file : in.csv_files) {
        Json r = {{"name", ResourceName(file.name)},
                  {"path", file.name},
                  {"profile", "tabular-data-resource"},
                  {"format", "csv"},
                  {"mediatype", "text/csv"},
                  {"encoding", "utf-8"}};
        r["bytes"] = file.bytes;
        r["hash"] = "sha256:" + file.sha256;
        Json schema;
        if (file.format == ExportFormat::CsvWide) {
            const auto found = in.wide_files.find(file.name);
            const WideFileInfo* info = found == in.wide_files.end() ? nullptr : &found->second;
            r["title"] = "Responses to the survey " + file.survey_id;
            r["description"] =
                "One row per response; one column per question (docs/export-formats.md, csv-wide).";
            Fields f(options);
            FixedWideFields(f, file.survey_id);
            if (info)
                for (const WideColumn& c : info->columns)
                    QuestionField(f, c, options, info->survey && !info->other_versions);
            schema["fields"] = f.Take();
            schema["primaryKey"] = {"uuid"};
        } else {
            r["title"] = "Answers";
            r["description"] =
                "One row per answer of every survey; response_uuid is the uuid of the response's row in "
                "responses-<survey_id>.csv (docs/export-formats.md, csv-long).";
            schema["fields"] = LongFields(options);
            schema["primaryKey"] = {"response_uuid", "position"};
            // A foreign key names one resource: it holds when the batch has one wide file.
            // With several (one per survey), the relation is the description's.
            if (wide_names.size() == 1)
                schema["foreignKeys"] = {{{"fields", "response_uuid"},
                                          {"reference", {{"resource", wide_names[0]}, {"fields", "uuid"}}}}};
        }
        schema["missingValues"] = {""};
        r["schema"] = std::move(schema);
        r["dialect"] = Dialect(options.profile);
        if (excel) r["kiosk:byte_order_mark"] = true; // the excel-fr profile starts with a UTF-8 BOM
        resources.push_back(std::move(r));
    }

    Json package;
    package["profile"] = "tabular-data-package";
    package["name"] = Lowercase(id.batch_id);
    package["id"] = id.batch_id;
    package["title"] = "Maison du projet — answers of the kiosk " + id.kiosk_id;
    std::string description = "Anonymous answers recorded by a Maison du projet kiosk (" + id.kiosk_id +
                              "): the batch " + id.batch_id +
                              ". Free text is what visitors typed: treat it as untrusted.";
    if (context.example)
        description += " EXAMPLE: the kiosk runs on demo content; these answers are not real.";
    if (id.filter.include_test) description += " Test responses are included (is_test = 1).";
    if (excel)
        description += " CSV profile excel-fr: UTF-8 with a byte order mark, ';' separators, decimal comma; "
                       "text cells starting with = + - @ are prefixed with an apostrophe.";
    package["description"] = description;
    package["created"] = id.created_at;
    if (std::optional<DataLicence> l = FindDataLicence(context.licence))
        package["licenses"] = {{{"name", l->id}, {"path", l->path}, {"title", l->title}}};
    package["keywords"] = {"participation", "renouvellement urbain", "maison du projet"};
    package["kiosk:example"] = context.example;
    package["kiosk:includes_test_responses"] = id.filter.include_test;
    package["kiosk:csv_profile"] = ToString(options.profile);
    package["resources"] = std::move(resources);
    return package.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace kiosk
