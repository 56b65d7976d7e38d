// Timeline: the programme's phases as a row of cards to swipe, a "today" marker on the
// rail above them, and the selected phase's details below (description, picture, links to
// a plan or a survey, "you said, we did").
//
//   [SECTION] Strip     rail, today marker, phase cards; swipe with inertia; tap to select
//   [SECTION] Details   the selected phase's card
//
// Opening the section selects today's phase (or the route's phase) and centres it; coming
// Back from a plan or survey opened by one of its links keeps the visitor's selection.
#include <algorithm>
#include <cmath>

#include "content/date_text.h"
#include "programme_widgets.h"
#include "screens.h"
#include "style_scope.h"
#include "survey/survey_session.h"
#include "view/timeline_strip.h"
#include "visit_state.h"
#include "widgets.h"

namespace kiosk {

namespace {

struct StatusLook {
    const char* key;
    uint32_t color;
};

StatusLook LookOf(PhaseStatus status) {
    switch (status) {
    case PhaseStatus::Done: return {"timeline.status.done", palette::kDone};
    case PhaseStatus::InProgress: return {"timeline.status.in_progress", palette::kTimeline};
    case PhaseStatus::Upcoming: return {"timeline.status.upcoming", palette::kTextMuted};
    }
    return {"timeline.status.upcoming", palette::kTextMuted};
}

CivilDate Today(const App& app) {
    return ToLocalMoment(app.wall_now).date;
}

int IndexOf(const std::vector<Phase>& phases, std::string_view id) {
    for (int i = 0; i < (int)phases.size(); i++)
        if (phases[i].id == id) return i;
    return -1;
}

// [SECTION] Strip

struct StripGeometry {
    Rect area; // the whole strip (swipe zone)
    float rail_y = 0;
    float cards_top = 0;
    float card_h = 0;
    TimelineStrip strip;
};

float CardHeight(const App& app, const Phase& p, float inner_w, const CivilDate& today) {
    const Metrics& m = app.metrics;
    const std::string period =
        app.text_direction.Shown(FormatPeriod(app.data.catalogs, app.nav.Language(), p, today));
    return m.Px(20) * 2 + ChipSize(app.fonts.small, "A", m).y + m.Px(12) +
           TextHeight(period, app.fonts.body_bold, inner_w) + m.Px(6) +
           TextHeight(app.Text(p.title), app.fonts.body, inner_w);
}

StripGeometry ComputeStrip(const App& app, float top, const CivilDate& today) {
    const Metrics& m = app.metrics;
    const auto& phases = app.data.content.phases;
    StripGeometry g;
    g.strip.card_width = std::min(m.Px(400), (m.width - 2 * m.margin) * 0.42f);
    g.strip.gap = m.gap;
    g.strip.view_width = m.width;
    g.strip.count = (int)phases.size();
    g.card_h = m.Px(190);
    for (const Phase& p : phases)
        g.card_h = std::max(g.card_h, CardHeight(app, p, g.strip.card_width - m.Px(40), today));
    g.rail_y = top + m.Px(86);
    g.cards_top = g.rail_y + m.Px(36);
    g.area = Rect({0, top}, {m.width, g.cards_top + g.card_h + m.Px(22)});
    return g;
}

void HandleSwipe(App& app, TimelineState& s, const StripGeometry& g) {
    const GestureFrame& gf = app.gestures;
    if ((gf.dragging || gf.drag_ended || gf.inertia) && g.area.Contains(gf.scroll_origin) &&
        gf.scroll_delta.x != 0) {
        s.scroll = g.strip.ClampScroll(s.scroll - gf.scroll_delta.x);
        s.scroll_animating = false;
    }
    if (app.wheel.x != 0 && g.area.Contains(app.mouse_pos)) {
        s.scroll = g.strip.ClampScroll(s.scroll - app.wheel.x * app.metrics.Px(60));
        s.scroll_animating = false;
    }
    if (s.scroll_animating) {
        // Exponential approach, frame-rate independent; stops within half a pixel.
        const float k = 1.0f - std::exp(-ImGui::GetIO().DeltaTime * 12.0f);
        s.scroll += (s.scroll_target - s.scroll) * k;
        if (std::fabs(s.scroll_target - s.scroll) < 0.5f) {
            s.scroll = s.scroll_target;
            s.scroll_animating = false;
        } else {
            app.RequestFrameIn(1.0 / 60.0);
        }
    }
}

void DrawTodayMarker(const App& app, const StripGeometry& g, float x, const CivilDate& today) {
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::string label = app.Shown(
        app.TrLogical("timeline.today") + " · " +
        FormatFuzzyDate(app.data.catalogs, app.nav.Language(), {today.year, today.month, today.day}));
    ImFont* font = app.fonts.body_bold;
    const ImVec2 size = ChipSize(font, label, m);
    // The pill stays on screen even when "today" sits near an edge.
    const float pill_x = std::clamp(x - size.x * 0.5f, m.Px(12), m.width - m.Px(12) - size.x);
    const float pill_y = g.area.min.y + m.Px(8);
    Chip(ImVec2(pill_x, pill_y), font, label, palette::kAgenda, palette::kTextOnDark, m);
    draw->AddLine(ImVec2(x, pill_y + size.y), ImVec2(x, g.cards_top - m.Px(6)), Rgb(palette::kAgenda),
                  m.Px(5));
    draw->AddTriangleFilled(ImVec2(x - m.Px(12), g.rail_y - m.Px(22)),
                            ImVec2(x + m.Px(12), g.rail_y - m.Px(22)), ImVec2(x, g.rail_y - m.Px(4)),
                            Rgb(palette::kAgenda));
}

void DrawStrip(App& app, TimelineState& s, const StripGeometry& g, const CivilDate& today) {
    const Metrics& m = app.metrics;
    const auto& phases = app.data.content.phases;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGui::PushClipRect(ImVec2(g.area.min.x, g.area.min.y), ImVec2(g.area.max.x, g.area.max.y), true);
    auto screen_x = [&](float content_x) { return content_x - s.scroll; };

    // Rail: coloured up to today, grey after.
    const float today_x = screen_x(g.strip.CardCenter(TodayPosition(phases, today)));
    const float rail_l = screen_x(g.strip.CardCenter(0)),
                rail_r = screen_x(g.strip.CardCenter((float)phases.size() - 1));
    draw->AddLine(ImVec2(rail_l, g.rail_y), ImVec2(rail_r, g.rail_y), Rgb(palette::kBorder), m.Px(6));
    draw->AddLine(ImVec2(rail_l, g.rail_y), ImVec2(std::clamp(today_x, rail_l, rail_r), g.rail_y),
                  Rgb(palette::kTimeline), m.Px(6));

    for (int i = 0; i < (int)phases.size(); i++) {
        const Phase& p = phases[i];
        const PhaseStatus status = StatusOn(p, today);
        const StatusLook look = LookOf(status);
        const float left = screen_x(g.strip.CardLeft(i));
        if (left > m.width || left + g.strip.card_width < 0) continue;
        const float cx = left + g.strip.card_width * 0.5f;
        // Dot on the rail.
        const float r = m.Px(14);
        if (status == PhaseStatus::Upcoming) {
            draw->AddCircleFilled(ImVec2(cx, g.rail_y), r, Rgb(palette::kSurface));
            draw->AddCircle(ImVec2(cx, g.rail_y), r, Rgb(look.color), 0, m.Px(4));
        } else {
            draw->AddCircleFilled(ImVec2(cx, g.rail_y), r, Rgb(look.color));
        }
        draw->AddLine(ImVec2(cx, g.rail_y + r), ImVec2(cx, g.cards_top), Rgb(palette::kBorder), m.Px(2));

        // The card: a button.
        const ImVec2 pos(left, g.cards_top), size(g.strip.card_width, g.card_h);
        ImGui::SetCursorScreenPos(pos);
        StyleScope id;
        id.Id(i);
        const bool tapped = ImGui::InvisibleButton("##phase", size);
        AddTouchTarget(app, pos, ImVec2(pos.x + size.x, pos.y + size.y)); // the part on screen
        if (tapped && s.selected != p.id) {
            s.selected = p.id;
            s.scroll_target = g.strip.ScrollToCenter(i);
            s.scroll_animating = true;
            app.RequestFrameIn(0);
        }
        const bool selected = s.selected == p.id;
        const uint32_t fill = ImGui::IsItemActive() ? palette::kSurfaceAlt : palette::kSurface;
        const ImVec2 max(pos.x + size.x, pos.y + size.y);
        draw->AddRectFilled(pos, max, Rgb(fill), m.radius);
        draw->AddRect(pos, max, Rgb(selected ? palette::kTimeline : palette::kBorder, selected ? 1.0f : 0.6f),
                      m.radius, 0, selected ? m.Px(5) : m.Px(2));
        if (selected) // a notch pointing at the details below
            draw->AddTriangleFilled(ImVec2(cx - m.Px(18), max.y), ImVec2(cx + m.Px(18), max.y),
                                    ImVec2(cx, max.y + m.Px(18)), Rgb(palette::kTimeline));

        const float pad = m.Px(20), inner = size.x - 2 * pad;
        const std::string& status_text = app.Tr(look.key);
        const ImVec2 chip = Chip(ImVec2(pos.x + pad, pos.y + pad), app.fonts.small, status_text, look.color,
                                 status == PhaseStatus::Upcoming ? look.color : palette::kTextOnDark, m,
                                 status == PhaseStatus::Upcoming);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad + chip.y + m.Px(12)));
        WrappedText(app.text_direction.Shown(FormatPeriod(app.data.catalogs, app.nav.Language(), p, today)),
                    app.fonts.body_bold, palette::kTimeline, inner);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y + m.Px(6)));
        WrappedText(app.Text(p.title), app.fonts.body, palette::kText, inner);
    }
    DrawTodayMarker(app, g, today_x, today);
    ImGui::PopClipRect();
}

