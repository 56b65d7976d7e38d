// CsvWriter: RFC 4180 rows for the city's spreadsheets and data team.
//
// Two profiles (docs/export-formats.md, "CSV profiles"):
//   opendata  UTF-8 without BOM, ',' separator, '.' decimal point: what data.gouv.fr
//             recommends and what every CSV parser reads.
//   excel-fr  UTF-8 with BOM (so Excel detects the encoding), ';' separator and ','
//             decimal comma (what a French-locale spreadsheet expects), and formula
//             neutralising: a text cell starting with = + - @ tab CR or LF would be run
//             as a formula, so it gets a leading apostrophe. Free-text answers come from
//             the public: they are hostile until proven otherwise.
// Both: CRLF line ends; a field containing '"', ',', ';', CR or LF is quoted and its
// quotes doubled. Numbers are written by Number() and never neutralised ("-3" stays a
// number); everything a visitor or a configuration wrote goes through Text(), which writes
// invalid UTF-8 and NUL as U+FFFD like every export format (export_text.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "export/durable_file.h"

namespace kiosk {

enum class CsvProfile { OpenData, ExcelFr };

const char* ToString(CsvProfile profile); // "opendata", "excel-fr"
std::optional<CsvProfile> ParseCsvProfile(std::string_view text);

class CsvWriter {
public:
    // Writes the BOM at once in the excel-fr profile.
    CsvWriter(HashedFile& out, CsvProfile profile);

    void Text(std::string_view text);
    void Text(const char* text) { Text(std::string_view(text)); }
    void Text(const std::string& text) { Text(std::string_view(text)); }
    void Text(const std::optional<std::string>& text) { text ? Text(*text) : Empty(); }
    void Number(double value);
    void Number(const std::optional<double>& value) { value ? Number(*value) : Empty(); }
    void Integer(int64_t value);
    void Empty() { Separator(); }
    // A response's time, stored as UTC ISO-8601: written as it is in opendata; in excel-fr as
    // the local date-time ("2026-11-30 01:53:20", local_time.h), which spreadsheets read as a
    // date, then the UTC text in a column of its own. TimeHeader names those columns
    // ("submitted_at", then "submitted_at_utc" in excel-fr).
    void Time(std::string_view utc);
    void TimeHeader(std::string_view name);
    void EndRow();

private:
    void Separator() {
        if (field_count_++ > 0) out_.Append(separator_);
    }

    HashedFile& out_;
    CsvProfile profile_;
    char separator_;
    int field_count_ = 0;
};

// The cell as CsvWriter::Text writes it (quoting, neutralising), for tests and headers.
std::string CsvField(std::string_view text, CsvProfile profile);

} // namespace kiosk
