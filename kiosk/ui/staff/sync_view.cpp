// The staff panel's "Synchronisation" section (README "Staff mode"): "Envoyer maintenant"
// and "Exporter sur une clé USB" with their progress and outcome, then one card per
// destination — responses pending, last delivery, last error and what to do. Everything comes
// from SyncControl (staff/sync_control.h), which runs kiosk-sync as a child process: the
// frame only reads what the children already wrote.
#include <cfloat>
#include <cmath>

#include <fmt/format.h>

#include "config/opening_hours.h"
#include "content/date_text.h"
#include "palette.h"
#include "platform/event_wait.h"
#include "staff_screens.h"
#include "staff_state.h"
#include "store/timestamp.h"
#include "sync/sync_exit.h"
#include "widgets.h"

namespace kiosk {

namespace {

// "5 décembre 2026, 7 h 12" in the kiosk's local time; "" when `utc` is not a timestamp.
std::string LocalTime(const App& app, const std::string& utc) {
    const std::optional<long long> ms = ParseUtcMillis(utc);
    if (!ms) return "";
    const LocalMoment moment = ToLocalMoment(*ms / 1000);
    // Logical order: it goes into another Format, which shapes the whole line once (shaped
    // twice, an Arabic screen showed the year 2026 as 6202).
    return app.data.catalogs.Format(
        app.nav.Language(), "staff.sync.date_time",
        fmt::arg("date", FormatFullDate(app.data.catalogs, app.nav.Language(), moment.date)),
        fmt::arg("time", FormatClock(app.data.catalogs, app.nav.Language(), moment.minute_of_day)));
}

// What a run's, an export's or a status read's end means, in words.
std::string OutcomeText(const App& app, SyncJob job, const SyncOutcome& o, const std::string& program) {
    using Kind = SyncOutcome::Kind;
    switch (o.kind) {
    case Kind::None: return "";
    case Kind::Done:
        return job == SyncJob::Run
                   ? app.Tr("staff.sync.run.done")
                   : app.Format("staff.sync.export.done", fmt::arg("dir", o.export_dir.string()));
    case Kind::Partial: return app.Tr("staff.sync.run.partial");
    case Kind::NotStarted: return app.Format("staff.sync.missing", fmt::arg("program", program));
    case Kind::NoDrive: return app.Tr("staff.sync.export.no_drive");
    case Kind::NoDir: return app.Format("staff.sync.export.no_dir", fmt::arg("dir", o.target.string()));
    case Kind::Failed: break;
    }
    switch ((SyncExit)o.exit_code) {
    case SyncExit::BadConfig: return app.Tr("staff.sync.failed.config");
    case SyncExit::Refused: return app.Tr("staff.sync.failed.refused");
    case SyncExit::NoData: return app.Tr("staff.sync.failed.no_data");
    case SyncExit::Busy: return app.Tr("staff.sync.failed.busy");
    case SyncExit::RetryLater: // an export has no "later": a failure like any other
    default: return app.Format("staff.sync.failed.other", fmt::arg("code", o.exit_code));
    }
}

uint32_t OutcomeColor(const SyncOutcome& o) {
    switch (o.kind) {
    case SyncOutcome::Kind::Done: return palette::kDone;
    case SyncOutcome::Kind::Partial: return palette::kWarning;
    default: return palette::kDanger;
    }
}

// A ring with a gap turning once a second, while a child runs.
void Spinner(App& app, ImVec2 center, float radius, uint32_t color) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float start = (float)std::fmod(app.now, 1.0) * 2 * 3.14159265f;
    draw->PathArcTo(center, radius, start, start + 4.5f, 24);
    draw->PathStroke(Rgb(color), 0, app.metrics.Px(5));
    app.RequestFrameIn(1.0 / 15); // it turns; the output lines arrive with WakeMainLoop
}

// One of the two action buttons; while `running`, its label says so with a spinner.
bool ActionButton(App& app, const char* id, const std::string& label, bool running, bool blocked, float x,
                  float y, float w) {
    const Metrics& m = app.metrics;
    ButtonStyle style{.fill = palette::kPrimary, .text = palette::kTextOnDark};
    if (blocked) style = {.fill = palette::kSurfaceAlt, .text = palette::kTextMuted};
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    const bool tapped = TouchButton(app, id, label, ImVec2(w, m.target), style);
    if (running) Spinner(app, ImVec2(x + m.Px(36), y + m.target * 0.5f), m.Px(16), palette::kTextMuted);
    return tapped && !blocked;
}

void DestinationCard(App& app, const SyncDestinationStatus& d, float x, float width) {
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float pad = m.Px(20);
    const float inner = width - 2 * pad;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    draw->ChannelsSplit(2); // the card's background drawn behind, once its height is known
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(x + pad, top.y + pad));
    WrappedText(d.name, app.fonts.body_bold, palette::kText, inner);
    const bool https = d.kind == "https", postgres = d.kind == "postgres";
    WrappedText(app.Format(https      ? "staff.sync.kind.https"
                           : postgres ? "staff.sync.kind.postgres"
                                      : "staff.sync.kind.dir",
                           fmt::arg("target", d.target)),
                app.fonts.small, palette::kTextMuted, inner);
    ImGui::SetCursorScreenPos(ImVec2(x + pad, ImGui::GetCursorScreenPos().y + m.Px(8)));
    WrappedText(d.pending ? app.Format("staff.sync.pending", fmt::arg("count", *d.pending))
                          : app.Tr("staff.sync.pending_unknown"),
                app.fonts.body, palette::kText, inner);
    app.staff.sync_shown[d.name] = d.pending.value_or(-1);
    const std::string delivered = LocalTime(app, d.last_delivery_at);
    WrappedText(delivered.empty() ? app.Tr("staff.sync.last_delivery_never")
                                  : app.Format("staff.sync.last_delivery", fmt::arg("when", delivered)),
                app.fonts.body, palette::kText, inner);
    if (d.batch_in_progress)
        WrappedText(app.Tr("staff.sync.batch_in_progress"), app.fonts.small, palette::kTextMuted, inner);
    if (!d.last_error.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x + pad, ImGui::GetCursorScreenPos().y + m.Px(8)));
        WrappedText(app.Format("staff.sync.last_error", fmt::arg("when", LocalTime(app, d.last_error_at)),
                               fmt::arg("error", d.last_error)),
                    app.fonts.body, palette::kDanger, inner);
        WrappedText(app.Tr(https      ? "staff.sync.todo.https"
                           : postgres ? "staff.sync.todo.postgres"
                                      : "staff.sync.todo.dir"),
                    app.fonts.small, palette::kText, inner);
    }
    const float bottom = ImGui::GetCursorScreenPos().y + pad;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(ImVec2(x, top.y), ImVec2(x + width, bottom), Rgb(palette::kSurface), m.Px(12));
    draw->AddRect(ImVec2(x, top.y), ImVec2(x + width, bottom), Rgb(palette::kBorder), m.Px(12), 0, m.Px(2));
    draw->ChannelsMerge();
    app.targets.Name("sync.destination:" + d.name, top, ImVec2(x + width, bottom));
    ImGui::SetCursorScreenPos(ImVec2(x, bottom + m.gap));
}

} // namespace

