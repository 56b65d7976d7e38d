#include "low_reach.h"

#include <algorithm>

#include "app.h"
#include "icons.h"
#include "theme.h"
#include "visit_state.h"
#include "widgets.h"

namespace kiosk {

ReachBand ComputeReachBand(const DisplayConfig& display, float window_height) {
    if (!display.MountingKnown() || window_height <= 0) return {0, window_height};
    const double px_per_mm = window_height / display.height_mm;
    const double top_mm = display.bottom_mm + display.height_mm;
    // Rows are counted from the top edge, heights from the floor.
    const float top = (float)std::max(0.0, (top_mm - kReachHighestMm) * px_per_mm);
    const float bottom =
        window_height - (float)std::max(0.0, (kReachLowestMm - display.bottom_mm) * px_per_mm);
    return {std::min(top, window_height), std::clamp(bottom, 0.0f, window_height)};
}

double RowHeightMm(const DisplayConfig& display, float window_height, float y) {
    return display.bottom_mm + (window_height - y) / window_height * display.height_mm;
}

namespace {
// Part of the window lies outside the band (at least a pixel row: rounding is no reason).
bool PartOutOfReach(const App& app) {
    const ReachBand band = ComputeReachBand(app.data.config.display, app.window_size.y);
    return band.top >= 1.0f || band.bottom <= app.window_size.y - 1.0f;
}

bool StaffScreen(Screen screen) {
    return screen == Screen::StaffPin || screen == Screen::StaffPanel;
}
} // namespace

bool LowReachOffered(const App& app) {
    return app.data.config.display.low_reach == LowReach::Toggle && PartOutOfReach(app);
}

bool LowReachOn(const App& app) {
    const LowReach mode = app.data.config.display.low_reach;
    const bool wanted = mode == LowReach::Always || (mode == LowReach::Toggle && app.visit.low_reach);
    return wanted && PartOutOfReach(app) && !StaffScreen(app.nav.CurrentScreen());
}

float LowReachToggleWidth(const App& app, float height) {
    return LowReachOffered(app) ? height : 0; // a square: the pictogram alone
}

void LowReachToggle(App& app, ImVec2 pos, float height) {
    if (!LowReachOffered(app)) return;
    ImGui::SetCursorScreenPos(pos);
    // Outlined like « Aa »; while on it is filled (selected), which the pictogram's colour
    // change also shows to someone who does not tell the colours apart.
    // In the title font, as « Aa »: the pictogram takes the button's height as the letters do.
    const ButtonStyle style{
        .outline = true, .font = app.fonts.title, .icon = Icon::Wheelchair, .selected = app.visit.low_reach};
    if (TouchButton(app, "##low-reach", "", ImVec2(height, height), style)) {
        app.visit.low_reach = !app.visit.low_reach;
        app.RequestFrameIn(0); // the next frame lays the screen out in its new place
    }
    app.targets.Name("access.low_reach");
    if (app.visit.low_reach) {
        // A light ring inside the filled button: "on" still reads as a button on a top bar
        // of the same colour as its fill.
        const Metrics& m = app.metrics;
        const ImVec2 inset(m.Px(5), m.Px(5));
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x + inset.x, min.y + inset.y),
                                            ImVec2(max.x - inset.x, max.y - inset.y),
                                            Rgb(palette::kTextOnDark), m.radius * 0.7f, 0, m.Px(3));
    }
}

void DrawOutOfReach(App& app) {
    const ImVec2 origin = app.layout_origin;
    const Metrics& m = app.metrics;
    const float above = origin.y; // window rows above the band
    if (above < m.Px(60)) return; // too thin for a line of text: the background alone
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    // The layout's display is the band: draw above it (negative rows), never into it.
    draw->PushClipRect(ImVec2(-origin.x, -origin.y), ImVec2(app.window_size.x - origin.x, 0), false);
    const uint32_t ink = palette::RelativeLuminance(palette::Displayed(app.clear_color)) < 0.2
                             ? palette::kTextOnDark
                             : palette::kText;
    const float width = app.window_size.x - 2 * m.margin;
    const std::string& name = app.data.config.place_name;
    const std::string& hint = app.Tr("access.low_reach_hint");
    auto measure = [&](ImFont* font, const std::string& text) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), text.data() + text.size());
    };
    const float arrow = m.Px(60);
    const float gap = m.gap;
    // The largest that fits: name and line in titles (a totem's tall area), the line in body
    // text under the name, the line alone (a landscape screen's strip).
    struct Choice {
        ImFont* name;
        ImFont* hint;
    };
    const Choice choices[] = {
        {app.fonts.title, app.fonts.title}, {app.fonts.title, app.fonts.body}, {nullptr, app.fonts.body}};
    Choice chosen = choices[2];
    ImVec2 name_size, hint_size;
    for (const Choice& choice : choices) {
        name_size = choice.name ? measure(choice.name, name) : ImVec2(0, 0);
        hint_size = measure(choice.hint, hint);
        const float need = (choice.name ? name_size.y + gap : 0) + hint_size.y + gap + arrow;
        chosen = choice;
        if (need <= above - 2 * m.margin) break;
    }
    const float total = (chosen.name ? name_size.y + gap : 0) + hint_size.y + gap + arrow;
    float y = -above + std::max(0.0f, (above - total) * 0.5f);
    // Centred on the window, whose left edge is the layout's too.
    const float centre = app.window_size.x * 0.5f - origin.x;
    if (chosen.name) {
        draw->AddText(chosen.name, chosen.name->FontSize, ImVec2(centre - name_size.x * 0.5f, y), Rgb(ink),
                      name.data(), name.data() + name.size(), width);
        y += name_size.y + gap;
    }
    ImFont* body = chosen.hint;
    draw->AddText(body, body->FontSize, ImVec2(centre - hint_size.x * 0.5f, y), Rgb(ink), hint.data(),
                  hint.data() + hint.size(), width);
    y += hint_size.y + gap;
    DrawIcon(draw, Icon::Down, ImVec2(centre, y + arrow * 0.5f), arrow, Rgb(ink));
    draw->PopClipRect();
}

GestureFrame ShiftGestures(GestureFrame g, Vec2 by) {
    for (std::optional<Vec2>* p : {&g.tap, &g.double_tap, &g.long_press, &g.long_press_release})
        if (*p) **p += by;
    for (Vec2* p : {&g.imgui.pos, &g.long_press_pos, &g.scroll_origin, &g.drag_pos, &g.pinch_center})
        *p += by;
    return g;
}

} // namespace kiosk
