#include "large_text_toggle.h"

#include <algorithm>

#include "app.h"
#include "visit_state.h"
#include "widgets.h"

namespace kiosk {

namespace {
ButtonStyle ToggleStyle(const App& app) {
    // Outlined like the language buttons, so its edge shows on the page and on top bars of
    // every colour; while on it carries a tick, so its state shows without relying on colour.
    return ButtonStyle{.outline = true,
                       .font = app.fonts.title,
                       .icon = app.visit.large_text ? Icon::Check : Icon::None,
                       .icon_after = true};
}
} // namespace

float LargeTextToggleWidth(const App& app, float height) {
    // At least square: a short label must not make a thin target.
    return std::max(height, TouchButtonSize(app, app.Tr("access.large_text"), ToggleStyle(app)).x);
}

void LargeTextToggle(App& app, ImVec2 pos, float height) {
    ImGui::SetCursorScreenPos(pos);
    const float width = LargeTextToggleWidth(app, height);
    if (TouchButton(app, "##large-text", app.Tr("access.large_text"), ImVec2(width, height),
                    ToggleStyle(app))) {
        app.visit.large_text = !app.visit.large_text;
        app.RequestFrameIn(0); // the next frame draws in the new sizes and colours
    }
    app.targets.Name("access.large_text");
}

} // namespace kiosk