// [SECTION] Details

// One "you said" / "we did" box; returns its height.
float VoiceBox(const DrawContext& ui, ImVec2 pos, float width, Icon icon, const std::string& heading,
               const std::string& text, uint32_t fill, uint32_t accent, bool draw_it, float height = 0) {
    const Metrics& m = ui.metrics;
    const float pad = m.Px(22), inner = width - 2 * pad;
    const float icon_size = ui.fonts.body_bold->FontSize * 1.3f;
    const float needed = pad * 2 + icon_size + m.Px(12) + TextHeight(text, ui.fonts.body, inner);
    if (!draw_it) return needed;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + std::max(height, needed)), Rgb(fill), m.radius);
    DrawIcon(draw, icon, ImVec2(pos.x + pad + icon_size * 0.5f, pos.y + pad + icon_size * 0.5f), icon_size,
             Rgb(accent));
    draw->AddText(ui.fonts.body_bold, ui.fonts.body_bold->FontSize,
                  ImVec2(pos.x + pad + icon_size + m.Px(14),
                         pos.y + pad + (icon_size - ui.fonts.body_bold->FontSize) * 0.5f),
                  Rgb(accent), heading.c_str());
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad + icon_size + m.Px(12)));
    WrappedText(text, ui.fonts.body, palette::kText, inner);
    return needed;
}

