#include "sync/postgres_rows.h"

#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "export/durable_file.h"
#include "export/export_text.h"

namespace kiosk {

void AppendCopyField(std::string& out, const std::optional<std::string>& value) {
    if (!value) {
        out += "\\N";
        return;
    }
    for (char c : *value) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
}

namespace {

class CopyRow {
public:
    explicit CopyRow(std::string& out) : out_(out) {}
    ~CopyRow() { out_ += '\n'; }
    CopyRow& Field(const std::optional<std::string>& value) {
        if (fields_++ > 0) out_ += '\t';
        AppendCopyField(out_, value);
        return *this;
    }
    CopyRow& Number(const std::optional<double>& value) {
        return Field(value ? std::optional<std::string>(fmt::format("{}", *value)) : std::nullopt);
    }
    CopyRow& Integer(int64_t value) { return Field(std::to_string(value)); }
    CopyRow& Bool(bool value) { return Field(value ? "t" : "f"); }

private:
    std::string& out_;
    int fields_ = 0;
};

nlohmann::json TextsJson(const LocalizedText& text) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [language, value] : text.All())
        out[language] = CleanForExport(value);
    return out;
}

} // namespace

PostgresRows MakePostgresRows(const Batch& batch) {
    PostgresRows rows;
    const std::string& batch_id = batch.identity.batch_id;
    for (const Response& original : batch.responses) {
        Response scratch; // the same text as every other export (invalid UTF-8 and NUL replaced)
        const Response& r = CleanForExport(original, scratch);
        CopyRow(rows.responses)
            .Field(r.uuid)
            .Field(batch_id)
            .Field(r.kiosk_id)
            .Integer(r.seq)
            .Field(r.survey_id)
            .Integer(r.survey_version)
            .Field(r.language)
            .Field(ToString(r.origin))
            .Field(ToString(r.status))
            .Bool(r.is_test)
            .Bool(r.burst)
            .Field(r.started_at)
            .Field(r.submitted_at)
            .Integer(r.duration_ms)
            .Field(r.paper_date);
        for (size_t i = 0; i < r.answers.size(); i++) {
            const Answer& a = r.answers[i];
            CopyRow(rows.answers)
                .Field(r.uuid)
                .Integer((int64_t)i + 1)
                .Field(a.question_id)
                .Field(a.option_id)
                .Field(a.text)
                .Number(a.number)
                .Field(a.plan_id)
                .Number(a.x)
                .Number(a.y)
                .Bool(a.hidden);
            rows.answer_count++;
        }
    }
    rows.content_sha256 = Sha256Hex(rows.responses + '\f' + rows.answers);
    return rows;
}

std::vector<PostgresStatement> SurveyDefinitionRows(const std::string& survey_id, int64_t version,
                                                    const Survey* survey,
                                                    const std::string& default_language) {
    std::vector<PostgresStatement> out;
    const std::string v = std::to_string(version);
    if (survey == nullptr) {
        out.push_back({"INSERT INTO surveys (survey_id, version) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                       {survey_id, v}});
        return out;
    }
    out.push_back({"INSERT INTO surveys (survey_id, version, mode, default_language, title) "
                   "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                   {survey_id, v, survey->mode == SurveyMode::Poll ? "poll" : "survey", default_language,
                    TextsJson(survey->title).dump()}});
    // Every row of a table in one statement: the wide-view trigger then runs once.
    nlohmann::json questions = nlohmann::json::array(), options = nlohmann::json::array();
    for (size_t q = 0; q < survey->questions.size(); q++) {
        const Question& question = survey->questions[q];
        questions.push_back({{"question_id", question.id},
                             {"position", q + 1},
                             {"type", ToString(question.type)},
                             {"text", TextsJson(question.text)}});
        for (size_t o = 0; o < question.options.size(); o++)
            options.push_back({{"question_id", question.id},
                               {"option_id", question.options[o].id},
                               {"position", o + 1},
                               {"label", TextsJson(question.options[o].label)}});
    }
    out.push_back(
        {"INSERT INTO questions (survey_id, version, question_id, position, type, text) "
         "SELECT $1, $2, q.question_id, q.position, q.type, q.text "
         "FROM jsonb_to_recordset($3::jsonb) AS q(question_id text, position integer, type text, text jsonb) "
         "ON CONFLICT DO NOTHING",
         {survey_id, v, questions.dump()}});
    out.push_back(
        {"INSERT INTO options (survey_id, version, question_id, option_id, position, label) "
         "SELECT $1, $2, o.question_id, o.option_id, o.position, o.label "
         "FROM jsonb_to_recordset($3::jsonb) AS o(question_id text, option_id text, position integer, "
         "label jsonb) ON CONFLICT DO NOTHING",
         {survey_id, v, options.dump()}});
    return out;
}

} // namespace kiosk
