// KioskData: everything the kiosk loads at start-up from its configuration file.
//
// One entry point for the kiosk, `kiosk --check-config` and the tools, so that a check
// validates exactly what the kiosk will load. A broken main configuration or catalogue
// stops the kiosk (it cannot show anything sensible); broken content or surveys are
// reported and left out while the rest still runs.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>

#include "base/diagnostics.h"
#include "config/config.h"
#include "content/content.h"
#include "i18n/catalog.h"
#include "keyboard/keyboard_layout.h"
#include "store/response_store.h"
#include "survey/profile.h"
#include "survey/survey.h"

namespace kiosk {

struct KioskData {
    KioskConfig config;
    Catalogs catalogs;
    Content content;             // plans, timeline, agenda: broken files are reported and left out
    KeyboardLayouts keyboards;   // on-screen keyboards, from <assets>/keyboards/
    std::vector<Survey> surveys; // the sound files of paths.surveys (broken ones are reported and left out)
    // The "About you" block of paths.profile, appended to the surveys that say `profile = true`;
    // empty when there is none or it is broken (reported; those surveys then run without it).
    ProfileBlock profile;
    // The errors of the files refused while loading (surveys, content): the kiosk runs
    // without them, and the staff panel lists them as alerts until acknowledged.
    std::vector<Diagnostic> refused;

    const Survey* FindSurvey(std::string_view id) const;
};

std::optional<KioskData> LoadKioskData(const std::filesystem::path& config_file, Diagnostics& diags);

// Every text the kiosk can show, in every language: catalogues and loaded content. Used to
// build the font's glyph ranges and by the test that no shown character is missing.
// The ResponseStore settings for this kiosk: paths.database, and every poll's question to
// tally for the results bars. `on_change` is left empty (the kiosk sets WakeMainLoop).
StoreOptions ResponseStoreOptions(const KioskData& data);

void ForEachDisplayText(const KioskData& data, const std::function<void(std::string_view text)>& visit);

} // namespace kiosk
