// Ranking: the options stay where they are, in a grid; tapping them in order stamps their
// rank (1, 2, 3…), tapping a ranked one takes it back (the later ones move up), and a
// ranked card dragged onto another ranked card takes that card's place. "Start again"
// clears the ranks. The answer is the option ids in rank order.
#include <algorithm>

#include "palette.h"
#include "question_screens.h"
#include "style_scope.h"
#include "widgets.h"

namespace kiosk {

namespace {

int RankOf(const AnswerValue& answer, std::string_view id) {
    auto it = std::find(answer.option_ids.begin(), answer.option_ids.end(), id);
    return it == answer.option_ids.end() ? 0 : (int)(it - answer.option_ids.begin()) + 1;
}

int CellAt(const std::vector<Area>& cells, Vec2 p) {
    for (size_t i = 0; i < cells.size(); i++)
        if (p.x >= cells[i].min.x && p.y >= cells[i].min.y && p.x < cells[i].max.x && p.y < cells[i].max.y)
            return (int)i;
    return -1;
}

} // namespace

bool DrawRankingQuestion(App& app, QuestionContext& q) {
    const Metrics& m = app.metrics;
    const Question& question = q.question;
    AnswerValue& answer = q.answer;
    RankingDrag& drag = q.visit.drag;

    // How to do it, then the cards, then "Start again".
    ImGui::SetCursorScreenPos(q.area.min);
    WrappedText(app.Tr("surveys.question.ranking_hint"), app.fonts.body, palette::kTextMuted, q.area.Width());
    const float grid_top = ImGui::GetCursorScreenPos().y + m.Px(16);
    const float reset_h = m.target;
    const Area grid{ImVec2(q.area.min.x, grid_top), ImVec2(q.area.max.x, q.area.max.y - reset_h - m.gap)};
    const std::vector<Area> cells =
        GridCells(app, (int)question.options.size(), grid, m.target, m.Px(120), 2);

    bool changed = false;
    for (size_t i = 0; i < question.options.size(); i++) {
        const Option& option = question.options[i];
        const int rank = RankOf(answer, option.id);
        StyleScope id;
        id.Id((int)i);
        ChoiceCard card{.label = app.Text(option.label), .selected = rank > 0, .badge = rank};
        const bool dragged = drag.item >= 0 && rank == drag.item + 1;
        if (dragged) {
            // Its place stays marked while the card follows the finger.
            ImGui::GetWindowDrawList()->AddRect(cells[i].min, cells[i].max, Rgb(palette::kOpinion), m.radius,
                                                0, m.Px(3));
            continue;
        }
        const bool tapped = ChoiceCardButton(app, "##option", card, cells[i]);
        app.targets.Name("option:" + option.id);
        if (!tapped) continue;
        if (rank > 0)
            answer.option_ids.erase(answer.option_ids.begin() + (rank - 1));
        else
            answer.option_ids.push_back(option.id);
        changed = true;
    }

    // Dragging a ranked card onto another ranked card moves it to that rank.
    const GestureFrame g = ScreenGestures(app);
    if (g.drag_began && drag.item < 0) {
        const int cell = CellAt(cells, g.scroll_origin);
        const int rank = cell >= 0 ? RankOf(answer, question.options[(size_t)cell].id) : 0;
        if (rank > 0) {
            drag.item = rank - 1;
            drag.grab_dx = g.scroll_origin.x - cells[(size_t)cell].min.x;
            drag.grab_dy = g.scroll_origin.y - cells[(size_t)cell].min.y;
        }
    }
    if (drag.item >= 0 && drag.item < (int)answer.option_ids.size()) {
        const std::string moving = answer.option_ids[(size_t)drag.item];
        const Option* option = question.FindOption(moving);
        const int cell = CellAt(cells, g.drag_pos);
        const int target_rank = cell >= 0 ? RankOf(answer, question.options[(size_t)cell].id) : 0;
        if (g.dragging || g.drag_ended) {
            if (target_rank > 0 && target_rank != drag.item + 1)
                ImGui::GetWindowDrawList()->AddRect(cells[(size_t)cell].min, cells[(size_t)cell].max,
                                                    Rgb(palette::kPrimary), m.radius, 0, m.Px(6));
            const Area& home = cells[0];
            const ImVec2 min(g.drag_pos.x - drag.grab_dx, g.drag_pos.y - drag.grab_dy);
            ChoiceCard card{.label = option ? app.Text(option->label) : std::string_view(moving),
                            .selected = true,
                            .badge = drag.item + 1};
            DrawChoiceCard(app, ImGui::GetForegroundDrawList(), card,
                           {min, ImVec2(min.x + home.Width(), min.y + home.Height())}, true, false);
        }
        if (g.drag_ended) {
            if (target_rank > 0 && target_rank != drag.item + 1) {
                answer.option_ids.erase(answer.option_ids.begin() + drag.item);
                answer.option_ids.insert(answer.option_ids.begin() + (target_rank - 1), moving);
                changed = true;
            }
            drag = {};
        } else if (!g.dragging) {
            drag = {}; // the finger was lost
        }
    } else {
        drag = {};
    }

    if (!answer.option_ids.empty()) {
        ButtonStyle reset{
            .fill = palette::kSurface, .text = palette::kText, .outline = true, .icon = Icon::Reset};
        const std::string& label = app.Tr("surveys.question.ranking_reset");
        const ImVec2 size = TouchButtonSize(app, label, reset);
        ImGui::SetCursorScreenPos(ImVec2(q.area.max.x - size.x, q.area.max.y - reset_h));
        if (TouchButton(app, "##reset", label, ImVec2(size.x, reset_h), reset)) {
            answer.option_ids.clear();
            changed = true;
        }
        app.targets.Name("ranking.reset");
    }
    return changed;
}

} // namespace kiosk
