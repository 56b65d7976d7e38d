// Yes / no: two large cards, each with a pictogram (a tick, a cross) and the word.
#include "palette.h"
#include "question_screens.h"
#include "style_scope.h"
#include "widgets.h"

namespace kiosk {

bool DrawYesNoQuestion(App& app, QuestionContext& q) {
    const Metrics& m = app.metrics;
    const float card_w = std::min(m.Px(520), (q.area.Width() - m.gap * 2) * 0.5f);
    const float card_h = std::clamp(q.area.Height(), m.target, m.Px(360));
    const float x0 = q.area.min.x + (q.area.Width() - card_w * 2 - m.gap * 2) * 0.5f;
    const float y0 = q.area.min.y + (q.area.Height() - card_h) * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    struct Side {
        const char* id;
        const char* label_key;
        Icon icon;
        uint32_t color;
    };
    static constexpr Side kSides[] = {{"yes", "surveys.question.yes", Icon::Check, palette::kOpinion},
                                      {"no", "surveys.question.no", Icon::Close, palette::kDanger}};
    bool changed = false;
    for (int i = 0; i < 2; i++) {
        const Side& side = kSides[i];
        const bool selected = q.answer.Has(side.id);
        const ImVec2 min(x0 + (float)i * (card_w + m.gap * 2), y0), max(min.x + card_w, y0 + card_h);
        ImGui::SetCursorScreenPos(min);
        StyleScope id;
        id.Id(side.id);
        const bool tapped = ImGui::InvisibleButton("##answer", ImVec2(card_w, card_h));
        RecordTouchTarget(app);
        app.targets.Name(std::string("option:") + side.id);
        if (tapped) {
            if (selected && !q.question.required)
                q.answer.option_ids.clear();
            else
                q.answer.Choose(side.id);
            changed = true;
        }
        uint32_t fill = selected ? Shade(side.color, 1.85f) : palette::kSurface;
        if (ImGui::IsItemActive()) fill = Shade(fill, 0.85f);
        draw->AddRectFilled(min, max, Rgb(fill), m.radius);
        draw->AddRect(min, max, Rgb(selected ? side.color : palette::kBorder), m.radius, 0,
                      selected ? m.Px(6) : m.Px(2));
        const float disc = std::min(card_w, card_h) * 0.22f;
        const ImVec2 center((min.x + max.x) * 0.5f, min.y + card_h * 0.4f);
        draw->AddCircleFilled(center, disc, Rgb(side.color), 48);
        DrawIcon(draw, side.icon, center, disc * 1.2f, Rgb(palette::kTextOnDark));
        ImGui::SetCursorScreenPos(ImVec2(min.x, center.y + disc + m.Px(20)));
        CenteredText(app.Tr(side.label_key), app.fonts.huge, palette::kText, min.x, card_w);
    }
    return changed;
}

} // namespace kiosk
