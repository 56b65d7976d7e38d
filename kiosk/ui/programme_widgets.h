// Pieces shared by the plans, timeline and agenda screens: the "example content" badge,
// pictures with their placeholders, chips and numbered discs.
#pragma once

#include <filesystem>
#include <string_view>

#include <imgui.h>

#include "draw_context.h"
#include "platform/image_store.h"

namespace kiosk {

struct App;

inline ImTextureID TextureId(uint32_t gl_name) {
    return (ImTextureID)(intptr_t)gl_name;
}

// The badge that says the content is an example (demo content must never pass for the
// programme's real plans or dates). ExampleBadge draws it with its top-right corner at
// `top_right`.
ImVec2 ExampleBadgeSize(const App& app);
void ExampleBadge(const App& app, ImVec2 top_right);

// A picture fitted whole into [min, max] (letterboxed: centred, or at the top when
// `center` is false); while it loads or if it cannot be read, a placeholder with a short
// sentence takes its place.
// `use` sets how big the file may be once decoded (image/image_file.h).
void DrawPicture(App& app, const std::filesystem::path& file, ImageUse use, ImVec2 min, ImVec2 max,
                 bool center = true);
// The placeholder: a frame, a pictogram and `text` (by default "loading…" or "not
// available", following `status`).
void DrawImagePlaceholder(const App& app, ImVec2 min, ImVec2 max, ImageStatus status,
                          std::string_view text = {});

// A rounded label ("En cours", "Atelier"); returns its size. `outline` draws a border and
// no fill.
ImVec2 ChipSize(ImFont* font, std::string_view text, const Metrics& m);
ImVec2 Chip(ImVec2 pos, ImFont* font, std::string_view text, uint32_t fill, uint32_t text_color,
            const Metrics& m, bool outline = false);

// The width content may use inside a BeginTouchScroll area `width` wide: the scrollbar
// (a thin position indicator) takes the rest, so nothing is drawn under it.
float ScrollContentWidth(float width);

// Registers a touch target for the audit (DrawContext::touch_targets): the part of [min, max] inside
// the current clip rectangle (a scroll area, the timeline strip), if it is at least a target
// wide and tall; a sliver at the edge of a scroll area is not a target to rely on.
void AddTouchTarget(DrawContext& ui, ImVec2 min, ImVec2 max);

// A numbered disc (plan hotspots and their list).
void NumberDisc(const DrawContext& ui, ImVec2 center, float radius, int number, bool selected);

} // namespace kiosk