void DrawStaffSync(App& app, ImVec2 min, ImVec2 max) {
    const Metrics& m = app.metrics;
    StaffState& staff = app.staff;
    if (!staff.sync)
        staff.sync = std::make_unique<SyncControl>(SyncControlOptionsFor(app.data.config, WakeMainLoop));
    SyncControl& sync = *staff.sync;
    // Opened (this frame follows one that did not draw the section): read the status afresh.
    const int frame = ImGui::GetFrameCount();
    if (staff.sync_drawn_frame != frame - 1) sync.Refresh();
    staff.sync_drawn_frame = frame;
    sync.Update();

    const float width = max.x - min.x;
    const std::string program = sync.Program().string();
    const std::optional<SyncJob> running = sync.Running();

    // The two actions, side by side (stacked when the screen is narrow).
    const std::string run_label =
        app.Tr(running == SyncJob::Run ? "staff.sync.run.running" : "staff.sync.run.button");
    const std::string export_label =
        app.Tr(running == SyncJob::Export ? "staff.sync.export.running" : "staff.sync.export.button");
    const float button_w =
        std::max({TouchButtonSize(app, run_label).x, TouchButtonSize(app, export_label).x, m.Px(360)}) +
        m.Px(40);
    const bool side_by_side = 2 * button_w + m.gap <= width;
    const float half = side_by_side ? (width - m.gap) / 2 : width;
    float y = min.y;

    // "Envoyer maintenant", its progress and its outcome.
    ImGui::PushID("sync-run");
    if (ActionButton(app, "##run", run_label, running == SyncJob::Run, running.has_value(), min.x, y,
                     std::min(button_w, half)))
        sync.StartRun();
    ImGui::PopID();
    app.targets.Name("sync.run");
    ImGui::SetCursorScreenPos(ImVec2(min.x, y + m.target + m.Px(10)));
    auto below = [&](SyncJob job, float x, float w) {
        if (running == job) {
            for (const std::string& line : sync.JobLines(3))
                WrappedText(line, app.fonts.small, palette::kTextMuted, w);
        } else if (const SyncOutcome& o = sync.Last(job); o.kind != SyncOutcome::Kind::None) {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            WrappedText(OutcomeText(app, job, o, program), app.fonts.body_bold, OutcomeColor(o), w);
            // kiosk-sync's own words (English, as in the log), for whoever is called; the
            // text above already names a program that could not be started.
            if (!o.detail.empty() && o.kind != SyncOutcome::Kind::Done &&
                o.kind != SyncOutcome::Kind::NotStarted)
                WrappedText(o.detail, app.fonts.small, palette::kTextMuted, w);
            app.targets.Name(job == SyncJob::Run ? "sync.run.outcome" : "sync.export.outcome", at,
                             ImVec2(x + w, ImGui::GetCursorScreenPos().y));
        }
    };
    below(SyncJob::Run, min.x, half);
    float bottom = ImGui::GetCursorScreenPos().y;

    // "Exporter sur une clé USB", where it would write, its progress and its outcome.
    const float ex = side_by_side ? min.x + half + m.gap : min.x;
    const float ey = side_by_side ? y : bottom + m.gap;
    ImGui::PushID("sync-export");
    if (ActionButton(app, "##export", export_label, running == SyncJob::Export, running.has_value(), ex, ey,
                     std::min(button_w, half)))
        sync.StartExport();
    ImGui::PopID();
    app.targets.Name("sync.export");
    ImGui::SetCursorScreenPos(ImVec2(ex, ey + m.target + m.Px(10)));
    bool configured = false;
    const std::filesystem::path& target = sync.ExportTarget(configured);
    WrappedText(target.empty() ? app.Tr("staff.sync.export.no_drive")
                               : app.Format(configured ? "staff.sync.export.to_configured"
                                                       : "staff.sync.export.to_drive",
                                            fmt::arg("dir", target.string())),
                app.fonts.small, palette::kTextMuted, half);
    below(SyncJob::Export, ex, half);
    bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);

    // The destinations, as kiosk-sync status read them last.
    ImGui::SetCursorScreenPos(ImVec2(min.x, bottom + m.gap));
    WrappedText(app.Tr("staff.sync.destinations"), app.fonts.body_bold, palette::kText, width);
    if (const SyncOutcome& problem = sync.StatusProblem(); problem.kind != SyncOutcome::Kind::None) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        WrappedText(problem.kind == SyncOutcome::Kind::NotStarted
                        ? app.Format("staff.sync.missing", fmt::arg("program", program))
                        : app.Format("staff.sync.status_failed", fmt::arg("code", problem.exit_code)),
                    app.fonts.body, palette::kDanger, width);
        if (!problem.detail.empty() && problem.kind != SyncOutcome::Kind::NotStarted)
            WrappedText(problem.detail, app.fonts.small, palette::kTextMuted, width);
        app.targets.Name("sync.status.problem", at, ImVec2(min.x + width, ImGui::GetCursorScreenPos().y));
    }
    if (!sync.HasStatus()) {
        if (sync.StatusReading())
            WrappedText(app.Tr("staff.sync.reading"), app.fonts.body, palette::kTextMuted, width);
        return;
    }
    if (sync.Destinations().empty())
        WrappedText(app.Tr("staff.sync.no_destination"), app.fonts.body, palette::kText, width);
    // Two columns of cards on a wide screen; scrolled by dragging when they do not fit.
    const float scroll_top = ImGui::GetCursorScreenPos().y + m.Px(10);
    ImGui::SetCursorScreenPos(ImVec2(min.x, scroll_top));
    if (BeginTouchScroll(app, "##destinations", ImVec2(width, std::max(m.target, max.y - scroll_top)))) {
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const bool two = width > m.Px(1400) && sync.Destinations().size() > 1;
        const float inner = width - m.Px(24); // room for the scroll indicator
        const float card_w = two ? (inner - m.gap) / 2 : inner;
        float column_y[2] = {start.y, start.y};
        for (size_t i = 0; i < sync.Destinations().size(); i++) {
            const int c = two ? (int)(i % 2) : 0;
            const float x = start.x + c * (card_w + m.gap);
            ImGui::SetCursorScreenPos(ImVec2(x, column_y[c]));
            DestinationCard(app, sync.Destinations()[i], x, card_w);
            column_y[c] = ImGui::GetCursorScreenPos().y;
        }
        ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(column_y[0], column_y[1])));
        ImGui::Dummy(ImVec2(card_w, 1)); // the content's extent, for scrolling
    }
    EndTouchScroll();
}

} // namespace kiosk
