#include "poll_results.h"

#include <algorithm>
#include <cmath>

#include "palette.h"
#include "programme_widgets.h"
#include "smiley.h"
#include "widgets.h"

namespace kiosk {

void PollResults(App& app, const Survey& poll, const PollTally& tally, const Area& area) {
    const Metrics& m = app.metrics;
    const Question& question = poll.questions.front();
    if (!tally.loaded || tally.total <= 0) {
        ImGui::SetCursorScreenPos(area.min);
        CenteredText(app.Tr("surveys.thanks.no_results"), app.fonts.body, palette::kTextMuted, area.min.x,
                     area.Width());
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const size_t count = question.options.size();
    const float total_h = app.fonts.body->FontSize + m.Px(12);
    const float row_gap = m.Px(14);
    const float row_h = std::clamp((area.Height() - total_h - row_gap * (float)(count - 1)) / (float)count,
                                   app.fonts.body_bold->FontSize + m.Px(8), m.Px(84));
    const float label_w = area.Width() * 0.36f;
    const float figure_w = m.Px(230); // "100 %  (1234)"
    const float bar_x = area.min.x + label_w + m.gap;
    const float bar_w = area.max.x - figure_w - m.gap - bar_x;
    int64_t most = 1;
    for (const auto& [id, votes] : tally.votes)
        most = std::max(most, votes);

    for (size_t i = 0; i < count; i++) {
        const Option& option = question.options[i];
        const float y = area.min.y + (float)i * (row_h + row_gap);
        auto it = tally.votes.find(option.id);
        const int64_t votes = it == tally.votes.end() ? 0 : it->second;

        // The answer: its face or picture when it has one, and its words.
        float x = area.min.x;
        if (question.type == QuestionType::Smiley) {
            DrawSmiley(draw, (int)i + 1, question.faces, ImVec2(x + row_h * 0.5f, y + row_h * 0.5f),
                       row_h * 0.42f);
            x += row_h + m.Px(12);
        } else if (!option.picture.empty()) {
            DrawPicture(app, option.picture, ImageUse::Picture, ImVec2(x, y), ImVec2(x + row_h, y + row_h));
            x += row_h + m.Px(12);
        }
        const std::string caption = OptionCaption(app, question, i);
        const float caption_w = area.min.x + label_w - x;
        const float h = TextHeight(caption, app.fonts.body_bold, caption_w);
        draw->PushClipRect(ImVec2(x, y), ImVec2(area.min.x + label_w, y + row_h), true);
        draw->AddText(app.fonts.body_bold, app.fonts.body_bold->FontSize, ImVec2(x, y + (row_h - h) * 0.5f),
                      Rgb(palette::kText), caption.data(), caption.data() + caption.size(), caption_w);
        draw->PopClipRect();

        // The bar (relative to the most chosen answer, so differences show), then the share.
        const float bar_h = row_h * 0.6f;
        const float by = y + (row_h - bar_h) * 0.5f;
        draw->AddRectFilled(ImVec2(bar_x, by), ImVec2(bar_x + bar_w, by + bar_h), Rgb(palette::kSurfaceAlt),
                            m.Px(6));
        const float filled = bar_w * (float)votes / (float)most;
        if (votes > 0)
            draw->AddRectFilled(ImVec2(bar_x, by), ImVec2(bar_x + std::max(filled, m.Px(8)), by + bar_h),
                                Rgb(palette::kOpinion), m.Px(6));
        const int percent = (int)std::lround(100.0 * (double)votes / (double)tally.total);
        const std::string figure =
            app.Format("surveys.thanks.share", fmt::arg("percent", percent), fmt::arg("votes", votes));
        ImFont* font = app.fonts.body_bold;
        draw->AddText(font, font->FontSize,
                      ImVec2(area.max.x - figure_w, y + (row_h - font->FontSize) * 0.5f), Rgb(palette::kText),
                      figure.c_str());
        app.targets.Name("result:" + option.id, ImVec2(area.min.x, y), ImVec2(area.max.x, y + row_h));
    }
    const std::string total = tally.total == 1
                                  ? app.Tr("surveys.thanks.one_vote")
                                  : app.Format("surveys.thanks.votes", fmt::arg("count", tally.total));
    const float y = area.min.y + (float)count * (row_h + row_gap);
    draw->AddText(app.fonts.body, app.fonts.body->FontSize, ImVec2(bar_x, y), Rgb(palette::kTextMuted),
                  total.c_str());
}

} // namespace kiosk
