#include "input/gesture_recognizer.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace kiosk {

GestureConfig GestureConfig::Scaled(float scale) const {
    GestureConfig c = *this;
    c.tap_slop *= scale;
    c.double_tap_slop *= scale;
    c.fling_min_speed *= scale;
    c.inertia_stop_speed *= scale;
    c.repeat_slop *= scale;
    return c;
}

GestureRecognizer::Pointer* GestureRecognizer::FindPointer(int64_t id) {
    for (Pointer& p : pointers_)
        if (p.id == id) return &p;
    return nullptr;
}

void GestureRecognizer::RemovePointer(int64_t id) {
    std::erase_if(pointers_, [id](const Pointer& p) { return p.id == id; });
}

void GestureRecognizer::OnHover(Vec2 pos, double) {
    hover_present_ = true;
    hover_pos_ = pos;
    last_touch_pos_ = pos;
    pending_.had_input = true;
}

void GestureRecognizer::OnHoverLost() {
    hover_present_ = false;
    pending_.had_input = true;
}

void GestureRecognizer::OnPointer(const PointerEvent& event) {
    pending_.had_input = true;
    Pointer* pointer = FindPointer(event.id);
    if (pointer || event.action == PointerAction::Down) last_touch_pos_ = event.pos;

    switch (event.action) {
    case PointerAction::Down: {
        inertia_ = false; // a finger landing stops a list that was still coasting
        if (pointer) {    // a down for a finger we think is down: its up was lost
            pointer->pos = event.pos;
            pointer->last_event_time = event.time;
            return;
        }
        const bool guarded = Guarded(event.pos, event.time);
        pointers_.push_back({event.id, event.pos, event.pos, event.pos, event.time, event.time, {}});
        pointers_.back().samples.push_back({event.time, event.pos});
        if (guarded || (mode_ == Mode::Consumed && pointers_.size() > 1)) {
            // Landed too soon after a change of screen, or beside a finger that did: this
            // touch belongs to no screen. It does nothing until every finger has lifted.
            if (mode_ == Mode::Dragging) pending_.drag_ended = true;
            if (mode_ == Mode::Pinching) pending_.pinch_ended = true;
            imgui_queue_.clear();
            mode_ = Mode::Consumed;
        } else if (pointers_.size() == 1) {
            mode_ = Mode::Pressed;
        } else if (pointers_.size() == 2) {
            if (mode_ == Mode::Dragging) pending_.drag_ended = true;
            BeginPinch();
        }
        break;
    }
    case PointerAction::Move: {
        if (!pointer) return; // motion of a finger whose down we never saw
        pointer->pos = event.pos;
        pointer->last_event_time = event.time;
        pointer->samples.push_back({event.time, event.pos});
        while (pointer->samples.size() > 2 &&
               pointer->samples.front().first < event.time - config_.velocity_window)
            pointer->samples.pop_front();
        if (mode_ == Mode::Pressed && Distance(pointer->pos, pointer->down_pos) > config_.tap_slop) {
            mode_ = Mode::Dragging;
            pending_.drag_began = true;
            drag_origin_ = pointer->down_pos;
        }
        break;
    }
    case PointerAction::Up:
    case PointerAction::Cancel:
        if (!pointer) return;
        pointer->pos = event.pos;
        pointer->samples.push_back({event.time, event.pos});
        Release(*pointer, event.time, event.action == PointerAction::Cancel);
        break;
    }
}

void GestureRecognizer::BeginPinch() {
    assert(pointers_.size() >= 2);
    mode_ = Mode::Pinching;
    pending_.pinch_began = true;
    pinch_prev_center_ = (pointers_[0].pos + pointers_[1].pos) * 0.5f;
    pinch_prev_distance_ = Distance(pointers_[0].pos, pointers_[1].pos);
    // A pinch is never a click: drop a half-played click and the pending hover.
    imgui_queue_.clear();
}

