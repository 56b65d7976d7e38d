// What a batch becomes in PostgreSQL: the rows of `responses` and `answers` in COPY's text
// format (tab-separated, \N for NULL, backslash escapes), and the survey definitions the
// batch's responses were given with. The text is a pure function of the batch, so its
// SHA-256 is the batch's content hash (kiosk.batches.content_sha256).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "survey/survey.h"
#include "sync/destination.h"

namespace kiosk {

struct PostgresRows {
    std::string responses; // columns: kResponseColumns
    std::string answers;   // columns: kAnswerColumns
    int64_t answer_count = 0;
    std::string content_sha256;
};

inline constexpr const char* kResponseColumns =
    "uuid, batch_id, kiosk_id, seq, survey_id, survey_version, language, origin, status, is_test, burst, "
    "started_at, submitted_at, duration_ms, paper_date";
inline constexpr const char* kAnswerColumns =
    "response_uuid, position, question_id, option_id, text, number, plan_id, x, y, hidden";

PostgresRows MakePostgresRows(const Batch& batch);

// One COPY text field: NULL as \N, and backslash, tab, newline and carriage return escaped.
void AppendCopyField(std::string& out, const std::optional<std::string>& value);

// The rows of `surveys`, `questions` and `options` for one survey version (texts as JSON
// objects by language), as statements with parameters.
struct PostgresStatement {
    std::string sql;
    std::vector<std::optional<std::string>> params;
};
// `survey` is the loaded definition when its version is the one answered, else nullptr
// (the version is then recorded without its texts).
std::vector<PostgresStatement> SurveyDefinitionRows(const std::string& survey_id, int64_t version,
                                                    const Survey* survey,
                                                    const std::string& default_language);

} // namespace kiosk
