// datapackage.json: the batch described as a Frictionless Tabular Data Package
// (https://specs.frictionlessdata.io/tabular-data-package/), so that the city's data team
// and the open-data tools that read the standard get typed, validated columns instead of
// guessing them: one resource per CSV file, each with its Table Schema (types, constraints,
// the option ids of choice questions, keys), the CSV dialect actually written, the licence.
// Format: docs/export-formats.md, "datapackage.json".
//
// The text is a pure function of its input (files, options, surveys, identity): written
// again for the same batch, it is byte for byte the same.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/georef.h"
#include "export/export_options.h"
#include "survey/survey.h"

namespace kiosk {

struct ExportIdentity;
struct ExportedFile;

// One column of a wide file after the fixed ones (ExportWriter decides them, the package
// describes them).
struct WideColumn {
    std::string question_id;
    const Question* question = nullptr; // null for a question no longer in the definition
    std::string option_id;              // one-hot columns: the option this 0/1 column is for
    std::string header;
    bool hidden_flag = false; // free text: the 0/1 column saying staff hid the answer on screen
};

// The licence of the published data: `[sync] licence` (README "Sending answers to the city").
struct DataLicence {
    std::string id; // "etalab-2.0", "ODbL-1.0", "CC-BY-4.0", "CC0-1.0"
    std::string title, path;
};
// The licence of a known id, or nothing. kDefaultLicence: Etalab's Licence Ouverte 2.0, the
// licence French public bodies publish open data under (décret 2017-638).
std::optional<DataLicence> FindDataLicence(std::string_view id);
constexpr const char* kDefaultLicence = "etalab-2.0";
std::string DataLicenceIds(); // "etalab-2.0, ODbL-1.0, …" for messages

// What the export needs besides the responses and the surveys: from the configuration
// and the content, the same for every batch of a run.
struct PlanGeoref {
    GeoAffine affine;
    double width = 0, height = 0; // the plan's coordinate frame: pins are stored as 0…1 of it
};
// Stored with a planned batch like its ExportOptions (ToJson below): a batch written again
// after a crash is the same byte for byte even if the content or [sync] changed in between.
struct ExportContext {
    std::string licence = kDefaultLicence;
    bool example = false; // the content is the bundled demo (its plans say `example = true`)
    std::map<std::string, PlanGeoref, std::less<>> georefs; // plan id → georeference
};
nlohmann::json ToJson(const ExportContext& context);
// Nothing when `json` is not what ToJson writes; a missing key takes its default.
std::optional<ExportContext> ExportContextFromJson(const nlohmann::json& json);

// A wide file as the package describes it.
struct WideFileInfo {
    const Survey* survey = nullptr;  // null: the survey is not loaded (columns from the data)
    std::vector<WideColumn> columns; // after the fixed ones
    bool other_versions = false;     // rows of versions other than the loaded definition
};

struct DataPackageInput {
    const ExportIdentity* identity = nullptr;
    const ExportOptions* options = nullptr;
    const ExportContext* context = nullptr;
    std::vector<ExportedFile> csv_files;            // in manifest order
    std::map<std::string, WideFileInfo> wide_files; // file name → its columns
};

// datapackage.json's text (ends with a newline).
std::string DataPackageText(const DataPackageInput& input);

constexpr const char* kDataPackageName = "datapackage.json";

} // namespace kiosk
