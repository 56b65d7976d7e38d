#include "report/report_data.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace kiosk {

std::string CheckSurveyIds(const KioskData& kiosk, const std::vector<std::string>& ids) {
    for (const std::string& id : ids)
        if (!kiosk.FindSurvey(id)) {
            std::string known;
            for (const Survey& s : kiosk.surveys)
                known += (known.empty() ? "" : ", ") + s.id;
            return fmt::format("--survey {}: no such survey (known: {})", id, known.empty() ? "none" : known);
        }
    return "";
}

const Hotspot* NearestHotspot(const Plan& plan, double x, double y) {
    const Rect area = plan.image.area.Empty() ? Rect({0, 0}, plan.size) : plan.image.area;
    if (area.Empty()) return nullptr;
    const Hotspot* nearest = nullptr;
    double best = std::numeric_limits<double>::max();
    for (const Hotspot& h : plan.hotspots) {
        if (h.layer == HotspotLayer::Before) continue; // on the "before" image, not where pins are put
        const double hx = (h.at.x - area.min.x) / area.Width(), hy = (h.at.y - area.min.y) / area.Height();
        // In image units scaled to its aspect, so that "nearest" is nearest on the printed plan.
        const double dx = (hx - x) * area.Width(), dy = (hy - y) * area.Height();
        const double d = dx * dx + dy * dy;
        if (d < best) {
            best = d;
            nearest = &h;
        }
    }
    return nearest;
}

namespace {

PlanPinFigures PinFigures(const Content& content, const Question& question, const QuestionResults& results) {
    PlanPinFigures figures;
    figures.question = &question;
    figures.plan = content.FindPlan(question.plan_id);
    figures.pins = results.pins[static_cast<int>(Slice::Total)];
    if (!figures.plan) return figures;
    for (const Hotspot& h : figures.plan->hotspots)
        if (h.layer != HotspotLayer::Before) figures.hotspots.push_back(HotspotPins{&h, 0});
    // The results keep pins in a 64 × 64 grid (bounded whatever their number): each cell's
    // pins go to the hotspot nearest to the cell's centre.
    for (const HeatCell& cell : results.heat) {
        const Hotspot* h =
            NearestHotspot(*figures.plan, (cell.cx + 0.5) / kHeatGrid, (cell.cy + 0.5) / kHeatGrid);
        for (HotspotPins& hp : figures.hotspots)
            if (hp.hotspot == h) hp.pins += cell.count[static_cast<int>(Slice::Total)];
    }
    return figures;
}

} // namespace

bool GatherSurveyResults(sqlite3* db, ReportData& data, std::string& error) {
    const KioskData& kiosk = *data.kiosk;
    data.surveys.clear();
    data.embargoed_out.clear();
    ResultsFilter filter;
    filter.from_date = data.options.from_date;
    filter.to_date = data.options.to_date;
    filter.include_test = data.options.include_test;
    for (const Survey& survey : kiosk.surveys) {
        const auto& ids = data.options.survey_ids;
        if (!ids.empty() && std::find(ids.begin(), ids.end(), survey.id) == ids.end()) continue;
        if (!survey.ResultsPublic(data.options.today) && !data.options.include_embargoed) {
            data.embargoed_out.push_back(&survey);
            continue;
        }
        SurveyReport report;
        report.survey = &survey;
        report.results = EmptyResults(survey, filter);
        if (!ComputeResults(db, survey, report.results, error)) return false;
        for (const Question& q : survey.questions)
            if (q.type == QuestionType::PlanPin)
                if (const QuestionResults* r = report.results.Find(q.id))
                    report.plans.push_back(PinFigures(kiosk.content, q, *r));
        data.surveys.push_back(std::move(report));
    }
    return true;
}

} // namespace kiosk
