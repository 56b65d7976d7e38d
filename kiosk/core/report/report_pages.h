// The closing report's pages, drawn from ReportData on a ReportCanvas: cover,
// participation, representativeness, results per survey, "You said, we did", methods.
// Every word comes from the catalogue (report.*) or from the content, in the report's
// language, typeset by ReportText.
#pragma once

#include <filesystem>
#include <string>

#include "report/report_data.h"

namespace kiosk {

// Draws every page and writes the PDF to `pdf`. False with `error` when it cannot be written.
bool WriteReportPdf(const ReportData& data, const std::filesystem::path& pdf, std::string& error);

} // namespace kiosk
