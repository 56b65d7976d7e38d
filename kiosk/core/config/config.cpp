#include "config/config.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "base/path_probe.h"
#include "config/toml_reader.h"
#include "i18n/language_variants.h"
#include "staff/pin.h"

namespace kiosk {

namespace {

// [kiosk] id: goes into every exported answer and file name, so keep it to a safe alphabet.
bool IsValidKioskId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; });
}

// Language codes as in BCP 47's simple form: "fr", "en", "pt-BR", optionally followed by a
// private-use part for a variant of that language: "fr-x-falc" (easy-to-read French). The
// code is also a TOML bare key in content files (`{ fr = "…", fr-x-falc = "…" }`), which
// this alphabet keeps true.
bool IsValidLanguageCode(std::string_view code) {
    const auto lower_alnum = [](std::string_view s) {
        return !s.empty() && s.size() <= 8 && std::all_of(s.begin(), s.end(), [](unsigned char c) {
            return std::islower(c) || std::isdigit(c);
        });
    };
    std::string_view variant;
    if (size_t x = code.find("-x-"); x != std::string_view::npos) {
        variant = code.substr(x + 3);
        code = code.substr(0, x);
        for (size_t start = 0;;) {
            size_t dash = variant.find('-', start);
            if (!lower_alnum(variant.substr(start, dash - start))) return false;
            if (dash == std::string_view::npos) break;
            start = dash + 1;
        }
    }
    size_t dash = code.find('-');
    std::string_view primary = code.substr(0, dash);
    if (primary.size() < 2 || primary.size() > 3 ||
        !std::all_of(primary.begin(), primary.end(), [](unsigned char c) { return std::islower(c); }))
        return false;
    if (dash == std::string_view::npos) return true;
    std::string_view region = code.substr(dash + 1);
    return region.size() == 2 &&
           std::all_of(region.begin(), region.end(), [](unsigned char c) { return std::isupper(c); });
}

void ReadKioskTable(TableReader& root, KioskConfig& cfg, const std::filesystem::path& catalogues) {
    TableReader kiosk = TableReader::Sub(root, "kiosk", Need::Required);
    if (std::optional<std::string> id = kiosk.String("id", Need::Required)) {
        if (IsValidKioskId(*id))
            cfg.kiosk_id = *id;
        else
            kiosk.Error("id", "use 1 to 64 letters, digits, '-', '_' or '.'");
    }
    cfg.place_name = kiosk.String("place_name", "Maison du projet");
    cfg.languages = Languages(kiosk.StringArray("languages", Need::Required));
    const toml::node* languages = kiosk.Node("languages");
    if (languages && languages->is_array() && cfg.languages.empty())
        kiosk.Error("languages", "list at least one language; the first is the default");
    for (size_t i = 0; i < cfg.languages.size(); i++) {
        const std::string& code = cfg.languages[i];
        if (!IsValidLanguageCode(code))
            kiosk.Error("languages",
                        fmt::format("\"{}\" is not a language code such as \"fr\" or \"en\"", code));
        if (std::find(cfg.languages.begin(), cfg.languages.begin() + i, code) != cfg.languages.begin() + i)
            kiosk.Error("languages", fmt::format("\"{}\" is listed twice", code));
        // A language needs its interface texts: adding one is adding assets/i18n/<code>/.
        else if (IsValidLanguageCode(code) && !catalogues.empty() &&
                 !ProbePath(catalogues / code).IsDirectory())
            kiosk.Error("languages",
                        fmt::format("\"{}\" has no translation catalogue (expected the directory {})", code,
                                    (catalogues / code).string()));
    }
    kiosk.Finish();
}

void ReadIdleTable(TableReader& root, IdleConfig& idle) {
    TableReader t = TableReader::Sub(root, "idle");
    idle.timeout_seconds = (int)t.Int("timeout_seconds", idle.timeout_seconds, 10, 3600);
    idle.countdown_seconds = (int)t.Int("countdown_seconds", idle.countdown_seconds, 3, 120);
    idle.thanks_seconds = (int)t.Int("thanks_seconds", idle.thanks_seconds, 2, 60);
    t.Finish();
}

