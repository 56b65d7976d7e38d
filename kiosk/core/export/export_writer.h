// ExportWriter: writes responses into one directory in the chosen formats, then its
// manifest.json — the unit a `dir` destination delivers and `kiosk-sync export` makes.
//
//   responses-<survey>.csv   csv-wide: one row per response of that survey
//   answers.csv              csv-long: one row per answer
//   responses.jsonl          jsonl: one response per line
//   pins.geojson             geojson: pins of georeferenced plans, WGS84 (RFC 7946)
//   pins-plan.geojson        geojson: pins of other plans, in plan coordinates
//   datapackage.json         with a CSV format: the Frictionless description (data_package.h)
//   responses.xlsx           xlsx: the same answers as a workbook for people (xlsx_writer.h)
//   manifest.json            written last: identity, response range, counts, SHA-256 of
//                            every file (a reader that finds it knows the rest is complete)
//
// Every file is fsynced before the manifest is written. The caller writes into a staging
// directory and renames it into place (DirDestination), so nobody ever sees a partial set.
// The layout of each file is documented in docs/export-formats.md.
//
// Output is a pure function of (the responses added, the options, the survey definitions,
// the identity): writing the same batch again gives byte-identical files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/csv_writer.h"
#include "export/data_package.h"
#include "export/export_options.h"
#include "export/response_source.h"
#include "store/response.h"
#include "survey/survey.h"

namespace kiosk {

// Where the rows come from: goes into the manifest as is.
struct ExportIdentity {
    std::string batch_id;
    std::string kiosk_id;
    std::string database_id;
    int schema_version = 0;
    std::string created_at; // UTC ISO-8601; fixed when the batch is planned
    int64_t after_seq = 0;  // responses with after_seq < seq <= last_seq …
    int64_t last_seq = 0;
    ResponseFilter filter; // … that match this filter
};

struct ExportedFile {
    std::string name;
    ExportFormat format{};
    std::string survey_id; // csv-wide only
    std::string kind;      // the manifest's "format" when not the format's name ("datapackage")
    uint64_t bytes = 0;
    uint64_t rows = 0; // data rows, lines or features (headers not counted)
    std::string sha256;
};

struct ExportCounts {
    int64_t responses = 0;
    int64_t answers = 0;
    int64_t pins = 0;
    int64_t first_seq = 0, last_seq = 0; // of the responses actually written (0 when none)
};

// Question ids each survey's wide file needs beyond its current definition: answers of
// older versions to questions since removed. From PlanWideColumns.
using ExtraQuestions = std::map<std::string, std::vector<std::string>, std::less<>>;

// Asks `source` which surveys and versions the range holds and, for every version that is
// not the loaded definition's, which question ids were answered. One scan of the response
// table, plus a scan of the old versions' answers only.
bool PlanWideColumns(ResponseSource& source, const ResponseFilter& filter, int64_t after_seq,
                     int64_t upto_seq, const std::vector<Survey>& surveys, ExtraQuestions& extra,
                     std::string& error);

class XlsxWriter;

class ExportWriter {
public:
    // `dir` must exist (and should be empty). `surveys` must outlive the writer.
    // `context`: the licence, the demo marker and the plans' georeferences (data_package.h).
    ExportWriter(std::filesystem::path dir, ExportOptions options, const std::vector<Survey>& surveys,
                 ExtraQuestions extra = {}, ExportContext context = {});
    ~ExportWriter();

    // Creates the files of every format (wide files are created per survey as they appear).
    bool Begin(std::string& error);
    bool Add(const Response& response, std::string& error);
    // Closes and fsyncs every file, then writes manifest.json (fsynced too). `error` names
    // the file on failure.
    bool Finish(const ExportIdentity& identity, std::string& error);

    const ExportCounts& Counts() const { return counts_; }
    const std::vector<ExportedFile>& Files() const { return files_; }
    // The manifest as written by Finish (its text is manifest.json's content).
    const std::string& ManifestText() const { return manifest_text_; }

    static constexpr const char* kManifestName = "manifest.json";

private:
    struct WideFile;
    struct Output;
    bool OpenWide(const std::string& survey_id, WideFile*& out, std::string& error);
    void WriteWideRow(WideFile& file, const Response& response);
    void AddPin(const Response& r, size_t index);
    bool WriteDataPackage(const ExportIdentity& identity, std::string& error);

    std::filesystem::path dir_;
    ExportOptions options_;
    const std::vector<Survey>& surveys_;
    ExtraQuestions extra_;
    ExportContext context_;
    std::unique_ptr<Output> long_csv_, jsonl_, geojson_, plan_geojson_;
    std::unique_ptr<XlsxWriter> xlsx_;
    std::map<std::string, std::unique_ptr<WideFile>, std::less<>> wide_;
    ExportCounts counts_;
    std::vector<ExportedFile> files_;
    std::string manifest_text_;
};

} // namespace kiosk
