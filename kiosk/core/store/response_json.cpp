#include "store/response_json.h"

namespace kiosk {

nlohmann::json ResponseToJson(const Response& r) {
    nlohmann::json answers = nlohmann::json::array();
    for (const Answer& a : r.answers) {
        nlohmann::json answer = {{"question_id", a.question_id}};
        if (a.option_id) answer["option_id"] = *a.option_id;
        if (a.text) answer["text"] = *a.text;
        if (a.text) answer["hidden"] = a.hidden; // staff hid it from on-screen results
        if (a.number) answer["number"] = *a.number;
        if (a.plan_id) answer["plan_id"] = *a.plan_id;
        if (a.x) answer["x"] = *a.x;
        if (a.y) answer["y"] = *a.y;
        answers.push_back(std::move(answer));
    }
    nlohmann::json json = {{"uuid", r.uuid},
                           {"kiosk_id", r.kiosk_id},
                           {"survey_id", r.survey_id},
                           {"survey_version", r.survey_version},
                           {"language", r.language},
                           {"origin", ToString(r.origin)},
                           {"status", ToString(r.status)},
                           {"is_test", r.is_test},
                           {"burst", r.burst},
                           {"started_at", r.started_at},
                           {"submitted_at", r.submitted_at},
                           {"duration_ms", r.duration_ms},
                           {"answers", std::move(answers)}};
    if (r.paper_date) json["paper_date"] = *r.paper_date;
    return json;
}

std::string DumpJson(const nlohmann::json& json) {
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace kiosk
