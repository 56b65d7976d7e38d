// The mirrored frame of a right-to-left language.
//
// Arabic screens read from the right: back button and progress on the right, text
// right-aligned, the timeline's past on the right. Rather than a second layout for every
// screen, the shell mirrors the frame Dear ImGui built: every vertex of a shape goes to
// x' = width − x, while each glyph and each picture (a textured quad) moves as a block to its
// mirrored place without being flipped, so letters and photos stay readable. Texts were
// handed to ImGui in mirrored draw order (text_direction.h): the mirror reverses each line
// once more into Arabic reading order. Touches are mirrored the other way before the
// gesture recogniser sees them, so screens work in their usual coordinates.
//
// A plan is geography, not layout: its region is kept unmirrored (moved as a block to its
// mirrored place: UnmirroredRegion), and touches on it are mapped accordingly.
#pragma once

#include <vector>

#include <imgui.h>

#include "base/rect.h"

namespace kiosk {

struct DrawContext;

// A region of one draw list's vertices moved as a block.
struct UnmirroredRange {
    const ImDrawList* list = nullptr;
    int vtx_begin = 0, vtx_end = 0;
    Rect rect; // in the frame's coordinates (before the mirror)
};

// What a frame mirrors, and the map between what a finger touches and what screens see.
class FrameMirror {
public:
    // `origin`: where the frame's corner is in the window (low reach lays screens out in a
    // band lower down: low_reach.h); touches arrive in window coordinates.
    void Begin(bool active, float width, Vec2 origin = {}) {
        active_ = active;
        width_ = width;
        origin_ = origin;
        ranges_.clear();
    }
    bool Active() const { return active_; }
    void Keep(const UnmirroredRange& range) { ranges_.push_back(range); }

    // Mirrors `data` in place (after ImGui::Render()); `font_texture` is the atlas's texture,
    // `white_uv` the atlas's white pixel that every shape samples.
    void Apply(ImDrawData& data, ImTextureID font_texture, ImVec2 white_uv);

    // Window point (where a finger is) → where the frame drew it (still in window
    // coordinates), and back: the regions of the frame last applied.
    Vec2 ToFrame(Vec2 screen) const;
    Vec2 ToScreen(Vec2 frame) const;

private:
    bool active_ = false;
    float width_ = 0;
    Vec2 origin_;
    std::vector<UnmirroredRange> ranges_;
    // The kept regions of the last frame applied (for touches until the next one).
    bool shown_active_ = false;
    float shown_width_ = 0;
    std::vector<Rect> shown_kept_;
};

// Draws what is between its construction and destruction unmirrored inside `rect` (a plan
// and what is drawn on it), and hands texts in visual order meanwhile. Does nothing on a
// left-to-right screen.
class UnmirroredRegion {
public:
    UnmirroredRegion(DrawContext& ui, const Rect& rect);
    ~UnmirroredRegion();
    UnmirroredRegion(const UnmirroredRegion&) = delete;
    UnmirroredRegion& operator=(const UnmirroredRegion&) = delete;

private:
    DrawContext& ui_;
    bool active_;
    UnmirroredRange range_;
};

} // namespace kiosk
