// The plan viewer's geometry (core/view/plan_view.h): fit, zoom about a point, limits,
// animation, the before/after divider and marker placement.
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "view/plan_view.h"

using namespace kiosk;

namespace {
// A 3200 × 2200 plan in a 1400 × 970 area starting at (0, 110), allowed up to 2 px per unit.
const Vec2 kPlan(3200, 2200);
const Rect kViewport({0, 110}, {1400, 1080});

void RequireSamePoint(Vec2 a, Vec2 b, float tolerance = 0.01f) {
    INFO("(" << a.x << ", " << a.y << ") vs (" << b.x << ", " << b.y << ")");
    REQUIRE(Distance(a, b) <= tolerance);
}

// The view's invariants: scale within limits; no empty margin along an axis where the plan
// is larger than the viewport, centred along one where it is smaller.
void RequireWithinLimits(const PlanView& v) {
    REQUIRE(v.Scale() >= v.FitScale() * 0.9999f);
    REQUIRE(v.Scale() <= v.MaxScale() * 1.0001f);
    const Rect plan = v.PlanToScreen(Rect({0, 0}, v.PlanSize()));
    const Rect& vp = v.Viewport();
    for (int axis = 0; axis < 2; axis++) {
        const float pmin = axis ? plan.min.y : plan.min.x, pmax = axis ? plan.max.y : plan.max.x;
        const float vmin = axis ? vp.min.y : vp.min.x, vmax = axis ? vp.max.y : vp.max.x;
        if (pmax - pmin <= vmax - vmin + 0.01f) {
            REQUIRE((pmin + pmax) * 0.5f == Approx((vmin + vmax) * 0.5f).margin(0.01));
        } else {
            REQUIRE(pmin <= vmin + 0.01f);
            REQUIRE(pmax >= vmax - 0.01f);
        }
    }
}
} // namespace

TEST_CASE("a new view fits the whole plan, centred") {
    PlanView v(kPlan, kViewport, 2.0f);
    CHECK(v.FitScale() == Approx(std::min(1400.0f / 3200.0f, 970.0f / 2200.0f)));
    CHECK(v.AtFit());
    CHECK(v.Zoom() == Approx(1.0f));
    RequireSamePoint(v.PlanToScreen(kPlan * 0.5f), kViewport.Center());
    RequireWithinLimits(v);
    // A maximum below "fit" (a small picture on a big screen) is raised to fit: no zoom.
    PlanView small(Vec2(400, 300), kViewport, 1.0f);
    CHECK(small.MaxScale() == Approx(small.FitScale()));
    CHECK(small.AtMax());
}

TEST_CASE("zooming about a point keeps the plan point under it fixed") {
    PlanView v(kPlan, kViewport, 2.0f);
    v.ZoomAbout(kViewport.Center(), 3.0f); // well inside the limits, plan larger than the view
    for (Vec2 fingers : {Vec2(300, 400), Vec2(1000, 900), Vec2(700, 595)}) {
        for (float factor : {1.3f, 0.8f, 1.05f}) {
            const Vec2 under = v.ScreenToPlan(fingers);
            v.ZoomAbout(fingers, factor);
            RequireSamePoint(v.ScreenToPlan(fingers), under);
            RequireWithinLimits(v);
        }
    }
}

TEST_CASE("a pinch moving its centroid drags the plan point along with it") {
    PlanView v(kPlan, kViewport, 2.0f);
    v.ZoomAbout(kViewport.Center(), 2.0f);
    Vec2 centroid(650, 600);
    const Vec2 held = v.ScreenToPlan(centroid);
    // Frame by frame, as the gesture recogniser reports it: pan by the centroid's motion, then
    // scale about the new centroid.
    for (int frame = 0; frame < 20; frame++) {
        const Vec2 next = centroid + Vec2(6, -4);
        v.Pan(next - centroid);
        v.ZoomAbout(next, 1.03f);
        centroid = next;
        RequireSamePoint(v.ScreenToPlan(centroid), held, 0.05f);
    }
}

