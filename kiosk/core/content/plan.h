// Plans: the drawings residents look at, with before/after images and numbered hotspots.
//
// One plan per file in <content>/plans/*.toml (README "Content"), shown in the
// gallery in file-name order. Plan coordinates are the pixels of the plan's main image
// unless `size` says otherwise; hotspots and the "before" image's area are given in them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/rect.h"
#include "content/georef.h"
#include "text/localized_text.h"

namespace kiosk {

// An image placed in the plan's coordinate frame.
struct PlanImage {
    std::filesystem::path file;
    int width = 0, height = 0; // pixels, from the file's header (0 when unreadable: a placeholder shows)
    SourcePos where;           // the `image` key naming the file (kiosk --check-config decodes it)
    Rect area;                 // where the image lies, in plan coordinates
    LocalizedText label;       // before/after caption ("Aujourd’hui", "Demain"); may be empty
};

enum class HotspotLayer { Both, Before, After };

struct Hotspot {
    std::string id;
    int number = 0; // 1-based, shown on the marker and in the list
    Vec2 at;        // plan coordinates
    HotspotLayer layer = HotspotLayer::Both;
    LocalizedText title, text;
    std::filesystem::path photo; // empty: none
    SourcePos photo_where;       // its `photo` key
    // Where the marker is drawn, from its point, in screen pixels at 1920×1080 (scaled with
    // the screen): moves it off the plan's own label; a line joins it to its point.
    Vec2 marker_offset;
};

// Corners of a plan's drawing (a bit mask), for `legend`.
enum PlanCorner : unsigned {
    kCornerTopLeft = 1,
    kCornerTopRight = 2,
    kCornerBottomLeft = 4,
    kCornerBottomRight = 8,
};

struct Plan {
    std::string id;
    bool example = false;       // demo content: the screens say so
    std::filesystem::path file; // the .toml it came from (for messages)
    LocalizedText title, summary, description;
    Vec2 size;       // plan coordinate frame
    PlanImage image; // the plan; the "after" side of a before/after pair
    std::optional<PlanImage> before;
    float max_zoom = 2.0f; // largest magnification of the main image's own pixels
    unsigned legend = 0;   // PlanCorner mask: corners holding the drawing's legend or title block
    std::vector<Hotspot> hotspots;
    // [georef]: plan coordinates → WGS84, for exporting pins (content/georef.h); nothing when
    // the plan is not georeferenced (its pins are exported in plan coordinates).
    std::optional<GeoAffine> georef;

    // Largest screen pixels per plan unit (max_zoom applied to the main image's pixels).
    float MaxScale() const;
};

} // namespace kiosk
