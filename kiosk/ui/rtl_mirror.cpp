#include "rtl_mirror.h"

#include <algorithm>

#include "draw_context.h"

namespace kiosk {

namespace {

// How far a region moves so that it lands on its mirror image, unflipped.
float Shift(const Rect& r, float width) {
    return width - r.min.x - r.max.x;
}

void MirrorClip(ImVec4& clip, float width) {
    const float x0 = clip.x, x1 = clip.z;
    clip.x = width - x1;
    clip.z = width - x0;
}

} // namespace

void FrameMirror::Apply(ImDrawData& data, ImTextureID font_texture, ImVec2 white_uv) {
    shown_active_ = active_;
    shown_width_ = width_;
    shown_kept_.clear();
    for (const UnmirroredRange& r : ranges_) // in window coordinates, as touches are
        shown_kept_.push_back(Rect(r.rect.min + origin_, r.rect.max + origin_));
    if (!active_) return;
    const float w = width_;
    for (int l = 0; l < data.CmdListsCount; l++) {
        ImDrawList& list = *data.CmdLists[l];
        ImVector<ImDrawVert>& vtx = list.VtxBuffer;
        // Which vertices are a glyph's or a picture's (moved as a quad) rather than a
        // shape's (each mirrored): a command's texture and the white pixel tell.
        std::vector<unsigned char> in_quad(vtx.Size, 0);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) continue;
            const bool font = cmd.TextureId == font_texture;
            for (unsigned i = 0; i < cmd.ElemCount; i++) {
                const unsigned v = cmd.VtxOffset + list.IdxBuffer[(int)(cmd.IdxOffset + i)];
                if (v >= (unsigned)vtx.Size) continue;
                const ImVec2 uv = vtx[(int)v].uv;
                if (!font || uv.x != white_uv.x || uv.y != white_uv.y) in_quad[v] = 1;
            }
        }
        // The kept ranges of this list: moved as a block.
        std::vector<unsigned char> kept(vtx.Size, 0);
        std::vector<float> kept_shift(vtx.Size, 0);
        for (const UnmirroredRange& r : ranges_) {
            if (r.list != &list) continue;
            for (int v = std::max(0, r.vtx_begin); v < std::min(r.vtx_end, vtx.Size); v++) {
                kept[v] = 1;
                kept_shift[v] = Shift(r.rect, w);
            }
        }
        for (int v = 0; v < vtx.Size;) {
            if (kept[v]) {
                vtx[v].pos.x += kept_shift[v];
                v++;
            } else if (in_quad[v] && v + 3 < vtx.Size) {
                // ImGui writes a glyph or an image as four vertices in a row (PrimRectUV).
                float x0 = vtx[v].pos.x, x1 = x0;
                for (int k = 1; k < 4; k++) {
                    x0 = std::min(x0, vtx[v + k].pos.x);
                    x1 = std::max(x1, vtx[v + k].pos.x);
                }
                const float dx = w - x0 - x1;
                for (int k = 0; k < 4; k++)
                    vtx[v + k].pos.x += dx;
                v += 4;
            } else {
                vtx[v].pos.x = w - vtx[v].pos.x;
                v++;
            }
        }
        for (ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) continue;
            const unsigned first =
                cmd.ElemCount > 0 ? cmd.VtxOffset + list.IdxBuffer[(int)cmd.IdxOffset] : (unsigned)vtx.Size;
            const UnmirroredRange* kept_range = nullptr;
            for (const UnmirroredRange& r : ranges_)
                if (r.list == &list && (int)first >= r.vtx_begin && (int)first < r.vtx_end) kept_range = &r;
            if (kept_range) {
                const float dx = Shift(kept_range->rect, w);
                cmd.ClipRect.x += dx;
                cmd.ClipRect.z += dx;
            } else {
                MirrorClip(cmd.ClipRect, w);
            }
        }
    }
}

Vec2 FrameMirror::ToFrame(Vec2 screen) const {
    if (!shown_active_) return screen;
    for (const Rect& r : shown_kept_) {
        const float dx = Shift(r, shown_width_);
        if (r.Contains(Vec2(screen.x - dx, screen.y))) return Vec2(screen.x - dx, screen.y);
    }
    return Vec2(shown_width_ - screen.x, screen.y);
}

Vec2 FrameMirror::ToScreen(Vec2 frame) const {
    if (!shown_active_) return frame;
    for (const Rect& r : shown_kept_)
        if (r.Contains(frame)) return Vec2(frame.x + Shift(r, shown_width_), frame.y);
    return Vec2(shown_width_ - frame.x, frame.y);
}

UnmirroredRegion::UnmirroredRegion(DrawContext& ui, const Rect& rect) : ui_(ui), active_(ui.mirror.Active()) {
    if (!active_) return;
    ImDrawList* list = ImGui::GetWindowDrawList();
    range_.list = list;
    range_.vtx_begin = list->VtxBuffer.Size;
    range_.rect = rect;
    ui_.text_direction.EnterUnmirrored();
}

UnmirroredRegion::~UnmirroredRegion() {
    if (!active_) return;
    range_.vtx_end = range_.list->VtxBuffer.Size;
    ui_.mirror.Keep(range_);
    ui_.text_direction.LeaveUnmirrored();
}

} // namespace kiosk
