// Layout pieces every survey screen shares, sized for fingers and for people who read
// little: a header with "Stop" and the progress, the question in large type, a footer with
// "Previous" and "Next", validation messages with a pictogram, big choice cards, a grid
// that keeps every card at least Metrics::target tall, and the confirmation dialog.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app.h"
#include "icons.h"
#include "survey/answer_value.h"
#include "survey/survey.h"
#include "survey/survey_runner.h"

namespace kiosk {

struct Area {
    ImVec2 min, max;
    float Width() const { return max.x - min.x; }
    float Height() const { return max.y - min.y; }
};

// Records ImGui's last item as one of this frame's touch targets (DrawContext::touch_targets,
// audited for size and spacing by the layout tests), for controls built directly on
// ImGui::InvisibleButton; TouchButton and Tile record themselves.
void RecordTouchTarget(DrawContext& ui);

// This frame's gestures for the screen's own drags and long presses: none while a dialog
// covers it (inside ImGui::BeginDisabled), as ImGui already does for clicks.
GestureFrame ScreenGestures(const App& app);

// The survey's header bar: "Stop" (opens the cancel confirmation) on the left when
// `can_stop`, the survey's title, and when `progress` is given "3 / 8" with one segment per
// question. Returns the y just below it.
float SurveyHeader(App& app, const Survey& survey, const Progress* progress, bool can_stop = true);

// The question's text (large) and help line below `top`; returns the y below them.
float QuestionText(const App& app, const Question& question, float top);

enum class FooterAction { None, Back, Next };

// The footer: "Previous" (when `can_go_back`), the validation message if any (pictogram
// and text in the visitor's language), and the forward button labelled `next_label`.
FooterAction QuestionFooter(App& app, bool can_go_back, std::string_view next_label, Icon next_icon,
                            const std::optional<ValidationError>& error);
// Top of the footer: content must end above it.
float FooterTop(const App& app);

// The visitor-facing text of a validation error (catalogue key + {min}/{max}).
std::string ValidationMessage(const App& app, const ValidationError& error);

// A big answer card: a radio circle (or a check box when `multiple`), the label, an
// optional picture; `picture_only` shows the picture alone. Returns true when tapped.
struct ChoiceCard {
    std::string_view label;
    const std::filesystem::path* picture = nullptr;
    bool picture_only = false;
    bool selected = false;
    bool multiple = false;
    int badge = 0; // ranking: the rank stamped on the card (0 = none)
};
bool ChoiceCardButton(App& app, const char* id, const ChoiceCard& card, const Area& area);
// The card alone, on `draw` (a card being dragged is drawn on the foreground list).
void DrawChoiceCard(App& app, ImDrawList* draw, const ChoiceCard& card, const Area& area, bool held,
                    bool hovered);

// `count` cells in `area` in reading order: the fewest columns (up to `max_columns`)
// whose rows are at least `min_height` tall, each row at most `max_height`; m.gap apart.
// When even `max_columns` do not fit, rows are `min_height` and overflow downwards (the
// caller scrolls).
std::vector<Area> GridCells(const App& app, int count, const Area& area, float min_height, float max_height,
                            int max_columns);

// `count` cells in `columns` columns filling `area` (rows as tall as the area allows).
std::vector<Area> FixedGrid(const App& app, int count, int columns, const Area& area);

// The words for option `index` of `question`: its label, or for yes/no and smiley
// questions (whose options have no label) the catalogue's words.
std::string OptionCaption(const App& app, const Question& question, size_t index);

// A modal question over the screen ("Stop the survey?"): title, text, two buttons.
enum class ConfirmAnswer { None, Keep, Confirm };
ConfirmAnswer ConfirmDialog(DrawContext& ui, const char* id, std::string_view title, std::string_view text,
                            std::string_view keep_label, std::string_view confirm_label);

} // namespace kiosk