void GestureRecognizer::QueueClick(Vec2 pos) {
    imgui_queue_.push_back({true, pos, false});
    imgui_queue_.push_back({true, pos, true});
    imgui_queue_.push_back({true, pos, false});
    imgui_queue_.push_back({false, pos, false});
}

Vec2 GestureRecognizer::Velocity(const Pointer& pointer) const {
    if (pointer.samples.size() < 2) return {};
    const auto& [t1, p1] = pointer.samples.back();
    // Use the oldest sample still inside the window before the last one: a finger that
    // stopped before lifting has no velocity.
    auto first = pointer.samples.begin();
    while (std::next(first) != pointer.samples.end() && first->first < t1 - config_.velocity_window)
        ++first;
    const auto& [t0, p0] = *first;
    double dt = t1 - t0;
    if (dt < 0.008) return {};
    return (p1 - p0) / (float)dt;
}

void GestureRecognizer::Release(Pointer& pointer, double time, bool cancelled) {
    const Vec2 pos = pointer.pos;
    switch (mode_) {
    case Mode::Pressed:
        if (!cancelled) {
            QueueClick(pos);
            pending_.tap = pos;
            if (last_tap_ && time - last_tap_->first <= config_.double_tap_seconds &&
                Distance(last_tap_->second, pos) <= config_.double_tap_slop) {
                pending_.double_tap = pos;
                last_tap_.reset();
            } else {
                last_tap_ = {time, pos};
            }
        }
        break;
    case Mode::Dragging: {
        pending_.scroll_delta += pos - pointer.prev_pos;
        pending_.drag_pos = pos;
        pending_.scroll_origin = drag_origin_;
        pending_.drag_ended = true;
        Vec2 velocity = Velocity(pointer);
        if (!cancelled && velocity.Length() >= config_.fling_min_speed) {
            inertia_ = true;
            inertia_velocity_ = velocity;
            inertia_origin_ = drag_origin_;
            inertia_time_ = time;
        }
        break;
    }
    case Mode::LongPress:
        if (!cancelled) pending_.long_press_release = pos;
        break;
    case Mode::Pinching: pending_.pinch_ended = true; break;
    case Mode::Idle:
    case Mode::Consumed: break;
    }

    const Mode before = mode_;
    RemovePointer(pointer.id); // `pointer` dangles from here on
    if (pointers_.empty()) {
        mode_ = Mode::Idle;
    } else if (before == Mode::Pinching && pointers_.size() >= 2) {
        BeginPinch();
    } else if (before == Mode::Pinching) {
        // The finger left after a pinch keeps moving the view, without inertia surprises.
        Pointer& rest = pointers_.front();
        rest.prev_pos = rest.pos;
        rest.samples.clear();
        rest.samples.push_back({time, rest.pos});
        mode_ = Mode::Dragging;
        drag_origin_ = rest.pos;
        pending_.drag_began = true;
    } else {
        mode_ = Mode::Consumed;
    }
}

