// Pictures of answer options. Decoding image files belongs to the image store of the
// plans code (platform/image_store.h, branch `plans`); until it is merged the survey
// screens show the frame that holds a picture's place while it loads.
#include "palette.h"
#include "survey_layout.h"

namespace kiosk {

void DrawPicture(App& app, ImDrawList* draw, const std::filesystem::path& file, const Area& area) {
    (void)file;
    const Metrics& m = app.metrics;
    draw->AddRectFilled(area.min, area.max, Rgb(palette::kSurfaceAlt), m.radius * 0.6f);
    const float side = std::min(area.Width(), area.Height()) * 0.4f;
    DrawIcon(draw, Icon::Plan, ImVec2((area.min.x + area.max.x) * 0.5f, (area.min.y + area.max.y) * 0.5f),
             side, Rgb(palette::kBorder));
}

} // namespace kiosk
