#include "report/report_canvas.h"

#include <algorithm>
#include <cairo-pdf.h>
#include <cairo.h>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <system_error>
#include <unistd.h>

#include "base/durable_write.h"

namespace kiosk {

namespace {

constexpr double kFooterSpace = 28; // below the flowing text, above the margin's end
constexpr double kBodySize = 10;    // points
constexpr double kLineGap = 4;      // after a paragraph
constexpr double kBarRow = 15;      // one bar's line
constexpr double kCellHeight = 15;  // one heat-map row
constexpr double kInk = 0.1;        // text: near black
constexpr double kGreyText = 0.35;  // notes
constexpr double kBarInk = 0.25;    // bars: dark grey, prints well
constexpr double kMutedInk = 0.68;  // reference bars, abandoned part of the columns

struct Style {
    double size = kBodySize;
    bool bold = false, italic = false;
    double grey = kInk;
    PangoAlignment align = PANGO_ALIGN_LEFT;
    bool ellipsize = false; // one line, cut with "…" (chart labels)
    size_t bold_prefix = 0; // bytes at the start set in bold (a label before its text)
};

} // namespace

struct ReportCanvas::Impl {
    std::string family;
    PangoFontMap* font_map = nullptr;
    PangoContext* context = nullptr;
    std::vector<cairo_surface_t*> pages;
    cairo_t* cr = nullptr; // the current page's
    double y = kMargin;

    ~Impl() {
        if (cr) cairo_destroy(cr);
        for (cairo_surface_t* page : pages)
            cairo_surface_destroy(page);
        if (context) g_object_unref(context);
        if (font_map) g_object_unref(font_map);
    }

    double Bottom() const { return kPageHeight - kMargin - kFooterSpace; }

