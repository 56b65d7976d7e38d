#include "export/export_writer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "export/export_text.h"
#include "export/xlsx_writer.h"
#include "store/response_json.h"

namespace kiosk {

// -----------------------------------------------------------------------------------------
// [SECTION] Wide columns
// -----------------------------------------------------------------------------------------

namespace {

constexpr const char* kWideFixedHeaders[] = {
    "uuid",    "kiosk_id", "survey_id",  "survey_version", "language",    "origin",    "status",
    "is_test", "burst",    "started_at", "submitted_at",   "duration_ms", "paper_date"};

constexpr const char* kLongHeaders[] = {
    "response_uuid", "kiosk_id", "survey_id",   "survey_version", "language", "status",
    "submitted_at",  "position", "question_id", "option_id",      "text",     "number",
    "plan_id",       "x",        "y",           "hidden"};

// The response times among those headers (CsvWriter::TimeHeader: local and UTC in excel-fr).
bool IsTimeHeader(std::string_view header) {
    return header == "started_at" || header == "submitted_at";
}

// A file name fragment from an id read from the database: survey ids are slugs, but the
// database is not trusted to contain only what the loader allows.
std::string SafeFileName(std::string_view id) {
    std::string out;
    for (char c : id)
        out += (std::isalnum((unsigned char)c) || c == '-' || c == '_') ? c : '_';
    return out.empty() ? "_" : out;
}

const Survey* FindSurvey(const std::vector<Survey>& surveys, std::string_view id) {
    for (const Survey& s : surveys)
        if (s.id == id) return &s;
    return nullptr;
}

std::vector<WideColumn> PlanColumns(const Survey* survey, const std::vector<std::string>& extra,
                                    const ExportOptions& options) {
    std::vector<WideColumn> columns;
    const std::string& lang = options.header_language;
    if (survey) {
        for (const Question& q : survey->questions) {
            const std::string title = lang.empty() ? q.id : q.text.Get(lang, lang);
            if (options.one_hot && q.type == QuestionType::MultipleChoice) {
                for (const Option& o : q.options)
                    columns.push_back(
                        {q.id, &q, o.id,
                         lang.empty() ? q.id + "." + o.id : title + " : " + o.label.Get(lang, lang)});
            } else {
                columns.push_back({q.id, &q, "", title});
                if (q.type == QuestionType::FreeText)
                    columns.push_back({q.id, &q, "", q.id + ".hidden", true});
            }
        }
    }
    for (const std::string& id : extra)
        if (!survey || !survey->FindQuestion(id)) columns.push_back({id, nullptr, "", id});
    return columns;
}

// Option ids of a question's answer rows joined with '|' (multiple choice, ranking in rank
// order, or any rows of a question the definition no longer knows).
std::string JoinValues(const Answer* const* rows, size_t count) {
    std::string out;
    for (size_t i = 0; i < count; i++) {
        const Answer& a = *rows[i];
        if (i > 0) out += '|';
        if (a.option_id)
            out += *a.option_id;
        else if (a.text)
            out += *a.text;
        else if (a.number)
            out += fmt::format("{}", *a.number);
    }
    return out;
}

} // namespace

bool PlanWideColumns(ResponseSource& source, const ResponseFilter& filter, int64_t after_seq,
                     int64_t upto_seq, const std::vector<Survey>& surveys, ExtraQuestions& extra,
                     std::string& error) {
    extra.clear();
    std::optional<std::vector<SurveyVersionCount>> versions =
        source.SurveyVersions(filter, after_seq, upto_seq, error);
    if (!versions) return false;
    for (const SurveyVersionCount& v : *versions) {
        const Survey* survey = FindSurvey(surveys, v.survey_id);
        // The loaded definition describes its own version; responses to other versions may
        // have answered questions it no longer has.
        if (survey && survey->version == v.survey_version) continue;
        std::optional<std::vector<std::string>> ids =
            source.QuestionIds(filter, v.survey_id, v.survey_version, after_seq, upto_seq, error);
        if (!ids) return false;
        std::vector<std::string>& list = extra[v.survey_id];
        for (std::string& id : *ids)
            if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(std::move(id));
    }
    return true;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Files
// -----------------------------------------------------------------------------------------

struct ExportWriter::Output {
    HashedFile file;
    std::unique_ptr<CsvWriter> csv; // CSV formats
    ExportedFile info;
    uint64_t rows = 0;
};

struct ExportWriter::WideFile {
    Output out;
    std::vector<WideColumn> columns;
    // question id → the columns that show it (one, or one per option when one-hot)
    std::unordered_map<std::string, std::vector<size_t>> columns_of;
    std::vector<std::vector<const Answer*>> rows_of_column; // scratch, per response
    int64_t unplaced_answers = 0;
    const Survey* survey = nullptr; // the loaded definition (null: not loaded)
    bool other_versions = false;    // a row answers another version than `survey`
};

ExportWriter::ExportWriter(std::filesystem::path dir, ExportOptions options,
                           const std::vector<Survey>& surveys, ExtraQuestions extra, ExportContext context)
    : dir_(std::move(dir)), options_(std::move(options)), surveys_(surveys), extra_(std::move(extra)),
      context_(std::move(context)) {}

ExportWriter::~ExportWriter() = default;

bool ExportWriter::Begin(std::string& error) {
    auto open = [&](std::unique_ptr<Output>& out, ExportFormat format, const char* name) {
        out = std::make_unique<Output>();
        out->info.name = name;
        out->info.format = format;
        return out->file.Open(dir_ / name, error);
    };
    if (options_.Has(ExportFormat::CsvLong)) {
        if (!open(long_csv_, ExportFormat::CsvLong, "answers.csv")) return false;
        long_csv_->csv = std::make_unique<CsvWriter>(long_csv_->file, options_.profile);
        for (const char* h : kLongHeaders)
            IsTimeHeader(h) ? long_csv_->csv->TimeHeader(h) : long_csv_->csv->Text(h);
        long_csv_->csv->EndRow();
    }
    if (options_.Has(ExportFormat::JsonLines) && !open(jsonl_, ExportFormat::JsonLines, "responses.jsonl"))
        return false;
    if (options_.Has(ExportFormat::GeoJson)) {
        // RFC 7946: WGS84 longitude, latitude — only plans with a [georef] can say where a pin is.
        if (!open(geojson_, ExportFormat::GeoJson, "pins.geojson")) return false;
        geojson_->file.Append(std::string_view("{\"type\":\"FeatureCollection\",\"features\":["));
        // The other plans' pins, where they are on the drawing: no CRS, no GIS can place them.
        if (!open(plan_geojson_, ExportFormat::GeoJson, "pins-plan.geojson")) return false;
        plan_geojson_->file.Append(std::string_view(
            "{\"type\":\"FeatureCollection\",\"coordinate_system\":\"plan\",\"coordinate_note\":"
            "\"not longitude and latitude: x and y run from 0 to 1 across the plan image given by plan_id, "
            "from its top-left corner; y grows downwards\",\"features\":["));
    }
    if (options_.Has(ExportFormat::Xlsx)) {
        xlsx_ = std::make_unique<XlsxWriter>(dir_, surveys_, extra_, context_.example);
        if (!xlsx_->Begin(error)) return false;
    }
    return true;
}

bool ExportWriter::OpenWide(const std::string& survey_id, WideFile*& out, std::string& error) {
    auto found = wide_.find(survey_id);
    if (found != wide_.end()) {
        out = found->second.get();
        return true;
    }
    auto file = std::make_unique<WideFile>();
    file->out.info.name = fmt::format("responses-{}.csv", SafeFileName(survey_id));
    file->out.info.format = ExportFormat::CsvWide;
    file->out.info.survey_id = survey_id;
    if (!file->out.file.Open(dir_ / file->out.info.name, error)) return false;
    auto extra = extra_.find(survey_id);
    file->survey = FindSurvey(surveys_, survey_id);
    file->columns = PlanColumns(file->survey,
                                extra == extra_.end() ? std::vector<std::string>{} : extra->second, options_);
    for (size_t i = 0; i < file->columns.size(); i++)
        file->columns_of[file->columns[i].question_id].push_back(i);
    file->rows_of_column.resize(file->columns.size());
    file->out.csv = std::make_unique<CsvWriter>(file->out.file, options_.profile);
    for (const char* h : kWideFixedHeaders)
        IsTimeHeader(h) ? file->out.csv->TimeHeader(h) : file->out.csv->Text(h);
    for (const WideColumn& c : file->columns)
        file->out.csv->Text(c.header);
    file->out.csv->EndRow();
    out = file.get();
    wide_.emplace(survey_id, std::move(file));
    return true;
}

void ExportWriter::WriteWideRow(WideFile& f, const Response& r) {
    if (f.survey && r.survey_version != f.survey->version) f.other_versions = true;
    CsvWriter& csv = *f.out.csv;
    csv.Text(r.uuid);
    csv.Text(r.kiosk_id);
    csv.Text(r.survey_id);
    csv.Integer(r.survey_version);
    csv.Text(r.language);
    csv.Text(ToString(r.origin));
    csv.Text(ToString(r.status));
    csv.Integer(r.is_test ? 1 : 0);
    csv.Integer(r.burst ? 1 : 0);
    csv.Time(r.started_at);
    csv.Time(r.submitted_at);
    csv.Integer(r.duration_ms);
    csv.Text(r.paper_date);

    for (auto& rows : f.rows_of_column)
        rows.clear();
    // Answers come in question order, one group of rows per question.
    for (size_t i = 0; i < r.answers.size();) {
        size_t end = i + 1;
        while (end < r.answers.size() && r.answers[end].question_id == r.answers[i].question_id)
            end++;
        auto columns = f.columns_of.find(r.answers[i].question_id);
        if (columns == f.columns_of.end()) {
            f.unplaced_answers += (int64_t)(end - i); // still in answers.csv and responses.jsonl
        } else {
            for (size_t column : columns->second)
                for (size_t k = i; k < end; k++)
                    f.rows_of_column[column].push_back(&r.answers[k]);
        }
        i = end;
    }

    for (size_t c = 0; c < f.columns.size(); c++) {
        const WideColumn& column = f.columns[c];
        std::vector<const Answer*>& rows = f.rows_of_column[c];
        if (rows.empty()) { // not shown (show_if) or not answered
            csv.Empty();
            continue;
        }
        const Answer& first = *rows.front();
        if (column.hidden_flag) {
            csv.Integer(first.hidden ? 1 : 0);
            continue;
        }
        if (!column.option_id.empty()) {
            const bool chosen = std::any_of(
                rows.begin(), rows.end(), [&](const Answer* a) { return a->option_id == column.option_id; });
            csv.Integer(chosen ? 1 : 0);
            continue;
        }
        switch (column.question ? column.question->type : QuestionType::MultipleChoice) {
        case QuestionType::SingleChoice:
        case QuestionType::YesNo:
        case QuestionType::Smiley: csv.Text(first.option_id); break;
        case QuestionType::Scale:
        case QuestionType::Number: csv.Number(first.number); break;
        case QuestionType::FreeText: csv.Text(first.text); break;
        case QuestionType::PlanPin: csv.Integer((int64_t)rows.size()); break; // pins: pins.geojson
        case QuestionType::Ranking:
            std::stable_sort(rows.begin(), rows.end(), [](const Answer* a, const Answer* b) {
                return a->number.value_or(0) < b->number.value_or(0);
            });
            csv.Text(JoinValues(rows.data(), rows.size()));
            break;
        case QuestionType::MultipleChoice: csv.Text(JoinValues(rows.data(), rows.size())); break;
        }
    }
    csv.EndRow();
    f.out.rows++;
}

bool ExportWriter::Add(const Response& response, std::string& error) {
    // Every format gets the same text (export_text.h): cleaned once, here.
    Response scratch;
    const Response& r = CleanForExport(response, scratch);
    if (counts_.responses == 0) counts_.first_seq = r.seq;
    counts_.last_seq = r.seq;
    counts_.responses++;
    counts_.answers += (int64_t)r.answers.size();

    if (options_.Has(ExportFormat::CsvWide)) {
        WideFile* wide = nullptr;
        if (!OpenWide(r.survey_id, wide, error)) return false;
        WriteWideRow(*wide, r);
    }
    if (long_csv_) {
        CsvWriter& csv = *long_csv_->csv;
        for (size_t i = 0; i < r.answers.size(); i++) {
            const Answer& a = r.answers[i];
            csv.Text(r.uuid);
            csv.Text(r.kiosk_id);
            csv.Text(r.survey_id);
            csv.Integer(r.survey_version);
            csv.Text(r.language);
            csv.Text(ToString(r.status));
            csv.Time(r.submitted_at);
            csv.Integer((int64_t)i);
            csv.Text(a.question_id);
            csv.Text(a.option_id);
            csv.Text(a.text);
            csv.Number(a.number);
            csv.Text(a.plan_id);
            csv.Number(a.x);
            csv.Number(a.y);
            if (a.text)
                csv.Integer(a.hidden ? 1 : 0);
            else
                csv.Empty();
            csv.EndRow();
        }
        long_csv_->rows += r.answers.size();
    }
    if (xlsx_) xlsx_->Add(r);
    if (jsonl_) {
        jsonl_->file.Append(DumpJson(ResponseToJson(r)));
        jsonl_->file.Append('\n');
        jsonl_->rows++;
    }
    for (size_t i = 0; i < r.answers.size(); i++) {
        const Answer& a = r.answers[i];
        if (!a.plan_id || !a.x || !a.y) continue;
        counts_.pins++;
        if (geojson_) AddPin(r, i);
    }
    return true;
}

void ExportWriter::AddPin(const Response& r, size_t i) {
    const Answer& a = r.answers[i];
    nlohmann::json properties = {
        {"plan_id", *a.plan_id},         {"survey_id", r.survey_id},     {"survey_version", r.survey_version},
        {"response_uuid", r.uuid},       {"question_id", a.question_id}, {"position", i},
        {"submitted_at", r.submitted_at}};
    if (a.option_id) properties["option_id"] = *a.option_id;
    if (a.text) properties["text"] = *a.text;
    nlohmann::json coordinates = {*a.x, *a.y};
    Output* out = plan_geojson_.get();
    auto georef = context_.georefs.find(*a.plan_id);
    if (georef != context_.georefs.end()) {
        const PlanGeoref& g = georef->second;
        const double plan_x = *a.x * g.width, plan_y = *a.y * g.height;
        const GeoAffine::LonLat at = g.affine.Apply(plan_x, plan_y);
        // 7 decimals: 1 cm, far finer than a finger on a plan; keeps the file short.
        auto round7 = [](double v) { return std::round(v * 1e7) / 1e7; };
        coordinates = {round7(at.lon), round7(at.lat)};
        properties["x"] = *a.x; // where it is on the drawing, as in pins-plan.geojson …
        properties["y"] = *a.y;
        // … and in the plan's coordinates (its [georef] points'), to 0.01 (not 798.7199999999999).
        properties["plan_x"] = std::round(plan_x * 100) / 100;
        properties["plan_y"] = std::round(plan_y * 100) / 100;
        out = geojson_.get();
    }
    nlohmann::json feature = {{"type", "Feature"},
                              {"geometry", {{"type", "Point"}, {"coordinates", std::move(coordinates)}}},
                              {"properties", std::move(properties)}};
    out->file.Append(out->rows == 0 ? "\n" : ",\n");
    out->file.Append(DumpJson(feature));
    out->rows++;
}

bool ExportWriter::WriteDataPackage(const ExportIdentity& identity, std::string& error) {
    DataPackageInput input;
    input.identity = &identity;
    input.options = &options_;
    input.context = &context_;
    for (const ExportedFile& f : files_)
        if (f.format == ExportFormat::CsvWide || f.format == ExportFormat::CsvLong)
            input.csv_files.push_back(f);
    if (input.csv_files.empty()) return true; // a package describes CSV files: none, no package
    for (const auto& [survey_id, wide] : wide_)
        input.wide_files[wide->out.info.name] = {wide->survey, wide->columns, wide->other_versions};
    const std::string text = DataPackageText(input);
    if (!WriteFileDurably(dir_ / kDataPackageName, text, error)) return false;
    ExportedFile info;
    info.name = kDataPackageName;
    info.kind = "datapackage";
    info.bytes = text.size();
    info.sha256 = Sha256Hex(text);
    files_.push_back(std::move(info));
    return true;
}

bool ExportWriter::Finish(const ExportIdentity& id, std::string& error) {
    for (Output* out : {geojson_.get(), plan_geojson_.get()})
        if (out) out->file.Append(std::string_view("\n]}\n"));
    files_.clear();
    int64_t unplaced = 0;
    auto close = [&](Output& out) {
        if (!out.file.Close(error)) return false;
        out.info.bytes = out.file.Bytes();
        out.info.sha256 = out.file.Sha256();
        out.info.rows = out.rows;
        files_.push_back(out.info);
        return true;
    };
    for (auto& [survey_id, wide] : wide_) {
        unplaced += wide->unplaced_answers;
        if (!close(wide->out)) return false;
    }
    for (Output* out : {long_csv_.get(), jsonl_.get(), geojson_.get(), plan_geojson_.get()})
        if (out && !close(*out)) return false;
    if (xlsx_ && !xlsx_->Finish(id, counts_, files_.emplace_back(), error)) return false;
    // Describes the CSV files (with their hashes): after them, before the manifest.
    if (!WriteDataPackage(id, error)) return false;

    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const ExportedFile& f : files_) {
        nlohmann::ordered_json file = {{"name", f.name},
                                       {"format", f.kind.empty() ? ToString(f.format) : f.kind}};
        if (!f.survey_id.empty()) file["survey_id"] = f.survey_id;
        file["rows"] = f.rows;
        file["bytes"] = f.bytes;
        file["sha256"] = f.sha256;
        files.push_back(std::move(file));
    }
    nlohmann::ordered_json filter = {{"include_test", id.filter.include_test}};
    if (!id.filter.survey_id.empty()) filter["survey_id"] = id.filter.survey_id;
    if (!id.filter.since.empty()) filter["since"] = id.filter.since;
    nlohmann::ordered_json manifest = {
        {"format", "maison-du-projet/manifest"},
        {"format_version", 1},
        {"batch_id", id.batch_id},
        {"kiosk_id", id.kiosk_id},
        {"database_id", id.database_id},
        {"schema_version", id.schema_version},
        {"created_at", id.created_at},
        {"range", {{"after_seq", id.after_seq}, {"last_seq", id.last_seq}}},
        {"first_seq", counts_.first_seq},
        {"last_seq", counts_.last_seq},
        {"filter", filter},
        {"options",
         {{"profile", ToString(options_.profile)},
          {"one_hot", options_.one_hot},
          {"header_language", options_.header_language}}},
        {"counts",
         {{"responses", counts_.responses},
          {"answers", counts_.answers},
          {"pins", counts_.pins},
          {"answers_not_in_wide_csv", unplaced}}},
        {"files", std::move(files)},
    };
    manifest_text_ = manifest.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    return WriteFileDurably(dir_ / kManifestName, manifest_text_, error);
}

} // namespace kiosk
