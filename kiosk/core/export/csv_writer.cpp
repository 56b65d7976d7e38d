#include "export/csv_writer.h"

#include <fmt/format.h>

#include "export/export_text.h"
#include "export/local_time.h"

namespace kiosk {

namespace {

// Spreadsheets run a cell that starts with one of these as a formula (or, for tab and the
// line breaks, strip them and look at what follows).
bool LooksLikeFormula(std::string_view text) {
    if (text.empty()) return false;
    switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\n': return true;
    default: return false;
    }
}

// Bytes that force a field into quotes: either separator (a file is often re-saved with the
// other one), a quote or a line break. A table: std::string_view::find_first_of calls memchr
// once per byte of the text, which was 13 % of a whole export.
struct QuoteTable {
    bool needs[256] = {};
    constexpr QuoteTable() {
        for (unsigned char c : {'"', ',', ';', '\r', '\n'})
            needs[c] = true;
    }
};
constexpr QuoteTable kQuote;

bool NeedsQuotes(std::string_view text) {
    for (unsigned char c : text)
        if (kQuote.needs[c]) return true;
    return false;
}

template <typename Sink>
void WriteField(Sink&& append, std::string_view text, CsvProfile profile) {
    if (!IsExportClean(text)) { // the same substitutions as every other format (export_text.h)
        const std::string clean = CleanForExport(text);
        WriteField(append, std::string_view(clean), profile);
        return;
    }
    const bool neutralise = profile == CsvProfile::ExcelFr && LooksLikeFormula(text);
    const bool quote = NeedsQuotes(text);
    if (!quote) {
        if (neutralise) append(std::string_view("'"));
        append(text);
        return;
    }
    append(std::string_view(neutralise ? "\"'" : "\""));
    size_t start = 0;
    for (size_t quote_at; (quote_at = text.find('"', start)) != std::string_view::npos;
         start = quote_at + 1) {
        append(text.substr(start, quote_at + 1 - start));
        append(std::string_view("\""));
    }
    append(text.substr(start));
    append(std::string_view("\""));
}

} // namespace

const char* ToString(CsvProfile profile) {
    return profile == CsvProfile::ExcelFr ? "excel-fr" : "opendata";
}

std::optional<CsvProfile> ParseCsvProfile(std::string_view text) {
    if (text == "opendata") return CsvProfile::OpenData;
    if (text == "excel-fr") return CsvProfile::ExcelFr;
    return std::nullopt;
}

CsvWriter::CsvWriter(HashedFile& out, CsvProfile profile)
    : out_(out), profile_(profile), separator_(profile == CsvProfile::ExcelFr ? ';' : ',') {
    if (profile == CsvProfile::ExcelFr) out_.Append(std::string_view("\xEF\xBB\xBF"));
}

void CsvWriter::Text(std::string_view text) {
    Separator();
    WriteField([this](std::string_view part) { out_.Append(part); }, text, profile_);
}

void CsvWriter::Number(double value) {
    Separator();
    // Shortest text that reads back as the same double.
    char buffer[40];
    char* end = fmt::format_to(buffer, "{}", value);
    if (profile_ == CsvProfile::ExcelFr)
        for (char* c = buffer; c != end; c++)
            if (*c == '.') *c = ',';
    out_.Append(std::string_view(buffer, (size_t)(end - buffer)));
}

void CsvWriter::Integer(int64_t value) {
    Separator();
    char buffer[24];
    char* end = fmt::format_to(buffer, "{}", value);
    out_.Append(std::string_view(buffer, (size_t)(end - buffer)));
}

void CsvWriter::Time(std::string_view utc) {
    if (profile_ == CsvProfile::ExcelFr) {
        const std::optional<LocalTime> local = ToLocalTime(utc);
        local ? Text(LocalTimeText(*local)) : Text(utc); // not the kiosk's shape: as it is
    }
    Text(utc);
}

void CsvWriter::TimeHeader(std::string_view name) {
    Text(name);
    if (profile_ == CsvProfile::ExcelFr) Text(std::string(name) + "_utc");
}

void CsvWriter::EndRow() {
    out_.Append(std::string_view("\r\n"));
    field_count_ = 0;
}

std::string CsvField(std::string_view text, CsvProfile profile) {
    std::string out;
    WriteField([&out](std::string_view part) { out.append(part); }, text, profile);
    return out;
}

} // namespace kiosk