    void StartPage() {
        if (cr) cairo_destroy(cr);
        cairo_rectangle_t extents{0, 0, kPageWidth, kPageHeight};
        pages.push_back(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
        cr = cairo_create(pages.back());
        y = kMargin;
    }

    PangoLayout* Layout(const std::string& text, double width, const Style& style) {
        PangoLayout* layout = pango_layout_new(context);
        PangoFontDescription* font = pango_font_description_new();
        pango_font_description_set_family(font, family.c_str());
        pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        pango_layout_set_font_description(layout, font);
        pango_font_description_free(font);
        pango_layout_set_width(layout, width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout, style.align);
        if (style.ellipsize) pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
        pango_layout_set_text(layout, text.c_str(), -1);
        if (style.bold_prefix > 0) {
            PangoAttrList* attributes = pango_attr_list_new();
            PangoAttribute* bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
            bold->start_index = 0;
            bold->end_index = static_cast<guint>(style.bold_prefix);
            pango_attr_list_insert(attributes, bold);
            pango_layout_set_attributes(layout, attributes);
            pango_attr_list_unref(attributes);
        }
        return layout;
    }

    static double Height(PangoLayout* layout) {
        int w = 0, h = 0;
        pango_layout_get_size(layout, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    double Measure(const std::string& text, double width, const Style& style) {
        PangoLayout* layout = Layout(text, width, style);
        const double h = Height(layout);
        g_object_unref(layout);
        return h;
    }

    // Draws `text` with its top left at (x, top); returns its height.
    double Draw(const std::string& text, double x, double top, double width, const Style& style) {
        PangoLayout* layout = Layout(text, width, style);
        cairo_set_source_rgb(cr, style.grey, style.grey, style.grey);
        cairo_move_to(cr, x, top);
        pango_cairo_show_layout(cr, layout);
        const double h = Height(layout);
        g_object_unref(layout);
        return h;
    }

    void Flow(const std::string& text, const Style& style, double gap, double indent = 0) {
        const double width = kPageWidth - 2 * kMargin - indent;
        const double h = Measure(text, width, style);
        if (y + h > Bottom() && y > kMargin) StartPage();
        y += Draw(text, kMargin + indent, y, width, style) + gap;
    }

    void Fill(double x, double top, double w, double h, double grey) {
        cairo_set_source_rgb(cr, grey, grey, grey);
        cairo_rectangle(cr, x, top, w, h);
        cairo_fill(cr);
    }
};

ReportCanvas::ReportCanvas(const std::filesystem::path& font_dir, std::string family) : impl_(new Impl) {
    impl_->family = std::move(family);
    // Before the font map exists: it reads fontconfig's configuration when made.
    if (!font_dir.empty())
        FcConfigAppFontAddDir(FcConfigGetCurrent(), reinterpret_cast<const FcChar8*>(font_dir.c_str()));
    impl_->font_map = pango_cairo_font_map_new();
    impl_->context = pango_font_map_create_context(impl_->font_map);
    // Unhinted metrics: the layout does not depend on a screen resolution (print).
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(impl_->context, options);
    cairo_font_options_destroy(options);
    impl_->StartPage();
}

ReportCanvas::~ReportCanvas() = default;

void ReportCanvas::NewPage() {
    impl_->StartPage();
}

int ReportCanvas::Pages() const {
    return static_cast<int>(impl_->pages.size());
}

double ReportCanvas::Y() const {
    return impl_->y;
}

void ReportCanvas::WriteRight(int page, double y, const std::string& text) {
    if (page < 1 || page > Pages()) return;
    cairo_t* cr = cairo_create(impl_->pages[page - 1]);
    std::swap(cr, impl_->cr); // Draw() writes on impl_->cr
    impl_->Draw(text, kMargin, y, Width(), Style{kBodySize, false, false, kInk, PANGO_ALIGN_RIGHT});
    std::swap(cr, impl_->cr);
    cairo_destroy(cr);
}

void ReportCanvas::Keep(double height) {
    if (impl_->y + height > impl_->Bottom() && impl_->y > kMargin) impl_->StartPage();
}

void ReportCanvas::Space(double points) {
    impl_->y += points;
}

void ReportCanvas::Title(const std::string& text) {
    impl_->Flow(text, Style{24, true}, 10);
}

void ReportCanvas::Heading(const std::string& text) {
    if (impl_->y > kMargin) impl_->StartPage();
    impl_->Flow(text, Style{17, true}, 4);
    // A rule under the section's title.
    cairo_set_source_rgb(impl_->cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(impl_->cr, 0.8);
    cairo_move_to(impl_->cr, kMargin, impl_->y);
    cairo_line_to(impl_->cr, kPageWidth - kMargin, impl_->y);
    cairo_stroke(impl_->cr);
    impl_->y += 12;
}

void ReportCanvas::Subheading(const std::string& text, double keep_with_next) {
    const Style style{11.5, true};
    Keep(impl_->Measure(text, Width(), style) + keep_with_next);
    impl_->y += 6;
    impl_->Flow(text, style, 5);
}

void ReportCanvas::Paragraph(const std::string& text) {
    impl_->Flow(text, Style{}, kLineGap + 2);
}

void ReportCanvas::Labelled(const std::string& label, const std::string& text) {
    Style style;
    style.bold_prefix = label.size();
    impl_->Flow(label + text, style, kLineGap + 2);
}

void ReportCanvas::Section(const std::string& text) {
    const Style style{15, true};
    Keep(impl_->Measure(text, Width(), style) + 120);
    impl_->y += 12;
    impl_->Fill(kMargin, impl_->y - 6, Width(), 1.5, 0.3);
    impl_->Flow(text, style, 6);
}

void ReportCanvas::Note(const std::string& text) {
    impl_->Flow(text, Style{8.5, false, false, kGreyText}, kLineGap);
}

void ReportCanvas::Quote(const std::string& text) {
    impl_->Flow(text, Style{9.5, false, true, 0.2}, 3, 18);
}

void ReportCanvas::Banner(const std::string& text) {
    const Style style{14, true, false, kInk, PANGO_ALIGN_CENTER};
    const double h = impl_->Measure(text, Width() - 20, style);
    Keep(h + 20);
    cairo_set_source_rgb(impl_->cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(impl_->cr, 2);
    cairo_rectangle(impl_->cr, kMargin, impl_->y, Width(), h + 14);
    cairo_stroke(impl_->cr);
    impl_->Draw(text, kMargin + 10, impl_->y + 7, Width() - 20, style);
    impl_->y += h + 24;
}

void ReportCanvas::Table(const std::vector<std::vector<std::string>>& rows,
                         const std::vector<double>& widths) {
    if (rows.empty()) return;
    const double pad = 3;
    auto row_height = [&](const std::vector<std::string>& row, bool header) {
        double h = 0;
        for (size_t c = 0; c < row.size() && c < widths.size(); c++)
            h = std::max(h, impl_->Measure(row[c], widths[c] * Width() - 2 * pad, Style{9, header}));
        return h + 2 * pad;
    };
    auto draw_row = [&](const std::vector<std::string>& row, bool header) {
        const double h = row_height(row, header);
        if (header) impl_->Fill(kMargin, impl_->y, Width(), h, 0.88);
        double x = kMargin;
        for (size_t c = 0; c < row.size() && c < widths.size(); c++) {
            const double w = widths[c] * Width();
            Style style{9, header};
            if (c > 0) style.align = PANGO_ALIGN_RIGHT;
            impl_->Draw(row[c], x + pad, impl_->y + pad, w - 2 * pad, style);
            x += w;
        }
        impl_->y += h;
        cairo_set_source_rgb(impl_->cr, 0.75, 0.75, 0.75);
        cairo_set_line_width(impl_->cr, 0.4);
        cairo_move_to(impl_->cr, kMargin, impl_->y);
        cairo_line_to(impl_->cr, kMargin + Width(), impl_->y);
        cairo_stroke(impl_->cr);
    };
    Keep(row_height(rows[0], true) + (rows.size() > 1 ? row_height(rows[1], false) : 0));
    draw_row(rows[0], true);
    for (size_t r = 1; r < rows.size(); r++) {
        const double h = row_height(rows[r], false);
        if (impl_->y + h > impl_->Bottom()) {
            impl_->StartPage();
            draw_row(rows[0], true); // the header again on the next page
        }
        draw_row(rows[r], false);
    }
    impl_->y += 8;
}

void ReportCanvas::Bars(const std::vector<Bar>& bars) {
    double largest = 0;
    for (const Bar& bar : bars)
        largest = std::max(largest, bar.value);
    // The figures' column as wide as its longest figure ("50 % des réponses (10)"), within bounds.
    double widest = 0;
    for (const Bar& bar : bars) {
        PangoLayout* layout = impl_->Layout(bar.text, -1, Style{8.5, !bar.muted});
        int w = 0, h = 0;
        pango_layout_get_size(layout, &w, &h);
        g_object_unref(layout);
        widest = std::max(widest, double(w) / PANGO_SCALE);
    }
    const double label_w = Width() * 0.36, text_w = std::clamp(widest + 4, Width() * 0.14, Width() * 0.36);
    const double bar_w = Width() - label_w - text_w - 12;
    Keep(std::min(bars.size() * kBarRow, 320.0)); // a chart on one page, unless it is very long
    for (const Bar& bar : bars) {
        Keep(kBarRow);
        const double top = impl_->y;
        Style label{8.5};
        label.ellipsize = true;
        if (!bar.label.empty()) impl_->Draw(bar.label, kMargin, top + 2, label_w - 6, label);
        const double x = kMargin + label_w;
        impl_->Fill(x, top + 2, bar_w, kBarRow - 5, 0.93); // the track: where 100 % would end
        if (largest > 0 && bar.value > 0)
            impl_->Fill(x, top + 2, std::max(0.8, bar_w * bar.value / largest), kBarRow - 5,
                        bar.muted ? kMutedInk : kBarInk);
        impl_->Draw(bar.text, x + bar_w + 6, top + 2, text_w, Style{8.5, !bar.muted});
        impl_->y += kBarRow;
    }
    impl_->y += 6;
}

void ReportCanvas::Columns(const std::vector<Column>& columns, const std::string& caption_max) {
    if (columns.empty()) return;
    const double chart_h = 110, label_h = 14, axis_w = 40;
    Keep(chart_h + label_h + 16);
    double largest = 0;
    for (const Column& c : columns)
        largest = std::max(largest, c.value);
    const double top = impl_->y + 6, base = top + chart_h;
    const double x0 = kMargin + axis_w, w = (Width() - axis_w) / columns.size();
    cairo_t* cr = impl_->cr;
    // The scale: the largest value at the top, 0 at the base.
    impl_->Draw(caption_max, kMargin, top - 5, axis_w - 4,
                Style{7.5, false, false, kGreyText, PANGO_ALIGN_RIGHT});
    impl_->Draw("0", kMargin, base - 9, axis_w - 4, Style{7.5, false, false, kGreyText, PANGO_ALIGN_RIGHT});
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, x0, top);
    cairo_line_to(cr, x0 + w * columns.size(), top);
    cairo_stroke(cr);
    const double gap = w > 4 ? std::min(2.0, w * 0.2) : 0;
    double last_label_end = -1e9;
    for (size_t i = 0; i < columns.size(); i++) {
        const Column& c = columns[i];
        const double x = x0 + i * w;
        if (largest > 0 && c.value > 0) {
            const double h = chart_h * c.value / largest, hp = chart_h * c.part / largest;
            impl_->Fill(x + gap / 2, base - h, w - gap, h, kMutedInk);
            impl_->Fill(x + gap / 2, base - hp, w - gap, hp, kBarInk);
        }
        if (!c.label.empty() && x >= last_label_end) {
            const double lw = 34;
            impl_->Draw(c.label, x, base + 3, lw, Style{7, false, false, kGreyText});
            last_label_end = x + lw;
        }
    }
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, x0, base);
    cairo_line_to(cr, x0 + w * columns.size(), base);
    cairo_stroke(cr);
    impl_->y = base + label_h + 8;
}

void ReportCanvas::HeatMap(const std::vector<std::vector<int64_t>>& cells,
                           const std::vector<std::string>& row_labels,
                           const std::vector<std::string>& column_labels, const std::string& key,
                           const std::function<std::string(int64_t)>& number) {
    if (cells.empty() || cells[0].empty()) return;
    const double label_w = 62, cols = static_cast<double>(cells[0].size());
    const double cell_w = (Width() - label_w) / cols;
    Keep(kCellHeight * (cells.size() + 1) + 30);
    int64_t largest = 0;
    for (const auto& row : cells)
        for (int64_t v : row)
            largest = std::max(largest, v);
    cairo_t* cr = impl_->cr;
    const double x0 = kMargin + label_w;
    for (size_t c = 0; c < column_labels.size(); c++)
        if (!column_labels[c].empty())
            impl_->Draw(column_labels[c], x0 + c * cell_w, impl_->y, cell_w * 3,
                        Style{7, false, false, kGreyText});
    impl_->y += 11;
    for (size_t r = 0; r < cells.size(); r++) {
        const double top = impl_->y;
        if (r < row_labels.size()) {
            Style label{8};
            label.ellipsize = true;
            impl_->Draw(row_labels[r], kMargin, top + 2, label_w - 4, label);
        }
        for (size_t c = 0; c < cells[r].size(); c++) {
            const int64_t v = cells[r][c];
            // A grey ramp from white (none) to near black (the busiest hour), readable in grey.
            const double share = largest > 0 ? static_cast<double>(v) / largest : 0;
            const double grey = v > 0 ? 0.9 - 0.75 * std::sqrt(share) : 1.0;
            impl_->Fill(x0 + c * cell_w, top, cell_w, kCellHeight, grey);
            cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
            cairo_set_line_width(cr, 0.3);
            cairo_rectangle(cr, x0 + c * cell_w, top, cell_w, kCellHeight);
            cairo_stroke(cr);
            if (v == 0) continue;
            // The count itself, white on dark cells, when it fits: the grey ramp alone is
            // hard to read on a photocopy.
            const std::string n = number(v);
            Style style{5.5, false, false, grey < 0.5 ? 1.0 : kInk, PANGO_ALIGN_CENTER};
            PangoLayout* layout = impl_->Layout(n, -1, style);
            int w = 0, h = 0;
            pango_layout_get_size(layout, &w, &h);
            g_object_unref(layout);
            if (double(w) / PANGO_SCALE <= cell_w - 1.5)
                impl_->Draw(n, x0 + c * cell_w, top + (kCellHeight - double(h) / PANGO_SCALE) / 2, cell_w,
                            style);
        }
        impl_->y += kCellHeight;
    }
    impl_->y += 4;
    impl_->Draw(key, kMargin, impl_->y, Width(), Style{8, false, false, kGreyText});
    impl_->y += 16;
}

bool ReportCanvas::Save(const std::filesystem::path& file, const std::string& title,
                        const std::function<std::string(int page, int pages)>& footer, std::string& error) {
    std::filesystem::path temporary = file;
    temporary += ".part";
    cairo_surface_t* pdf = cairo_pdf_surface_create(temporary.c_str(), kPageWidth, kPageHeight);
    if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS) {
        error = temporary.string() + ": " + cairo_status_to_string(cairo_surface_status(pdf));
        cairo_surface_destroy(pdf);
        return false;
    }
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "kiosk-report");
    cairo_t* cr = cairo_create(pdf);
    const int pages = Pages();
    for (int i = 0; i < pages; i++) {
        cairo_set_source_surface(cr, impl_->pages[i], 0, 0);
        cairo_paint(cr);
        std::swap(cr, impl_->cr); // Draw() writes on impl_->cr
        impl_->Draw(footer(i + 1, pages), kMargin, kPageHeight - kMargin - 10, Width(),
                    Style{8.5, false, false, kGreyText, PANGO_ALIGN_CENTER});
        std::swap(cr, impl_->cr);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    const cairo_status_t status = cairo_surface_status(pdf);
    cairo_surface_destroy(pdf);
    std::error_code ec;
    if (status != CAIRO_STATUS_SUCCESS) {
        error = temporary.string() + ": " + cairo_status_to_string(status);
        std::filesystem::remove(temporary, ec);
        return false;
    }
    // On the disk before its name: the staff panel says the USB key may be removed as soon
    // as kiosk-report exits.
    const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    if (!synced) {
        error = temporary.string() + ": cannot be written to the disk (fsync)";
        std::filesystem::remove(temporary, ec);
        return false;
    }
    if (!RenameDurably(temporary, file, error)) {
        error = file.string() + ": " + error;
        std::filesystem::remove(temporary, ec);
        return false;
    }
    return true;
}

} // namespace kiosk
