#include "report/report_figures.h"

#include <cstdio>
#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/durable_write.h"
#include "results/results_figures.h"

namespace kiosk {

namespace {

constexpr int kTotal = static_cast<int>(Slice::Total);
const char* const kWeekdays[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                  "friday", "saturday", "sunday"};

struct Rows {
    std::vector<FigureRow>& out;
    void Add(std::string section, std::string key, std::string sub_key,
             std::variant<int64_t, double, std::string> v) {
        out.push_back(FigureRow{std::move(section), std::move(key), std::move(sub_key), std::move(v)});
    }
    void Counts(const std::string& section, const std::map<std::string, StatusCounts>& counts) {
        for (const auto& [key, n] : counts) {
            Add(section, key, "complete", n.complete);
            Add(section, key, "abandoned", n.abandoned);
        }
    }
};

std::string Joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids)
        out += (out.empty() ? "" : ";") + id;
    return out;
}

std::string ValueText(const std::variant<int64_t, double, std::string>& v) {
    if (const int64_t* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
    if (const double* d = std::get_if<double>(&v)) return fmt::format("{:.6g}", *d);
    return std::get<std::string>(v);
}

std::string CsvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Durably (temporary file, fsync, rename, fsync of the directory): the staff panel says the
// USB key may be removed as soon as kiosk-report exits.
bool WriteFile(const std::filesystem::path& file, const std::string& content, std::string& error) {
    if (ReplaceFileDurably(file, content, 0644, error)) return true;
    error = file.string() + ": " + error;
    return false;
}

} // namespace

