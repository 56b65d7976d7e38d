#include "icons.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {
inline ImVec2 At(ImVec2 c, float s, float x, float y) {
    return ImVec2(c.x + x * s, c.y + y * s);
}
} // namespace

// Coordinates below are in units of half the icon size: (-1,-1) is the top-left corner of
// the icon's square, (1,1) the bottom-right.
void DrawIcon(ImDrawList* d, Icon icon, ImVec2 c, float size, ImU32 col) {
    const float s = size * 0.5f;
    const float w = std::max(2.0f, size * 0.07f); // stroke width
    switch (icon) {
    case Icon::None: break;
    case Icon::Plan: {
        // Three folded panels, a path and a marker.
        ImVec2 p[] = {At(c, s, -0.9f, -0.65f), At(c, s, -0.3f, -0.85f), At(c, s, 0.3f, -0.65f),
                      At(c, s, 0.9f, -0.85f),  At(c, s, 0.9f, 0.65f),   At(c, s, 0.3f, 0.85f),
                      At(c, s, -0.3f, 0.65f),  At(c, s, -0.9f, 0.85f)};
        d->AddPolyline(p, 8, col, ImDrawFlags_Closed, w);
        d->AddLine(At(c, s, -0.3f, -0.85f), At(c, s, -0.3f, 0.65f), col, w * 0.7f);
        d->AddLine(At(c, s, 0.3f, -0.65f), At(c, s, 0.3f, 0.85f), col, w * 0.7f);
        d->AddCircleFilled(At(c, s, 0.0f, -0.05f), s * 0.2f, col);
        break;
    }
    case Icon::Timeline: {
        // Four steps on a line: two done (filled), two to come (rings), a marker for "now".
        const float r = s * 0.19f;
        for (int i = 0; i < 4; i++) {
            const ImVec2 step = At(c, s, -0.75f + i * 0.5f, 0.2f);
            if (i < 3) // the segment to the next step, stopping at the rings' edges
                d->AddLine(ImVec2(step.x + r, step.y), ImVec2(step.x + s * 0.5f - r, step.y), col, w * 0.8f);
            if (i < 2)
                d->AddCircleFilled(step, r, col);
            else
                d->AddCircle(step, r - w * 0.3f, col, 0, w * 0.6f);
        }
        d->AddTriangleFilled(At(c, s, -0.25f, -0.2f), At(c, s, -0.47f, -0.55f), At(c, s, -0.03f, -0.55f),
                             col);
        break;
    }
    case Icon::Opinion: {
        d->AddRect(At(c, s, -0.9f, -0.8f), At(c, s, 0.9f, 0.45f), col, s * 0.25f, 0, w);
        d->AddTriangleFilled(At(c, s, -0.45f, 0.4f), At(c, s, -0.05f, 0.4f), At(c, s, -0.5f, 0.9f), col);
        for (int i = -1; i <= 1; i++)
            d->AddCircleFilled(At(c, s, i * 0.42f, -0.17f), s * 0.11f, col);
        break;
    }
    case Icon::Agenda: {
        d->AddRect(At(c, s, -0.85f, -0.65f), At(c, s, 0.85f, 0.9f), col, s * 0.12f, 0, w);
        d->AddRectFilled(At(c, s, -0.85f, -0.65f), At(c, s, 0.85f, -0.3f), col, s * 0.12f,
                         ImDrawFlags_RoundCornersTop);
        d->AddLine(At(c, s, -0.45f, -0.9f), At(c, s, -0.45f, -0.5f), col, w);
        d->AddLine(At(c, s, 0.45f, -0.9f), At(c, s, 0.45f, -0.5f), col, w);
        for (int row = 0; row < 2; row++)
            for (int col_i = 0; col_i < 3; col_i++)
                d->AddRectFilled(At(c, s, -0.6f + col_i * 0.45f, -0.05f + row * 0.45f),
                                 At(c, s, -0.35f + col_i * 0.45f, 0.2f + row * 0.45f), col);
        break;
    }
    case Icon::Back:
        d->AddLine(At(c, s, 0.8f, 0.0f), At(c, s, -0.7f, 0.0f), col, w * 1.3f);
        d->AddLine(At(c, s, -0.75f, 0.0f), At(c, s, -0.15f, -0.6f), col, w * 1.3f);
        d->AddLine(At(c, s, -0.75f, 0.0f), At(c, s, -0.15f, 0.6f), col, w * 1.3f);
        break;
    case Icon::Home: {
        ImVec2 roof[] = {At(c, s, -0.95f, 0.0f), At(c, s, 0.0f, -0.85f), At(c, s, 0.95f, 0.0f)};
        d->AddPolyline(roof, 3, col, 0, w * 1.2f);
        ImVec2 body[] = {At(c, s, -0.65f, -0.25f), At(c, s, -0.65f, 0.85f), At(c, s, 0.65f, 0.85f),
                         At(c, s, 0.65f, -0.25f)};
        d->AddPolyline(body, 4, col, 0, w * 1.2f);
        d->AddRectFilled(At(c, s, -0.18f, 0.3f), At(c, s, 0.18f, 0.85f), col);
        break;
    }
    case Icon::Touch: {
        // A fingertip with a ring around the touch point.
        d->AddCircle(At(c, s, -0.1f, -0.45f), s * 0.42f, col, 0, w);
        d->AddRectFilled(At(c, s, -0.27f, -0.45f), At(c, s, 0.07f, 0.5f), col, s * 0.17f);
        d->AddRectFilled(At(c, s, -0.27f, 0.1f), At(c, s, 0.65f, 0.95f), col, s * 0.3f);
        break;
    }
    case Icon::Check:
        d->AddLine(At(c, s, -0.75f, 0.05f), At(c, s, -0.2f, 0.6f), col, w * 1.5f);
        d->AddLine(At(c, s, -0.2f, 0.6f), At(c, s, 0.8f, -0.6f), col, w * 1.5f);
        break;
    case Icon::Speaker: {
        // The box and cone of a loudspeaker, then two arcs of sound.
        d->AddRectFilled(At(c, s, -0.85f, -0.3f), At(c, s, -0.45f, 0.3f), col);
        ImVec2 cone[] = {At(c, s, -0.5f, -0.3f), At(c, s, -0.05f, -0.75f), At(c, s, -0.05f, 0.75f),
                         At(c, s, -0.5f, 0.3f)};
        d->AddConvexPolyFilled(cone, 4, col);
        for (float r : {0.45f, 0.8f}) {
            d->PathArcTo(At(c, s, -0.05f, 0.0f), s * r, -0.9f, 0.9f, 12);
            d->PathStroke(col, 0, w);
        }
        break;
    }
    case Icon::Wheelchair: {
        // Head, back and thigh, the arm forward, the lower leg; the big wheel around the seat.
        d->AddCircleFilled(At(c, s, -0.05f, -0.78f), s * 0.17f, col);
        d->AddLine(At(c, s, -0.12f, -0.5f), At(c, s, -0.12f, 0.12f), col, w * 1.6f);
        d->AddLine(At(c, s, -0.12f, 0.12f), At(c, s, 0.45f, 0.12f), col, w * 1.6f);
        d->AddLine(At(c, s, 0.45f, 0.12f), At(c, s, 0.7f, 0.72f), col, w * 1.6f);
        d->AddLine(At(c, s, -0.12f, -0.22f), At(c, s, 0.35f, -0.22f), col, w * 1.3f);
        d->PathArcTo(At(c, s, -0.2f, 0.38f), s * 0.52f, -1.2f, 4.3f, 20);
        d->PathStroke(col, 0, w * 1.2f);
        break;
    }
    case Icon::Stop: d->AddRectFilled(At(c, s, -0.6f, -0.6f), At(c, s, 0.6f, 0.6f), col, s * 0.12f); break;
    case Icon::Minus: d->AddLine(At(c, s, -0.7f, 0.0f), At(c, s, 0.7f, 0.0f), col, w * 1.8f); break;
    case Icon::Plus:
        d->AddLine(At(c, s, -0.7f, 0.0f), At(c, s, 0.7f, 0.0f), col, w * 1.8f);
        d->AddLine(At(c, s, 0.0f, -0.7f), At(c, s, 0.0f, 0.7f), col, w * 1.8f);
        break;
    case Icon::Close:
        d->AddLine(At(c, s, -0.65f, -0.65f), At(c, s, 0.65f, 0.65f), col, w * 1.4f);
        d->AddLine(At(c, s, -0.65f, 0.65f), At(c, s, 0.65f, -0.65f), col, w * 1.4f);
        break;
    case Icon::ZoomIn:
    case Icon::ZoomOut:
        d->AddCircle(At(c, s, -0.15f, -0.15f), s * 0.6f, col, 0, w * 1.2f);
        d->AddLine(At(c, s, 0.3f, 0.3f), At(c, s, 0.85f, 0.85f), col, w * 1.8f);
        d->AddLine(At(c, s, -0.45f, -0.15f), At(c, s, 0.15f, -0.15f), col, w);
        if (icon == Icon::ZoomIn) d->AddLine(At(c, s, -0.15f, -0.45f), At(c, s, -0.15f, 0.15f), col, w);
        break;
    case Icon::Reset: {
        // Four corners of a frame: "fit to screen".
        const float a = 0.85f, b = 0.35f;
        for (int sx = -1; sx <= 1; sx += 2)
            for (int sy = -1; sy <= 1; sy += 2) {
                d->AddLine(At(c, s, sx * a, sy * a), At(c, s, sx * b, sy * a), col, w * 1.2f);
                d->AddLine(At(c, s, sx * a, sy * a), At(c, s, sx * a, sy * b), col, w * 1.2f);
            }
        break;
    }
    case Icon::StartAgain: {
        // Three quarters of a circle, its arrowhead pointing back (anticlockwise) at the top.
        const float r = 0.68f, pi = 3.14159265f;
        d->PathArcTo(At(c, s, 0.05f, 0.1f), s * r, -pi * 0.5f, pi, 24);
        d->PathStroke(col, 0, w * 1.3f);
        d->AddTriangleFilled(At(c, s, -0.4f, 0.1f - r), At(c, s, 0.2f, 0.1f - r - 0.42f),
                             At(c, s, 0.2f, 0.1f - r + 0.42f), col);
        break;
    }
    case Icon::Pin: {
        d->AddCircleFilled(At(c, s, 0.0f, -0.3f), s * 0.55f, col);
        d->AddTriangleFilled(At(c, s, -0.45f, -0.05f), At(c, s, 0.45f, -0.05f), At(c, s, 0.0f, 0.95f), col);
        break;
    }
    case Icon::Globe: {
        d->AddCircle(c, s * 0.85f, col, 0, w);
        d->AddLine(At(c, s, -0.85f, 0.0f), At(c, s, 0.85f, 0.0f), col, w * 0.8f);
        d->AddLine(At(c, s, 0.0f, -0.85f), At(c, s, 0.0f, 0.85f), col, w * 0.8f);
        d->PathArcTo(At(c, s, -0.9f, 0.0f), s * 1.25f, -0.75f, 0.75f, 16);
        d->PathStroke(col, 0, w * 0.8f);
        d->PathArcTo(At(c, s, 0.9f, 0.0f), s * 1.25f, 3.14159f - 0.75f, 3.14159f + 0.75f, 16);
        d->PathStroke(col, 0, w * 0.8f);
        break;
    }
    case Icon::Exit: {
        ImVec2 door[] = {At(c, s, 0.1f, -0.85f), At(c, s, -0.75f, -0.85f), At(c, s, -0.75f, 0.85f),
                         At(c, s, 0.1f, 0.85f)};
        d->AddPolyline(door, 4, col, 0, w * 1.1f);
        d->AddLine(At(c, s, -0.2f, 0.0f), At(c, s, 0.85f, 0.0f), col, w * 1.2f);
        d->AddLine(At(c, s, 0.9f, 0.0f), At(c, s, 0.5f, -0.4f), col, w * 1.2f);
        d->AddLine(At(c, s, 0.9f, 0.0f), At(c, s, 0.5f, 0.4f), col, w * 1.2f);
        break;
    }
    case Icon::Forward:
        d->AddLine(At(c, s, -0.8f, 0.0f), At(c, s, 0.7f, 0.0f), col, w * 1.3f);
        d->AddLine(At(c, s, 0.75f, 0.0f), At(c, s, 0.15f, -0.6f), col, w * 1.3f);
        d->AddLine(At(c, s, 0.75f, 0.0f), At(c, s, 0.15f, 0.6f), col, w * 1.3f);
        break;
    case Icon::Up:
    case Icon::Down: {
        const float dir = icon == Icon::Up ? 1.0f : -1.0f;
        d->AddLine(At(c, s, 0.0f, 0.8f * dir), At(c, s, 0.0f, -0.7f * dir), col, w * 1.3f);
        d->AddLine(At(c, s, 0.0f, -0.75f * dir), At(c, s, -0.6f, -0.15f * dir), col, w * 1.3f);
        d->AddLine(At(c, s, 0.0f, -0.75f * dir), At(c, s, 0.6f, -0.15f * dir), col, w * 1.3f);
        break;
    }
    case Icon::Shift:
    case Icon::ShiftLocked: {
        // The usual keyboard arrow: a house-shaped outline pointing up.
        ImVec2 arrow[] = {At(c, s, 0.0f, -0.85f), At(c, s, 0.8f, 0.0f),   At(c, s, 0.35f, 0.0f),
                          At(c, s, 0.35f, 0.5f),  At(c, s, -0.35f, 0.5f), At(c, s, -0.35f, 0.0f),
                          At(c, s, -0.8f, 0.0f)};
        if (icon == Icon::ShiftLocked) {
            d->AddConvexPolyFilled(arrow, 7, col);
            d->AddRectFilled(At(c, s, -0.35f, 0.68f), At(c, s, 0.35f, 0.88f), col);
        } else {
            d->AddPolyline(arrow, 7, col, ImDrawFlags_Closed, w);
        }
        break;
    }
    case Icon::Backspace: {
        ImVec2 cap[] = {At(c, s, -0.95f, 0.0f), At(c, s, -0.45f, -0.6f), At(c, s, 0.9f, -0.6f),
                        At(c, s, 0.9f, 0.6f), At(c, s, -0.45f, 0.6f)};
        d->AddPolyline(cap, 5, col, ImDrawFlags_Closed, w);
        d->AddLine(At(c, s, -0.05f, -0.28f), At(c, s, 0.5f, 0.28f), col, w);
        d->AddLine(At(c, s, -0.05f, 0.28f), At(c, s, 0.5f, -0.28f), col, w);
        break;
    }
    case Icon::Warning: {
        ImVec2 triangle[] = {At(c, s, 0.0f, -0.9f), At(c, s, 0.95f, 0.8f), At(c, s, -0.95f, 0.8f)};
        d->AddPolyline(triangle, 3, col, ImDrawFlags_Closed, w);
        d->AddLine(At(c, s, 0.0f, -0.35f), At(c, s, 0.0f, 0.25f), col, w * 1.2f);
        d->AddCircleFilled(At(c, s, 0.0f, 0.52f), w * 0.8f, col);
        break;
    }
    case Icon::Trash: {
        d->AddLine(At(c, s, -0.8f, -0.55f), At(c, s, 0.8f, -0.55f), col, w);
        d->AddLine(At(c, s, -0.25f, -0.55f), At(c, s, -0.2f, -0.85f), col, w);
        d->AddLine(At(c, s, -0.2f, -0.85f), At(c, s, 0.2f, -0.85f), col, w);
        d->AddLine(At(c, s, 0.2f, -0.85f), At(c, s, 0.25f, -0.55f), col, w);
        ImVec2 bin[] = {At(c, s, -0.6f, -0.4f), At(c, s, -0.45f, 0.9f), At(c, s, 0.45f, 0.9f),
                        At(c, s, 0.6f, -0.4f)};
        d->AddPolyline(bin, 4, col, 0, w);
        for (float x : {-0.2f, 0.2f})
            d->AddLine(At(c, s, x, -0.2f), At(c, s, x, 0.65f), col, w * 0.7f);
        break;
    }
    }
}

} // namespace kiosk
