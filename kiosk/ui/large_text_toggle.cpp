#include "large_text_toggle.h"

#include <algorithm>

#include "app.h"
#include "low_reach.h"
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

float AaWidth(const App& app, float height) {
    // At least square: a short label must not make a thin target.
    return std::max(height, TouchButtonSize(app, app.Tr("access.large_text"), ToggleStyle(app)).x);
}
} // namespace

float LargeTextToggleWidth(const App& app, float height) {
    const float wheelchair = LowReachToggleWidth(app, height);
    return AaWidth(app, height) + (wheelchair > 0 ? app.metrics.gap + wheelchair : 0);
}

void LargeTextToggle(App& app, ImVec2 pos, float height) {
    ImGui::SetCursorScreenPos(pos);
    const float width = AaWidth(app, height);
    if (TouchButton(app, "##large-text", app.Tr("access.large_text"), ImVec2(width, height),
                    ToggleStyle(app))) {
        app.visit.large_text = !app.visit.large_text;
        app.RequestFrameIn(0); // the next frame draws in the new sizes and colours
    }
    app.targets.Name("access.large_text");
    LowReachToggle(app, ImVec2(pos.x + width + app.metrics.gap, pos.y), height);
}

} // namespace kiosk
