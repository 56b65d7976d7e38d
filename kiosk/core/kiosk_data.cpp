#include "kiosk_data.h"

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
    return data;
}

void ForEachDisplayText(const KioskData& data, const std::function<void(std::string_view)>& visit) {
    data.catalogs.ForEachText(
        [&](std::string_view, std::string_view, std::string_view text) { visit(text); });
    visit(data.config.place_name);
    data.keyboards.ForEachText(visit);
}

} // namespace kiosk
