// KioskConfig: the validated contents of config/kiosk.toml.
//
// Every key is documented in README.md ("Configuration"). Paths are absolute after loading
// (resolved relative to the configuration file). Durations are in seconds.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "config/opening_hours.h"
#include "text/languages.h"

namespace kiosk {

struct IdleConfig {
    int timeout_seconds = 90;   // no touch for this long → "Are you still there?"
    int countdown_seconds = 15; // the question's countdown before returning to attract
    int thanks_seconds = 8;     // a thank-you screen returns to attract by itself
};

// Low reach (README "Using the kiosk"): off, a visitor's wheelchair toggle, or
// always on.
enum class LowReach { Off, Toggle, Always };

struct DisplayConfig {
    double scale = 1.0;  // multiplies the automatic scale derived from the screen size
    int attract_fps = 2; // the attract pulse: 2 fps keeps idle CPU under 1 % with software GL
    // The screen's mounting: the visible area's bottom edge above the floor and its height
    // (mm); 0 = unknown, and then there is no low-reach mode.
    double bottom_mm = 0;
    double height_mm = 0;
    LowReach low_reach = LowReach::Off;

    bool MountingKnown() const { return height_mm > 0; }
};

// Read-aloud (README "Read-aloud", docs/read-aloud.md).
struct ReadAloudConfig {
    double volume_db = 0;              // staff default; each visit starts here
    double visitor_range_db = 12;      // the visitor's −/+ reach this far either side
    std::filesystem::path recordings;  // recordings.toml: recorded files replacing synthesis
    std::filesystem::path espeak_data; // espeak-ng's data directory; empty: the system's
};

struct PathsConfig {
    std::filesystem::path assets;   // fonts/ and i18n/
    std::filesystem::path content;  // plans, timeline, agenda
    std::filesystem::path surveys;  // one survey per *.toml file
    std::filesystem::path database; // responses.db
    // The "About you" block (survey/profile_loader.h): default <surveys>/profile.toml, which
    // the survey loader skips; absent there = no block. Written in [paths], it must exist.
    std::filesystem::path profile;
    bool profile_given = false;
};

// Where the hidden long press that opens the staff PIN pad is made.
enum class ScreenCorner { TopLeft, TopRight, BottomLeft, BottomRight };

// [staff]: staff mode (README "Staff mode"). No pin_hash, no staff mode.
struct StaffConfig {
    std::string pin_hash; // Argon2id string (staff/pin.h); empty: staff mode is off
    ScreenCorner corner = ScreenCorner::TopLeft;
    int lock_seconds = 120; // the panel locks after this long without a touch
    // The panel's "Synchronisation": kiosk-sync's path (empty: beside the kiosk executable),
    // and where "Exporter sur une clé USB" writes (empty: a removable drive it finds mounted).
    std::filesystem::path sync_program;
    std::filesystem::path usb_export_dir;
    // The Participation section's report: kiosk-report's path (empty: beside the kiosk
    // executable); the PDF goes where the USB export goes.
    std::filesystem::path report_program;

    bool Enabled() const { return !pin_hash.empty(); }
};

struct KioskConfig {
    std::filesystem::path file; // the configuration file itself
    std::string kiosk_id;       // identifies this kiosk in every recorded answer
    std::string place_name;     // "Maison du projet des Fauvettes" (a proper noun: not translated)
    Languages languages;        // first = default; variants from their catalogues' [language] variant_of
    IdleConfig idle;
    DisplayConfig display;
    OpeningHours opening_hours;
    PathsConfig paths;
    StaffConfig staff;
    ReadAloudConfig read_aloud;
    // [sync] belongs to kiosk-sync, which reads and checks it (sync/sync_config.h). The kiosk
    // only needs to know whether kiosk-sync reads its database: then the file is group-readable.
    bool database_read_by_sync = false;

    const std::string& DefaultLanguage() const { return languages.front(); }
};

// Loads and validates `file`. Returns nothing if there is any error; every problem (syntax,
// unknown key, wrong type, out-of-range value) is added to `diags` with its position.
std::optional<KioskConfig> LoadKioskConfig(const std::filesystem::path& file, Diagnostics& diags);

} // namespace kiosk
