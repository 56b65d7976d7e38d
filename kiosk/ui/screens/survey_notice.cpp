// The information notice before the first question: who collects the answers, why, how
// long they are kept and the visitor's rights, in plain words, with the full text a QR code
// away. "Start" begins the survey; the top bar leads back.
#include "qr_widget.h"
#include "screens.h"
#include "survey/survey_layout.h"
#include "survey/survey_length_text.h"
#include "survey/survey_session.h"
#include "widgets.h"

namespace kiosk {

namespace {
// An address has no spaces to wrap at: it is broken after '/' (or '.', '-') where it would
// overflow `width`. The scheme is left out: phones read the QR code, people the rest.
std::string BreakAddress(std::string_view url, ImFont* font, float width) {
    for (std::string_view scheme : {"https://", "http://"})
        if (url.starts_with(scheme)) url.remove_prefix(scheme.size());
    auto text_width = [&](std::string_view text) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    };
    std::string out, line;
    size_t start = 0;
    while (start < url.size()) {
        size_t end = url.find_first_of("/.-", start);
        end = end == std::string_view::npos ? url.size() : end + 1;
        const std::string_view piece = url.substr(start, end - start);
        if (!line.empty() && text_width(line) + text_width(piece) > width) {
            out += line + "\n";
            line.clear();
        }
        line += piece;
        start = end;
    }
    return out + line;
}
} // namespace

void DrawSurveyNotice(App& app, const Survey& survey) {
    const Metrics& m = app.metrics;
    TopBar(app, app.Text(survey.title), palette::kOpinion);
    const float top = m.bar + m.gap;
    const float side_w = m.Px(520);
    const float text_w = m.width - 2 * m.margin - side_w - m.gap * 2;

    // Left: the introduction and the notice, scrolled by dragging if long.
    ImGui::SetCursorScreenPos(ImVec2(m.margin, top));
    BeginTouchScroll(app, "##notice-scroll", ImVec2(text_w, m.height - top - m.Px(24)));
    const float x = ImGui::GetCursorScreenPos().x;
    WrappedText(app.Text(survey.introduction), app.fonts.body, palette::kText, text_w);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.gap));
    WrappedText(app.Tr("surveys.notice.title"), app.fonts.title, palette::kOpinion, text_w);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(10)));
    WrappedText(app.Tr("surveys.notice.anonymous"), app.fonts.body_bold, palette::kText, text_w);
    const InformationNotice& notice = survey.notice;
    const std::pair<const char*, const LocalizedText*> sections[] = {
        {"surveys.notice.controller", &notice.controller},
        {"surveys.notice.purpose", &notice.purpose},
        {"surveys.notice.retention", &notice.retention},
        {"surveys.notice.rights", &notice.rights},
    };
    for (const auto& [key, text] : sections) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(18)));
        WrappedText(app.Tr(key), app.fonts.body_bold, palette::kText, text_w);
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(4)));
        WrappedText(app.Text(*text), app.fonts.body, palette::kText, text_w);
    }
    // The "About you" questions at the end: why they are asked, and that each can be skipped.
    if (survey.profile_first >= 0) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(18)));
        WrappedText(app.Tr("surveys.notice.profile"), app.fonts.body_bold, palette::kText, text_w);
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(4)));
        WrappedText(app.Text(survey.profile_why), app.fonts.body, palette::kText, text_w);
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + m.Px(4)));
        WrappedText(app.Tr("surveys.notice.profile_optional"), app.fonts.body, palette::kTextMuted, text_w);
    }
    ImGui::Dummy(ImVec2(text_w, m.Px(16)));
    EndTouchScroll();

    // Right: the full text by QR code, how long the survey takes, and "Start".
    const float sx = m.width - m.margin - side_w;
    ImGui::SetCursorScreenPos(ImVec2(sx, top));
    CenteredText(app.Tr("surveys.notice.full_text"), app.fonts.body_bold, palette::kText, sx, side_w);
    const float qr = m.Px(300);
    const ImVec2 qr_pos(sx + (side_w - qr) * 0.5f, ImGui::GetCursorScreenPos().y + m.Px(12));
    QrCodeWidget(notice.url, qr_pos, qr);
    ImGui::SetCursorScreenPos(ImVec2(sx, qr_pos.y + qr + m.Px(8)));
    CenteredText(BreakAddress(notice.url, app.fonts.small, side_w), app.fonts.small, palette::kTextMuted, sx,
                 side_w);

    ButtonStyle start{
        .fill = palette::kOpinion, .font = app.fonts.title, .icon = Icon::Forward, .icon_after = true};
    const float start_h = m.target * 1.5f;
    const float start_y = m.height - m.Px(24) - start_h;
    // Above "Start", on as many lines as it takes ("De 11 à 14 questions, environ 4 minutes"
    // wraps on a small screen): placed by its wrapped height, never under the button.
    const std::string length = LengthText(app, survey);
    ImGui::SetCursorScreenPos(ImVec2(sx, start_y - TextHeight(length, app.fonts.body, side_w) - m.Px(12)));
    CenteredText(length, app.fonts.body, palette::kTextMuted, sx, side_w);
    ImGui::SetCursorScreenPos(ImVec2(sx, start_y));
    if (TouchButton(app, "##start", app.Tr("surveys.notice.start"), ImVec2(side_w, start_h), start))
        StartAnswering(app);
    app.targets.Name("survey.start");
}

} // namespace kiosk