std::vector<FigureRow> ReportFigures(const ReportData& d) {
    std::vector<FigureRow> out;
    Rows rows{out};
    const ReportOptions& o = d.options;
    rows.Add("report", "from", "", o.from_date);
    rows.Add("report", "to", "", o.to_date);
    rows.Add("report", "generated_at", "", o.generated_at);
    rows.Add("report", "language", "", d.language);
    rows.Add("report", "surveys", "", Joined(o.survey_ids));
    rows.Add("report", "include_test", "", int64_t(o.include_test));
    rows.Add("report", "include_embargoed", "", int64_t(o.include_embargoed));
    rows.Add("report", "example_content", "", int64_t(d.example_content));
    rows.Add("report", "example_population", "", int64_t(d.example_population));

    const ParticipationFigures& p = d.participation;
    rows.Add("participation", "responses", "complete", p.responses.complete);
    rows.Add("participation", "responses", "abandoned", p.responses.abandoned);
    rows.Add("participation", "responses", "total", p.responses.Total());
    rows.Add("participation", "test_left_out", "", p.test_left_out);
    rows.Add("participation", "burst_left_out", "", p.burst_left_out);
    rows.Add("participation", "days_with_responses", "", p.first_seen_days);
    rows.Add("participation", "timed_responses", "", p.timed_responses);
    if (p.median_seconds) rows.Add("participation", "median_seconds", "", *p.median_seconds);
    for (const auto& [survey, seconds] : p.median_seconds_by_survey)
        rows.Add("participation", "median_seconds", survey, seconds);
    rows.Add("participation", "without_hour", "", p.without_hour);
    rows.Counts("participation.by_day", p.by_day);
    rows.Counts("participation.by_survey", p.by_survey);
    rows.Counts("participation.by_language", p.by_language);
    rows.Counts("participation.by_origin", p.by_origin);
    rows.Counts("participation.by_kiosk", p.by_kiosk);
    for (int w = 0; w < 7; w++)
        for (int h = 0; h < 24; h++)
            if (p.weekday_hour[w][h])
                rows.Add("participation.weekday_hour", kWeekdays[w], fmt::format("{:02}", h),
                         p.weekday_hour[w][h]);

    for (const DimensionComparison& dim : d.representativeness.dimensions) {
        const std::string section = "representativeness." + dim.question_id;
        rows.Add(section, "compared", "", dim.compared);
        rows.Add(section, "responses_asked", "", dim.responses_asked);
        for (const BandComparison& b : dim.bands) {
            rows.Add(section, b.option_id, "respondents", b.respondents);
            rows.Add(section, b.option_id, "respondent_share", b.respondent_share);
            rows.Add(section, b.option_id, "people", b.people);
            rows.Add(section, b.option_id, "reference_share", b.reference_share);
            rows.Add(section, b.option_id, "ratio", b.ratio);
        }
        for (const auto& [id, n] : dim.other)
            rows.Add(section, id, "respondents_without_reference", n);
        rows.Add(section, "over_represented", "", Joined(dim.over));
        rows.Add(section, "under_represented", "", Joined(dim.under));
    }
    for (const auto& [question, options] : d.representativeness.unreferenced)
        for (const auto& [id, n] : options)
            rows.Add("representativeness." + question, id, "respondents", n);

    for (const Survey* s : d.embargoed_out)
        rows.Add("results." + s->id, "embargoed_left_out", "", int64_t(1));
    for (const SurveyReport& s : d.surveys) {
        const std::string section = "results." + s.survey->id;
        for (int slice = 0; slice < kSliceCount; slice++)
            rows.Add(section, "responses", ToString(static_cast<Slice>(slice)), s.results.responses[slice]);
        rows.Add(section, "burst_left_out", "", s.results.burst_votes[kTotal]);
        for (const QuestionResults& q : s.results.questions) {
            const std::string qs = section + "." + q.question_id;
            rows.Add(qs, "respondents", "", q.respondents[kTotal]);
            for (const OptionTally& opt : q.options) {
                rows.Add(qs, "option", opt.option_id, opt.count[kTotal]);
                if (q.type == QuestionType::Ranking) {
                    if (std::optional<double> rank = MeanRank(opt, Slice::Total))
                        rows.Add(qs, "mean_rank", opt.option_id, *rank);
                } else if (q.type != QuestionType::PlanPin) {
                    rows.Add(qs, "option_percent", opt.option_id, Percent(q, opt, Slice::Total));
                }
            }
            for (const auto& [value, counts] : q.values)
                rows.Add(qs, "value", fmt::format("{:g}", value), counts[kTotal]);
            if (std::optional<double> mean = Mean(q, Slice::Total)) rows.Add(qs, "mean", "", *mean);
            if (std::optional<double> median = Median(q, Slice::Total)) rows.Add(qs, "median", "", *median);
            if (q.type == QuestionType::PlanPin) rows.Add(qs, "pins", "", q.pins[kTotal]);
            if (q.type == QuestionType::FreeText) {
                rows.Add(qs, "texts_shown", "", VisibleTexts(q, Slice::Total));
                rows.Add(qs, "texts_hidden_left_out", "", q.hidden_texts[kTotal]);
            }
        }
        for (const PlanPinFigures& plan : s.plans)
            for (const HotspotPins& h : plan.hotspots)
                rows.Add(section + "." + plan.question->id, "pins_near_hotspot", h.hotspot->id, h.pins);
    }

    for (const Phase& phase : d.kiosk->content.phases) {
        const PhaseStatus status = StatusOn(phase, d.options.today);
        rows.Add("you_said_we_did", phase.id, "status",
                 std::string(status == PhaseStatus::Done         ? "done"
                             : status == PhaseStatus::InProgress ? "in_progress"
                                                                 : "upcoming"));
        rows.Add("you_said_we_did", phase.id, "you_said", phase.you_said.Get(d.language, d.language));
        rows.Add("you_said_we_did", phase.id, "we_did", phase.we_did.Get(d.language, d.language));
    }
    return out;
}

bool WriteFiguresCsv(const std::vector<FigureRow>& rows, const std::filesystem::path& file,
                     std::string& error) {
    std::string text = "section,key,sub_key,value\r\n";
    for (const FigureRow& r : rows)
        text += CsvField(r.section) + "," + CsvField(r.key) + "," + CsvField(r.sub_key) + "," +
                CsvField(ValueText(r.value)) + "\r\n";
    return WriteFile(file, text, error);
}

bool WriteFiguresJson(const ReportData& data, const std::vector<FigureRow>& rows,
                      const std::filesystem::path& file, std::string& error) {
    nlohmann::json figures = nlohmann::json::array();
    for (const FigureRow& r : rows) {
        nlohmann::json value;
        std::visit([&](const auto& v) { value = v; }, r.value);
        figures.push_back({{"section", r.section}, {"key", r.key}, {"sub_key", r.sub_key}, {"value", value}});
    }
    const nlohmann::json doc{{"place", data.kiosk->config.place_name},
                             {"kiosk_id", data.kiosk->config.kiosk_id},
                             {"from", data.options.from_date},
                             {"to", data.options.to_date},
                             {"figures", figures}};
    return WriteFile(file, doc.dump(1) + "\n", error);
}

} // namespace kiosk
