// StaffState: staff mode as the screens see it (README "Staff mode") — the hidden corner
// press, the session (locked or not, and the settings staff chose), the PIN checker and
// what the PIN pad holds. Owned by the App for the kiosk's whole run: unlike VisitState it
// survives the end of a visit (test mode and the origin stay until staff change them).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "config/opening_hours.h"
#include "results/results.h"
#include "staff/alert_log.h"
#include "staff/alert_watch.h"
#include "staff/corner_press.h"
#include "staff/pin_checker.h"
#include "staff/report_control.h"
#include "staff/staff_session.h"
#include "staff/sync_control.h"

namespace kiosk {

struct KioskData;

// The periods staff can pick (touch only: no date typed): the response's day, as the
// results count it (results.h), from `days - 1` days before today to today.
enum class ResultsPeriod { All, Today, Last7Days, Last30Days };

struct StaffState {
    StaffState(const KioskData& data, const Clock& clock);
    ~StaffState();

    bool Enabled() const { return checker != nullptr; } // a pin_hash is configured

    StaffCornerPress corner;
    StaffSession session;
    std::unique_ptr<PinChecker> checker; // null: no pin_hash, no staff mode

    // Alerts raised elsewhere (README "Alerts"), with or without staff mode (the red disc
    // needs them): the log, and the thread watching the disk and kiosk-sync's state.
    std::unique_ptr<AlertLog> alerts;
    std::unique_ptr<AlertWatcher> alert_watcher;
    bool refused_files_listed = false; // the files refused at start-up went to the log

    // The PIN pad. `digits` is a secret: wiped (WipeSecret) when checked, erased, cancelled
    // or the pad is left by any way; never logged.
    std::string digits;
    double wait_until = 0;      // no digit may be typed before (the back-off), monotonic
    bool wrong = false;         // the last PIN tried was wrong
    bool pad_was_shown = false; // the pad was on screen last frame (to read the back-off once on opening)

    // The panel's open section (StaffSections()).
    int section = 0;
    bool restart_asked = false; // "Redémarrer" tapped once: the confirmation shows

    // Results: the survey shown ("" = the first), and what its charts showed last frame,
    // "question/option" (or "question" for a respondents count) → count, for tests.
    std::string results_survey;
    Slice results_slice = Slice::Total; // the origin counted (Total: every origin)
    bool results_compare = false;       // every origin side by side (kiosk vs paper vs total)
    bool results_filters_open = false;  // the filter choices are unfolded
    ResultsPeriod results_period = ResultsPeriod::All;
    std::string results_language; // "" = every language
    std::map<std::string, int64_t> results_shown;

    // Participation (participation_view.cpp): the period, the survey ("" = every one),
    // whether test responses count; and what the view showed last frame, for tests
    // ("complete", "day:2026-11-02", "origin:paper", "hour:0:10", "profile:<q>/<option>"…).
    ResultsPeriod participation_period = ResultsPeriod::All;
    std::string participation_survey;
    bool participation_include_test = false;
    std::map<std::string, int64_t> participation_shown;
    // "Rapport de bilan (PDF)": kiosk-report run as a child, made on the first tap.
    std::unique_ptr<ReportControl> report;

    // Paper entry (paper_entry.h): one sitting of staff copying paper questionnaires,
    // forgotten when the panel locks.
    struct PaperEntry {
        std::optional<CivilDate> date; // written on the questionnaires; unset: today
        std::string survey_id;         // the questionnaire being entered ("" between two)
        int entered = 0;               // questionnaires recorded in this sitting
    } paper;
    // Synchronisation (sync_view.cpp): kiosk-sync run as a child, made when the section is
    // first opened; destroyed with the kiosk, which ends a child still running. The frame the
    // section was last drawn in (its status is read again when it is opened), and each
    // destination's pending count it showed last frame (-1: unknown), for tests.
    std::unique_ptr<SyncControl> sync;
    int sync_drawn_frame = -10;
    std::map<std::string, int64_t> sync_shown;
};

} // namespace kiosk
