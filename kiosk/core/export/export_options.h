// What an export or a batch contains and how it is written. Documented for the city in
// docs/export-formats.md; the names here are the ones used in kiosk.toml and on the
// command line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/csv_writer.h"

namespace kiosk {

enum class ExportFormat {
    CsvWide,   // "csv-wide": responses-<survey>.csv, one row per response, one column per question
    CsvLong,   // "csv-long": answers.csv, one row per answer
    JsonLines, // "jsonl":    responses.jsonl, one response per line with its answers
    GeoJson,   // "geojson":  pins.geojson (georeferenced plans, WGS84) and pins-plan.geojson (others)
    Xlsx,      // "xlsx":     responses.xlsx, a workbook for people (xlsx_writer.h)
};

const char* ToString(ExportFormat format);
std::optional<ExportFormat> ParseExportFormat(std::string_view text);
// "csv-wide, csv-long, jsonl, geojson, xlsx" (for messages and --help).
std::string ExportFormatNames();

struct ExportOptions {
    // Every format: the CSV and JSON files for machines, the workbook for people.
    std::vector<ExportFormat> formats = {ExportFormat::CsvWide, ExportFormat::CsvLong,
                                         ExportFormat::JsonLines, ExportFormat::GeoJson, ExportFormat::Xlsx};
    CsvProfile profile = CsvProfile::OpenData;
    bool one_hot = false;        // csv-wide: a multiple-choice question as one 0/1 column per option
    std::string header_language; // csv-wide: "" = question ids as headers, else the questions' text

    bool Has(ExportFormat format) const;
    bool operator==(const ExportOptions&) const = default;
};

// Stored with a planned batch, so that a batch written again after a crash is written with
// the options it was planned with, even if the configuration changed in between.
nlohmann::json ToJson(const ExportOptions& options);
std::optional<ExportOptions> ExportOptionsFromJson(const nlohmann::json& json);

} // namespace kiosk
