// ReportCanvas: A4 portrait pages drawn with Cairo, text laid out with Pango, flowing down
// the page and onto the next one; saved as a PDF with "page / pages" at the foot of each.
//
// Pages are drawn into Cairo recording surfaces and replayed into the PDF at the end, once
// the number of pages is known (the footer needs it): one layout pass, vector output, text
// kept as text (pdftotext reads it). Charts are sober and print in grey: dark bars, a grey
// ramp for the heat map, every figure also written as a number beside its bar.
//
// Cairo and Pango stay inside this file (kiosk/CMakeLists.txt links them PRIVATE to
// kiosk_report): the header shows neither, and the kiosk itself links neither.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk {

struct Bar {
    std::string label;
    double value = 0;   // its length, against the largest value of the chart
    std::string text;   // the figure written after the bar ("12 (40 %)")
    bool muted = false; // a reference bar (the neighbourhood beside respondents): lighter
};

struct Column {
    std::string label; // under the column (a day); empty to skip
    double value = 0;
    double part = 0; // the darker lower part (complete among complete + abandoned)
};

class ReportCanvas {
public:
    // `font_dir`: fonts added for the report (the kiosk's DejaVu Sans), so that the PDF looks
    // the same on every machine; may be empty.
    ReportCanvas(const std::filesystem::path& font_dir, std::string family);
    ~ReportCanvas();
    ReportCanvas(const ReportCanvas&) = delete;
    ReportCanvas& operator=(const ReportCanvas&) = delete;

    static constexpr double kPageWidth = 595.276, kPageHeight = 841.89; // A4 in points
    static constexpr double kMargin = 56.7;                             // 2 cm

    void NewPage();
    int Pages() const;
    int Page() const { return Pages(); } // the page being drawn, 1-based
    double Y() const;                    // where the next line goes on it
    // Writes `text` right-aligned at the top `y` of an earlier page (a contents line's page
    // number, known only once the later pages are drawn).
    void WriteRight(int page, double y, const std::string& text);
    // Starts a new page unless `height` points are left on this one.
    void Keep(double height);
    double Width() const { return kPageWidth - 2 * kMargin; }
    void Space(double points);

    // Text flowing across the width; returns its height. Markup-free: the text is escaped.
    void Title(const std::string& text);
    void Heading(const std::string& text); // a section, starts a new page
    // Kept on one page with the `keep_with_next` points that follow (a chart's first rows by
    // default; a short entry passes its own height so it does not start a page of its own).
    void Subheading(const std::string& text, double keep_with_next = 80);
    void Paragraph(const std::string& text);
    void Labelled(const std::string& label, const std::string& text); // "label" in bold, then text
    void Note(const std::string& text);                               // smaller and grey
    void Section(const std::string& text);                            // a survey's title within a section
    void Banner(const std::string& text);                             // a framed marker ("EXEMPLE")
    void Quote(const std::string& text);                              // an indented, italic free-text answer
    // A table: the first row is its header (bold); `widths` are fractions of the width.
    // Numbers in every column but the first are right-aligned.
    void Table(const std::vector<std::vector<std::string>>& rows, const std::vector<double>& widths);

    // Horizontal bars: one per row, label left, bar, figure right.
    void Bars(const std::vector<Bar>& bars);
    // Vertical columns (responses per day), with a few labels under them; `caption_max`
    // the figure written at the top of the scale.
    void Columns(const std::vector<Column>& columns, const std::string& caption_max);
    // A grid of counts (weekday × hour): a grey ramp, rows and columns labelled, each count
    // written in its cell when it fits (`number` writes it), `key` under the grid.
    void HeatMap(const std::vector<std::vector<int64_t>>& cells, const std::vector<std::string>& row_labels,
                 const std::vector<std::string>& column_labels, const std::string& key,
                 const std::function<std::string(int64_t)>& number);

    // Writes the PDF (through a temporary file renamed into place); `footer(page, pages)`
    // gives each page's foot line. False with `error` when the file cannot be written.
    bool Save(const std::filesystem::path& file, const std::string& title,
              const std::function<std::string(int page, int pages)>& footer, std::string& error);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk
