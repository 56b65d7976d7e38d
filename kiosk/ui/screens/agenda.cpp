// Agenda: the public meetings, workshops and walks still to come, soonest first. Events
// leave the list by themselves once over; an empty agenda says so politely.
#include <algorithm>

#include "content/date_text.h"
#include "programme_widgets.h"
#include "screens.h"
#include "style_scope.h"
#include "widgets.h"

namespace kiosk {

namespace {

const char* KindKey(EventKind kind) {
    switch (kind) {
    case EventKind::PublicMeeting: return "agenda.kind.public_meeting";
    case EventKind::Workshop: return "agenda.kind.workshop";
    case EventKind::Walk: return "agenda.kind.walk";
    case EventKind::DropIn: return "agenda.kind.drop_in";
    case EventKind::Other: return "agenda.kind.other";
    }
    return "agenda.kind.other";
}

// The texts of one event card, in the visitor's language.
struct EventTexts {
    std::string weekday, day, month_year;
    std::string kind, when_chip; // when_chip: "Aujourd’hui" / "Demain" / ""
    std::string subject, hours, place, address, details, accessibility;
};

EventTexts TextsOf(const App& app, const AgendaEvent& e, const CivilDate& today) {
    const Catalogs& c = app.data.catalogs;
    const std::string& lang = app.nav.Language();
    EventTexts t;
    t.weekday = WeekdayName(c, lang, Weekday(e.date));
    t.day = app.Shown(fmt::format("{}", e.date.day));
    t.month_year = app.Shown(MonthShortName(c, lang, e.date.month) + " " + fmt::format("{}", e.date.year));
    t.kind = app.Tr(KindKey(e.kind));
    const long long days = DaysFromCivil(e.date) - DaysFromCivil(today);
    if (days == 0) t.when_chip = app.Tr("agenda.today");
    if (days == 1) t.when_chip = app.Tr("agenda.tomorrow");
    t.subject = app.Text(e.subject);
    t.hours =
        app.Shown(e.start_minute >= 0
                      ? FormatFullDate(c, lang, e.date) + ", " + FormatEventHours(c, lang, e)
                      : FormatFullDate(c, lang, e.date) + " — " + app.TrLogical("agenda.hours_unknown"));
    t.place = app.Text(e.place);
    if (!e.address.Empty()) t.address = app.Text(e.address);
    if (!e.details.Empty()) t.details = app.Text(e.details);
    if (!e.accessibility.Empty())
        t.accessibility =
            app.Shown(app.TrLogical("agenda.accessibility") + " " + app.TextLogical(e.accessibility));
    return t;
}

struct CardLayout {
    float date_w, pad, text_w;
};

float CardHeight(const DrawContext& ui, const EventTexts& t, const CardLayout& l) {
    const Metrics& m = ui.metrics;
    float h = l.pad * 2 + ChipSize(ui.fonts.small, t.kind, m).y + m.Px(12) +
              TextHeight(t.subject, ui.fonts.title, l.text_w) + m.Px(10) +
              TextHeight(t.hours, ui.fonts.body_bold, l.text_w) + m.Px(10) +
              TextHeight(t.place, ui.fonts.body, l.text_w - m.Px(44));
    if (!t.address.empty()) h += TextHeight(t.address, ui.fonts.small, l.text_w - m.Px(44));
    if (!t.details.empty()) h += m.Px(12) + TextHeight(t.details, ui.fonts.body, l.text_w);
    if (!t.accessibility.empty()) h += m.Px(12) + TextHeight(t.accessibility, ui.fonts.small, l.text_w);
    return std::max(h, m.Px(230));
}

void EventCard(const DrawContext& ui, const EventTexts& t, const CardLayout& l, ImVec2 pos, ImVec2 size) {
    const Metrics& m = ui.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    draw->AddRectFilled(pos, max, Rgb(palette::kSurface), m.radius);
    // The date block: the day in big figures, readable from a distance.
    draw->AddRectFilled(pos, ImVec2(pos.x + l.date_w, max.y), Rgb(palette::kAgenda), m.radius,
                        ImDrawFlags_RoundCornersLeft);
    const float date_h =
        ui.fonts.body->FontSize + ui.fonts.huge->FontSize + ui.fonts.body->FontSize + m.Px(8);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + (size.y - date_h) * 0.5f));
    CenteredText(t.weekday, ui.fonts.body, palette::kTextOnDark, pos.x, l.date_w);
    CenteredText(t.day, ui.fonts.huge, palette::kTextOnDark, pos.x, l.date_w);
    CenteredText(t.month_year, ui.fonts.body, palette::kTextOnDark, pos.x, l.date_w);

