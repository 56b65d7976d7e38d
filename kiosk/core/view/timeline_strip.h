// TimelineStrip: the geometry of the horizontal, swipeable row of phase cards.
//
// Cards of equal width sit side by side, `gap` apart, in content coordinates starting at 0;
// the strip shows `view_width` px of them from `scroll`. Scrolling stops when the first or
// the last card is centred (so both can be centred and read in the middle of the screen);
// a row narrower than the view is centred and does not scroll. Fractional card indices
// place the "today" marker between cards (content/timeline.h TodayPosition).
#pragma once

namespace kiosk {

struct TimelineStrip {
    float card_width = 400;
    float gap = 28;
    float view_width = 1800;
    int count = 0;

    float Pitch() const { return card_width + gap; }
    float ContentWidth() const { return count > 0 ? count * card_width + (count - 1) * gap : 0; }
    float CardLeft(int index) const { return index * Pitch(); }
    // Centre of card `index` (fractions lie between cards), in content coordinates.
    float CardCenter(float index) const { return index * Pitch() + card_width * 0.5f; }

    float MinScroll() const;
    float MaxScroll() const;
    float ClampScroll(float scroll) const;
    // The scroll that centres card `index` (as far as the limits allow).
    float ScrollToCenter(int index) const {
        return ClampScroll(CardCenter((float)index) - view_width * 0.5f);
    }
};

} // namespace kiosk
