#include "plan_backdrop.h"

#include <algorithm>

#include "plan_canvas.h"
#include "programme_widgets.h"
#include "view/plan_view.h"

namespace kiosk {

Vec2 PinToPlan(const Plan& plan, double x, double y) {
    const Rect& a = plan.image.area;
    return Vec2(a.min.x + (float)x * a.Width(), a.min.y + (float)y * a.Height());
}

Vec2 PlanToPin(const Plan& plan, Vec2 p) {
    const Rect& a = plan.image.area;
    return Vec2((p.x - a.min.x) / a.Width(), (p.y - a.min.y) / a.Height());
}

PlanBackdrop DrawPlanBackdrop(App& app, std::string_view plan_id, const Area& area, PinPlanZoom& zoom) {
    const Plan* plan = app.data.content.FindPlan(plan_id);
    if (!plan) { // LoadKioskData refuses such a survey; a placeholder rather than a crash
        DrawImagePlaceholder(app, area.min, area.max, ImageStatus::Failed,
                             app.Tr("surveys.question.plan_missing"));
        return {};
    }
    const Rect viewport({area.min.x, area.min.y}, {area.max.x, area.max.y});
    if (!zoom.ready || zoom.plan_id != plan->id) {
        zoom = PinPlanZoom{};
        zoom.plan_id = plan->id;
        zoom.view = PlanView(plan->size, viewport, plan->MaxScale());
        zoom.ready = true;
    } else if (zoom.view.Viewport() != viewport) {
        zoom.view.SetViewport(viewport);
    }
    if (zoom.animation.active) {
        zoom.view = zoom.animation.Step(app.now);
        if (zoom.animation.active) app.RequestFrameIn(1.0 / 60.0);
    }
    // A tap places a pin, so a double tap cannot zoom here (its first tap would leave a
    // pin): pinch, drag, wheel and the panel's buttons do.
    const GestureFrame g = ScreenGestures(app);
    if (PanZoomFromGestures(app, g, zoom.view, viewport, true, zoom.pinch_on_plan))
        zoom.animation.active = false;

    TiledImage* image = app.images.Tiled(plan->image.file);
    if (image->Status() != ImageStatus::Ready) {
        const bool failed = image->Status() == ImageStatus::Failed;
        DrawImagePlaceholder(
            app, area.min, area.max, image->Status(),
            app.Tr(failed ? "surveys.question.plan_missing" : "surveys.question.plan_loading"));
        return {failed ? BackdropState::Missing : BackdropState::Loading, plan, {}};
    }
    DrawTiledImage(ImGui::GetWindowDrawList(), *image, zoom.view, plan->image.area, viewport);
    return {BackdropState::Ready, plan, zoom.view.PlanToScreen(plan->image.area)};
}

} // namespace kiosk
