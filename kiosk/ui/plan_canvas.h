// Drawing a tiled plan image through a PlanView (the GL side of the plan viewer), and the
// pan and zoom controls shared by every screen that shows a plan through a PlanView (the
// plan viewer, the plan-pin question): one model (core/view/plan_view.h), one set of gestures.
#pragma once

#include <span>

#include <imgui.h>

#include "app.h"
#include "icons.h"
#include "platform/image_store.h"
#include "view/plan_view.h"

namespace kiosk {

// Draws `image`, which covers the plan rectangle `area`, as `view` shows it, clipped to
// `clip` (screen). Uses the level of detail that matches the zoom; a tile not on the GPU yet
// is drawn from the coarsest level meanwhile (blurred, never missing). Draws nothing until
// the image is ready (the caller shows a placeholder).
void DrawTiledImage(ImDrawList* draw, TiledImage& image, const PlanView& view, const Rect& area,
                    const Rect& clip);

// Applies this frame's pan and zoom gestures to `view` shown in `canvas`: a one-finger drag
// that began on the canvas pans it, with the fling's inertia (unless `allow_drag` is false:
// the drag belongs to something else, e.g. the before/after divider); two fingers that came
// down on the canvas zoom about their centre and pan with it; the mouse wheel zooms about
// the pointer, except over `no_wheel` (buttons drawn on the canvas). `pinch_on_canvas`
// keeps, between frames, whether the pinch began on the canvas. True if the view changed.
bool PanZoomFromGestures(const App& app, const GestureFrame& g, PlanView& view, const Rect& canvas,
                         bool allow_drag, bool& pinch_on_canvas, std::span<const Rect> no_wheel = {});

// A square button with a pictogram (zoom in / out), greyed out and inert when not `enabled`.
bool IconSquareButton(DrawContext& ui, const char* id, const Rect& r, Icon icon, bool enabled);

} // namespace kiosk
