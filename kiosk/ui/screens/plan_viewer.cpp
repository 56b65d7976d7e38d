// Plan viewer: one plan, full height, with its text and numbered points beside it.
//
//   [SECTION] Layout      the plan area (left) and the panel (right)
//   [SECTION] Input       pinch, drag with inertia, double tap, wheel, divider → PlanView
//   [SECTION] Plan        tiles of the images, the before/after divider, the markers
//   [SECTION] Controls    zoom in / out, and the big "whole plan" button
//   [SECTION] Panel       the plan's description and list of points, or a point's card
//
// The view maths (zoom about a point, limits, divider, markers) is core/view/plan_view.h;
// this file turns gestures into calls to it and draws the result. Everything a visitor
// changes (zoom, divider, open card) lives in VisitState::plan_viewer.
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "plan_canvas.h"
#include "programme_widgets.h"
#include "screens.h"
#include "style_scope.h"
#include "visit_state.h"
#include "widgets.h"

namespace kiosk {

namespace {

constexpr double kAnimationSeconds = 0.3;
constexpr float kButtonZoomFactor = 1.6f;
constexpr float kDoubleTapZoom = 2.5f; // relative to fit

// [SECTION] Layout

struct Layout {
    Rect canvas; // the plan area
    Rect panel;  // description, points, cards
    Rect zoom_out, zoom_in, reset;
    ChromeCorners corners; // where the buttons and the before/after labels sit
};

bool IsLeft(unsigned corner) {
    return corner & (kCornerTopLeft | kCornerBottomLeft);
}
bool IsTop(unsigned corner) {
    return corner & (kCornerTopLeft | kCornerTopRight);
}

Layout ComputeLayout(const App& app, const Plan& plan) {
    const Metrics& m = app.metrics;
    Layout l;
    const float panel_w = std::clamp(m.width * 0.27f, m.Px(420), m.Px(560));
    l.canvas = Rect({0, m.bar}, {m.width - panel_w, m.height});
    l.panel = Rect({m.width - panel_w, m.bar}, {m.width, m.height});
    // Controls: a row in a corner of the plan off its legend (bottom right unless the
    // content says the legend is there), the reset button outermost on the right.
    l.corners = PlaceChrome(plan.legend, plan.before.has_value());
    const float pad = m.Px(24);
    const ButtonStyle reset_style{.icon = Icon::Reset};
    const ImVec2 reset = TouchButtonSize(app, app.Tr("plans.reset_view"), reset_style);
    const float row_w = reset.x + 2 * (m.gap + m.target);
    const float x = IsLeft(l.corners.controls) ? l.canvas.min.x + pad : l.canvas.max.x - pad - row_w;
    const float y = IsTop(l.corners.controls) ? l.canvas.min.y + pad : l.canvas.max.y - pad - m.target;
    l.zoom_out = Rect::FromSize({x, y}, {m.target, m.target});
    l.zoom_in = Rect::FromSize({l.zoom_out.max.x + m.gap, y}, {m.target, m.target});
    l.reset = Rect::FromSize({l.zoom_in.max.x + m.gap, y}, {reset.x, m.target});
    return l;
}

bool OnControls(const Layout& l, Vec2 p) {
    return l.reset.Contains(p) || l.zoom_in.Contains(p) || l.zoom_out.Contains(p);
}

// Hotspot positions, their markers' offsets on screen, and whether each shows beside the
// divider (decided at its point, not at its marker).
struct Markers {
    std::vector<Vec2> at;
    std::vector<Vec2> offsets;
    std::vector<char> shown_bytes; // not vector<bool>: std::span<const bool> needs contiguous bools
};

Markers MarkersOf(const App& app, const Plan& plan, const PlanViewerState& s, const Rect& canvas) {
    Markers markers;
    const float divider_x = DividerX(canvas, s.divider);
    for (const Hotspot& h : plan.hotspots) {
        markers.at.push_back(h.at);
        markers.offsets.push_back(h.marker_offset * app.metrics.Px(1));
        const float x = s.view.PlanToScreen(h.at).x;
        markers.shown_bytes.push_back(!plan.before ||
                                      VisibleBesideDivider(h.layer == HotspotLayer::Before,
                                                           h.layer == HotspotLayer::After, x, divider_x));
    }
    return markers;
}

std::span<const bool> Shown(const Markers& markers) {
    return {reinterpret_cast<const bool*>(markers.shown_bytes.data()), markers.shown_bytes.size()};
}

void Animate(App& app, PlanViewerState& s, const PlanView& target) {
    s.animation.duration = kAnimationSeconds;
    s.animation.Start(s.view, target, app.now);
    app.RequestFrameIn(0);
}

// [SECTION] Input

void HandleInput(App& app, PlanViewerState& s, const Plan& plan, const Layout& l) {
    const GestureFrame& g = app.gestures;
    const Metrics& m = app.metrics;
    const float reach = m.target * 0.6f; // how close to the divider a drag grabs it

    // One finger: drags the plan (with inertia after a fling) or, from the divider, the divider.
    if (g.drag_began)
        s.drag_moves_divider = plan.before && NearDivider(l.canvas, s.divider, g.scroll_origin, reach);
    if (s.drag_moves_divider && l.canvas.Contains(g.scroll_origin) && (g.dragging || g.drag_ended))
        s.divider = DividerFractionAt(l.canvas, g.drag_pos.x, reach);
    const Rect controls[] = {l.reset, l.zoom_in, l.zoom_out};
    const bool moved =
        PanZoomFromGestures(app, g, s.view, l.canvas, !s.drag_moves_divider, s.pinch_on_plan, controls);
    if (moved) s.animation.active = false;

    // Double tap on the plan (not on a marker or a button): in from "whole plan", else back out.
    if (g.double_tap && l.canvas.Contains(*g.double_tap) && !OnControls(l, *g.double_tap)) {
        const Markers markers = MarkersOf(app, plan, s, l.canvas);
        if (MarkerAt(s.view, markers.at, Shown(markers), *g.double_tap, m.target * 0.5f, markers.offsets) <
            0) {
            PlanView target = s.view;
            if (s.view.AtFit())
                target.ZoomTo(*g.double_tap, s.view.FitScale() * kDoubleTapZoom);
            else
                target.Fit();
            Animate(app, s, target);
        }
    }
}

// [SECTION] Plan

void DrawPlanImages(App& app, PlanViewerState& s, const Plan& plan, const Layout& l) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float divider_x = plan.before ? DividerX(l.canvas, s.divider) : l.canvas.min.x;