void ReadDisplayTable(TableReader& root, DisplayConfig& display) {
    TableReader t = TableReader::Sub(root, "display");
    display.scale = t.Float("scale", display.scale, 0.5, 3.0);
    display.attract_fps = (int)t.Int("attract_fps", display.attract_fps, 1, 30);
    // The mounting: both keys or neither (one alone cannot place the screen).
    display.bottom_mm = t.Float("bottom_mm", 0.0, 0.0, 2500.0);
    display.height_mm = t.Float("height_mm", 0.0, 100.0, 3000.0);
    if (t.Has("bottom_mm") && !t.Has("height_mm"))
        t.Error("bottom_mm", "give height_mm too (the visible area's height in mm)");
    if (t.Has("height_mm") && !t.Has("bottom_mm"))
        t.Error("height_mm", "give bottom_mm too (the visible area's bottom edge above the floor, in mm)");
    const std::string low_reach = t.Choice("low_reach", {"off", "toggle", "always"}, "off");
    display.low_reach = low_reach == "always"   ? LowReach::Always
                        : low_reach == "toggle" ? LowReach::Toggle
                                                : LowReach::Off;
    if (display.low_reach != LowReach::Off && !(t.Has("bottom_mm") && t.Has("height_mm")))
        t.Error("low_reach", "needs the screen's mounting: bottom_mm and height_mm");
    // Reach limits of EN 301 549 §8.3.2.4 (ui/low_reach.h): the screens are laid out in the
    // part of the screen between them, which must leave room for them.
    const double reachable =
        std::min(display.bottom_mm + display.height_mm, 1220.0) - std::max(display.bottom_mm, 380.0);
    if (display.low_reach != LowReach::Off && display.MountingKnown() && reachable < 150)
        t.Error("low_reach", fmt::format("only {:.0f} mm of the screen is between 380 and 1220 mm from the "
                                         "floor: the screens need at least 150 mm there",
                                         std::max(reachable, 0.0)));
    t.Finish();
}

void ReadReadAloudTable(TableReader& root, ReadAloudConfig& read_aloud) {
    TableReader t = TableReader::Sub(root, "read_aloud");
    // Above 0 dB samples are amplified and may clip; the range keeps the loudest step usable.
    read_aloud.volume_db = t.Float("volume_db", read_aloud.volume_db, -30.0, 6.0);
    read_aloud.visitor_range_db = t.Float("visitor_range_db", read_aloud.visitor_range_db, 9.0, 18.0);
    read_aloud.recordings = t.Path("recordings").value_or("");
    read_aloud.espeak_data = t.Path("espeak_data").value_or("");
    t.Finish();
}

void ReadOpeningHours(TableReader& root, OpeningHours& hours) {
    hours.always_open = !root.Has("opening_hours");
    TableReader t = TableReader::Sub(root, "opening_hours");
    static constexpr const char* kDays[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                             "friday", "saturday", "sunday"};
    for (int day = 0; day < 7; day++) {
        for (const std::string& text : t.StringArray(kDays[day])) {
            if (std::optional<OpenInterval> interval = ParseOpenInterval(text))
                hours.week[day].push_back(*interval);
            else
                t.Error(kDays[day], fmt::format("\"{}\" is not an interval such as \"09:00-12:30\"", text));
        }
    }
    if (const toml::node* closed = t.Node("closed_dates")) {
        const toml::array* dates = closed->as_array();
        if (!dates) t.Error("closed_dates", "expected an array of dates such as [2026-12-25]");
        for (size_t i = 0; dates && i < dates->size(); i++) {
            if (const auto* date = dates->get(i)->as_date())
                hours.closed_dates.push_back({date->get().year, date->get().month, date->get().day});
            else
                t.Error("closed_dates", fmt::format("element {} is {}, expected a date such as 2026-12-25",
                                                    i + 1, TomlTypeName(*dates->get(i))));
        }
    }
    std::string outside = t.Choice("outside", {"dim", "blank"}, "dim");
    hours.outside = outside == "blank" ? OutsideHours::Blank : OutsideHours::Dim;
    hours.wake_seconds = (int)t.Int("wake_seconds", hours.wake_seconds, 10, 3600);
    t.Finish();
}

void ReadPaths(TableReader& root, PathsConfig& paths) {
    TableReader t = TableReader::Sub(root, "paths", Need::Required);
    // Without the table, "paths: this table is required" says it all.
    const Need need = t.Present() ? Need::Required : Need::Optional;
    paths.assets = t.Path("assets", need).value_or("");
    paths.content = t.Path("content", need).value_or("");
    paths.surveys = t.Path("surveys", need).value_or("");
    paths.database = t.Path("database", need).value_or("");
    if (std::optional<std::filesystem::path> profile = t.Path("profile")) {
        paths.profile = *profile;
        paths.profile_given = true;
        if (const PathProbe probe = ProbePath(*profile); !probe.IsRegularFile())
            t.Error("profile", fmt::format("the profile block's file \"{}\" {}", profile->string(),
                                           probe.error ? "cannot be read: " + probe.ErrorText()
                                                       : std::string("does not exist")));
    } else if (!paths.surveys.empty()) {
        paths.profile = paths.surveys / "profile.toml";
    }
    t.Finish();
    for (const auto& [key, dir] : {std::pair{"assets", paths.assets}, std::pair{"content", paths.content},
                                   std::pair{"surveys", paths.surveys}}) {
        if (dir.empty()) continue;
        if (const PathProbe probe = ProbePath(dir); probe.error)
            t.Error(key,
                    fmt::format("directory \"{}\" cannot be reached: {}", dir.string(), probe.ErrorText()));
        else if (!probe.IsDirectory())
            t.Error(key, fmt::format("directory \"{}\" does not exist", dir.string()));
    }
}

