// Loading the "About you" block (survey/profile.h) from its file, paths.profile (default
// <paths.surveys>/profile.toml). The format is documented in README.md ("The profile
// block"); config/surveys/profile.toml is the demo.
//
// The block's [[question]] tables are read by the survey loader's own reader (same syntax),
// then held to the block's rules: ids start with "profil-", every question says
// `required = false`, only single_choice, multiple_choice and plan_pin questions, and every
// choice question offers the option "sans-reponse" (prefer not to say). A broken file is
// refused as a whole, each problem at its file:line:column: the surveys then run without it.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "config/config.h"
#include "survey/profile.h"

namespace kiosk {

// The id prefix of every profile question, and the option id of "prefer not to say".
inline constexpr std::string_view kProfileIdPrefix = "profil-";
inline constexpr std::string_view kPreferNotToSay = "sans-reponse";

// Nothing (and at least one error in `diags`) when the file is broken.
std::optional<ProfileBlock> LoadProfileFile(const std::filesystem::path& file, const Languages& languages,
                                            Diagnostics& diags);

// The block of `config` (paths.profile). No file at the default place: an empty block and
// no message (a kiosk may run without it); no file where [paths] says: an error. A broken
// file: an empty block, its errors in `diags`.
ProfileBlock LoadConfiguredProfile(const KioskConfig& config, Diagnostics& diags);

// Like CheckSurveyPlanReferences, once the plans are loaded: a plan_pin question on a plan
// that `plan_exists` rejects empties the block (error at its `plan` key). False when emptied.
bool CheckProfilePlanReferences(ProfileBlock& block,
                                const std::function<bool(std::string_view plan_id)>& plan_exists,
                                Diagnostics& diags);

// The texts of the block only the evaluation shows (the population's source); the
// questions and `why` are visited with each survey that includes them.
void ForEachProfileText(const ProfileBlock& block, const std::function<void(std::string_view text)>& visit);

} // namespace kiosk
