#include "kiosk_data.h"

#include "survey/profile_loader.h"
#include "survey/survey_loader.h"

namespace kiosk {

std::optional<KioskData> LoadKioskData(const std::filesystem::path& config_file, Diagnostics& diags) {
    std::optional<KioskConfig> config = LoadKioskConfig(config_file, diags);
    if (!config) return std::nullopt;
    KioskData data;
    data.config = std::move(*config);
    if (!data.catalogs.Load(data.config.paths.assets / "i18n", data.config.languages, diags))
        return std::nullopt;
    // Keyboards ship with the program like the catalogues: without them no visitor could
    // type an answer, so a broken layout stops the kiosk with its file:line:column.
    if (!data.keyboards.Load(data.config.paths.assets / "keyboards", diags) ||
        !CheckKeyboardChoices(data.catalogs, data.keyboards, data.config.paths.assets / "i18n", diags))
        return std::nullopt;
    const size_t before_files = diags.All().size();
    data.content = LoadContent(data.config.paths.content, data.config.languages, diags);
    const auto plan_exists = [&](std::string_view id) { return data.content.FindPlan(id) != nullptr; };
    // The profile block before the surveys that include it: broken (or on a plan that is not
    // there), it is reported and left out, and those surveys load without it.
    data.profile = LoadConfiguredProfile(data.config, diags);
    CheckProfilePlanReferences(data.profile, plan_exists, diags);
    // Broken survey files are reported and left out; the kiosk runs with the others.
    data.surveys = LoadSurveys(data.config.paths.surveys, data.config.languages, diags, &data.profile,
                               data.config.paths.profile);
    // Cross-references between the two: a survey pinning answers on a plan that is not
    // there is refused; a timeline link to a survey that is not there is dropped.
    CheckSurveyPlanReferences(data.surveys, plan_exists, diags);
    DropUnknownSurveyLinks(
        data.content, [&](std::string_view id) { return data.FindSurvey(id) != nullptr; }, diags);
    for (size_t i = before_files; i < diags.All().size(); i++)
        if (diags.All()[i].severity == Severity::Error) data.refused.push_back(diags.All()[i]);
    return data;
}

const Survey* KioskData::FindSurvey(std::string_view id) const {
    for (const Survey& survey : surveys)
        if (survey.id == id) return &survey;
    return nullptr;
}

StoreOptions ResponseStoreOptions(const KioskData& data) {
    StoreOptions options;
    options.database = data.config.paths.database;
    // kiosk-sync reads the database as a member of the kiosk's group (README "systemd units").
    options.file_mode = data.config.database_read_by_sync ? kDatabaseModeSharedWithGroup : kDatabaseMode;
    for (const Survey& survey : data.surveys)
        if (survey.mode == SurveyMode::Poll && !survey.questions.empty())
            options.polls.push_back({survey.id, survey.questions.front().id});
    return options;
}

void ForEachDisplayText(const KioskData& data, const std::function<void(std::string_view)>& visit) {
    data.catalogs.ForEachText(
        [&](std::string_view, std::string_view, std::string_view text) { visit(text); });
    visit(data.config.place_name);
    data.keyboards.ForEachText(visit);
    ForEachContentText(data.content, visit);
    for (const Survey& survey : data.surveys)
        ForEachSurveyText(survey, visit);
    ForEachProfileText(data.profile, visit);
}

} // namespace kiosk