    // The main image ("after"), right of the divider; the "before" image left of it.
    struct Layer {
        const PlanImage* image;
        Rect clip;
    };
    std::vector<Layer> layers = {{&plan.image, Rect({divider_x, l.canvas.min.y}, l.canvas.max)}};
    if (plan.before) layers.push_back({&*plan.before, Rect(l.canvas.min, {divider_x, l.canvas.max.y})});
    for (const Layer& layer : layers) {
        if (layer.clip.Empty()) continue;
        TiledImage* image = app.images.Tiled(layer.image->file);
        const Rect screen = s.view.PlanToScreen(layer.image->area);
        if (image->Status() == ImageStatus::Ready) {
            DrawTiledImage(draw, *image, s.view, layer.image->area, layer.clip);
            continue;
        }
        // Loading or unreadable: a placeholder where the image goes (markers still show).
        const Rect box({std::max(screen.min.x, layer.clip.min.x), std::max(screen.min.y, layer.clip.min.y)},
                       {std::min(screen.max.x, layer.clip.max.x), std::min(screen.max.y, layer.clip.max.y)});
        if (box.Empty()) continue;
        draw->PushClipRect(ImVec2(box.min.x, box.min.y), ImVec2(box.max.x, box.max.y), true);
        const std::string& text =
            app.Tr(image->Status() == ImageStatus::Failed ? "plans.image_missing" : "plans.loading");
        DrawImagePlaceholder(app, ImVec2(box.min.x, box.min.y), ImVec2(box.max.x, box.max.y), image->Status(),
                             text);
        draw->PopClipRect();
    }
}

// A pill over the plan naming one side of the divider.
void SideLabel(const DrawContext& ui, const std::string& text, ImVec2 pos, bool align_right) {
    const Metrics& m = ui.metrics;
    ImFont* font = ui.fonts.body_bold;
    const ImVec2 size = ChipSize(font, text, m);
    if (align_right) pos.x -= size.x;
    Chip(pos, font, text, palette::kText, palette::kTextOnDark, m);
}

void DrawDivider(const App& app, PlanViewerState& s, const Plan& plan, const Layout& l) {
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float x = DividerX(l.canvas, s.divider);
    draw->AddLine(ImVec2(x, l.canvas.min.y), ImVec2(x, l.canvas.max.y), Rgb(palette::kText), m.Px(7));
    draw->AddLine(ImVec2(x, l.canvas.min.y), ImVec2(x, l.canvas.max.y), Rgb(palette::kSurface), m.Px(3));
    // The handle: big enough for a thumb, arrows saying it moves sideways.
    const ImVec2 c(x, l.canvas.Center().y);
    const float r = m.target * 0.5f;
    draw->AddCircleFilled(c, r, Rgb(palette::kSurface));
    draw->AddCircle(c, r, Rgb(palette::kPrimary), 0, m.Px(4));
    const float a = r * 0.38f, gap = r * 0.16f;
    draw->AddTriangleFilled(ImVec2(c.x - gap - a, c.y), ImVec2(c.x - gap, c.y - a),
                            ImVec2(c.x - gap, c.y + a), Rgb(palette::kPrimary));
    draw->AddTriangleFilled(ImVec2(c.x + gap + a, c.y), ImVec2(c.x + gap, c.y + a),
                            ImVec2(c.x + gap, c.y - a), Rgb(palette::kPrimary));

    // "Before" on the left, "after" on the right, with the content's captions if any, in
    // corners off the plan's legend; beside the buttons where they share a corner.
    auto label = [&](const LocalizedText& caption, const char* key) {
        return caption.Empty() ? app.Tr(key)
                               : app.Shown(app.TrLogical(key) + " · " + app.TextLogical(caption));
    };
    auto place = [&](const std::string& text, unsigned corner) {
        const float pad = m.Px(20);
        const float chip_h = ChipSize(app.fonts.body_bold, text, m).y;
        const bool left = IsLeft(corner), top = IsTop(corner);
        float y = top ? l.canvas.min.y + pad : l.canvas.max.y - pad - chip_h;
        if (corner == l.corners.controls)
            y = top ? l.reset.max.y + m.gap * 0.5f : l.reset.min.y - m.gap * 0.5f - chip_h;
        SideLabel(app, text, ImVec2(left ? l.canvas.min.x + pad : l.canvas.max.x - pad, y), !left);
    };
    place(label(plan.before->label, "plans.before"), l.corners.before_label);
    place(label(plan.image.label, "plans.after"), l.corners.after_label);
}

void DrawMarkers(const App& app, PlanViewerState& s, const Plan& plan, const Layout& l) {
    const Metrics& m = app.metrics;
    const Markers markers = MarkersOf(app, plan, s, l.canvas);
    const float radius = m.Px(26);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Rect inner({l.canvas.min.x + radius, l.canvas.min.y + radius},
                     {l.canvas.max.x - radius, l.canvas.max.y - radius});
    // Each marker takes touches over a full target; where targets overlap (markers close
    // together at this zoom) the marker nearest to the finger wins, not the first drawn.
    // Markers are not in the touch-target audit: their spacing is the content's and the
    // zoom's, and zooming in always separates them.
    bool clicked = false;
    for (size_t i = 0; i < plan.hotspots.size(); i++) {
        const Vec2 point = s.view.PlanToScreen(markers.at[i]);
        const Vec2 p = point + markers.offsets[i];
        if (!markers.shown_bytes[i] || !inner.Contains(p)) continue;
        if (markers.offsets[i] != Vec2{}) { // moved off the plan's label: a leader to its point
            draw->AddLine(ImVec2(point.x, point.y), ImVec2(p.x, p.y), Rgb(palette::kText), m.Px(4));
            draw->AddCircleFilled(ImVec2(point.x, point.y), m.Px(7), Rgb(palette::kText));
            draw->AddCircleFilled(ImVec2(point.x, point.y), m.Px(4), Rgb(palette::kSurface));
        }
        ImGui::SetCursorScreenPos(ImVec2(p.x - m.target * 0.5f, p.y - m.target * 0.5f));
        StyleScope id;
        id.Id((int)i);
        clicked = ImGui::InvisibleButton("##marker", ImVec2(m.target, m.target)) || clicked;
        const bool selected = s.open_hotspot == (int)i;
        NumberDisc(app, ImVec2(p.x, p.y), selected ? radius * 1.2f : radius, plan.hotspots[i].number,
                   selected);
    }
    // The divider's handle is drawn over the markers and wins the touches on it.
    const ImVec2 finger = ImGui::GetIO().MousePos;
    if (clicked && plan.before &&
        OnDividerHandle(l.canvas, s.divider, Vec2(finger.x, finger.y), m.target * 0.5f))
        clicked = false;
    if (clicked) {
        const int nearest =
            MarkerAt(s.view, markers.at, Shown(markers), Vec2(finger.x, finger.y), m.target, markers.offsets);
        if (nearest >= 0) s.open_hotspot = nearest;
    }
}

// [SECTION] Controls

void DrawControls(App& app, PlanViewerState& s, const Layout& l) {
    PlanView target = s.animation.active ? s.animation.to : s.view;
    const Vec2 center = l.canvas.Center();
    const bool zoom_out = IconSquareButton(app, "##zoom_out", l.zoom_out, Icon::ZoomOut, !target.AtFit());
    app.targets.Name("plan.zoom_out", ImVec2(l.zoom_out.min.x, l.zoom_out.min.y),
                     ImVec2(l.zoom_out.max.x, l.zoom_out.max.y));
    if (zoom_out) {
        target.ZoomAbout(center, 1.0f / kButtonZoomFactor);
        Animate(app, s, target);
    }
    const bool zoom_in = IconSquareButton(app, "##zoom_in", l.zoom_in, Icon::ZoomIn, !target.AtMax());
    app.targets.Name("plan.zoom_in", ImVec2(l.zoom_in.min.x, l.zoom_in.min.y),
                     ImVec2(l.zoom_in.max.x, l.zoom_in.max.y));
    if (zoom_in) {
        target.ZoomAbout(center, kButtonZoomFactor);
        Animate(app, s, target);
    }
    ImGui::SetCursorScreenPos(ImVec2(l.reset.min.x, l.reset.min.y));
    const ButtonStyle style{.fill = target.AtFit() ? palette::kBorder : palette::kPrimary,
                            .icon = Icon::Reset};
    if (TouchButton(app, "##reset", app.Tr("plans.reset_view"), ImVec2(l.reset.Width(), l.reset.Height()),
                    style) &&
        !target.AtFit()) {
        target.Fit();
        Animate(app, s, target);
    }
}

// [SECTION] Panel

// Selecting a point from the list: show its card, and bring its marker into view (moving
// the divider if the marker is on the hidden side).
void SelectHotspot(App& app, PlanViewerState& s, const Plan& plan, const Layout& l, int index) {
    s.open_hotspot = index;
    const Hotspot& h = plan.hotspots[index];
    PlanView target = s.view;
    const Vec2 p = target.PlanToScreen(h.at);
    const float margin = app.metrics.target;
    const Rect safe({l.canvas.min.x + margin, l.canvas.min.y + margin},
                    {l.canvas.max.x - margin, l.canvas.max.y - margin});
    if (!safe.Contains(p)) {
        target.CenterOn(h.at);
        Animate(app, s, target);
    }
    if (plan.before && h.layer != HotspotLayer::Both) {
        const float x = target.PlanToScreen(h.at).x;
        const float divider_x = DividerX(l.canvas, s.divider);
        if (h.layer == HotspotLayer::Before && x > divider_x - margin)
            s.divider = DividerFractionAt(l.canvas, x + margin, margin);
        if (h.layer == HotspotLayer::After && x < divider_x + margin)
            s.divider = DividerFractionAt(l.canvas, x - margin, margin);
    }
}

void PlanInfo(App& app, PlanViewerState& s, const Plan& plan, const Layout& l, float width) {
    const Metrics& m = app.metrics;
    const LocalizedText& about = plan.description.Empty() ? plan.summary : plan.description;
    WrappedText(app.Text(about), app.fonts.body, palette::kText, width);
    ImGui::SetCursorScreenPos(
        ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + m.Px(16)));
    WrappedText(app.Tr("plans.hint"), app.fonts.small, palette::kTextMuted, width);
    if (plan.before) {
        ImGui::SetCursorScreenPos(
            ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + m.Px(8)));
        WrappedText(app.Tr("plans.divider_hint"), app.fonts.small, palette::kTextMuted, width);
    }
    if (plan.hotspots.empty()) return;
    ImGui::SetCursorScreenPos(
        ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + m.Px(28)));
    WrappedText(app.Tr("plans.points_title"), app.fonts.body_bold, palette::kPrimary, width);
    ImGui::SetCursorScreenPos(
        ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + m.Px(12)));

    const float disc = m.Px(24);
    const float text_x = m.Px(12) + disc * 2 + m.Px(20);
    for (size_t i = 0; i < plan.hotspots.size(); i++) {
        const Hotspot& h = plan.hotspots[i];
        const std::string& title = app.Text(h.title);
        const float text_h = TextHeight(title, app.fonts.body, width - text_x - m.Px(12));
        const float row_h = std::max(m.target, text_h + m.Px(24));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        StyleScope id;
        id.Id((int)i);
        const bool clicked = ImGui::InvisibleButton("##point", ImVec2(width, row_h));
        AddTouchTarget(app, pos, ImVec2(pos.x + width, pos.y + row_h));
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const uint32_t fill = ImGui::IsItemActive()    ? palette::kSurfaceAlt
                              : ImGui::IsItemHovered() ? palette::kSurfaceHover
                                                       : palette::kSurface;
        draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + row_h), Rgb(fill), m.radius * 0.6f);
        draw->AddRect(pos, ImVec2(pos.x + width, pos.y + row_h), Rgb(palette::kBorder, 0.5f), m.radius * 0.6f,
                      0, m.Px(2));
        NumberDisc(app, ImVec2(pos.x + m.Px(12) + disc, pos.y + row_h * 0.5f), disc, h.number, false);
        draw->AddText(app.fonts.body, app.fonts.body->FontSize,
                      ImVec2(pos.x + text_x, pos.y + (row_h - text_h) * 0.5f), Rgb(palette::kText),
                      title.c_str(), nullptr, width - text_x - m.Px(12));
        if (clicked) SelectHotspot(app, s, plan, l, (int)i);
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + row_h + m.gap * 0.6f));
    }
}

