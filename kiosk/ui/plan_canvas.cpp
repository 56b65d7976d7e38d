#include "plan_canvas.h"

#include <algorithm>
#include <cmath>

#include "programme_widgets.h"
#include "widgets.h"

namespace kiosk {

void DrawTiledImage(ImDrawList* draw, TiledImage& image, const PlanView& view, const Rect& area,
                    const Rect& clip) {
    if (image.Status() != ImageStatus::Ready || clip.Empty()) return;
    const Rect screen = view.PlanToScreen(area);
    if (screen.Empty()) return;

    const int level = ChooseLevel(screen.Width() / (float)image.Width(), image.LevelCount());
    const int coarsest = image.LevelCount() - 1;
    const int lw = image.LevelWidth(level), lh = image.LevelHeight(level), tile = image.TileSize();
    // Level pixels ↔ screen: one formula for every tile edge, so neighbours share their
    // edges exactly and no seam opens between them.
    const float sx = screen.Width() / (float)lw, sy = screen.Height() / (float)lh;
    auto screen_x = [&](int px) { return screen.min.x + (float)px * sx; };
    auto screen_y = [&](int py) { return screen.min.y + (float)py * sy; };
    const Rect visible({(clip.min.x - screen.min.x) / sx, (clip.min.y - screen.min.y) / sy},
                       {(clip.max.x - screen.min.x) / sx, (clip.max.y - screen.min.y) / sy});
    const TileRange range = VisibleTiles(lw, lh, tile, visible);
    if (range.Empty()) return;

    const uint32_t stand_in = image.Tile(coarsest, 0, 0);
    draw->PushClipRect(ImVec2(clip.min.x, clip.min.y), ImVec2(clip.max.x, clip.max.y), true);
    // Plan tiles are opaque: no blending, which roughly halves their cost with software GL.
    // ResetRenderState makes the backend restore its own state (blending on) afterwards.
    draw->AddCallback([](const ImDrawList*, const ImDrawCmd*) { SetBlending(false); }, nullptr);
    for (int ty = range.y0; ty < range.y1; ty++) {
        for (int tx = range.x0; tx < range.x1; tx++) {
            const int x0 = tx * tile, y0 = ty * tile;
            const int x1 = std::min(x0 + tile, lw), y1 = std::min(y0 + tile, lh);
            const ImVec2 p0(screen_x(x0), screen_y(y0)), p1(screen_x(x1), screen_y(y1));
            if (const uint32_t texture = image.Tile(level, tx, ty)) {
                draw->AddImage(TextureId(texture), p0, p1);
            } else if (stand_in) {
                const ImVec2 uv0((float)x0 / lw, (float)y0 / lh), uv1((float)x1 / lw, (float)y1 / lh);
                draw->AddImage(TextureId(stand_in), p0, p1, uv0, uv1);
            }
        }
    }
    draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    draw->PopClipRect();
}

bool PanZoomFromGestures(const App& app, const GestureFrame& g, PlanView& view, const Rect& canvas,
                         bool allow_drag, bool& pinch_on_canvas, std::span<const Rect> no_wheel) {
    bool moved = false;
    if (allow_drag && canvas.Contains(g.scroll_origin) && (g.dragging || g.drag_ended || g.inertia) &&
        g.scroll_delta != Vec2{}) {
        view.Pan(g.scroll_delta);
        moved = true;
    }
    // Two fingers: the plan point under their centroid follows it, scaled by their spread.
    if (g.pinch_began) pinch_on_canvas = canvas.Contains(g.pinch_center);
    if (g.pinching && pinch_on_canvas) {
        view.Pan(g.pinch_pan_delta);
        view.ZoomAbout(g.pinch_center, g.pinch_scale_delta);
        moved = true;
    }
    const bool over_button = std::any_of(no_wheel.begin(), no_wheel.end(),
                                         [&](const Rect& r) { return r.Contains(app.mouse_pos); });
    if (app.wheel.y != 0 && canvas.Contains(app.mouse_pos) && !over_button) {
        view.ZoomAbout(app.mouse_pos, std::pow(1.25f, app.wheel.y));
        moved = true;
    }
    return moved;
}

bool IconSquareButton(DrawContext& ui, const char* id, const Rect& r, Icon icon, bool enabled) {
    const Metrics& m = ui.metrics;
    ImGui::SetCursorScreenPos(ImVec2(r.min.x, r.min.y));
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(r.Width(), r.Height())) && enabled;
    AddTouchTarget(ui, ImVec2(r.min.x, r.min.y), ImVec2(r.max.x, r.max.y));
    const uint32_t fill = !enabled                 ? palette::kBorder
                          : ImGui::IsItemActive()  ? Shade(palette::kPrimary, 0.78f)
                          : ImGui::IsItemHovered() ? Shade(palette::kPrimary, 0.88f)
                                                   : palette::kPrimary;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(r.min.x, r.min.y), ImVec2(r.max.x, r.max.y), Rgb(fill), m.radius);
    DrawIcon(draw, icon, ImVec2(r.Center().x, r.Center().y), r.Height() * 0.5f, Rgb(palette::kTextOnDark));
    return clicked;
}

} // namespace kiosk
