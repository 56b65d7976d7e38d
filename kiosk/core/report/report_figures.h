// The report's figures as data the city can re-use: one row per figure, in long format
// (section, key, sub_key, value), written as FILE.csv (UTF-8, comma-separated, RFC 4180
// quoting, '.' decimals: opendata style) and FILE.json beside FILE.pdf. The rows are taken
// from the same ReportData as the pages, so the three files always agree.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "report/report_data.h"

namespace kiosk {

struct FigureRow {
    std::string section, key, sub_key;
    std::variant<int64_t, double, std::string> value;
};

std::vector<FigureRow> ReportFigures(const ReportData& data);

// Both files (each through a temporary renamed into place). False with `error` when one
// cannot be written.
bool WriteFiguresCsv(const std::vector<FigureRow>& rows, const std::filesystem::path& file,
                     std::string& error);
bool WriteFiguresJson(const ReportData& data, const std::vector<FigureRow>& rows,
                      const std::filesystem::path& file, std::string& error);

} // namespace kiosk
