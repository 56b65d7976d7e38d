// The staff PIN pad: big digits, the PIN masked as dots, erase, OK, cancel. The PIN is
// checked off the UI thread (PinChecker: Argon2id takes ~0.1 s); after a wrong PIN the
// back-off's wait is counted down on the pad, which refuses digits until it is over and
// wakes the loop once a second for the count, not every frame.
#include <cmath>

#include <fmt/format.h>

#include "base/log.h"
#include "palette.h"
#include "screens/screens.h"
#include "staff/pin.h"
#include "staff_screens.h"
#include "staff_state.h"
#include "widgets.h"

namespace kiosk {

namespace {

void LeavePad(App& app) {
    WipeSecret(app.staff.digits);
    app.nav.EndVisit(app.now); // back to the public start, whatever was shown before
}

void Submit(App& app) {
    StaffState& staff = app.staff;
    staff.checker->Check(staff.digits); // wipes the digits
    staff.wrong = false;
}

void TakeOutcome(App& app) {
    StaffState& staff = app.staff;
    std::optional<PinAttempt> attempt = staff.checker->TakeResult();
    if (!attempt) return;
    staff.wait_until = app.now + attempt->wait_seconds;
    if (attempt->outcome == PinOutcome::Unlocked) {
        LogInfo("staff: panel unlocked");
        staff.session.Unlock(app.now);
        staff.section = 0;
        app.nav.Go({Screen::StaffPanel, ""}, app.now);
        return;
    }
    staff.wrong = attempt->outcome == PinOutcome::Wrong;
    LogInfo("staff: PIN refused ({}), next try in {:.0f} s", // the count only, never the digits
            attempt->outcome == PinOutcome::Wrong ? "wrong" : "too soon", attempt->wait_seconds);
}

} // namespace

void DrawStaffPin(App& app) {
    StaffState& staff = app.staff;
    if (!staff.Enabled()) {
        LeavePad(app);
        return;
    }
    if (!staff.pad_was_shown) staff.wait_until = app.now + staff.checker->SecondsToWait();
    staff.pad_was_shown = true;
    TakeOutcome(app);
    if (app.nav.CurrentScreen() != Screen::StaffPin) return;

    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##staff-pin");
    const bool busy = staff.checker->Busy();
    const double wait = staff.wait_until - app.now;
    const bool waiting = !busy && wait > 0;

    // Title, the masked PIN, the state line.
    const float key = std::min(m.Px(150), (m.height - m.Px(560)) / 4.0f - m.gap);
    const float key_w = key * 1.7f;
    const float pad_w = 3 * key_w + 2 * m.gap;
    const float x0 = (m.width - pad_w) * 0.5f;
    const float box_h = m.Px(96);
    // Centred vertically (a portrait screen has room to spare above and below).
    const float total_h = app.fonts.title->FontSize * 1.2f + m.Px(24) + box_h + m.Px(16) +
                          app.fonts.body_bold->FontSize * 1.3f + m.Px(20) + 4 * (key + m.gap) + m.Px(8) +
                          m.target;
    float y = std::max(m.Px(40), (m.height - total_h) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(0, y));
    CenteredText(app.Tr("staff.pin.title"), app.fonts.title, palette::kText, m.margin,
                 m.width - 2 * m.margin);
    y = ImGui::GetCursorScreenPos().y + m.Px(24);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + pad_w, y + box_h), Rgb(palette::kSurface), m.radius);
    draw->AddRect(ImVec2(x0, y), ImVec2(x0 + pad_w, y + box_h), Rgb(palette::kBorder), m.radius, 0, m.Px(2));
    const float dot = m.Px(14);
    const float step = dot * 3.2f;
    const size_t count = staff.digits.size();
    float dx = x0 + (pad_w - step * (float)count) * 0.5f + step * 0.5f;
    for (size_t i = 0; i < count; i++, dx += step)
        draw->AddCircleFilled(ImVec2(dx, y + box_h * 0.5f), dot, Rgb(palette::kText), 24);
    y += box_h + m.Px(16);

    std::string line;
    uint32_t line_color = palette::kTextMuted;
    if (busy) {
        line = app.Tr("staff.pin.checking");
    } else if (waiting) {
        const int seconds = (int)std::ceil(wait);
        line =
            app.Format(staff.wrong ? "staff.pin.wrong_wait" : "staff.pin.wait", fmt::arg("seconds", seconds));
        line_color = palette::kDanger;
        // Wake once a second for the count, and at its end.
        app.RequestFrameAt(staff.wait_until - (double)(seconds - 1));
    } else if (staff.wrong) {
        line = app.Tr("staff.pin.wrong");
        line_color = palette::kDanger;
    } else {
        line = app.Format("staff.pin.hint", fmt::arg("min", (int)kPinMinDigits),
                          fmt::arg("max", (int)kPinMaxDigits));
    }
    ImGui::SetCursorScreenPos(ImVec2(0, y));
    CenteredText(line, app.fonts.body_bold, line_color, m.margin, m.width - 2 * m.margin);
    y += app.fonts.body_bold->FontSize * 1.3f + m.Px(20);

    // The keys: 1–9, then erase, 0, OK. Refused while checking or waiting.
    const bool accept = !busy && !waiting;
    // Refused keys look it: TouchButton draws its own colours, which BeginDisabled does not dim.
    const ButtonStyle off{
        .fill = palette::kSurfaceAlt, .text = palette::kTextMuted, .font = app.fonts.body_bold};
    ButtonStyle digit_style{.fill = palette::kPrimary, .font = app.fonts.huge};
    if (!accept) digit_style = {.fill = off.fill, .text = off.text, .font = app.fonts.huge};
    ButtonStyle quiet{
        .fill = palette::kSurface, .text = palette::kText, .outline = true, .font = app.fonts.body_bold};
    if (!accept) quiet = off;
    const bool can_submit = accept && staff.digits.size() >= kPinMinDigits;
    ButtonStyle ok_style{.fill = palette::kOpinion, .font = app.fonts.body_bold};
    if (!can_submit) ok_style = off;
    ImGui::BeginDisabled(!accept);
    for (int i = 0; i < 12; i++) {
        const ImVec2 pos(x0 + (float)(i % 3) * (key_w + m.gap), y + (float)(i / 3) * (key + m.gap));
        ImGui::SetCursorScreenPos(pos);
        if (i == 9) {
            if (TouchButton(app, "##pin-erase", app.Tr("staff.pin.erase"), ImVec2(key_w, key), quiet) &&
                !staff.digits.empty())
                staff.digits.pop_back(); // within capacity: no copy of the digits is left behind
            app.targets.Name("pin.erase");
        } else if (i == 11) {
            ImGui::BeginDisabled(!can_submit);
            if (TouchButton(app, "##pin-ok", app.Tr("staff.pin.ok"), ImVec2(key_w, key), ok_style))
                Submit(app);
            ImGui::EndDisabled();
            app.targets.Name("pin.ok");
        } else {
            const char digit = i == 10 ? '0' : (char)('1' + i);
            const char label[2] = {digit, 0};
            const char id[] = {'#', '#', 'p', digit, 0};
            if (TouchButton(app, id, label, ImVec2(key_w, key), digit_style) &&
                staff.digits.size() < kPinMaxDigits)
                staff.digits.push_back(digit);
            app.targets.Name(std::string("pin:") + digit);
        }
    }
    ImGui::EndDisabled();
    y += 4 * (key + m.gap) + m.Px(8);

    ButtonStyle cancel{.fill = palette::kSurface, .text = palette::kDanger, .outline = true};
    const ImVec2 cancel_size(pad_w, m.target);
    ImGui::SetCursorScreenPos(ImVec2(x0, std::min(y, m.height - m.margin - m.target)));
    if (TouchButton(app, "##pin-cancel", app.Tr("staff.pin.cancel"), cancel_size, cancel)) LeavePad(app);
    app.targets.Name("pin.cancel");
}

} // namespace kiosk