    const float x = pos.x + l.date_w + l.pad;
    float y = pos.y + l.pad;
    const ImVec2 kind =
        Chip(ImVec2(x, y), ui.fonts.small, t.kind, palette::kAgenda, palette::kAgenda, m, true);
    if (!t.when_chip.empty())
        Chip(ImVec2(x + kind.x + m.Px(12), y), ui.fonts.small, t.when_chip, palette::kAgenda,
             palette::kTextOnDark, m);
    ImGui::SetCursorScreenPos(ImVec2(x, y + kind.y + m.Px(12)));
    WrappedText(t.subject, ui.fonts.title, palette::kText, l.text_w);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(10)));
    WrappedText(t.hours, ui.fonts.body_bold, palette::kAgenda, l.text_w);
    y = ImGui::GetCursorScreenPos().y + m.Px(10);
    const float icon = ui.fonts.body->FontSize;
    DrawIcon(draw, Icon::Pin, ImVec2(x + icon * 0.5f, y + icon * 0.5f), icon, Rgb(palette::kAgenda));
    ImGui::SetCursorScreenPos(ImVec2(x + m.Px(44), y));
    WrappedText(t.place, ui.fonts.body, palette::kText, l.text_w - m.Px(44));
    if (!t.address.empty()) WrappedText(t.address, ui.fonts.small, palette::kTextMuted, l.text_w - m.Px(44));
    if (!t.details.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(12)));
        WrappedText(t.details, ui.fonts.body, palette::kText, l.text_w);
    }
    if (!t.accessibility.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(12)));
        WrappedText(t.accessibility, ui.fonts.small, palette::kText, l.text_w);
    }
}

} // namespace

void DrawAgenda(App& app) {
    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##agenda");
    TopBar(app, app.Tr("home.agenda.title"), palette::kAgenda);
    const LocalMoment now = ToLocalMoment(app.wall_now);
    const std::vector<const AgendaEvent*> events = UpcomingEvents(app.data.content.events, now);

    const bool example =
        std::any_of(events.begin(), events.end(), [](const AgendaEvent* e) { return e->example; });
    const float top = m.bar + m.Px(24);
    const ImVec2 badge = example ? ExampleBadgeSize(app) : ImVec2(0, 0);
    if (example) ExampleBadge(app, ImVec2(m.width - m.margin, top));
    if (events.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(m.margin * 2, m.height * 0.4f));
        DrawIcon(ImGui::GetWindowDrawList(), Icon::Agenda, ImVec2(m.width * 0.5f, m.height * 0.4f - m.Px(90)),
                 m.Px(110), Rgb(palette::kAgenda));
        CenteredText(app.Tr("agenda.empty"), app.fonts.title, palette::kText, m.margin * 2,
                     m.width - 4 * m.margin);
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(m.margin, top));
    WrappedText(app.Tr("agenda.intro"), app.fonts.body, palette::kText,
                m.width - 2 * m.margin - (example ? badge.x + m.gap : 0));
    const float list_top = std::max(ImGui::GetCursorScreenPos().y, top + badge.y) + m.Px(24);

    const float area_w = m.width - 2 * m.margin;
    const float width = ScrollContentWidth(area_w);
    CardLayout l;
    l.date_w = m.Px(230);
    l.pad = m.Px(28);
    l.text_w = width - l.date_w - 2 * l.pad;
    ImGui::SetCursorScreenPos(ImVec2(m.margin, list_top));
    if (BeginTouchScroll(app, "##agenda_list", ImVec2(area_w, m.height - list_top - m.Px(24)))) {
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        float y = origin.y;
        for (const AgendaEvent* e : events) {
            const EventTexts t = TextsOf(app, *e, now.date);
            const float h = CardHeight(app, t, l);
            EventCard(app, t, l, ImVec2(origin.x, y), ImVec2(width, h));
            y += h + m.gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y - m.gap));
        ImGui::Dummy(ImVec2(1, 1));
    }
    EndTouchScroll();
}

} // namespace kiosk
