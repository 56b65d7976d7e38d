// ReportData: every figure of the closing report (issue 13), gathered once from the
// database and the loaded content; the PDF, the CSV and the JSON are all drawn from it, so
// they cannot disagree.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/opening_hours.h"
#include "kiosk_data.h"
#include "results/participation.h"
#include "results/results.h"
#include "survey/profile.h"

struct sqlite3;

namespace kiosk {

struct ReportOptions {
    std::string from_date, to_date;      // local "YYYY-MM-DD", inclusive
    std::vector<std::string> survey_ids; // empty = every survey
    bool include_test = false;           // test and synthetic responses counted too (said on the cover)
    bool include_embargoed = false;      // results of surveys still under embargo printed too
    CivilDate today;                     // for embargoes and the phases' status
    std::string generated_at;            // local "YYYY-MM-DD HH:MM", printed on the cover
};

// Pins of a plan-pin question near one of its plan's hotspots.
struct HotspotPins {
    const Hotspot* hotspot = nullptr;
    int64_t pins = 0;
};

struct PlanPinFigures {
    const Question* question = nullptr;
    const Plan* plan = nullptr; // nullptr when the plan is not in the content (any more)
    int64_t pins = 0;
    // Every hotspot of the plan (in its order) with the pins nearer to it than to any other;
    // empty when the plan has none.
    std::vector<HotspotPins> hotspots;
};

struct SurveyReport {
    const Survey* survey = nullptr;
    SurveyResults results;
    std::vector<PlanPinFigures> plans;
};

struct ReportData {
    const KioskData* kiosk = nullptr;      // config, catalogues, content, surveys
    const ProfileBlock* profile = nullptr; // the "About you" block and reference population
    std::string language;                  // the kiosk's default language
    ReportOptions options;
    bool example_content = false;    // demo content (a plan or phase marked example)
    bool example_population = false; // the reference population is the demo's

    ParticipationFigures participation;
    Representativeness representativeness;
    std::vector<SurveyReport> surveys;        // chosen, results public or --include-embargoed
    std::vector<const Survey*> embargoed_out; // chosen but under embargo: left out, and said so

    bool Empty() const { return participation.responses.Total() == 0; }
};

// The surveys --survey names, checked: "" when every id is known, else the message.
std::string CheckSurveyIds(const KioskData& kiosk, const std::vector<std::string>& ids);

// The hotspot of `plan` nearest to the pin at (x, y) (0..1 of the plan's main image), or
// nullptr when the plan has no hotspot on its main image.
const Hotspot* NearestHotspot(const Plan& plan, double x, double y);

// Reads every figure in the options' range from `db` (read-only is enough). False with
// `error` on an SQL error; an empty range is no error (the report says so).
bool GatherReport(sqlite3* db, const KioskData& kiosk, const ProfileBlock& profile,
                  const ReportOptions& options, ReportData& data, std::string& error);

// The survey-dependent part alone (results, pins, embargo), for reports whose participation
// figures were filled otherwise (tests).
bool GatherSurveyResults(sqlite3* db, ReportData& data, std::string& error);

} // namespace kiosk
