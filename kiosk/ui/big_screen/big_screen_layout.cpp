#include "big_screen_layout.h"

#include <algorithm>

namespace kiosk {

// 8 % and 5.6 % of the height: the text size stays above the 5 % floor with a margin, and
// two lines of question plus six options still fit on a 16:10 screen.
float BigScreenQuestionFont(float height) {
    return height * 0.08f;
}
float BigScreenTextFont(float height) {
    return height * 0.056f;
}

BigScreenLayout ComputeBigScreenLayout(float width, float height, int options, bool pictures,
                                       int banner_lines, int question_lines, float figures_width,
                                       float question_font, int footer_lines) {
    BigScreenLayout l;
    l.width = width;
    l.height = height;
    l.margin = std::min(width, height) * 0.04f;
    l.question_font = question_font > 0 ? question_font : BigScreenQuestionFont(height);
    l.text_font = BigScreenTextFont(height);
    l.banner_line = l.text_font * 1.2f;
    float y = l.margin + (banner_lines > 0 ? l.banner_line * (float)banner_lines + l.margin * 0.5f : 0.0f);
    l.question_pos = ImVec2(l.margin, y);
    l.question_width = width - 2 * l.margin;
    y += l.question_font * 1.15f * (float)std::max(question_lines, 1) + l.margin * 0.5f;
    l.question_bottom = y;

    // The participants line at the bottom; rows share what is between.
    const float footer = l.text_font * (1.3f + 1.2f * (float)(std::max(footer_lines, 1) - 1));
    l.participants_pos = ImVec2(l.margin, height - l.margin - footer);
    const float rows_bottom = l.participants_pos.y - l.margin * 0.5f;
    const int n = std::max(options, 1);
    const float row_h = std::max(0.0f, rows_bottom - y) / (float)n;
    // A row: the label line, then the bar under it; the bar takes what the label leaves,
    // up to a thick stroke, and never less than a thin one.
    const float label_h = l.text_font * 1.2f;
    // In portrait the figures sit on the bar's line, which is then one line of text tall,
    // when the rows have room for it; else they share the label's line as in landscape.
    l.figures_on_bar = width < height && row_h >= label_h + l.text_font + l.margin * 0.4f;
    const float bar_h = std::clamp(row_h - label_h - l.margin * 0.4f,
                                   l.figures_on_bar ? l.text_font : l.text_font * 0.25f, l.text_font * 1.1f);
    for (int i = 0; i < options; i++) {
        BigScreenRow row;
        const float top = y + row_h * (float)i;
        float left = l.margin;
        if (pictures && !l.figures_on_bar) { // portrait: the width goes to the words and the bar
            const float side = std::min(label_h + bar_h, width * 0.2f);
            row.picture_min = ImVec2(left, top);
            row.picture_max = ImVec2(left + side, top + side);
            left += side + l.margin * 0.5f;
        }
        row.label_pos = ImVec2(left, top);
        row.bar_min = ImVec2(left, top + label_h);
        row.bar_full = width - l.margin - left;
        row.figures_right = ImVec2(width - l.margin, top);
        if (l.figures_on_bar) {
            row.figures_right.y = row.bar_min.y + (bar_h - l.text_font) * 0.5f;
            row.bar_full = std::max(0.0f, row.bar_full - figures_width - l.margin * 0.5f);
        }
        row.label_width = l.figures_on_bar ? width - l.margin - left : (width - l.margin - left) * 0.62f;
        row.bar_height = bar_h;
        l.rows.push_back(row);
    }
    return l;
}

bool BigScreenRowsFit(const BigScreenLayout& layout) {
    return layout.rows.empty() ||
           layout.rows.back().bar_min.y + layout.rows.back().bar_height <= layout.participants_pos.y;
}

} // namespace kiosk