void DrawDetails(App& app, TimelineState& s, const Phase& p, const Rect& area, const CivilDate& today) {
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(area.min.x, area.min.y), ImVec2(area.max.x, area.max.y),
                        Rgb(palette::kSurface), m.radius);
    const float pad = m.Px(32);
    const float area_w = area.Width() - pad * 1.5f; // the scrollbar sits in the right padding
    const float width = ScrollContentWidth(area_w);
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + pad, area.min.y + m.Px(24)));
    const std::string scroll_id = "##phase_details_" + p.id; // each phase's details start at their top
    if (BeginTouchScroll(app, scroll_id.c_str(), ImVec2(area_w, area.Height() - m.Px(40)))) {
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const PhaseStatus status = StatusOn(p, today);
        const StatusLook look = LookOf(status);
        const ImVec2 chip = Chip(origin, app.fonts.small, app.Tr(look.key), look.color,
                                 status == PhaseStatus::Upcoming ? look.color : palette::kTextOnDark, m,
                                 status == PhaseStatus::Upcoming);
        const std::string period =
            app.text_direction.Shown(FormatPeriod(app.data.catalogs, app.nav.Language(), p, today));
        draw->AddText(
            app.fonts.body_bold, app.fonts.body_bold->FontSize,
            ImVec2(origin.x + chip.x + m.Px(16), origin.y + (chip.y - app.fonts.body_bold->FontSize) * 0.5f),
            Rgb(palette::kTimeline), period.c_str());
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + chip.y + m.Px(12)));
        WrappedText(app.Text(p.title), app.fonts.title, palette::kText, width);

        // Text, links and "you said, we did" on the left; the picture on the right.
        const bool picture = !p.image.empty();
        const float text_w = picture ? width * 0.62f : width;
        const float column_top = ImGui::GetCursorScreenPos().y + m.Px(16);
        ImGui::SetCursorScreenPos(ImVec2(origin.x, column_top));
        WrappedText(app.Text(p.description), app.fonts.body, palette::kText, text_w);
        if (!p.partners.Empty()) {
            ImGui::SetCursorScreenPos(ImVec2(origin.x, ImGui::GetCursorScreenPos().y + m.Px(12)));
            WrappedText(app.Shown(app.TrLogical("timeline.partners") + " " + app.TextLogical(p.partners)),
                        app.fonts.small, palette::kTextMuted, text_w);
        }
        // A survey link only while the survey is offered (as in the surveys list): after its
        // active_to, or before its active_from, the phase shows no "give my opinion".
        const Survey* survey = p.survey.empty() ? nullptr : app.data.FindSurvey(p.survey);
        if (survey && !IsOffered(app, *survey)) survey = nullptr;
        if (!p.plan.empty() || survey) {
            float x = origin.x;
            const float y = ImGui::GetCursorScreenPos().y + m.Px(20);
            if (!p.plan.empty()) {
                const ButtonStyle style{.fill = palette::kPrimary, .icon = Icon::Plan};
                const ImVec2 size = TouchButtonSize(app, app.Tr("timeline.see_plan"), style);
                ImGui::SetCursorScreenPos(ImVec2(x, y));
                if (TouchButton(app, "##see_plan", app.Tr("timeline.see_plan"), size, style)) {
                    s.link = {Screen::PlanViewer, p.plan};
                    app.nav.Go(s.link, app.now);
                }
                app.targets.Name("timeline.see_plan");
                x += size.x + m.gap;
            }
            if (survey) {
                const ButtonStyle style{.fill = palette::kOpinion, .icon = Icon::Opinion};
                const ImVec2 size = TouchButtonSize(app, app.Tr("timeline.give_opinion"), style);
                ImGui::SetCursorScreenPos(ImVec2(x, y));
                if (TouchButton(app, "##give_opinion", app.Tr("timeline.give_opinion"), size, style)) {
                    s.link = {Screen::Survey, survey->id};
                    app.nav.Go(s.link, app.now);
                }
                app.targets.Name("timeline.give_opinion");
            }
            ImGui::SetCursorScreenPos(ImVec2(origin.x, y + m.target));
        }
        float bottom = ImGui::GetCursorScreenPos().y;

        // You said, we did: side by side, equally tall.
        if (!p.you_said.Empty() || !p.we_did.Empty()) {
            const float box_w = (text_w - m.gap) * 0.5f;
            const std::string said = p.you_said.Empty() ? std::string() : app.Text(p.you_said);
            const std::string did = p.we_did.Empty() ? app.Tr("timeline.we_did_pending") : app.Text(p.we_did);
            const float y = bottom + m.Px(28);
            const float h = std::max(VoiceBox(app, {}, box_w, Icon::Opinion, "", said, 0, 0, false),
                                     VoiceBox(app, {}, box_w, Icon::Check, "", did, 0, 0, false));
            VoiceBox(app, ImVec2(origin.x, y), box_w, Icon::Opinion, app.Tr("timeline.you_said"), said,
                     palette::kYouSaidFill, palette::kPrimary, true, h);
            VoiceBox(app, ImVec2(origin.x + box_w + m.gap, y), box_w, Icon::Check, app.Tr("timeline.we_did"),
                     did, palette::kWeDidFill, palette::kDone, true, h);
            bottom = y + h;
        }
        if (picture) {
            const float pic_x = origin.x + text_w + m.gap, pic_w = width - text_w - m.gap;
            const float pic_h = pic_w * 0.7f;
            DrawPicture(app, p.image, ImageUse::Photo, ImVec2(pic_x, column_top),
                        ImVec2(pic_x + pic_w, column_top + pic_h),
                        /*center=*/false);
            bottom = std::max(bottom, column_top + pic_h);
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom));
        ImGui::Dummy(ImVec2(1, m.Px(8)));
    }
    EndTouchScroll();
}

} // namespace

