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

int TimelineStrip::CardAt(float content_x) const {
    if (content_x < 0 || count <= 0) return -1;
    const int index = (int)std::floor(content_x / Pitch());
    if (index >= count || content_x - CardLeft(index) >= card_width) return -1;
    return index;
}

} // namespace kiosk
