#include "report/report.h"

#include "report/report_figures.h"
#include "report/report_pages.h"

namespace kiosk {

ReportFiles ReportFilesFor(const std::filesystem::path& pdf) {
    std::filesystem::path stem = pdf;
    if (pdf.extension() == ".pdf") stem.replace_extension();
    ReportFiles files{pdf, stem, stem};
    files.csv += ".csv";
    files.json += ".json";
    return files;
}

bool WriteReport(const ReportData& data, const std::filesystem::path& pdf, std::string& error) {
    const ReportFiles files = ReportFilesFor(pdf);
    const std::vector<FigureRow> rows = ReportFigures(data);
    return WriteFiguresCsv(rows, files.csv, error) && WriteFiguresJson(data, rows, files.json, error) &&
           WriteReportPdf(data, files.pdf, error);
}

} // namespace kiosk
