// kiosk-report's output: the closing report FILE.pdf and, beside it, its figures as
// FILE.csv and FILE.json (report_figures.h), all from one ReportData.
#pragma once

#include <filesystem>
#include <string>

#include "report/report_data.h"

namespace kiosk {

struct ReportFiles {
    std::filesystem::path pdf, csv, json;
};

// "bilan.pdf" → bilan.pdf, bilan.csv, bilan.json (any other extension is kept and the two
// files get theirs appended: "bilan" → bilan, bilan.csv, bilan.json).
ReportFiles ReportFilesFor(const std::filesystem::path& pdf);

// Writes the three files. False with `error` naming the file that could not be written.
bool WriteReport(const ReportData& data, const std::filesystem::path& pdf, std::string& error);

} // namespace kiosk
