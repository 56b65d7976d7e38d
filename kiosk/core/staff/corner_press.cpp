#include "corner_press.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk {

void StaffCornerPress::SetScreen(float width, float height, ScreenCorner corner, float slop) {
    width_ = width;
    height_ = height;
    corner_ = corner;
    slop_ = slop;
}

bool StaffCornerPress::InZone(Vec2 pos) const {
    const float zone = std::min(width_, height_) * kZoneFraction;
    const bool left = corner_ == ScreenCorner::TopLeft || corner_ == ScreenCorner::BottomLeft;
    const bool top = corner_ == ScreenCorner::TopLeft || corner_ == ScreenCorner::TopRight;
    const bool in_x = left ? pos.x < zone : pos.x >= width_ - zone;
    const bool in_y = top ? pos.y < zone : pos.y >= height_ - zone;
    return in_x && in_y && pos.x >= 0 && pos.y >= 0 && pos.x < width_ && pos.y < height_;
}

void StaffCornerPress::OnPointer(const PointerEvent& event) {
    auto it = std::find_if(down_.begin(), down_.end(), [&](const Down& d) { return d.id == event.id; });
    switch (event.action) {
    case PointerAction::Down: {
        // Fingers silent for long are lost ones, except a candidate held still on purpose.
        std::erase_if(down_, [&](const Down& d) {
            return event.time - d.last_event > kLostSeconds && !(candidate_ && d.id == candidate_id_);
        });
        if (std::none_of(down_.begin(), down_.end(), [&](const Down& d) { return d.id == event.id; }))
            down_.push_back({event.id, event.time});
        if (down_.size() == 1 && InZone(event.pos)) {
            candidate_ = true;
            fired_ = false;
            candidate_id_ = event.id;
            start_ = event.pos;
            since_ = event.time;
        } else {
            candidate_ = false; // a second finger: a pinch or a resting hand, never the gesture
        }
        break;
    }
    case PointerAction::Move:
        if (it != down_.end()) it->last_event = event.time;
        if (candidate_ && event.id == candidate_id_ &&
            ((event.pos - start_).Length() > slop_ || !InZone(event.pos)))
            candidate_ = false;
        break;
    case PointerAction::Up:
    case PointerAction::Cancel:
        if (it != down_.end()) down_.erase(it);
        if (candidate_ && event.id == candidate_id_) candidate_ = false;
        break;
    }
}

bool StaffCornerPress::Update(double now) {
    if (!candidate_ || fired_ || now - since_ < kHoldSeconds) return false;
    fired_ = true;
    return true;
}

double StaffCornerPress::NextDeadline(double now) const {
    if (!Pending()) return std::numeric_limits<double>::infinity();
    return std::max(now, since_ + kHoldSeconds);
}

} // namespace kiosk
