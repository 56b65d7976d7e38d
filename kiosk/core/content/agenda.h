// The agenda: public meetings, workshops and walks, from <content>/agenda.toml.
//
// Events are kept sorted by start. Past events drop off by themselves: an event with an end
// time leaves the agenda at that time, one without leaves at the end of its day.
#pragma once

#include <string>
#include <vector>

#include "config/opening_hours.h"
#include "text/localized_text.h"

namespace kiosk {

enum class EventKind { PublicMeeting, Workshop, Walk, DropIn, Other };

struct AgendaEvent {
    std::string id;
    bool example = false;
    EventKind kind = EventKind::PublicMeeting;
    CivilDate date;
    int start_minute = -1; // minutes after midnight; -1: no time given
    int end_minute = -1;   // -1: no end given
    LocalizedText subject, details, place, address, accessibility;

    // The moment the event leaves the agenda, as (date, minute of day).
    int EndMinuteOfDay() const { return end_minute >= 0 ? end_minute : 24 * 60; }
};

// Events not over at `now`, in order.
std::vector<const AgendaEvent*> UpcomingEvents(const std::vector<AgendaEvent>& events,
                                               const LocalMoment& now);

} // namespace kiosk
