// The agenda: loading <content>/agenda.toml, and which events are still to come.
#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "content/content.h"
#include "content/content_reader.h"

namespace kiosk {

std::vector<const AgendaEvent*> UpcomingEvents(const std::vector<AgendaEvent>& events,
                                               const LocalMoment& now) {
    std::vector<const AgendaEvent*> out;
    for (const AgendaEvent& e : events) {
        if (e.date < now.date) continue;
        if (e.date == now.date && now.minute_of_day >= e.EndMinuteOfDay()) continue;
        out.push_back(&e);
    }
    return out;
}

std::optional<std::vector<AgendaEvent>> LoadAgendaFile(const std::filesystem::path& file,
                                                       const Languages& languages, Diagnostics& diags) {
    Diagnostics local;
    std::optional<toml::table> table = ParseTomlFile(file, local);
    std::optional<std::vector<AgendaEvent>> result;
    if (table) {
        TableReader root(*table, "", file.string(), local);
        const bool example = root.Bool("example", false);
        std::vector<AgendaEvent> events;
        std::set<std::string> ids;
        for (TableReader& t : root.TableArray("event")) {
            AgendaEvent e;
            e.example = example;
            e.id = ReadId(t, "id", Need::Required).value_or("");
            if (!e.id.empty() && !ids.insert(e.id).second)
                t.Error("id", fmt::format("\"{}\" is used twice", e.id));
            const std::string kind = t.Choice(
                "kind", {"public_meeting", "workshop", "walk", "drop_in", "other"}, "public_meeting");
            e.kind = kind == "workshop"  ? EventKind::Workshop
                     : kind == "walk"    ? EventKind::Walk
                     : kind == "drop_in" ? EventKind::DropIn
                     : kind == "other"   ? EventKind::Other
                                         : EventKind::PublicMeeting;
            if (std::optional<toml::date> date = t.Date("date", Need::Required))
                e.date = {date->year, date->month, date->day};
            e.start_minute = ReadClockTime(t, "start", Need::Optional).value_or(-1);
            e.end_minute = ReadClockTime(t, "end", Need::Optional).value_or(-1);
            if (e.end_minute >= 0 && e.start_minute < 0) t.Error("end", "an end time needs a `start` time");
            if (e.end_minute >= 0 && e.start_minute >= 0 && e.end_minute <= e.start_minute)
                t.Error("end", "the event ends before it starts");
            e.subject = t.Localized("subject", languages, Need::Required);
            e.details = t.Localized("details", languages, Need::Optional);
            e.place = t.Localized("place", languages, Need::Required, true, /*allow_plain=*/true);
            e.address = t.Localized("address", languages, Need::Optional, true, /*allow_plain=*/true);
            e.accessibility = t.Localized("accessibility", languages, Need::Optional);
            t.Finish();
            events.push_back(std::move(e));
        }
        root.Finish();
        std::stable_sort(events.begin(), events.end(), [](const AgendaEvent& a, const AgendaEvent& b) {
            return std::tie(a.date, a.start_minute) < std::tie(b.date, b.start_minute);
        });
        if (!local.HasErrors()) result = std::move(events);
    }
    diags.Append(local);
    return result;
}

} // namespace kiosk
