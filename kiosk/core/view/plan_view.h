// PlanView: the pure geometry of the plan viewer — where the plan sits on the screen.
//
// The plan has its own coordinates (plan units: the pixels of its main image unless the
// content says otherwise) and is shown in a screen rectangle, the viewport, at `scale`
// screen pixels per plan unit with its origin at `offset`:
//     screen = offset + plan × scale
// Limits, applied after every change so the view is always valid:
//   - the scale stays between "fit" (the whole plan visible) and a maximum (never smaller
//     than fit, never beyond the configured magnification);
//   - along an axis where the plan is smaller than the viewport it is centred; where it is
//     larger, no empty margin may appear (the plan's edge stops at the viewport's edge).
// Zooming about a point keeps the plan point under it fixed (fingers' centroid, mouse, the
// double-tapped place) unless the limits must move it. No SDL, no ImGui: unit-tested.
#pragma once

#include <span>

#include "base/rect.h"

namespace kiosk {

class PlanView {
public:
    PlanView() = default;
    // A fitted view of a plan of `plan_size` units in `viewport`; `max_scale` is the largest
    // number of screen pixels per plan unit (the fit scale if that is larger).
    PlanView(Vec2 plan_size, Rect viewport, float max_scale);

    // Whole plan visible and centred.
    void Fit();
    // A new viewport (window resized, layout changed): keeps the plan point at the centre
    // and the zoom relative to fit.
    void SetViewport(Rect viewport);

    void Pan(Vec2 screen_delta);
    // Multiplies the scale by `factor` about `screen_point`.
    void ZoomAbout(Vec2 screen_point, float factor);
    // Sets the scale to `scale` about `screen_point`.
    void ZoomTo(Vec2 screen_point, float scale);
    // Brings `plan_point` to the viewport's centre, as far as the limits allow.
    void CenterOn(Vec2 plan_point);

    Vec2 PlanToScreen(Vec2 plan) const { return offset_ + plan * scale_; }
    Vec2 ScreenToPlan(Vec2 screen) const { return (screen - offset_) / scale_; }
    Rect PlanToScreen(const Rect& plan) const { return {PlanToScreen(plan.min), PlanToScreen(plan.max)}; }
    // The part of the plan the viewport shows, in plan units (may extend past the plan).

    float Scale() const { return scale_; }
    float FitScale() const { return fit_; }
    float MaxScale() const { return max_; }
    // Zoom relative to fit (1 = whole plan).
    float Zoom() const { return scale_ / fit_; }
    bool AtFit() const { return scale_ <= fit_ * 1.001f; }
    bool AtMax() const { return scale_ >= max_ * 0.999f; }
    Vec2 Offset() const { return offset_; }
    Vec2 PlanSize() const { return plan_size_; }
    const Rect& Viewport() const { return viewport_; }

private:
    void Clamp();

    Vec2 plan_size_{1, 1};
    Rect viewport_{{0, 0}, {1, 1}};
    float fit_ = 1, max_ = 1, scale_ = 1;
    Vec2 offset_;
};

// A view between `from` (t = 0) and `to` (t = 1) for animations: the scale changes
// geometrically about the one screen point that shows the same plan point in both views
// (the double-tapped place stays under the finger); a pure pan when the scales are equal.
PlanView InterpolateViews(const PlanView& from, const PlanView& to, float t);

// Eases the end of an animation: fast start, gentle stop.
float EaseOutCubic(float t);

// An animated change of view, driven by time (seconds).
struct ViewAnimation {
    bool active = false;
    double start = 0, duration = 0.25;
    PlanView from, to;

    void Start(const PlanView& from_view, const PlanView& to_view, double now);
    // The view at `now`; ends the animation (active = false) once it is reached.
    PlanView Step(double now);
};

// [SECTION] Before/after divider
// The divider is a vertical line at a fraction of the viewport's width; left of it the
// "before" image shows, right of it the "after". Its handle must stay reachable: the
// fraction is kept so that the line is at least `margin` px from either edge.
float DividerX(const Rect& viewport, float fraction);
float DividerFractionAt(const Rect& viewport, float x, float margin);
// True if `point` is within `reach` px of the divider line (inside the viewport).
bool NearDivider(const Rect& viewport, float fraction, Vec2 point, float reach);
// The divider's handle: a disc of `radius` on the line, at the viewport's mid-height. A tap
// on it belongs to the divider, even over a marker.
Vec2 DividerHandle(const Rect& viewport, float fraction);
bool OnDividerHandle(const Rect& viewport, float fraction, Vec2 point, float radius);
// Whether a marker at screen x belongs to the visible side: markers of the "before" image
// show left of the divider, those of the "after" image right of it, the others always.
bool VisibleBesideDivider(bool on_before, bool on_after, float x, float divider_x);

// [SECTION] Markers
// Markers are drawn at a fixed size on screen whatever the zoom; their place is the plan
// point's screen position, moved by their screen offset (content may move a marker off the
// plan's own label). Index of the marker nearest to `point` within `radius` px, or -1.
// `shown` and `offsets` (same length, or empty: all shown, no offsets) as drawn.
int MarkerAt(const PlanView& view, std::span<const Vec2> markers, std::span<const bool> shown, Vec2 point,
             float radius, std::span<const Vec2> offsets = {});

// [SECTION] Chrome
// What the viewer draws over the plan — the zoom buttons, the before/after labels — sits in
// corners of the plan area, kept off the corners whose drawing holds the plan's legend or
// title block (`legend`, a PlanCorner mask: 1 top left, 2 top right, 4 bottom left, 8 bottom
// right). The "before" label takes a left corner, the "after" label a right one (top first),
// the buttons the first free of bottom right, bottom left, top right, top left; where the
// buttons share a corner with a label, the label goes next to them, towards the middle.
// With every corner taken by the legend, the defaults (labels on top, buttons bottom right).
// `labels`: a before/after plan (else there are no labels to place).
struct ChromeCorners {
    unsigned controls = 8, before_label = 1, after_label = 2; // one PlanCorner bit each
};
ChromeCorners PlaceChrome(unsigned legend, bool labels);

} // namespace kiosk
