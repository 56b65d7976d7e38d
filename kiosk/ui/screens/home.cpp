// Home: the four sections as big tiles with pictograms, the language picker, and the
// walk-in poll of the moment answered in one tap.
#include "large_text_toggle.h"
#include "read_aloud/read_aloud_controls.h"
#include "screens.h"
#include "survey/poll_offer.h"
#include "survey/survey_length_text.h"
#include "widgets.h"

namespace kiosk {

void DrawHome(App& app) {
    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##home");

    // Header: where we are, and the languages.
    ImGui::SetCursorScreenPos(ImVec2(m.margin, m.margin));
    float picker_h = m.target;
    // Read-aloud at the top right, as in every section's top bar; the languages beside it,
    // then « Aa ».
    const float read_aloud_w = ReadAloudControlsWidth(app, picker_h);
    ReadAloudControls(app, ImVec2(m.width - m.margin - read_aloud_w, m.margin), picker_h);
    const float picker_x =
        LanguagePicker(app, m.width - m.margin - read_aloud_w - (read_aloud_w > 0 ? m.gap : 0), m.margin);
    const float toggle_x = picker_x - m.gap - LargeTextToggleWidth(app, picker_h);
    LargeTextToggle(app, ImVec2(toggle_x, m.margin), picker_h);
    // The place's name beside the buttons; below them when they leave it less than a
    // quarter of the width (three languages, « Aa », the wheelchair and « Écouter » at 1280 px).
    const float name_room = toggle_x - m.gap - m.margin;
    const bool name_beside = name_room >= m.width * 0.25f;
    ImGui::SetCursorScreenPos(name_beside
                                  ? ImVec2(m.margin, m.margin + (picker_h - app.fonts.title->FontSize) * 0.5f)
                                  : ImVec2(m.margin, m.margin + picker_h + m.Px(16)));
    WrappedText(app.text_direction.Shown(app.data.config.place_name), app.fonts.title, palette::kPrimary,
                name_beside ? name_room : m.width - 2 * m.margin);
    // Below the buttons, or below the name when it wraps (large text, a long name).
    const float header_bottom = std::max(m.margin + picker_h, ImGui::GetCursorScreenPos().y);
    ImGui::SetCursorScreenPos(ImVec2(m.margin, header_bottom + m.Px(20)));
    WrappedText(app.Tr("home.welcome"), app.fonts.body, palette::kText, m.width - 2 * m.margin);

    // Tiles, two by two, filling the space above the footer — a taller footer when the
    // walk-in poll of the moment shares it with the finish button.
    const float top = ImGui::GetCursorScreenPos().y + m.Px(12);
    const Survey* poll = OfferedPoll(app);
    const float footer = poll ? PollBandHeight(app) + m.margin * 0.5f : m.target + m.margin;
    const float tile_w = (m.width - 2 * m.margin - m.gap) * 0.5f;
    const float tile_h = (m.height - top - footer - m.gap * 2) * 0.5f;
    struct TileSpec {
        const char* id;
        Icon icon;
        const char* title_key;
        const char* subtitle_key;
        uint32_t color;
        Screen screen;
    };
    static constexpr TileSpec kTiles[] = {
        {"##plans", Icon::Plan, "home.plans.title", "home.plans.subtitle", palette::kPrimary, Screen::Plans},
        {"##timeline", Icon::Timeline, "home.timeline.title", "home.timeline.subtitle", palette::kTimeline,
         Screen::Timeline},
        {"##opinion", Icon::Opinion, "home.opinion.title", "home.opinion.subtitle", palette::kOpinion,
         Screen::Surveys},
        {"##agenda", Icon::Agenda, "home.agenda.title", "home.agenda.subtitle", palette::kAgenda,
         Screen::Agenda},
    };
    // i18n: not a key — the tiles' touch-target names, in the order of kTiles.
    static constexpr const char* kTargets[] = {"home.plans", "home.timeline", "home.opinion", "home.agenda"};
    for (int i = 0; i < 4; i++) {
        const TileSpec& tile = kTiles[i];
        ImGui::SetCursorScreenPos(
            ImVec2(m.margin + (i % 2) * (tile_w + m.gap), top + (float)(i / 2) * (tile_h + m.gap)));
        // The survey tile says how long the surveys take, as the list and the notice do.
        const std::string subtitle =
            tile.screen == Screen::Surveys ? OpinionTileSubtitle(app) : app.Tr(tile.subtitle_key);
        if (Tile(app, tile.id, tile.icon, app.Tr(tile.title_key), subtitle, tile.color,
                 ImVec2(tile_w, tile_h)))
            app.nav.Go({tile.screen, ""}, app.now);
        app.targets.Name(kTargets[i]);
    }

    // Footer: leave, so the next visitor does not find our language or answers.
    ButtonStyle finish{
        .fill = palette::kSurface, .text = palette::kText, .outline = true, .icon = Icon::Exit};
    ImVec2 size = TouchButtonSize(app, app.Tr("home.finish"), finish);
    if (poll) {
        const float y = m.height - m.margin * 0.5f - PollBandHeight(app);
        PollBand(
            app, *poll,
            {ImVec2(m.margin, y), ImVec2(m.width - m.margin - size.x - m.gap, m.height - m.margin * 0.5f)},
            PollCardStyle::Light);
    }
    ImGui::SetCursorScreenPos(ImVec2(m.width - m.margin - size.x, m.height - m.margin * 0.5f - size.y));
    if (TouchButton(app, "##finish", app.Tr("home.finish"), size, finish)) app.nav.EndVisit(app.now);
}

} // namespace kiosk
