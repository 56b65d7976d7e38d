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
    ImFont* font = app.fonts.small;
    const ImVec2 size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size());
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    // A red frame round the whole screen — seen from anywhere, and over nothing: controls
    // keep Metrics::margin from the edges — and the words in a small tab at the top centre,
    // thin enough to leave a section's title in its bar readable.
    const float frame = m.Px(6);
    draw->AddRect(ImVec2(frame * 0.5f, frame * 0.5f), ImVec2(m.width - frame * 0.5f, m.height - frame * 0.5f),
                  Rgb(palette::kDanger), 0, 0, frame);
    const float pad_x = m.Px(20), pad_y = m.Px(3);
    const ImVec2 min((m.width - size.x) * 0.5f - pad_x, 0);
    const ImVec2 max((m.width + size.x) * 0.5f + pad_x, size.y + 2 * pad_y);
    draw->AddRectFilled(min, max, Rgb(palette::kDanger), m.radius, ImDrawFlags_RoundCornersBottom);
    draw->AddText(font, font->FontSize, ImVec2(min.x + pad_x, pad_y), Rgb(palette::kTextOnDark), text.data(),
                  text.data() + text.size());
    app.targets.Name("test-banner", min, max);
}

} // namespace kiosk
