// Drawing a tiled plan image through a PlanView (the GL side of the plan viewer).
#pragma once

#include <imgui.h>

#include "platform/image_store.h"
#include "view/plan_view.h"

namespace kiosk {

// Draws `image`, which covers the plan rectangle `area`, as `view` shows it, clipped to
// `clip` (screen). Uses the level of detail that matches the zoom; a tile not on the GPU yet
// is drawn from the coarsest level meanwhile (blurred, never missing). Draws nothing until
// the image is ready (the caller shows a placeholder).
void DrawTiledImage(ImDrawList* draw, TiledImage& image, const PlanView& view, const Rect& area,
                    const Rect& clip);

} // namespace kiosk