void HotspotCard(App& app, const Hotspot& h, float width) {
    const Metrics& m = app.metrics;
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const ImVec2 pos(cursor.x + m.Px(6), cursor.y + m.Px(6)); // room for the disc's ring
    width -= m.Px(6);
    const float disc = m.Px(30);
    NumberDisc(app, ImVec2(pos.x + disc, pos.y + disc), disc, h.number, true);
    const float title_x = pos.x + disc * 2 + m.Px(20);
    const std::string& title = app.Text(h.title);
    const float title_w = width - (title_x - pos.x);
    const float title_h = TextHeight(title, app.fonts.title, title_w);
    ImGui::SetCursorScreenPos(ImVec2(title_x, pos.y + std::max(0.0f, disc - title_h * 0.5f)));
    WrappedText(title, app.fonts.title, palette::kText, title_w);
    float y = std::max(ImGui::GetCursorScreenPos().y, pos.y + disc * 2) + m.Px(20);
    if (!h.photo.empty()) {
        const float photo_h = width * 0.62f;
        DrawPicture(app, h.photo, ImageUse::Photo, ImVec2(pos.x, y), ImVec2(pos.x + width, y + photo_h),
                    /*center=*/false);
        y += photo_h + m.Px(20);
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
    WrappedText(app.Text(h.text), app.fonts.body, palette::kText, width);
}

void DrawPanel(App& app, PlanViewerState& s, const Plan& plan, const Layout& l) {
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(l.panel.min.x, l.panel.min.y), ImVec2(l.panel.max.x, l.panel.max.y),
                        Rgb(palette::kSurface));
    draw->AddLine(ImVec2(l.panel.min.x, l.panel.min.y), ImVec2(l.panel.min.x, l.panel.max.y),
                  Rgb(palette::kBorder), m.Px(2));

    const float pad = m.Px(32);
    const float width = l.panel.Width() - pad * 1.5f; // the scrollbar sits in the right padding
    float top = l.panel.min.y + pad;
    if (plan.example) {
        ExampleBadge(app, ImVec2(l.panel.max.x - pad, top));
        top += ExampleBadgeSize(app).y + m.Px(20);
    }
    const bool card = s.open_hotspot >= 0 && s.open_hotspot < (int)plan.hotspots.size();
    const float bottom = card ? l.panel.max.y - pad - m.target - m.Px(20) : l.panel.max.y - m.Px(16);
    ImGui::SetCursorScreenPos(ImVec2(l.panel.min.x + pad, top));
    // Each card scrolls on its own, starting at its top.
    const std::string scroll_id = card ? "##point_card_" + plan.hotspots[s.open_hotspot].id : "##plan_info";
    if (BeginTouchScroll(app, scroll_id.c_str(), ImVec2(width, bottom - top))) {
        if (card)
            HotspotCard(app, plan.hotspots[s.open_hotspot], ScrollContentWidth(width));
        else
            PlanInfo(app, s, plan, l, ScrollContentWidth(width));
        ImGui::Dummy(ImVec2(1, m.Px(8)));
    }
    EndTouchScroll();

    if (card) {
        const ButtonStyle back{
            .fill = palette::kSurface, .text = palette::kText, .outline = true, .icon = Icon::Back};
        ImGui::SetCursorScreenPos(ImVec2(l.panel.min.x + pad, l.panel.max.y - pad - m.target));
        if (TouchButton(app, "##back_to_list", app.Tr("plans.back_to_list"),
                        ImVec2(ScrollContentWidth(width), m.target), back))
            s.open_hotspot = -1;
    }
}

} // namespace

