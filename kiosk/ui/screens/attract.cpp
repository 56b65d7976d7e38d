// Attract screen: what passers-by see. A gentle pulse around a touching finger and the
// invitation in every language. Any touch opens the home screen, except on the walk-in
// poll's answers at the bottom, which record a vote in one tap.
#include <cmath>

#include "icons.h"
#include "screens.h"
#include "style_scope.h"
#include "survey/poll_offer.h"
#include "widgets.h"

namespace kiosk {

void DrawAttract(App& app) {
    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##attract", palette::kAttractBackground);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float width = m.width;

    // The poll's answers come first: ImGui gives a touch to the first item under it, so
    // they take their taps from the whole-screen button below.
    const Survey* poll = OfferedPoll(app);
    if (poll) {
        const float band_h = PollBandHeight(app);
        const Area band{ImVec2(m.margin, m.height - m.margin - band_h),
                        ImVec2(m.width - m.margin, m.height - m.margin)};
        if (PollBand(app, *poll, band, PollCardStyle::Dark)) return;
    }

    // The whole screen is the button.
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    if (ImGui::InvisibleButton("##start", ImVec2(m.width, m.height))) {
        app.nav.GoHome(app.now);
        return;
    }

    ImGui::SetCursorScreenPos(ImVec2(m.margin, m.Px(90)));
    CenteredText(app.text_direction.Shown(app.data.config.place_name), app.fonts.title,
                 palette::kAttractAccent, m.margin, width - 2 * m.margin);

    // Pulse: a ring that grows and fades over a 3 s cycle, drawn at display.attract_fps.
    // A low frame rate keeps the idle CPU near zero with software rendering; asleep
    // outside opening hours there is no animation at all.
    // Higher and a little smaller when the poll takes the bottom of the screen.
    const ImVec2 center(width * 0.5f, m.height * (poll ? 0.32f : 0.42f));
    const float icon = m.Px(poll ? 145 : 170);
    if (!app.nav.Asleep(app.now)) {
        const double period = 3.0;
        const float phase = (float)std::fmod(app.now, period) / (float)period;
        for (int ring = 0; ring < 2; ring++) {
            float t = std::fmod(phase + ring * 0.5f, 1.0f);
            draw->AddCircle(center, icon * (0.7f + 0.6f * t),
                            Rgb(palette::kAttractAccent, 0.85f * (1.0f - t)), 64, m.Px(6));
        }
        app.RequestFrameIn(1.0 / app.data.config.display.attract_fps);
    }
    draw->AddCircleFilled(center, icon * 0.62f, Rgb(palette::kAttractAccent));
    DrawIcon(draw, Icon::Touch, ImVec2(center.x + icon * 0.05f, center.y + icon * 0.05f), icon * 0.75f,
             Rgb(palette::kAttractBackground));

    // The invitation in the default language, then in the others, smaller.
    const Catalogs& catalogs = app.data.catalogs;
    float y = center.y + icon * 1.45f;
    ImGui::SetCursorScreenPos(ImVec2(m.margin, y));
    CenteredText(catalogs.Text(catalogs.ReferenceLanguage(), "attract.touch_to_start"), app.fonts.huge,
                 palette::kTextOnDark, m.margin, width - 2 * m.margin);
    ImGui::SetCursorScreenPos(ImVec2(m.margin, ImGui::GetCursorScreenPos().y + m.Px(8)));
    CenteredText(catalogs.Text(catalogs.ReferenceLanguage(), "attract.subtitle"), app.fonts.body,
                 palette::kTextOnDark, m.margin, width - 2 * m.margin);
    std::string others;
    for (const std::string& language : catalogs.Languages()) {
        if (language == catalogs.ReferenceLanguage()) continue;
        // Each in its own script and direction (an Arabic line shaped: text_direction.h).
        others += (others.empty() ? "" : "   ·   ") +
                  app.text_direction.Shown(catalogs.Text(language, "attract.touch_to_start"));
    }
    if (!others.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(m.margin, ImGui::GetCursorScreenPos().y + m.gap));
        CenteredText(others, app.fonts.title, palette::kAttractTextSecondary, m.margin, width - 2 * m.margin);
    }
}

} // namespace kiosk
