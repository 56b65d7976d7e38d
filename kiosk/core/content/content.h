// Content: the plans, the timeline and the agenda, loaded from the content directory.
//
//     <content>/plans/*.toml    one plan per file (gallery order = file name order)
//     <content>/timeline.toml   the programme's phases
//     <content>/agenda.toml     public meetings and workshops
// Every file is read with TableReader: problems are reported as file:line:column. A file
// with an error is left out (reported in the Diagnostics, so `kiosk --check-config`
// fails), and everything else still loads: a typo in one plan must not blank the kiosk.
// Missing images are warnings: the screens show a placeholder in their place.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "content/agenda.h"
#include "content/plan.h"
#include "content/timeline.h"

namespace kiosk {

struct Content {
    std::vector<Plan> plans;
    std::vector<Phase> phases;
    std::vector<AgendaEvent> events;
    std::filesystem::path timeline_file; // where the phases came from (for messages)

    const Plan* FindPlan(std::string_view id) const;
    const Phase* FindPhase(std::string_view id) const;
};

Content LoadContent(const std::filesystem::path& dir, const Languages& languages, Diagnostics& diags);

// Loaders for one file each (used by LoadContent; exposed for tests). Each returns nothing
// if the file has an error; warnings are added to `diags` either way.
std::optional<Plan> LoadPlanFile(const std::filesystem::path& file, const Languages& languages,
                                 Diagnostics& diags);
std::optional<std::vector<Phase>> LoadTimelineFile(const std::filesystem::path& file,
                                                   const Languages& languages, Diagnostics& diags);
std::optional<std::vector<AgendaEvent>> LoadAgendaFile(const std::filesystem::path& file,
                                                       const Languages& languages, Diagnostics& diags);

// Drops the timeline's links to surveys that `survey_exists` does not know (a survey file
// missing or left out), with a warning naming the timeline file: the button would lead
// nowhere. Called by LoadKioskData once the surveys are loaded.
void DropUnknownSurveyLinks(Content& content,
                            const std::function<bool(std::string_view survey_id)>& survey_exists,
                            Diagnostics& diags);

// Every text of the content, in every language (for the font's glyph ranges).
void ForEachContentText(const Content& content, const std::function<void(std::string_view)>& visit);

} // namespace kiosk
