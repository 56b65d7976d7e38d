// The staff panel's "Alertes": one card per alert not yet acknowledged, oldest first —
// what happened, since when (and how often), what to do, the technical detail, and
// "J'ai vu". The texts are the catalogue's, one pair per kind of fault (AlertTexts).
#include "staff/alerts_view.h"

#include <algorithm>
#include <map>

#include "base/log.h"
#include "config/opening_hours.h"
#include "content/date_text.h"
#include "palette.h"
#include "programme_widgets.h"
#include "staff_state.h"
#include "store/response_store.h"
#include "widgets.h"

namespace kiosk {

namespace {

struct AlertTexts {
    const char* what; // catalogue key: what happened
    const char* todo; // catalogue key: what staff should do
};

AlertTexts TextsOf(const Alert& alert) {
    switch (alert.kind) {
    case AlertKind::StoreFault:
        if (alert.subject == ToString(StoreFault::Locked))
            return {"staff.alerts.locked.what", "staff.alerts.locked.todo"};
        if (alert.subject == ToString(StoreFault::ReadOnly))
            return {"staff.alerts.read_only.what", "staff.alerts.read_only.todo"};
        if (alert.subject == ToString(StoreFault::DiskFull))
            return {"staff.alerts.disk_full.what", "staff.alerts.disk_full.todo"};
        if (alert.subject == ToString(StoreFault::TooNew))
            return {"staff.alerts.too_new.what", "staff.alerts.too_new.todo"};
        return {"staff.alerts.io_error.what", "staff.alerts.io_error.todo"};
    case AlertKind::DatabaseMoved:
        if (alert.subject == "file_changes")
            return {"staff.alerts.replaced.what", "staff.alerts.replaced.todo"};
        return {"staff.alerts.moved.what", "staff.alerts.moved.todo"};
    case AlertKind::RefusedFile: return {"staff.alerts.refused.what", "staff.alerts.refused.todo"};
    case AlertKind::SyncError: return {"staff.alerts.sync.what", "staff.alerts.sync.todo"};
    case AlertKind::DiskFilling: return {"staff.alerts.disk_filling.what", "staff.alerts.disk_filling.todo"};
    }
    return {"staff.alerts.io_error.what", "staff.alerts.io_error.todo"};
}

// "5 décembre 2026", "14 h 02": the local date and time of a UNIX time, in the panel's language.
std::string DateOf(const App& app, long long unix_seconds) {
    const CivilDate d = ToLocalMoment(unix_seconds).date;
    return FormatFuzzyDate(app.data.catalogs, app.nav.Language(), {d.year, d.month, d.day});
}
std::string TimeOf(const App& app, long long unix_seconds) {
    return FormatClock(app.data.catalogs, app.nav.Language(), ToLocalMoment(unix_seconds).minute_of_day);
}

std::string WhenLine(const App& app, const Alert& alert) {
    std::string line = app.Format("staff.alerts.since", fmt::arg("date", DateOf(app, alert.first_at)),
                                  fmt::arg("time", TimeOf(app, alert.first_at)));
    if (alert.occurrences > 1)
        line += " · " + app.Format("staff.alerts.repeated", fmt::arg("count", alert.occurrences),
                                   fmt::arg("date", DateOf(app, alert.last_at)),
                                   fmt::arg("time", TimeOf(app, alert.last_at)));
    if (!alert.ongoing) line += " · " + app.Tr("staff.alerts.over");
    return line;
}

} // namespace

void UpdateAlerts(App& app) {
    StaffState& staff = app.staff;
    if (!staff.alerts) return;
    AlertLog& log = *staff.alerts;
    const long long now = app.wall_now;
    if (!staff.refused_files_listed) { // once: the files are read at start-up only
        std::map<std::string, std::string> files;
        for (const Diagnostic& d : app.data.refused)
            files.emplace(d.where.file, d.Format()); // a file's first error says where to look
        log.Update(AlertKind::RefusedFile, files, now);
        staff.refused_files_listed = true;
    }
    if (app.store) {
        const StoreStatus status = app.store->Status();
        std::map<std::string, std::string> faults, moved;
        if (status.fault != StoreFault::None) faults[ToString(status.fault)] = status.detail;
        log.Update(AlertKind::StoreFault, faults, now);
        if (!status.moved_aside.empty()) moved[status.moved_aside] = status.moved_aside;
        if (status.file_changes > 0) moved["file_changes"] = status.database.string();
        log.Update(AlertKind::DatabaseMoved, moved, now);
    }
    AlertFindings found;
    if (staff.alert_watcher && staff.alert_watcher->TakeFindings(found)) {
        log.Update(AlertKind::DiskFilling, found.disk, now);
        log.Update(AlertKind::SyncError, found.sync, now);
    }
}

size_t UnacknowledgedAlerts(const App& app) {
    return app.staff.alerts ? app.staff.alerts->UnacknowledgedCount() : 0;
}

void DrawStaffAlerts(App& app, ImVec2 min, ImVec2 max) {
    const Metrics& m = app.metrics;
    const float width = max.x - min.x;
    const std::vector<Alert> alerts =
        app.staff.alerts ? app.staff.alerts->Unacknowledged() : std::vector<Alert>{};
    ImGui::SetCursorScreenPos(min);
    WrappedText(app.Tr("staff.alerts.note"), app.fonts.small, palette::kTextMuted, width);
    const float top = ImGui::GetCursorScreenPos().y + m.Px(12);
    if (alerts.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(min.x, top));
        WrappedText(app.Tr("staff.alerts.none"), app.fonts.body, palette::kText, width);
        app.targets.Name("alerts.none", ImVec2(min.x, top), ImVec2(max.x, ImGui::GetCursorScreenPos().y));
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(min.x, top));
    if (BeginTouchScroll(app, "##alerts", ImVec2(width, max.y - top))) {
        const float inner = ScrollContentWidth(width);
        const ImVec2 start = ImGui::GetCursorScreenPos();
        float y = start.y;
        const std::string& ack = app.Tr("staff.alerts.ack");
        const ButtonStyle style{.fill = palette::kPrimary, .text = palette::kTextOnDark, .icon = Icon::Check};
        const float button_w = std::max(TouchButtonSize(app, ack, style).x, m.Px(200));
        const float text_w = inner - button_w - m.gap * 2;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        for (const Alert& alert : alerts) {
            const AlertTexts texts = TextsOf(alert);
            const std::string name = std::string("alert:") + ToString(alert.kind) + ":" + alert.subject;
            const float card_top = y;
            const float x = start.x + m.Px(20); // room for the red stripe
            ImGui::SetCursorScreenPos(ImVec2(x, y + m.Px(12)));
            WrappedText(app.Tr(texts.what), app.fonts.body_bold, palette::kText, text_w - m.Px(20));
            WrappedText(WhenLine(app, alert), app.fonts.small, palette::kTextMuted, text_w - m.Px(20));
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(6)));
            WrappedText(app.Format("staff.alerts.todo", fmt::arg("todo", app.Tr(texts.todo))), app.fonts.body,
                        palette::kText, text_w - m.Px(20));
            if (!alert.detail.empty())
                WrappedText(alert.detail, app.fonts.small, palette::kTextMuted, text_w - m.Px(20));
            const float text_bottom = ImGui::GetCursorScreenPos().y;
            ImGui::SetCursorScreenPos(ImVec2(start.x + inner - button_w, y + m.Px(12)));
            ImGui::PushID(name.c_str());
            if (TouchButton(app, "##ack", ack, ImVec2(button_w, m.target), style)) {
                LogInfo("staff: alert {} {} acknowledged", ToString(alert.kind), alert.subject);
                app.staff.alerts->Acknowledge(alert.id);
            }
            ImGui::PopID();
            app.targets.Name("alerts.ack:" + std::string(ToString(alert.kind)) + ":" + alert.subject);
            const float card_bottom = std::max(text_bottom, y + m.Px(12) + m.target) + m.Px(12);
            draw->AddRectFilled(ImVec2(start.x, card_top), ImVec2(start.x + m.Px(8), card_bottom),
                                Rgb(alert.ongoing ? palette::kDanger : palette::kTextMuted), m.Px(4));
            app.targets.Name(name, ImVec2(start.x, card_top), ImVec2(start.x + inner, card_bottom));
            y = card_bottom + m.gap;
            ImGui::SetCursorScreenPos(ImVec2(start.x, y));
        }
        ImGui::Dummy(ImVec2(inner, 1)); // the content's extent, for scrolling
    }
    EndTouchScroll();
}

} // namespace kiosk
