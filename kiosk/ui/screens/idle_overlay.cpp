// "Are you still there?": shown after idle.timeout_seconds without a touch. Any touch
// dismisses it (the shell swallows that touch so it does not also press what is below);
// when the countdown runs out the visit ends.
#include <cmath>

#include "screens.h"
#include "widgets.h"

namespace kiosk {

void DrawIdleOverlay(App& app) {
    const Metrics& m = app.metrics;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, Rgb(palette::kScrim, 0.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##idle", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();

    // The card is as tall as its contents: title, the seconds left, the sentence, the button.
    const float card_w = std::min(m.width - 2 * m.margin, m.Px(1000));
    const float inner = card_w - 2 * m.margin;
    const std::string& title = app.Tr("idle.title");
    const std::string& sentence = app.Tr("idle.countdown");
    const float card_h = m.margin * 2 + TextHeight(title, app.fonts.title, inner) + m.Px(16) +
                         app.fonts.huge->FontSize + TextHeight(sentence, app.fonts.body, inner) +
                         m.gap * 1.5f + m.target;
    const ImVec2 card(0.5f * (m.width - card_w), 0.5f * (m.height - card_h));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(card, ImVec2(card.x + card_w, card.y + card_h), Rgb(palette::kSurface),
                        m.radius * 1.5f);

    ImGui::SetCursorScreenPos(ImVec2(card.x + m.margin, card.y + m.margin));
    CenteredText(title, app.fonts.title, palette::kText, card.x + m.margin, inner);
    const int seconds = (int)std::ceil(app.nav.CountdownRemaining(app.now));
    ImGui::SetCursorScreenPos(ImVec2(card.x + m.margin, ImGui::GetCursorScreenPos().y + m.Px(16)));
    CenteredText(app.Shown(fmt::format("{}", seconds)), app.fonts.huge, palette::kPrimary, card.x + m.margin,
                 inner);
    CenteredText(sentence, app.fonts.body, palette::kTextMuted, card.x + m.margin, inner);

    ButtonStyle stay{.fill = palette::kPrimary, .icon = Icon::Check};
    ImVec2 size = TouchButtonSize(app, app.Tr("idle.stay"), stay);
    size.x = std::max(size.x, m.Px(420));
    ImGui::SetCursorScreenPos(ImVec2(card.x + (card_w - size.x) * 0.5f, card.y + card_h - m.margin - size.y));
    TouchButton(app, "##stay", app.Tr("idle.stay"), size, stay); // any touch already dismissed it
    ImGui::End();
}

} // namespace kiosk