GestureFrame GestureRecognizer::Update(double now) {
    // A finger silent for too long lost its FINGERUP: cancel it (no click).
    for (size_t i = 0; i < pointers_.size();) {
        if (now - pointers_[i].last_event_time > config_.lost_pointer_seconds) {
            pending_.had_input = true;
            Release(pointers_[i], now, /*cancelled=*/true);
            continue; // Release removed it
        }
        i++;
    }
    // A gesture is under way exactly while fingers are on the glass: a recogniser left
    // Dragging or Pinching with none would treat the next touch as its continuation.
    assert(pointers_.empty() == (mode_ == Mode::Idle));

    if (mode_ == Mode::Pressed && !pointers_.empty() &&
        now - pointers_.front().down_time >= config_.long_press_seconds) {
        mode_ = Mode::LongPress;
        pending_.long_press = pointers_.front().pos;
    }

    switch (mode_) {
    case Mode::Dragging: {
        Pointer& p = pointers_.front();
        pending_.scroll_delta += p.pos - p.prev_pos;
        p.prev_pos = p.pos;
        pending_.dragging = true;
        pending_.drag_pos = p.pos;
        pending_.scroll_origin = drag_origin_;
        break;
    }
    case Mode::Pinching: {
        Vec2 center = (pointers_[0].pos + pointers_[1].pos) * 0.5f;
        float distance = Distance(pointers_[0].pos, pointers_[1].pos);
        pending_.pinching = true;
        pending_.pinch_center = center;
        if (pinch_prev_distance_ > 1.0f && distance > 1.0f)
            pending_.pinch_scale_delta = distance / pinch_prev_distance_;
        pending_.pinch_pan_delta = center - pinch_prev_center_;
        pinch_prev_center_ = center;
        pinch_prev_distance_ = distance;
        break;
    }
    case Mode::LongPress:
        pending_.long_press_held = true;
        pending_.long_press_pos = pointers_.front().pos;
        break;
    default: break;
    }

    if (inertia_) {
        // Exponential decay integrated exactly over the elapsed time, so the distance
        // travelled does not depend on the frame rate.
        double dt = std::max(0.0, now - inertia_time_);
        double tau = config_.inertia_time_constant;
        float decay = (float)std::exp(-dt / tau);
        pending_.scroll_delta += inertia_velocity_ * (float)(tau * (1.0 - decay));
        pending_.scroll_origin = inertia_origin_;
        pending_.inertia = true;
        inertia_velocity_ = inertia_velocity_ * decay;
        inertia_time_ = now;
        if (inertia_velocity_.Length() < config_.inertia_stop_speed) inertia_ = false;
    }

    // The pointer ImGui sees: a click being played, else a hovering finger or mouse.
    if (!imgui_queue_.empty()) {
        pending_.imgui = imgui_queue_.front();
        imgui_queue_.pop_front();
    } else if ((mode_ == Mode::Pressed || mode_ == Mode::LongPress) && !pointers_.empty()) {
        pending_.imgui = {true, pointers_.front().pos, false};
    } else if (hover_present_ && pointers_.empty()) {
        pending_.imgui = {true, hover_pos_, false};
    }

    GestureFrame frame = pending_;
    pending_ = GestureFrame{};
    return frame;
}

double GestureRecognizer::NextDeadline(double now) const {
    if (!imgui_queue_.empty() || inertia_) return now;
    double deadline = std::numeric_limits<double>::infinity();
    for (const Pointer& p : pointers_)
        deadline = std::min(deadline, p.last_event_time + config_.lost_pointer_seconds);
    if (mode_ == Mode::Pressed && !pointers_.empty())
        deadline = std::min(deadline, pointers_.front().down_time + config_.long_press_seconds);
    return deadline;
}

void GestureRecognizer::Consume() {
    imgui_queue_.clear();
    inertia_ = false;
    last_tap_.reset();
    if (!pointers_.empty()) mode_ = Mode::Consumed;
}

void GestureRecognizer::Guard(double now) {
    Consume();
    guard_until_ = now + config_.guard_seconds;
    repeat_until_ = now + config_.repeat_seconds;
    repeat_pos_ = last_touch_pos_;
}

bool GestureRecognizer::Guarded(Vec2 pos, double time) const {
    return time < guard_until_ || (time < repeat_until_ && Distance(pos, repeat_pos_) <= config_.repeat_slop);
}

double GestureRecognizer::ActsFrom(Vec2 pos, double now) const {
    if (!pointers_.empty()) return std::numeric_limits<double>::infinity(); // lift them first
    double from = std::max(now, guard_until_);
    if (Distance(pos, repeat_pos_) <= config_.repeat_slop) from = std::max(from, repeat_until_);
    return from;
}

void GestureRecognizer::Reset() {
    pointers_.clear();
    mode_ = Mode::Idle;
    pending_ = GestureFrame{};
    inertia_ = false;
    imgui_queue_.clear();
    hover_present_ = false;
    last_tap_.reset();
}

} // namespace kiosk