TEST_CASE("zoom never goes below fit nor above the maximum") {
    PlanView v(kPlan, kViewport, 2.0f);
    v.ZoomAbout(Vec2(200, 300), 0.2f);
    CHECK(v.AtFit());
    RequireWithinLimits(v);
    v.ZoomAbout(Vec2(200, 300), 1000.0f);
    CHECK(v.Scale() == Approx(2.0f));
    CHECK(v.AtMax());
    RequireWithinLimits(v);
    v.ZoomTo(Vec2(900, 900), 0.0001f);
    CHECK(v.AtFit());
    RequireWithinLimits(v);
    // Nonsense factors are ignored.
    const float before = v.Scale();
    v.ZoomAbout(Vec2(10, 10), std::nanf(""));
    v.ZoomAbout(Vec2(10, 10), -2.0f);
    CHECK(v.Scale() == before);
}

TEST_CASE("panning stops at the plan's edges and a plan narrower than the view stays centred") {
    PlanView v(kPlan, kViewport, 2.0f);
    v.Pan(Vec2(500, 500)); // at fit: nothing to reveal
    RequireSamePoint(v.PlanToScreen(kPlan * 0.5f), kViewport.Center());
    v.ZoomAbout(kViewport.Center(), 2.0f);
    v.Pan(Vec2(100000, 0)); // as far right as it goes: the plan's left edge at the view's
    CHECK(v.PlanToScreen(Vec2(0, 0)).x == Approx(kViewport.min.x));
    v.Pan(Vec2(-100000, -100000));
    CHECK(v.PlanToScreen(kPlan).x == Approx(kViewport.max.x));
    CHECK(v.PlanToScreen(kPlan).y == Approx(kViewport.max.y));
    RequireWithinLimits(v);

    // A tall plan in a wide view: centred across at fit, panning sideways does nothing.
    PlanView tall(Vec2(1000, 4000), kViewport, 4.0f);
    tall.Pan(Vec2(300, 0));
    CHECK(tall.PlanToScreen(Vec2(500, 0)).x == Approx(kViewport.Center().x));
}

TEST_CASE("a new viewport keeps the centre and the zoom") {
    PlanView v(kPlan, kViewport, 2.0f);
    v.ZoomAbout(Vec2(400, 400), 2.5f);
    const Vec2 centre = v.ScreenToPlan(kViewport.Center());
    const float zoom = v.Zoom();
    const Rect smaller({0, 80}, {900, 700});
    v.SetViewport(smaller);
    CHECK(v.Zoom() == Approx(zoom));
    RequireSamePoint(v.ScreenToPlan(smaller.Center()), centre, 0.05f);
    RequireWithinLimits(v);
}

TEST_CASE("an animation goes from one view to the other, the tapped point staying put") {
    PlanView from(kPlan, kViewport, 2.0f);
    const Vec2 tap(500, 700);
    PlanView to = from;
    to.ZoomTo(tap, from.FitScale() * 2.5f);
    const Vec2 under = from.ScreenToPlan(tap);
    for (float t : {0.0f, 0.25f, 0.5f, 0.9f}) {
        const PlanView mid = InterpolateViews(from, to, t);
        RequireSamePoint(mid.ScreenToPlan(tap), under, 0.05f);
        RequireWithinLimits(mid);
    }
    CHECK(InterpolateViews(from, to, 1.0f).Scale() == to.Scale());

    ViewAnimation animation;
    animation.duration = 0.3;
    animation.Start(from, to, 10.0);
    CHECK(animation.Step(10.1).Scale() > from.Scale());
    CHECK(animation.active);
    const PlanView end = animation.Step(10.31);
    CHECK_FALSE(animation.active);
    CHECK(end.Scale() == to.Scale());
    RequireSamePoint(end.Offset(), to.Offset());
    // Equal scales: a plain pan.
    PlanView panned = to;
    panned.Pan(Vec2(-200, 0));
    CHECK(InterpolateViews(to, panned, 0.5f).Offset().x ==
          Approx((to.Offset().x + panned.Offset().x) * 0.5f));
}

TEST_CASE("the before/after divider follows the finger but stays reachable") {
    const Rect vp({100, 0}, {1100, 800});
    CHECK(DividerX(vp, 0.5f) == Approx(600));
    CHECK(DividerFractionAt(vp, 350, 40) == Approx(0.25f));
    CHECK(DividerFractionAt(vp, -500, 40) == Approx(0.04f)); // never hidden at the left edge
    CHECK(DividerFractionAt(vp, 5000, 40) == Approx(0.96f)); // nor at the right one
    CHECK(NearDivider(vp, 0.5f, Vec2(630, 400), 50));
    CHECK_FALSE(NearDivider(vp, 0.5f, Vec2(660, 400), 50));
    CHECK_FALSE(NearDivider(vp, 0.5f, Vec2(600, 900), 50)); // below the plan area
    // Markers of each image show on their own side only.
    CHECK(VisibleBesideDivider(true, false, 500, 600));
    CHECK_FALSE(VisibleBesideDivider(true, false, 700, 600));
    CHECK(VisibleBesideDivider(false, true, 700, 600));
    CHECK_FALSE(VisibleBesideDivider(false, true, 500, 600));
    CHECK(VisibleBesideDivider(false, false, 500, 600));
}

