// The staff panel: a bar with its sections as tabs and "Leave", the open section below.
// Also UpdateStaffMode: the corner press and the session's locks, run before every frame's
// screens.
#include <algorithm>
#include <vector>

#include "base/log.h"
#include "big_screen/big_screen.h"
#include "palette.h"
#include "staff/alerts_view.h"
#include "staff/paper_entry.h"
#include "staff/participation_view.h"
#include "staff/pin.h"
#include "staff/results_view.h"
#include "staff_screens.h"
#include "staff_state.h"
#include "survey/poll_offer.h"
#include "survey/survey_session.h"
#include "widgets.h"

namespace kiosk {

namespace {

bool OnStaffScreen(const App& app) {
    const Screen screen = app.nav.CurrentScreen();
    // A paper entry is staff at work on the survey screens: the corner press there (under
    // "Stop") must not open the pad and drop the entry.
    return screen == Screen::StaffPin || screen == Screen::StaffPanel || InPaperEntry(app);
}

void LeaveStaffMode(App& app) {
    app.staff.session.Lock();
    LogInfo("staff: panel left");
    app.nav.EndVisit(app.now);
}

// A row of choices, wrapped to `width`; the selected one filled. Returns the index tapped.
int ChoiceRow(App& app, const char* id, const std::vector<std::string>& labels,
              const std::vector<std::string>& targets, int selected, float x, float width) {
    const Metrics& m = app.metrics;
    int tapped = -1;
    float cx = x;
    float y = ImGui::GetCursorScreenPos().y;
    for (size_t i = 0; i < labels.size(); i++) {
        ButtonStyle style{.fill = palette::kPrimary, .text = palette::kTextOnDark};
        if ((int)i != selected) style = {.fill = palette::kSurface, .text = palette::kText, .outline = true};
        style.icon = (int)i == selected ? Icon::Check : Icon::None;
        const ImVec2 size = TouchButtonSize(app, labels[i], style);
        const float w = std::max(size.x, m.Px(200));
        if (cx > x && cx + w > x + width) {
            cx = x;
            y += m.target + m.gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(cx, y));
        ImGui::PushID(id);
        ImGui::PushID((int)i);
        if (TouchButton(app, "##choice", labels[i], ImVec2(w, m.target), style)) tapped = (int)i;
        ImGui::PopID();
        ImGui::PopID();
        app.targets.Name(targets[i]);
        cx += w + m.gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y + m.target + m.Px(28)));
    return tapped;
}

void Heading(App& app, std::string_view title, std::string_view note, float x, float width) {
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    WrappedText(title, app.fonts.body_bold, palette::kText, width);
    if (!note.empty()) WrappedText(note, app.fonts.small, palette::kTextMuted, width);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + app.metrics.Px(10)));
}

} // namespace

std::span<const StaffSection> StaffSections() {
    static constexpr StaffSection kSections[] = {
        {"staff.section.controls", "panel.tab:controls", DrawStaffControls},
        {"staff.section.results", "panel.tab:results", DrawStaffResults},
        {"staff.participation.title", "panel.tab:participation", DrawStaffParticipation},
        {"staff.paper.tab", "panel.tab:paper", DrawStaffPaper},
        {"staff.section.alerts", "panel.tab:alerts", DrawStaffAlerts, UnacknowledgedAlerts},
        {"staff.sync.title", "panel.tab:sync", DrawStaffSync},
    };
    return kSections;
}

