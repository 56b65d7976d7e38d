// The plan under a plan-pin question. Plans and their images come from the plans code
// (Content, ImageStore; branch `plans`); until it is merged no plan can be shown, and the
// screen says so (the demo's plan-pin question is optional, so the survey goes on).
#include "plan_backdrop.h"

#include "palette.h"
#include "widgets.h"

namespace kiosk {

PlanBackdrop DrawPlanBackdrop(App& app, std::string_view plan_id, const Area& area) {
    (void)plan_id;
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(area.min, area.max, Rgb(palette::kSurfaceAlt), m.radius);
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + m.margin, (area.min.y + area.max.y) * 0.5f - m.target));
    CenteredText(app.Tr("surveys.question.plan_missing"), app.fonts.title, palette::kTextMuted,
                 area.min.x + m.margin, area.Width() - 2 * m.margin);
    return {};
}

} // namespace kiosk
