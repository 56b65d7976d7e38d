// Smiley: 3 or 5 large faces in a row, each with its caption; the chosen face is ringed.
#include "palette.h"
#include "question_screens.h"
#include "smiley.h"
#include "style_scope.h"
#include "widgets.h"

namespace kiosk {

bool DrawSmileyQuestion(App& app, QuestionContext& q) {
    const Metrics& m = app.metrics;
    const int faces = q.question.faces;
    const float caption_h = app.fonts.body_bold->FontSize * 2.4f;
    const float cell_w = std::min(m.Px(320), (q.area.Width() - m.gap * (float)(faces - 1)) / (float)faces);
    const float cell_h = std::clamp(q.area.Height(), m.target, cell_w + caption_h);
    const float row_w = cell_w * (float)faces + m.gap * (float)(faces - 1);
    const float x0 = q.area.min.x + (q.area.Width() - row_w) * 0.5f;
    const float y0 = q.area.min.y + (q.area.Height() - cell_h) * 0.5f;
    const float radius = std::min(cell_w, cell_h - caption_h) * 0.4f;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    bool changed = false;
    for (int i = 0; i < faces; i++) {
        const Option& option = q.question.options[(size_t)i];
        const bool selected = q.answer.Has(option.id);
        const ImVec2 min(x0 + (float)i * (cell_w + m.gap), y0), max(min.x + cell_w, y0 + cell_h);
        ImGui::SetCursorScreenPos(min);
        StyleScope id;
        id.Id(i);
        const bool tapped = ImGui::InvisibleButton("##face", ImVec2(cell_w, cell_h));
        RecordTouchTarget(app);
        app.targets.Name("option:" + option.id);
        if (tapped) {
            if (selected && !q.question.required)
                q.answer.option_ids.clear();
            else
                q.answer.Choose(option.id);
            changed = true;
        }
        uint32_t fill = selected ? Shade(palette::kOpinion, 1.85f) : palette::kSurface;
        if (ImGui::IsItemActive()) fill = Shade(fill, 0.85f);
        draw->AddRectFilled(min, max, Rgb(fill), m.radius);
        draw->AddRect(min, max, Rgb(selected ? palette::kOpinion : palette::kBorder), m.radius, 0,
                      selected ? m.Px(6) : m.Px(2));
        const ImVec2 center((min.x + max.x) * 0.5f, min.y + (cell_h - caption_h) * 0.5f + m.Px(6));
        DrawSmiley(draw, i + 1, faces, center, radius);
        ImGui::SetCursorScreenPos(ImVec2(min.x + m.Px(8), max.y - caption_h));
        CenteredText(app.Tr(SmileyCaptionKey(i + 1, faces)), selected ? app.fonts.body_bold : app.fonts.body,
                     palette::kText, min.x + m.Px(8), cell_w - m.Px(16));
    }
    return changed;
}

} // namespace kiosk
