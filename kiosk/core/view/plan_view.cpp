#include "view/plan_view.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

PlanView::PlanView(Vec2 plan_size, Rect viewport, float max_scale)
    : plan_size_(std::max(plan_size.x, 1.0f), std::max(plan_size.y, 1.0f)), viewport_(viewport) {
    fit_ = std::min(viewport_.Width() / plan_size_.x, viewport_.Height() / plan_size_.y);
    if (!(fit_ > 0)) fit_ = 1e-3f; // an empty viewport: any positive scale, nothing shows
    max_ = std::max(max_scale, fit_);
    Fit();
}

void PlanView::Fit() {
    scale_ = fit_;
    offset_ = viewport_.Center() - plan_size_ * (scale_ * 0.5f);
}

void PlanView::SetViewport(Rect viewport) {
    const Vec2 center = ScreenToPlan(viewport_.Center());
    const float zoom = Zoom();
    const float max_zoom = max_ / fit_;
    viewport_ = viewport;
    fit_ = std::min(viewport_.Width() / plan_size_.x, viewport_.Height() / plan_size_.y);
    if (!(fit_ > 0)) fit_ = 1e-3f;
    max_ = fit_ * max_zoom;
    scale_ = fit_ * zoom;
    CenterOn(center);
}

void PlanView::Clamp() {
    scale_ = std::clamp(scale_, fit_, max_);
    const Vec2 extent = plan_size_ * scale_;
    auto axis = [](float offset, float extent, float min, float max) {
        if (extent <= max - min) return min + (max - min - extent) * 0.5f; // smaller: centred
        return std::clamp(offset, max - extent, min);                      // larger: no margin
    };
    offset_.x = axis(offset_.x, extent.x, viewport_.min.x, viewport_.max.x);
    offset_.y = axis(offset_.y, extent.y, viewport_.min.y, viewport_.max.y);
}

void PlanView::Pan(Vec2 screen_delta) {
    offset_ += screen_delta;
    Clamp();
}

void PlanView::ZoomAbout(Vec2 screen_point, float factor) {
    if (!(factor > 0) || !std::isfinite(factor)) return;
    ZoomTo(screen_point, scale_ * factor);
}

void PlanView::ZoomTo(Vec2 screen_point, float scale) {
    const Vec2 plan_point = ScreenToPlan(screen_point);
    scale_ = std::clamp(scale, fit_, max_);
    offset_ = screen_point - plan_point * scale_;
    Clamp();
}

void PlanView::CenterOn(Vec2 plan_point) {
    offset_ = viewport_.Center() - plan_point * scale_;
    Clamp();
}

PlanView InterpolateViews(const PlanView& from, const PlanView& to, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    if (t >= 1.0f) return to;
    PlanView view = from;
    const float k1 = from.Scale(), k2 = to.Scale();
    if (std::fabs(k2 - k1) < 1e-6f * k1) {
        view.Pan((to.Offset() - from.Offset()) * t);
        return view;
    }
    // The plan point p with from.offset + p·k1 = to.offset + p·k2 stays at screen s.
    const Vec2 p = (from.Offset() - to.Offset()) / (k2 - k1);
    const Vec2 s = from.Offset() + p * k1;
    const float k = k1 * std::pow(k2 / k1, t);
    view.ZoomTo(s, k); // ZoomTo keeps ScreenToPlan(s) = p, since s shows p in `from`
    return view;
}

float EaseOutCubic(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    const float u = 1.0f - t;
    return 1.0f - u * u * u;
}

void ViewAnimation::Start(const PlanView& from_view, const PlanView& to_view, double now) {
    from = from_view;
    to = to_view;
    start = now;
    active = true;
}

PlanView ViewAnimation::Step(double now) {
    const float t = duration > 0 ? (float)((now - start) / duration) : 1.0f;
    if (t >= 1.0f) {
        active = false;
        return to;
    }
    return InterpolateViews(from, to, EaseOutCubic(t));
}

float DividerX(const Rect& viewport, float fraction) {
    return viewport.min.x + viewport.Width() * fraction;
}

float DividerFractionAt(const Rect& viewport, float x, float margin) {
    const float width = viewport.Width();
    if (width <= 0) return 0.5f;
    const float lo = std::min(0.5f, margin / width);
    return std::clamp((x - viewport.min.x) / width, lo, 1.0f - lo);
}

bool NearDivider(const Rect& viewport, float fraction, Vec2 point, float reach) {
    return point.y >= viewport.min.y && point.y < viewport.max.y &&
           std::fabs(point.x - DividerX(viewport, fraction)) <= reach;
}

Vec2 DividerHandle(const Rect& viewport, float fraction) {
    return {DividerX(viewport, fraction), viewport.Center().y};
}

bool OnDividerHandle(const Rect& viewport, float fraction, Vec2 point, float radius) {
    return Distance(DividerHandle(viewport, fraction), point) <= radius;
}

bool VisibleBesideDivider(bool on_before, bool on_after, float x, float divider_x) {
    if (on_before == on_after) return true;
    return on_before ? x <= divider_x : x >= divider_x;
}

int MarkerAt(const PlanView& view, std::span<const Vec2> markers, std::span<const bool> shown, Vec2 point,
             float radius, std::span<const Vec2> offsets) {
    int best = -1;
    float best_distance = radius;
    for (size_t i = 0; i < markers.size(); i++) {
        if (!shown.empty() && !shown[i]) continue;
        const Vec2 offset = i < offsets.size() ? offsets[i] : Vec2{};
        const float d = Distance(view.PlanToScreen(markers[i]) + offset, point);
        if (d <= best_distance) {
            best_distance = d;
            best = (int)i;
        }
    }
    return best;
}

ChromeCorners PlaceChrome(unsigned legend, bool with_labels) {
    constexpr unsigned kTopLeft = 1, kTopRight = 2, kBottomLeft = 4, kBottomRight = 8;
    ChromeCorners c;
    if ((legend & 15u) == 15u) return c;
    auto first_free = [&](std::initializer_list<unsigned> order, unsigned fallback) {
        for (unsigned corner : order)
            if (!(legend & corner)) return corner;
        return fallback;
    };
    c.before_label = first_free({kTopLeft, kBottomLeft}, kTopLeft);
    c.after_label = first_free({kTopRight, kBottomRight}, kTopRight);
    // The buttons: a free corner no label took, else a free corner they share with a label.
    const unsigned labels = with_labels ? c.before_label | c.after_label : 0u;
    c.controls = 0;
    for (unsigned corner : {kBottomRight, kBottomLeft, kTopRight, kTopLeft})
        if (!(legend & corner) && !(labels & corner)) {
            c.controls = corner;
            break;
        }
    if (!c.controls) c.controls = first_free({kBottomRight, kBottomLeft, kTopRight, kTopLeft}, kBottomRight);
    return c;
}

} // namespace kiosk
