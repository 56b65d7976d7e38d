// XlsxWriter: responses.xlsx, the workbook a city officer opens in Excel or LibreOffice
// (docs/export-formats.md, "xlsx — `responses.xlsx`"). CSV stays for machines; this is for people:
//
//   about        first sheet: the batch, how many test and kiosk-fill responses it holds
//                (its markers), the time zone of the local times, the sheets that follow
//   answers      one row per answer (like answers.csv)
//   columns      what every column of the survey sheets means: question id, type, text, options
//   <survey id>  one sheet per survey, one row per response (like responses-<survey>.csv)
//   long_texts   only when a text is longer than a cell holds: the whole text, in parts
//
// Texts are written as text cells (never evaluated, no guard apostrophe), numbers as numbers,
// timestamps as date-times in the machine's time zone (the kiosk's, as in the results and
// the report) with the UTC value in its own `_utc` column. Written with libxlsxwriter in its
// constant-memory mode (a row at a time, temporary files in the export's directory), then
// fsynced and hashed for the manifest. Same batch, same bytes: the workbook's creation time
// is the batch's `created_at`.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "export/export_writer.h"

namespace kiosk {

class XlsxWriter {
public:
    static constexpr const char* kFileName = "responses.xlsx";
    // A cell holds at most 32 767 characters (Excel) — and libxlsxwriter counts bytes. A
    // longer text is cut at this many bytes, ends with kCutMarker, and is whole in long_texts.
    static constexpr size_t kMaxCellBytes = 32767;
    static constexpr const char* kCutMarker = " [...] (long_texts)";

    // `example`: the batch comes from the bundled demo content (ExportContext::example); the
    // first sheet says so before anything else.
    XlsxWriter(std::filesystem::path dir, const std::vector<Survey>& surveys, const ExtraQuestions& extra,
               bool example);
    ~XlsxWriter();

    bool Begin(std::string& error);
    // `response` is already cleaned for export (export_text.h).
    void Add(const Response& response);
    // Writes the about and columns sheets, closes the workbook, fsyncs it and fills `info`.
    bool Finish(const ExportIdentity& identity, const ExportCounts& counts, ExportedFile& info,
                std::string& error);

    // A valid, unique sheet name from `wanted`: at most 31 characters, none of []:*?/\ ,
    // no apostrophe at either end, not "History"; `taken` holds the names given so far.
    static std::string SheetName(std::string_view wanted, std::vector<std::string>& taken);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk
