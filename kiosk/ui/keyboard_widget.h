// The on-screen keyboard and the box that shows what is typed.
//
// The typing rules live in core (keyboard/keyboard_model.h); this draws the model's current
// layer as big keys and feeds it the visitor's fingers:
//   - a tap on a key is an ImGui click (InvisibleButton), like every button of the kiosk;
//   - a long press (app.gestures.long_press) on a key with variants opens them above the
//     key; the finger slides to one (long_press_pos) and lifts (long_press_release) to type
//     it. A long press on a key without variants types the key when the finger lifts on
//     it: slow presses are common, and a long press never produces a click.
// The keyboard's state is per visit (OnScreenKeyboard lives in VisitState).
#pragma once

#include <string_view>
#include <vector>

#include <imgui.h>

#include "keyboard/keyboard_model.h"

namespace kiosk {

struct App;

// Where a key of the shown layer was drawn on the last frame (tests tap there).
struct DrawnKey {
    const Key* key = nullptr;
    ImVec2 min, max;
};

struct OnScreenKeyboard {
    KeyboardModel model;
    std::vector<DrawnKey> drawn;          // the current layer's keys, last frame
    std::vector<DrawnKey> drawn_variants; // the long-press choices, while they are open
    const Key* slow_press = nullptr;      // long-pressed key without variants (types on lift)
};

// Makes a keyboard for typing in the visitor's language: the catalogue's text layout (or
// number layout when `number`) with `options` (the decimal separator is filled in from the
// catalogue). Returns an invalid model if the layout is missing (LoadKioskData refuses that).
OnScreenKeyboard MakeKeyboard(const App& app, bool number, KeyboardOptions options, std::string text = {});

// The height a keyboard of `layout` takes with keys `key_height` tall (m.gap between rows).
float KeyboardHeight(const App& app, const KeyboardLayout& layout, float key_height);

// Draws `keyboard` filling [pos, pos + size] and applies this frame's taps and long
// presses. Returns true when the text changed.
bool KeyboardWidget(App& app, const char* id, OnScreenKeyboard& keyboard, ImVec2 pos, ImVec2 size);

// The box showing typed text: wrapped, the last lines visible when it overflows, a caret
// at the end, `placeholder` (muted) when empty. When `max_length` > 0 the count
// "12 / 300" is drawn under the box's right edge (in warning colour once full); the
// counter's height is included in `size`.
void TypedTextBox(const App& app, std::string_view text, std::string_view placeholder, size_t max_length,
                  ImFont* font, ImVec2 pos, ImVec2 size);

} // namespace kiosk