void DrawTimeline(App& app) {
    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##timeline");
    TopBar(app, app.Tr("home.timeline.title"), palette::kTimeline);
    const auto& phases = app.data.content.phases;
    const CivilDate today = Today(app);

    const bool example = std::any_of(phases.begin(), phases.end(), [](const Phase& p) { return p.example; });
    const float top = m.bar + m.Px(20);
    const ImVec2 badge = example ? ExampleBadgeSize(app) : ImVec2(0, 0);
    if (example) ExampleBadge(app, ImVec2(m.width - m.margin, top));
    ImGui::SetCursorScreenPos(ImVec2(m.margin, top));
    WrappedText(app.Tr(phases.empty() ? "timeline.empty" : "timeline.intro"), app.fonts.body, palette::kText,
                m.width - 2 * m.margin - (example ? badge.x + m.gap : 0));
    if (phases.empty()) return;
    const float strip_top = std::max(ImGui::GetCursorScreenPos().y, top + badge.y) + m.Px(8);
    const StripGeometry g = ComputeStrip(app, strip_top, today);

    // Opened now (not coming back from a link): select the route's phase or today's, centred.
    TimelineState& s = app.visit.timeline;
    const int frame = ImGui::GetFrameCount();
    int selected = IndexOf(phases, s.selected);
    const bool opened = s.last_frame != frame - 1;
    const bool back_from_link = opened && s.link.screen != Screen::Attract && app.visit.last_drawn == s.link;
    if (opened && !back_from_link) {
        selected = IndexOf(phases, app.nav.Current().param);
        if (selected < 0) selected = CurrentPhaseIndex(phases, today);
        s.selected = phases[selected].id;
        s.scroll = g.strip.ScrollToCenter(selected);
        s.scroll_animating = false;
    }
    if (selected < 0) { // the selected phase vanished (content reloaded): today's
        selected = CurrentPhaseIndex(phases, today);
        s.selected = phases[selected].id;
    }
    if (opened) s.link = {};
    s.last_frame = frame;
    s.scroll = g.strip.ClampScroll(s.scroll);

    HandleSwipe(app, s, g);
    DrawStrip(app, s, g, today);
    s.cards = Rect({0, g.cards_top}, {m.width, g.cards_top + g.card_h});
    const Rect details({m.margin, g.area.max.y + m.Px(4)}, {m.width - m.margin, m.height - m.Px(24)});
    DrawDetails(app, s, phases[IndexOf(phases, s.selected)], details, today);
}

} // namespace kiosk
