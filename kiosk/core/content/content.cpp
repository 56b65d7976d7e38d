#include "content/content.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "base/log.h"

namespace kiosk {

const Plan* Content::FindPlan(std::string_view id) const {
    for (const Plan& plan : plans)
        if (plan.id == id) return &plan;
    return nullptr;
}

const Phase* Content::FindPhase(std::string_view id) const {
    for (const Phase& phase : phases)
        if (phase.id == id) return &phase;
    return nullptr;
}

namespace {

std::vector<std::filesystem::path> PlanFiles(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void LoadPlans(const std::filesystem::path& dir, const std::vector<std::string>& languages, Content& content,
               Diagnostics& diags) {
    std::set<std::string> ids;
    for (const std::filesystem::path& file : PlanFiles(dir)) {
        std::optional<Plan> plan = LoadPlanFile(file, languages, diags);
        if (!plan) {
            LogWarning("{}: left out of the gallery (see the errors above)", file.string());
            continue;
        }
        if (!ids.insert(plan->id).second) {
            diags.Error({file.string()},
                        fmt::format("id: the plan id \"{}\" is already used by another plan file; "
                                    "this file is left out",
                                    plan->id));
            continue;
        }
        content.plans.push_back(std::move(*plan));
    }
}

// A phase's link to a plan that does not exist (or was left out) is dropped with a warning:
// the button would lead nowhere.
void CheckPhaseLinks(const std::filesystem::path& file, Content& content, Diagnostics& diags) {
    for (Phase& phase : content.phases) {
        if (!phase.plan.empty() && !content.FindPlan(phase.plan)) {
            diags.Warning({file.string()},
                          fmt::format("phase \"{}\": no plan has the id \"{}\"; the link to it is "
                                      "not shown",
                                      phase.id, phase.plan));
            phase.plan.clear();
        }
    }
}

} // namespace

Content LoadContent(const std::filesystem::path& dir, const std::vector<std::string>& languages,
                    Diagnostics& diags) {
    Content content;
    if (std::filesystem::is_directory(dir / "plans")) LoadPlans(dir / "plans", languages, content, diags);
    const std::filesystem::path timeline = dir / "timeline.toml";
    if (std::filesystem::exists(timeline)) {
        if (std::optional<std::vector<Phase>> phases = LoadTimelineFile(timeline, languages, diags)) {
            content.phases = std::move(*phases);
            content.timeline_file = timeline;
            CheckPhaseLinks(timeline, content, diags);
        } else {
            LogWarning("{}: the timeline is left out (see the errors above)", timeline.string());
        }
    }
    const std::filesystem::path agenda = dir / "agenda.toml";
    if (std::filesystem::exists(agenda)) {
        if (std::optional<std::vector<AgendaEvent>> events = LoadAgendaFile(agenda, languages, diags))
            content.events = std::move(*events);
        else
            LogWarning("{}: the agenda is left out (see the errors above)", agenda.string());
    }
    return content;
}

void DropUnknownSurveyLinks(Content& content, const std::function<bool(std::string_view)>& survey_exists,
                            Diagnostics& diags) {
    for (Phase& phase : content.phases) {
        if (phase.survey.empty() || survey_exists(phase.survey)) continue;
        diags.Warning({content.timeline_file.string()},
                      fmt::format("phase \"{}\": no survey has the id \"{}\"; the link to it is not shown",
                                  phase.id, phase.survey));
        phase.survey.clear();
    }
}

void ForEachContentText(const Content& content, const std::function<void(std::string_view)>& visit) {
    auto text = [&](const LocalizedText& t) {
        for (const auto& [language, value] : t.All())
            visit(value);
    };
    for (const Plan& plan : content.plans) {
        for (const LocalizedText* t : {&plan.title, &plan.summary, &plan.description, &plan.image.label})
            text(*t);
        if (plan.before) text(plan.before->label);
        for (const Hotspot& h : plan.hotspots) {
            text(h.title);
            text(h.text);
        }
    }
    for (const Phase& p : content.phases)
        for (const LocalizedText* t :
             {&p.title, &p.description, &p.partners, &p.period, &p.you_said, &p.we_did})
            text(*t);
    for (const AgendaEvent& e : content.events)
        for (const LocalizedText* t : {&e.subject, &e.details, &e.place, &e.address, &e.accessibility})
            text(*t);
}

} // namespace kiosk
