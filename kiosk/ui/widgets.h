// Widgets: the kiosk's touch controls, built on Dear ImGui's item behaviour.
//
// Every control is at least Metrics::target tall, draws its own label centred and
// wrapped (never clipped), and shows a hover tint while a finger rests on it, since a
// touch screen has no other "about to press" feedback.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include <imgui.h>

#include "draw_context.h"
#include "icons.h"
#include "palette.h"

namespace kiosk {

struct App;

// A full-screen, undecorated ImGui window for one screen. Ends itself.
// The background is not drawn by ImGui but by the frame's glClear (DrawContext::clear_color): a
// blended full-screen quad costs ~10 ms per frame with software GL, the clear ~0.5 ms.
class ScreenWindow {
public:
    ScreenWindow(DrawContext& ui, const char* id, uint32_t background = palette::kBackground);
    ~ScreenWindow();
    ScreenWindow(const ScreenWindow&) = delete;
    ScreenWindow& operator=(const ScreenWindow&) = delete;
};

struct ButtonStyle {
    uint32_t fill = palette::kPrimary;
    uint32_t text = palette::kTextOnDark;
    bool outline = false; // light button with a border (secondary action)
    ImFont* font = nullptr;
    Icon icon = Icon::None;
    bool selected = false;   // e.g. the current language
    bool icon_after = false; // the icon follows the label ("Next →")
};

// A button of exactly `size` (a zero component: the label's size plus padding). Returns
// true on the frame it is clicked.
bool TouchButton(DrawContext& ui, const char* id, std::string_view label, ImVec2 size,
                 const ButtonStyle& style = {});

// The size TouchButton would take for `label` with no size given.
ImVec2 TouchButtonSize(const DrawContext& ui, std::string_view label, const ButtonStyle& style = {});

// A big home-screen tile: pictogram, title, one line of explanation.
bool Tile(DrawContext& ui, const char* id, Icon icon, std::string_view title, std::string_view subtitle,
          uint32_t color, ImVec2 size);

// Text wrapped at `width` (the current window's remaining width if 0) in `font`. Both text
// helpers leave the cursor right below the text, with no item spacing added.
void WrappedText(std::string_view text, ImFont* font, uint32_t color = palette::kText, float width = 0);
// Text centred horizontally in [x, x + width], wrapped; advances the cursor below it.
void CenteredText(std::string_view text, ImFont* font, uint32_t color, float x, float width);
// Height `text` takes when wrapped at `width`.
float TextHeight(std::string_view text, ImFont* font, float width);

// Notes `text` for the layout audits when `text_size` exceeds `room` (a label cut off or
// spilling over its neighbours: DrawContext::text_overflows). The box is for the message.
void NoteTextFit(DrawContext& ui, std::string_view text, ImVec2 text_size, ImVec2 room, ImVec2 box_min,
                 ImVec2 box_max);
// The first of `fonts` (largest first) in which `text`, wrapped to the box's width, fits its
// height; the last, noted with NoteTextFit, when none does.
ImFont* FittingFont(DrawContext& ui, std::string_view text, std::initializer_list<ImFont*> fonts, ImVec2 min,
                    ImVec2 max);

// The bar at the top of every section: back, title, home. Handles the navigation.
void TopBar(App& app, std::string_view title, uint32_t color);

// A region scrolled by dragging anywhere in it, with inertia (GestureFrame::scroll_delta
// when the drag started inside it). The scroll position is reset for each new visit.
// Always call EndTouchScroll() after BeginTouchScroll(), whatever it returns.
bool BeginTouchScroll(App& app, const char* id, ImVec2 size, bool horizontal = false);
void EndTouchScroll();

// The language picker: one button per configured language, each named in itself, ending at
// `right_x`. Returns where it begins (`right_x` when there is nothing to pick).
float LanguagePicker(App& app, float right_x, float y);

} // namespace kiosk
