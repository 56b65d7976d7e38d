#include "plan_backdrop.h"

#include "plan_canvas.h"
#include "programme_widgets.h"
#include "view/plan_view.h"

namespace kiosk {

PlanBackdrop DrawPlanBackdrop(App& app, std::string_view plan_id, const Area& area) {
    const Plan* plan = app.data.content.FindPlan(plan_id);
    if (!plan) { // LoadKioskData refuses such a survey; a placeholder rather than a crash
        DrawImagePlaceholder(app, area.min, area.max, ImageStatus::Failed,
                             app.Tr("surveys.question.plan_missing"));
        return {};
    }
    // The whole plan, fitted: pins are placed on the plan as it is, not on a detail.
    const Rect viewport({area.min.x, area.min.y}, {area.max.x, area.max.y});
    const PlanView view(plan->size, viewport, plan->MaxScale());
    TiledImage* image = app.images.Tiled(plan->image.file);
    if (image->Status() != ImageStatus::Ready) {
        const bool failed = image->Status() == ImageStatus::Failed;
        DrawImagePlaceholder(
            app, area.min, area.max, image->Status(),
            app.Tr(failed ? "surveys.question.plan_missing" : "surveys.question.plan_loading"));
        return {failed ? BackdropState::Missing : BackdropState::Loading, {}};
    }
    DrawTiledImage(ImGui::GetWindowDrawList(), *image, view, plan->image.area, viewport);
    const Rect screen = view.PlanToScreen(plan->image.area);
    return {BackdropState::Ready, {ImVec2(screen.min.x, screen.min.y), ImVec2(screen.max.x, screen.max.y)}};
}

} // namespace kiosk