void DrawPlanViewer(App& app) {
    const Metrics& m = app.metrics;
    const Plan* plan = app.data.content.FindPlan(app.nav.Current().param);
    ScreenWindow window(app, "##plan_viewer", plan ? palette::kPlanBackground : palette::kBackground);
    if (!plan) {
        TopBar(app, app.Tr("home.plans.title"), palette::kPrimary);
        ImGui::SetCursorScreenPos(ImVec2(m.margin, m.height * 0.45f));
        CenteredText(app.Tr("plans.not_found"), app.fonts.title, palette::kTextMuted, m.margin,
                     m.width - 2 * m.margin);
        return;
    }
    TopBar(app, app.Text(plan->title), palette::kPrimary);
    const Layout l = ComputeLayout(app, *plan);
    PlanViewerState& s = app.visit.plan_viewer;

    // Opened (or reopened) now: the whole plan, the divider in the middle, no card.
    const int frame = ImGui::GetFrameCount();
    if (s.last_frame != frame - 1 || s.plan_id != plan->id) {
        s = PlanViewerState{};
        s.plan_id = plan->id;
        s.view = PlanView(plan->size, l.canvas, plan->MaxScale());
    } else if (s.view.Viewport() != l.canvas) {
        s.view.SetViewport(l.canvas);
    }
    s.last_frame = frame;

    if (s.animation.active) {
        s.view = s.animation.Step(app.now);
        if (s.animation.active) app.RequestFrameIn(1.0 / 60.0);
    }
    HandleInput(app, s, *plan, l);

    // A plan is geography: on an Arabic screen it keeps its orientation, with what is drawn
    // on it (rtl_mirror.h); the panel beside it moves to the other side.
    std::optional<UnmirroredRegion> plan_unmirrored;
    plan_unmirrored.emplace(app, l.canvas);
    DrawPlanImages(app, s, *plan, l);
    // Controls are submitted first (they take the touch where they overlap a marker) but
    // drawn last (on top); the divider too is drawn over the markers.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    if (plan->before) DrawDivider(app, s, *plan, l);
    DrawControls(app, s, l);
    draw->ChannelsSetCurrent(0);
    DrawMarkers(app, s, *plan, l);
    draw->ChannelsMerge();
    plan_unmirrored.reset();
    DrawPanel(app, s, *plan, l);
}

} // namespace kiosk
