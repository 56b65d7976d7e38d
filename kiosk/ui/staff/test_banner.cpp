// The test-mode banner: while staff have test mode on, every screen — the public ones too —
// says so at its top, so that nobody takes the kiosk for live and nobody forgets to turn
// test mode off (the answers recorded meanwhile are flagged is_test = 1).
#include "palette.h"
#include "staff_screens.h"
#include "staff_state.h"
#include "widgets.h"

namespace kiosk {

void DrawTestModeBanner(App& app) {
    // The panel has its tabs where the banner would float: it draws the banner as a strip
    // of its own layout (staff_panel.cpp).
    if (!app.staff.session.settings.test_mode || app.nav.CurrentScreen() == Screen::StaffPanel) return;
    const Metrics& m = app.metrics;
    const std::string& text = app.Tr("staff.test_banner");
    ImFont* font = app.fonts.body_bold;
    const ImVec2 size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size());
    // Centred at the top edge, over everything, clear of the corners (the hidden press,
    // the staff alert) and thin enough to leave the top bar's buttons visible.
    const float pad = m.Px(14);
    const ImVec2 min((m.width - size.x) * 0.5f - pad * 2, 0);
    const ImVec2 max((m.width + size.x) * 0.5f + pad * 2, size.y + pad);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(min, max, Rgb(palette::kDanger), m.radius, ImDrawFlags_RoundCornersBottom);
    draw->AddRect(min, max, Rgb(palette::kTextOnDark), m.radius, ImDrawFlags_RoundCornersBottom, m.Px(2));
    draw->AddText(font, font->FontSize, ImVec2(min.x + pad * 2, pad * 0.5f), Rgb(palette::kTextOnDark),
                  text.data(), text.data() + text.size());
    app.targets.Name("test-banner", min, max);
}

} // namespace kiosk
