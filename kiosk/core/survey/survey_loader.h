// Loading config/surveys/*.toml: one survey per file, each validated on its own.
//
// A broken file is refused with every problem reported at its `file:line:column` (through
// TableReader) while the other files still load: the kiosk runs with the surveys that are
// sound, and `kiosk --check-config` lists every error at once. The file format is
// documented in README.md ("Surveys") with a complete example; the demo files
// in config/surveys/ use every question type.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "config/toml_reader.h"
#include "survey/profile.h"
#include "survey/survey.h"

namespace kiosk {

// Loads one survey file. Returns nothing (and adds at least one error to `diags`) when the
// file is broken in any way; warnings (e.g. a translation for an unconfigured language)
// do not refuse it. `languages` are the kiosk's languages: every text must exist in each.
// A survey with `profile = true` gets the questions of `profile` appended after its own
// (survey/profile.h); without a loaded block it is loaded without them, with a warning.
std::optional<Survey> LoadSurveyFile(const std::filesystem::path& file, const Languages& languages,
                                     Diagnostics& diags, const ProfileBlock* profile = nullptr);

// Loads every *.toml of `dir` in file-name order. Broken files are left out (reported in
// `diags`); a survey id already used by an earlier file is refused too. A missing or
// empty directory yields no surveys (and no error: a kiosk may run without surveys).
// `profile_file` (paths.profile, which may sit in `dir`) is skipped, loaded or not.
std::vector<Survey> LoadSurveys(const std::filesystem::path& dir, const Languages& languages,
                                Diagnostics& diags, const ProfileBlock* profile = nullptr,
                                const std::filesystem::path& profile_file = {});

// A text under `key` that must exist, non-blank, in every configured language (an error at
// the key otherwise). Survey and profile files alike.
LocalizedText RequiredText(TableReader& t, std::string_view key, const Languages& languages);

// Reads the [[question]] array of `root` exactly as in a survey file (ids unique, show_if on
// earlier questions only), with one reader per question in `readers` for later checks.
// The profile block's file uses it too, so both files share one question syntax.
std::vector<Question> ReadQuestionArray(TableReader& root, const Languages& languages,
                                        std::vector<TableReader>& readers);

// Cross-check hook for plan-pin questions, to be called once the plans content is loaded
// (the content loader lives elsewhere; the loader above only checks the plan id's form).
// Removes every survey with a plan-pin question whose plan `plan_exists` rejects, with an
// error at the question's `plan` key. Returns the number of surveys removed.
int CheckSurveyPlanReferences(std::vector<Survey>& surveys,
                              const std::function<bool(std::string_view plan_id)>& plan_exists,
                              Diagnostics& diags);

// Every text of `survey` that a screen can show, in every language (titles, notices,
// questions, options, labels, units): for the font's glyph ranges (ForEachDisplayText).
void ForEachSurveyText(const Survey& survey, const std::function<void(std::string_view text)>& visit);

} // namespace kiosk