TEST_CASE("markers sit on their plan point at any zoom and are hit within a fixed screen radius") {
    PlanView v(kPlan, kViewport, 2.0f);
    const std::vector<Vec2> markers = {{1600, 1100}, {1650, 1100}, {300, 200}};
    const std::vector<bool> all;
    for (float factor : {1.0f, 2.0f, 3.0f}) {
        v.ZoomAbout(v.PlanToScreen(markers[0]), factor);
        const Vec2 p0 = v.PlanToScreen(markers[0]), p1 = v.PlanToScreen(markers[1]);
        RequireSamePoint(p0, v.Offset() + markers[0] * v.Scale());
        // Plan distances grow with the zoom; the hit radius (the marker's size) does not.
        CHECK(Distance(p0, p1) == Approx(50 * v.Scale()));
        CHECK(MarkerAt(v, markers, {}, p0 + Vec2(0, 20), 30) == 0);
        CHECK(MarkerAt(v, markers, {}, p0 + Vec2(0, 40), 30) == -1);
    }
    // The nearest of two close markers wins; hidden markers are skipped.
    const Vec2 between = (v.PlanToScreen(markers[0]) * 0.4f + v.PlanToScreen(markers[1]) * 0.6f);
    CHECK(MarkerAt(v, markers, {}, between, 200) == 1);
    const bool shown[] = {true, false, true};
    CHECK(MarkerAt(v, markers, shown, between, 200) == 0);
}

TEST_CASE("a tap on the divider's handle is the handle's, and markers may be drawn off their point") {
    const Rect vp({0, 110}, {1400, 1080});
    const Vec2 handle = DividerHandle(vp, 0.25f);
    CHECK(handle.x == Approx(350));
    CHECK(handle.y == Approx(595));
    CHECK(OnDividerHandle(vp, 0.25f, handle + Vec2(20, -20), 42));
    CHECK_FALSE(OnDividerHandle(vp, 0.25f, handle + Vec2(0, 60), 42));

    const PlanView view(kPlan, kViewport, 2.0f);
    const std::vector<Vec2> markers = {{1000, 1000}};
    const std::vector<Vec2> offsets = {{0, -56}};
    const Vec2 point = view.PlanToScreen(markers[0]);
    CHECK(MarkerAt(view, markers, {}, point + Vec2(0, -56), 30, offsets) == 0);
    CHECK(MarkerAt(view, markers, {}, point, 30, offsets) == -1); // the marker is no longer there
    CHECK(MarkerAt(view, markers, {}, point, 30) == 0);
}

TEST_CASE("chrome keeps off the corners that hold the plan's legend") {
    // No legend: labels on top, buttons bottom right.
    ChromeCorners c = PlaceChrome(0, true);
    CHECK(c.before_label == 1);
    CHECK(c.after_label == 2);
    CHECK(c.controls == 8);
    // The demo plans: legend top left, title block bottom right.
    c = PlaceChrome(1 | 8, true);
    CHECK(c.before_label == 4);    // bottom left
    CHECK(c.after_label == 2);     // top right
    CHECK(c.controls == 4);        // bottom left too, the label beside them
    c = PlaceChrome(1 | 8, false); // no labels on a single plan
    CHECK(c.controls == 4);
    c = PlaceChrome(8, false);
    CHECK(c.controls == 4);
    c = PlaceChrome(8 | 4, true);
    CHECK(c.before_label == 1);
    CHECK(c.after_label == 2);
    CHECK(c.controls == 2); // top right, shared with the after label
    for (unsigned legend = 0; legend < 15; legend++) {
        INFO("legend " << legend);
        const ChromeCorners placed = PlaceChrome(legend, true);
        CHECK_FALSE(placed.controls & legend);
        if ((legend & 5) != 5) CHECK_FALSE(placed.before_label & legend);
        if ((legend & 10) != 10) CHECK_FALSE(placed.after_label & legend);
    }
}
