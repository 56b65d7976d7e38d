// Drawing pieces the staff panel's figure screens share ("Résultats", "Participation"):
// rows of choice buttons, labelled horizontal bars, small lines of text, decimal numbers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "palette.h"
#include "staff_state.h"

namespace kiosk {

struct Choice {
    std::string label;
    std::string target; // its touch target's name
    bool selected = false;
};

// A row of choices wrapped to `width` from (x, y), the selected ones filled; `y` moves below
// it, `end_x` (when given) gets the right edge of the last button. Returns the index tapped,
// or -1.
int ChoiceButtons(App& app, const char* id, const std::vector<Choice>& choices, float x, float width,
                  float min_w, float& y, float* end_x = nullptr);

// The first local day ("YYYY-MM-DD") of a period ending today; "" for every day.
std::string PeriodStart(const App& app, ResultsPeriod period);

// One decimal; a decimal comma in French.
std::string DecimalText(const App& app, double value);

void DrawTextAt(ImFont* font, uint32_t color, ImVec2 pos, std::string_view text);
float TextWidth(ImFont* font, std::string_view text);

// One horizontal bar at the cursor: label on the left, bar of `fraction` of the track,
// `value` after it, in `color`. Advances the cursor.
// `value_width` (when larger than the value needs) lines up the tracks of bars compared
// with each other.
void ChartBar(App& app, float x, float width, std::string_view label, double fraction, std::string_view value,
              uint32_t color = palette::kPrimary, float value_width = 0);

// A line of small text at the cursor; advances it.
void ChartLine(App& app, float x, std::string_view text, uint32_t color = palette::kTextMuted);

} // namespace kiosk