void ReadStaffTable(TableReader& root, StaffConfig& staff) {
    TableReader t = TableReader::Sub(root, "staff");
    // The hash is never echoed in a message: it is what guessing the PIN offline starts from.
    if (std::optional<std::string> hash = t.String("pin_hash")) {
        switch (ClassifyPinHash(*hash)) {
        case PinHashKind::Interactive: staff.pin_hash = *hash; break;
        case PinHashKind::OtherLimits:
            staff.pin_hash = *hash;
            t.Warning("pin_hash", "not made with the interactive limits: checking a PIN may be slow or need "
                                  "much memory; set the PIN again with kiosk --set-pin");
            break;
        case PinHashKind::NotAHash:
            t.Error("pin_hash",
                    "not an Argon2id hash such as kiosk --set-pin writes (\"$argon2id$v=19$…\"); set "
                    "the PIN with kiosk --set-pin, or remove the key to turn staff mode off");
            break;
        }
    }
    static constexpr std::pair<std::string_view, ScreenCorner> kCorners[] = {
        {"top-left", ScreenCorner::TopLeft},
        {"top-right", ScreenCorner::TopRight},
        {"bottom-left", ScreenCorner::BottomLeft},
        {"bottom-right", ScreenCorner::BottomRight},
    };
    const std::string corner =
        t.Choice("corner", {"top-left", "top-right", "bottom-left", "bottom-right"}, "top-left");
    for (const auto& [name, value] : kCorners)
        if (corner == name) staff.corner = value;
    // Under 30 s the panel would lock while staff read a chart; over an hour it stays open
    // for whoever comes next.
    staff.lock_seconds = (int)t.Int("lock_seconds", staff.lock_seconds, 30, 3600);
    // Not checked here: a USB key is plugged in when needed, and the panel says what is missing.
    staff.sync_program = t.Path("sync_program").value_or("");
    staff.usb_export_dir = t.Path("usb_export_dir").value_or("");
    staff.report_program = t.Path("report_program").value_or("");
    t.Finish();
}

// Whether [sync] lists a destination, without reading what the destinations are: kiosk-sync
// reports any mistake in the table itself, where it can say which destination is meant.
bool HasSyncDestination(const toml::node* sync) {
    const toml::table* table = sync ? sync->as_table() : nullptr;
    const toml::node* destinations = table ? table->get("destination") : nullptr;
    const toml::array* array = destinations ? destinations->as_array() : nullptr;
    return array && !array->empty();
}

} // namespace

std::optional<KioskConfig> LoadKioskConfig(const std::filesystem::path& file, Diagnostics& diags) {
    int errors_before = diags.ErrorCount();
    std::optional<toml::table> table = ParseTomlFile(file, diags);
    if (!table) return std::nullopt;

    KioskConfig cfg;
    cfg.file = AbsolutePath(file).lexically_normal();
    TableReader root(*table, "", file.string(), diags);
    ReadPaths(root, cfg.paths); // first: the language check needs the assets directory
    const std::filesystem::path catalogues =
        ProbePath(cfg.paths.assets).IsDirectory() ? cfg.paths.assets / "i18n" : std::filesystem::path();
    ReadKioskTable(root, cfg, catalogues);
    // After the languages are known good: which of them are variants is said by their catalogues.
    if (!catalogues.empty() && diags.ErrorCount() == errors_before)
        ReadLanguageVariants(catalogues, cfg.languages, diags);
    ReadIdleTable(root, cfg.idle);
    ReadDisplayTable(root, cfg.display);
    ReadOpeningHours(root, cfg.opening_hours);
    ReadStaffTable(root, cfg.staff);
    ReadReadAloudTable(root, cfg.read_aloud);
    cfg.database_read_by_sync = HasSyncDestination(root.Node("sync"));
    root.Finish();

    if (diags.ErrorCount() > errors_before) return std::nullopt;
    return cfg;
}

} // namespace kiosk