void UpdateStaffMode(App& app) {
    StaffState& staff = app.staff;
    if (!OnStaffScreen(app) || app.nav.CurrentScreen() != Screen::StaffPin) {
        // Whatever way the pad was left, nothing typed stays, and a check still running
        // when it was left can no longer unlock anything.
        if (!staff.digits.empty()) WipeSecret(staff.digits);
        staff.pad_was_shown = false;
        if (staff.checker && !staff.checker->Busy()) staff.checker->TakeResult();
    }
    if (staff.Enabled() && staff.corner.Update(app.now) && !OnStaffScreen(app) && !app.nav.Asleep(app.now)) {
        LogInfo("staff: PIN pad opened");
        staff.wrong = false;
        app.nav.Go({Screen::StaffPin, ""}, app.now);
    }
    if (staff.sync) staff.sync->Update(); // a run's outcome is logged even once the panel is left
    if (app.nav.CurrentScreen() != Screen::StaffPanel) staff.restart_asked = false; // asked again next time
    if (staff.session.Tick(app.now, app.nav.CurrentScreen())) LogInfo("staff: panel locked");
    UpdatePaperEntry(app); // a paper entry is a staff screen too: it ends with the panel's lock
    if (app.nav.CurrentScreen() == Screen::StaffPanel && !staff.session.Unlocked()) {
        app.nav.EndVisit(app.now); // locked (or reached without the PIN): the public start
    }
}

void DrawStaffPanel(App& app) {
    StaffState& staff = app.staff;
    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##staff-panel");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(m.width, m.bar), Rgb(palette::kPrimary));

    // The bar: the title, and "Leave" at the right.
    const std::span<const StaffSection> sections = StaffSections();
    staff.section = std::clamp(staff.section, 0, (int)sections.size() - 1);
    const float button_h = m.bar - m.Px(24);
    const std::string& panel_title = app.Tr("staff.panel.title");
    ImFont* title_font = app.fonts.title;
    const ImVec2 title_size = title_font->CalcTextSizeA(title_font->FontSize, FLT_MAX, 0, panel_title.data(),
                                                        panel_title.data() + panel_title.size());
    draw->AddText(title_font, title_font->FontSize, ImVec2(m.Px(20), (m.bar - title_size.y) * 0.5f),
                  Rgb(palette::kTextOnDark), panel_title.data(), panel_title.data() + panel_title.size());
    ButtonStyle leave{.fill = palette::kSurface, .text = palette::kDanger, .icon = Icon::Exit};
    const std::string& leave_label = app.Tr("staff.panel.leave");
    const ImVec2 leave_size = TouchButtonSize(app, leave_label, leave);
    ImGui::SetCursorScreenPos(ImVec2(m.width - m.Px(20) - leave_size.x, m.Px(12)));
    if (TouchButton(app, "##leave", leave_label, ImVec2(leave_size.x, button_h), leave)) {
        LeaveStaffMode(app);
        return;
    }
    app.targets.Name("panel.leave");

    // The sections' tabs on a strip under the bar, wrapped to as many rows as the width
    // needs (five sections do not fit beside the title at 1280 px, nor in portrait).
    float top = m.bar;
    {
        const float pad = m.Px(12);
        std::vector<std::string> titles;
        std::vector<ImVec2> sizes;
        float rows_h = m.target, cx = m.margin;
        for (size_t i = 0; i < sections.size(); i++) {
            const size_t count = sections[i].count ? sections[i].count(app) : 0;
            titles.push_back(count ? app.Format("staff.section.count",
                                                fmt::arg("title", app.Tr(sections[i].title_key)),
                                                fmt::arg("count", count))
                                   : app.Tr(sections[i].title_key));
            ButtonStyle style{.fill = palette::kPrimary, .text = palette::kTextOnDark};
            sizes.push_back(TouchButtonSize(app, titles.back(), style));
            if (cx > m.margin && cx + sizes.back().x > m.width - m.margin) {
                cx = m.margin;
                rows_h += m.target + m.gap;
            }
            cx += sizes.back().x + m.gap;
        }
        draw->AddRectFilled(ImVec2(0, top), ImVec2(m.width, top + rows_h + 2 * pad),
                            Rgb(palette::kSurfaceAlt));
        cx = m.margin;
        float cy = top + pad;
        for (size_t i = 0; i < sections.size(); i++) {
            const bool open = (int)i == staff.section;
            ButtonStyle style{.fill = palette::kPrimary, .text = palette::kTextOnDark, .selected = open};
            if (!open) style = {.fill = palette::kSurface, .text = palette::kText, .outline = true};
            if (cx > m.margin && cx + sizes[i].x > m.width - m.margin) {
                cx = m.margin;
                cy += m.target + m.gap;
            }
            ImGui::SetCursorScreenPos(ImVec2(cx, cy));
            ImGui::PushID((int)i);
            if (TouchButton(app, "##tab", titles[i], ImVec2(sizes[i].x, m.target), style))
                staff.section = (int)i;
            ImGui::PopID();
            app.targets.Name(sections[i].target);
            cx += sizes[i].x + m.gap;
        }
        top += rows_h + 2 * pad;
    }

    if (staff.session.settings.test_mode) {
        // The test-mode banner, as a strip under the bar rather than over the tabs.
        const std::string& text = app.Tr("staff.test_banner");
        ImFont* font = app.fonts.body_bold;
        const float strip_h = font->FontSize + m.Px(16);
        draw->AddRectFilled(ImVec2(0, top), ImVec2(m.width, top + strip_h), Rgb(palette::kDanger));
        ImGui::SetCursorScreenPos(ImVec2(0, top + m.Px(8)));
        CenteredText(text, font, palette::kTextOnDark, 0, m.width);
        app.targets.Name("test-banner", ImVec2(0, top), ImVec2(m.width, top + strip_h));
        top += strip_h;
    }

    app.ShowsPage((uint64_t)staff.section); // another tab: a new page for the touch guard
    sections[staff.section].draw(app, ImVec2(m.margin, top + m.gap),
                                 ImVec2(m.width - m.margin, m.height - m.margin));
}

