// A section with nothing to show: its top bar and a polite sentence, never a blank screen.
#include "screens.h"
#include "widgets.h"

namespace kiosk {

void DrawEmptySection(App& app, std::string_view title_key, uint32_t color) {
    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##section");
    TopBar(app, app.Tr(title_key), color);
    ImGui::SetCursorScreenPos(ImVec2(m.margin, m.height * 0.45f));
    CenteredText(app.Tr("section.empty"), app.fonts.title, palette::kTextMuted, m.margin,
                 m.width - 2 * m.margin);
}

} // namespace kiosk
