// The big screen's layout: where the question, each option's row and the banners go, and
// at what type size, for a screen of a given size. Pure arithmetic, so a test can check
// the rule the crowd needs: read from 10 m, every text is at least 5 % of the screen height
// (issue 12, "The big screen").
#pragma once

#include <vector>

#include <imgui.h>

namespace kiosk {

// Smallest text height allowed on the big screen, as a fraction of the screen height.
inline constexpr float kBigScreenMinTextFraction = 0.05f;

struct BigScreenRow {
    ImVec2 picture_min, picture_max; // the option's picture (empty when it has none)
    ImVec2 label_pos;                // top-left of the label line
    float label_width = 0;           // room for the label before the figures
    ImVec2 figures_right;            // top-right of "count · percent" (on the bar's line in portrait)
    ImVec2 bar_min;                  // the bar's track: the bar grows from bar_min.x …
    float bar_full = 0;              // … to bar_min.x + bar_full at 100 %
    float bar_height = 0;
};

struct BigScreenLayout {
    float width = 0, height = 0;
    float margin = 0;
    float question_font = 0; // the question (bold)
    float text_font = 0;     // option labels, figures, participants, banners
    ImVec2 question_pos;     // top-left; wraps at question_width
    float question_width = 0;
    float question_bottom = 0; // where the rows may start
    std::vector<BigScreenRow> rows;
    ImVec2 participants_pos; // bottom line: "N participants" (or the embargo's date)
    float banner_line = 0;   // one line of banner (example, test mode) across the top
    bool figures_on_bar =
        false; // portrait with room: the label takes the whole width, figures follow the bar
    // Every font size used, for the readability check.
    std::vector<float> FontSizes() const { return {question_font, text_font}; }
};

// `question_lines`: lines the question takes at `question_font` (measured by the
// caller with the real font, see BigScreenQuestionFont). `banner_lines`: lines of banner on
// top (a long one wraps on a narrow screen). In portrait the figures go on the bar's line;
// `figures_width` is the room they need there (the bar is shortened by it). `question_font`:
// the question's size when smaller than BigScreenQuestionFont (0: that size).
// `footer_lines`: lines of the bottom text (the embargo's date wraps on a narrow screen).
BigScreenLayout ComputeBigScreenLayout(float width, float height, int options, bool pictures,
                                       int banner_lines, int question_lines, float figures_width = 0,
                                       float question_font = 0, int footer_lines = 1);
// Whether every row ends above the participants line.
bool BigScreenRowsFit(const BigScreenLayout& layout);

// The type sizes for a screen `height` px tall (the atlas is built at these sizes).
float BigScreenQuestionFont(float height);
float BigScreenTextFont(float height);

} // namespace kiosk
