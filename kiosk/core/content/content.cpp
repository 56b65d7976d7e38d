#include "content/content.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "base/log.h"
#include "base/path_probe.h"

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

void LoadPlans(const std::filesystem::path& dir, const Languages& languages, Content& content,
               Diagnostics& diags) {
    std::set<std::string> ids;
    std::error_code ec;
    const std::vector<std::filesystem::path> files = ListFiles(dir, ".toml", ec);
    if (ec) diags.Error({dir.string()}, fmt::format("cannot list the plans directory: {}", ec.message()));
    for (const std::filesystem::path& file : files) {
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

Content LoadContent(const std::filesystem::path& dir, const Languages& languages, Diagnostics& diags) {
    Content content;
    LoadPlans(dir / "plans", languages, content, diags); // none when the directory is missing
    // A name the file system refuses is reported by the loader, which cannot open it.
    const std::filesystem::path timeline = dir / "timeline.toml";
    if (!ProbePath(timeline).Missing()) {
        if (std::optional<std::vector<Phase>> phases = LoadTimelineFile(timeline, languages, diags)) {
            content.phases = std::move(*phases);
            content.timeline_file = timeline;
            CheckPhaseLinks(timeline, content, diags);
        } else {
            LogWarning("{}: the timeline is left out (see the errors above)", timeline.string());
        }
    }
    const std::filesystem::path agenda = dir / "agenda.toml";
    if (!ProbePath(agenda).Missing()) {
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
