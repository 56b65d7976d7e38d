// The timeline: loading <content>/timeline.toml, and the status of each phase by date.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "content/content.h"
#include "content/content_reader.h"

namespace kiosk {

PhaseStatus StatusOn(const Phase& phase, const CivilDate& today) {
    if (phase.status) return *phase.status;
    if (today < phase.start.FirstDay()) return PhaseStatus::Upcoming;
    if (phase.end && today > phase.end->LastDay()) return PhaseStatus::Done;
    return PhaseStatus::InProgress;
}

int CurrentPhaseIndex(const std::vector<Phase>& phases, const CivilDate& today) {
    int in_progress = -1, upcoming = -1;
    for (int i = 0; i < (int)phases.size(); i++) {
        PhaseStatus status = StatusOn(phases[i], today);
        if (status == PhaseStatus::InProgress) in_progress = i; // sorted by start: the last wins
        if (status == PhaseStatus::Upcoming && upcoming < 0) upcoming = i;
    }
    if (in_progress >= 0) return in_progress;
    if (upcoming >= 0) return upcoming;
    return (int)phases.size() - 1;
}

float TodayPosition(const std::vector<Phase>& phases, const CivilDate& today) {
    if (phases.empty()) return 0;
    const long long now = DaysFromCivil(today);
    auto start = [&](size_t i) { return DaysFromCivil(phases[i].start.FirstDay()); };
    if (now < start(0)) return -0.5f;
    for (size_t i = 0; i + 1 < phases.size(); i++) {
        const long long a = start(i), b = start(i + 1);
        if (now < b) return b > a ? (float)i + (float)(now - a) / (float)(b - a) : (float)i;
    }
    // After the last start: through the last phase, reaching half a card past it at its end.
    const Phase& last = phases.back();
    const size_t n = phases.size() - 1;
    if (!last.end) return (float)n;
    const long long a = start(n), b = DaysFromCivil(last.end->LastDay()) + 1;
    return (float)n + 0.5f * std::min(1.0f, b > a ? (float)(now - a) / (float)(b - a) : 1.0f);
}

std::optional<std::vector<Phase>> LoadTimelineFile(const std::filesystem::path& file,
                                                   const Languages& languages, Diagnostics& diags) {
    Diagnostics local;
    std::optional<toml::table> table = ParseTomlFile(file, local);
    std::optional<std::vector<Phase>> result;
    if (table) {
        TableReader root(*table, "", file.string(), local);
        const bool example = root.Bool("example", false);
        std::vector<Phase> phases;
        std::set<std::string> ids;
        for (TableReader& t : root.TableArray("phase", Need::Required)) {
            Phase p;
            p.example = example;
            p.id = ReadId(t, "id", Need::Required).value_or("");
            if (!p.id.empty() && !ids.insert(p.id).second)
                t.Error("id", fmt::format("\"{}\" is used twice", p.id));
            p.title = t.Localized("title", languages, Need::Required);
            p.start = ReadFuzzyDate(t, "start", Need::Required).value_or(FuzzyDate{});
            p.end = ReadFuzzyDate(t, "end", Need::Optional);
            if (p.end && p.start.year > 0 && p.end->LastDay() < p.start.FirstDay())
                t.Error("end", "the phase ends before it starts");
            p.period = t.Localized("period", languages, Need::Optional);
            std::string status = t.Choice("status", {"auto", "done", "in_progress", "upcoming"}, "auto");
            if (status == "done") p.status = PhaseStatus::Done;
            if (status == "in_progress") p.status = PhaseStatus::InProgress;
            if (status == "upcoming") p.status = PhaseStatus::Upcoming;
            p.description = t.Localized("description", languages, Need::Required);
            p.partners = t.Localized("partners", languages, Need::Optional);
            p.image = ReadImagePath(t, "image", Need::Optional).value_or("");
            p.image_where = t.Where("image");
            p.plan = ReadId(t, "plan", Need::Optional).value_or("");
            p.survey = ReadId(t, "survey", Need::Optional).value_or("");
            p.you_said = t.Localized("you_said", languages, Need::Optional);
            p.we_did = t.Localized("we_did", languages, Need::Optional);
            t.Finish();
            phases.push_back(std::move(p));
        }
        root.Finish();
        std::stable_sort(phases.begin(), phases.end(), [](const Phase& a, const Phase& b) {
            return a.start.FirstDay() < b.start.FirstDay();
        });
        if (!local.HasErrors()) result = std::move(phases);
    }
    diags.Append(local);
    return result;
}

} // namespace kiosk