namespace {

// The controls from `min` down, `width` wide (in the section's scrolled region).
void ControlsContent(App& app, ImVec2 min, float width) {
    StaffSettings& settings = app.staff.session.settings;
    ImGui::SetCursorScreenPos(min);

    // Test mode.
    Heading(app, app.Tr("staff.test_mode.title"), app.Tr("staff.test_mode.note"), min.x, width);
    const int test = ChoiceRow(app, "test", {app.Tr("staff.test_mode.off"), app.Tr("staff.test_mode.on")},
                               {"panel.test:off", "panel.test:on"}, settings.test_mode ? 1 : 0, min.x, width);
    if (test >= 0 && settings.test_mode != (test == 1)) {
        settings.test_mode = test == 1;
        LogInfo("staff: test mode {}", settings.test_mode ? "on" : "off");
    }

    // The origin of the coming answers.
    Heading(app, app.Tr("staff.origin.title"), app.Tr("staff.origin.note"), min.x, width);
    std::vector<std::string> labels, targets;
    int selected = 0;
    for (const StaffOriginChoice& choice : StaffOriginChoices()) {
        if (choice.origin == settings.origin) selected = (int)labels.size();
        labels.push_back(app.Tr(choice.label_key));
        targets.push_back(std::string("panel.origin:") + ToString(choice.origin));
    }
    if (int tapped = ChoiceRow(app, "origin", labels, targets, selected, min.x, width); tapped >= 0) {
        settings.origin = StaffOriginChoices()[tapped].origin;
        LogInfo("staff: origin of the coming answers: {}", ToString(settings.origin));
    }

    // The poll offered on the attract and home screens: automatic (the one that started
    // last) or one of the polls active today.
    Heading(app, app.Tr("staff.poll.title"), app.Tr("staff.poll.note"), min.x, width);
    labels = {app.Tr("staff.poll.automatic")};
    targets = {"panel.poll:"};
    selected = 0;
    const std::vector<const Survey*> polls = ActiveSurveys(app, SurveyMode::Poll);
    for (const Survey* poll : polls) {
        if (poll->id == settings.attract_poll) selected = (int)labels.size();
        labels.push_back(app.Text(poll->title));
        targets.push_back("panel.poll:" + poll->id);
    }
    if (int tapped = ChoiceRow(app, "poll", labels, targets, selected, min.x, width); tapped >= 0) {
        settings.attract_poll = tapped == 0 ? "" : polls[tapped - 1]->id;
        LogInfo("staff: attract poll: {}", tapped == 0 ? "automatic" : settings.attract_poll);
    }

    // The inauguration's big screen: one active poll live, on a second display when one is
    // plugged in (the touchscreen stays usable for voting), else over this screen, where a
    // touch closes it and brings the panel back (README "The big screen").
    Heading(app, app.Tr("staff.big_screen.title"), app.Tr("staff.big_screen.note"), min.x, width);
    BigScreen& big = *app.big_screen;
    labels = {app.Tr("staff.big_screen.closed")};
    targets = {"panel.big_screen:"};
    selected = 0;
    for (const Survey* poll : polls) {
        if (big.IsOpen() && big.SurveyId() == poll->id) selected = (int)labels.size();
        labels.push_back(app.Text(poll->title));
        targets.push_back("panel.big_screen:" + poll->id);
    }
    if (int tapped = ChoiceRow(app, "big_screen", labels, targets, selected, min.x, width); tapped > 0) {
        std::string error;
        if (!big.Open(polls[tapped - 1]->id, "", BigScreenTarget::SecondDisplay, error))
            LogError("staff: the big screen cannot show {}: {}", polls[tapped - 1]->id, error);
    } else if (tapped == 0 && big.IsOpen()) {
        big.Close();
        LogInfo("staff: big screen closed");
    }

    // Restart, asked twice: a tap by mistake would cut a session staff are running.
    Heading(app, app.Tr("staff.restart.title"), app.Tr("staff.restart.note"), min.x, width);
    ImGui::SetCursorScreenPos(ImVec2(min.x, ImGui::GetCursorScreenPos().y));
    ButtonStyle restart{.fill = palette::kDanger, .icon = Icon::StartAgain};
    const Metrics& m = app.metrics;
    if (!app.staff.restart_asked) {
        const std::string& label = app.Tr("staff.restart.button");
        if (TouchButton(app, "##restart", label,
                        ImVec2(std::max(TouchButtonSize(app, label, restart).x, m.Px(200)), m.target),
                        restart))
            app.staff.restart_asked = true;
        app.targets.Name("panel.restart");
        return;
    }
    const std::string& confirm = app.Tr("staff.restart.confirm");
    const std::string& cancel = app.Tr("staff.restart.cancel");
    const float y = ImGui::GetCursorScreenPos().y;
    const float confirm_w = std::max(TouchButtonSize(app, confirm, restart).x, m.Px(200));
    if (TouchButton(app, "##restart-confirm", confirm, ImVec2(confirm_w, m.target), restart)) {
        LogInfo("staff: restart requested");
        app.quit_requested = true;
    }
    app.targets.Name("panel.restart:confirm");
    ButtonStyle keep{.fill = palette::kSurface, .text = palette::kText, .outline = true};
    ImGui::SetCursorScreenPos(ImVec2(min.x + confirm_w + m.gap, y));
    if (TouchButton(app, "##restart-cancel", cancel,
                    ImVec2(std::max(TouchButtonSize(app, cancel, keep).x, m.Px(200)), m.target), keep))
        app.staff.restart_asked = false;
    app.targets.Name("panel.restart:cancel");
}

} // namespace

void DrawStaffControls(App& app, ImVec2 min, ImVec2 max) {
    // Scrolled by dragging: with the tabs' strip above, the controls outgrow a 1080-px screen.
    ImGui::SetCursorScreenPos(min);
    if (BeginTouchScroll(app, "##controls", ImVec2(max.x - min.x, max.y - min.y))) {
        const float width = max.x - min.x - app.metrics.Px(24); // room for the scroll indicator
        ControlsContent(app, ImGui::GetCursorScreenPos(), width);
        ImGui::Dummy(ImVec2(width, app.metrics.gap)); // the content's extent, for scrolling
    }
    EndTouchScroll();
}

} // namespace kiosk
