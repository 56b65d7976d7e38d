// GatherReport apart from the rest of report_data.cpp: it alone needs the participation
// figures (results/participation.cpp), so tests that fill those by hand link without them.
#include "report/report_data.h"

namespace kiosk {

bool GatherReport(sqlite3* db, const KioskData& kiosk, const ProfileBlock& profile,
                  const ReportOptions& options, ReportData& data, std::string& error) {
    data = ReportData{};
    data.kiosk = &kiosk;
    data.profile = &profile;
    data.language = kiosk.config.DefaultLanguage();
    data.options = options;
    for (const Plan& p : kiosk.content.plans)
        data.example_content = data.example_content || p.example;
    for (const Phase& p : kiosk.content.phases)
        data.example_content = data.example_content || p.example;
    data.example_population = profile.population.example;

    ParticipationFilter filter;
    filter.from_date = options.from_date;
    filter.to_date = options.to_date;
    filter.survey_ids = options.survey_ids;
    filter.include_test = options.include_test;
    if (std::string bad = CheckFilter(filter); !bad.empty()) {
        error = bad;
        return false;
    }
    data.participation.filter = filter;
    if (!ComputeParticipation(db, data.participation, error)) return false;
    if (!profile.Empty() && !ComputeRepresentativeness(db, filter, profile, data.representativeness, error))
        return false;
    return GatherSurveyResults(db, data, error);
}

} // namespace kiosk
