#include "view/timeline_strip.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

float TimelineStrip::MinScroll() const {
    if (ContentWidth() <= view_width) return -(view_width - ContentWidth()) * 0.5f;
    return CardCenter(0) - view_width * 0.5f;
}

float TimelineStrip::MaxScroll() const {
    if (ContentWidth() <= view_width) return MinScroll();
    return CardCenter((float)(count - 1)) - view_width * 0.5f;
}

float TimelineStrip::ClampScroll(float scroll) const {
    return std::clamp(scroll, MinScroll(), MaxScroll());
}

} // namespace kiosk
