// Ranking, in two columns. Right: the options, where they always are; tapping them in order
// of preference ranks them (1, 2, 3…), tapping a ranked one takes it back (the later ones
// move up). Left: "your ranking", the ranked options in rank order as it is built, with
// empty numbered places still to fill; tapping one there takes it back too. A card dragged
// (from either column) to a place in the ranking goes to that rank: the ranking shows the
// result live while the finger moves, and the card being moved follows beside the finger,
// not under it, so the place it will land stays visible. "Start again" clears the ranking.
// The answer is the option ids in rank order.
#include <algorithm>

#include "palette.h"
#include "question_screens.h"
#include "style_scope.h"
#include "widgets.h"

namespace kiosk {

namespace {

int RankOf(const std::vector<std::string>& order, std::string_view id) {
    auto it = std::find(order.begin(), order.end(), id);
    return it == order.end() ? 0 : (int)(it - order.begin()) + 1;
}

bool Inside(const Area& a, Vec2 p) {
    return p.x >= a.min.x && p.y >= a.min.y && p.x < a.max.x && p.y < a.max.y;
}

int CellAt(const std::vector<Area>& cells, Vec2 p) {
    for (size_t i = 0; i < cells.size(); i++)
        if (Inside(cells[i], p)) return (int)i;
    return -1;
}

// The place (0-based) a card dropped at height `y` takes among `count` places.
int PlaceAt(const std::vector<Area>& places, float y, int count) {
    int place = 0;
    for (int i = 0; i < count; i++)
        if (y >= places[(size_t)i].min.y) place = i;
    return place;
}

struct Columns {
    Area ranking, pool;
    std::vector<Area> places, cells; // one per option in each column
    float title_y = 0, title_h = 0;
};

// Height the titles and `count` rows need at their smallest, the titles `title_gap` above.
float RankingHeight(const App& app, int count, float title_gap) {
    const Metrics& m = app.metrics;
    return m.target + title_gap + (float)count * m.target + (float)(count - 1) * m.gap * 0.5f;
}

Columns ComputeColumns(const App& app, const Area& area, int count) {
    const Metrics& m = app.metrics;
    Columns c;
    c.title_y = area.min.y;
    c.title_h = m.target;
    // Closer to the titles when rows are short of room (large text, many options).
    const bool tight = area.Height() < RankingHeight(app, count, m.gap * 0.75f);
    const float top = area.min.y + c.title_h + (tight ? m.Px(8) : m.gap * 0.75f);
    const float col_w = (area.Width() - m.gap) * 0.5f;
    c.ranking = {ImVec2(area.min.x, top), ImVec2(area.min.x + col_w, area.max.y)};
    c.pool = {ImVec2(area.max.x - col_w, top), ImVec2(area.max.x, area.max.y)};
    // Both columns share their rows, so an option and its place line up when they can;
    // closer rows first, never thinner than a finger nor closer than a thumb.
    float gap = m.gap * 0.6f;
    float row_h = (c.ranking.Height() - gap * (float)(count - 1)) / (float)count;
    if (row_h < m.target) {
        gap = m.gap * 0.5f;
        row_h = (c.ranking.Height() - gap * (float)(count - 1)) / (float)count;
    }
    row_h = std::clamp(row_h, m.target, std::max(m.target, m.Px(120)));
    for (int i = 0; i < count; i++) {
        const float y = top + (float)i * (row_h + gap);
        c.places.push_back({ImVec2(c.ranking.min.x, y), ImVec2(c.ranking.max.x, y + row_h)});
        c.cells.push_back({ImVec2(c.pool.min.x, y), ImVec2(c.pool.max.x, y + row_h)});
    }
    return c;
}

// An empty place of the ranking: its number, waiting.
void DrawEmptyPlace(const DrawContext& ui, const Area& a, int rank, bool target) {
    const Metrics& m = ui.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(a.min, a.max, Rgb(palette::kBackground), m.radius);
    draw->AddRect(a.min, a.max, Rgb(target ? palette::kPrimary : palette::kBorder), m.radius, 0,
                  target ? m.Px(6) : m.Px(2));
    ImFont* font = ui.fonts.title;
    const float mark = std::max(m.Px(44), font->FontSize * 0.75f); // the number stays inside its circle
    const ImVec2 c(a.min.x + m.Px(20) + mark * 0.5f, (a.min.y + a.max.y) * 0.5f);
    draw->AddCircle(c, mark * 0.62f, Rgb(palette::kBorder), 0, m.Px(3));
    const std::string number = ui.text_direction.Shown(fmt::format("{}", rank));
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, number.c_str());
    draw->AddText(font, font->FontSize, ImVec2(c.x - size.x * 0.5f, c.y - size.y * 0.5f),
                  Rgb(palette::kTextMuted), number.c_str());
}

} // namespace

bool DrawRankingQuestion(App& app, QuestionContext& q) {
    const Metrics& m = app.metrics;
    const Question& question = q.question;
    AnswerValue& answer = q.answer;
    RankingDrag& drag = q.visit.drag;
    const int count = (int)question.options.size();
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // The hint in the small font when the rows would otherwise be short of room.
    const std::string& hint = app.Tr("surveys.question.ranking_hint");
    const float hint_room = q.area.Height() - m.Px(12) - RankingHeight(app, count, m.Px(8)) -
                            TextHeight(hint, app.fonts.body, q.area.Width());
    ImGui::SetCursorScreenPos(q.area.min);
    WrappedText(hint, hint_room < 0 ? app.fonts.small : app.fonts.body, palette::kTextMuted, q.area.Width());
    const Area area{ImVec2(q.area.min.x, ImGui::GetCursorScreenPos().y + m.Px(12)), q.area.max};
    const Columns cols = ComputeColumns(app, area, count);

    // Column titles; "Start again" beside the ranking's.
    ImFont* title_font = app.fonts.body_bold;
    const float title_text_y = cols.title_y + (cols.title_h - title_font->FontSize) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(cols.ranking.min.x, title_text_y));
    WrappedText(app.Tr("surveys.question.ranking_yours"), title_font, palette::kOpinion,
                cols.ranking.Width());
    ImGui::SetCursorScreenPos(ImVec2(cols.pool.min.x, title_text_y));
    WrappedText(app.Tr("surveys.question.ranking_options"), title_font, palette::kText, cols.pool.Width());
    bool changed = false;
    if (!answer.option_ids.empty()) {
        ButtonStyle reset{
            .fill = palette::kSurface, .text = palette::kText, .outline = true, .icon = Icon::StartAgain};
        const std::string& label = app.Tr("surveys.question.ranking_reset");
        const ImVec2 size = TouchButtonSize(app, label, reset);
        ImGui::SetCursorScreenPos(ImVec2(cols.ranking.max.x - size.x, cols.title_y));
        if (TouchButton(app, "##reset", label, ImVec2(size.x, cols.title_h), reset)) {
            answer.option_ids.clear();
            drag = {};
            changed = true;
        }
        app.targets.Name("ranking.reset");
    }

    // A drag starts on a ranked place or on an option's card.
    const GestureFrame g = ScreenGestures(app);
    if (g.drag_began && drag.option.empty()) {
        const int place = CellAt(cols.places, g.scroll_origin);
        const int cell = CellAt(cols.cells, g.scroll_origin);
        if (place >= 0 && place < (int)answer.option_ids.size())
            drag.option = answer.option_ids[(size_t)place];
        else if (cell >= 0)
            drag.option = question.options[(size_t)cell].id;
    }
    const Option* moving = drag.option.empty() ? nullptr : question.FindOption(drag.option);
    if (!moving || !(g.dragging || g.drag_ended)) drag = {}, moving = nullptr;

    // What the ranking would be if the finger lifted now: the card being moved at the place
    // under the finger (a ranked card anywhere on the screen: only the height counts; an
    // unranked one over the ranking column).
    std::vector<std::string> order = answer.option_ids;
    int landing = -1;
    if (moving) {
        const bool ranked = RankOf(order, moving->id) > 0;
        const bool over_ranking = g.drag_pos.x < cols.ranking.max.x + m.gap * 0.5f;
        if (ranked || over_ranking) {
            std::erase(order, moving->id);
            landing = PlaceAt(cols.places, g.drag_pos.y, (int)order.size() + 1);
            order.insert(order.begin() + landing, moving->id);
        }
        if (g.drag_ended) {
            changed = changed || order != answer.option_ids;
            answer.option_ids = order;
            drag = {};
            moving = nullptr;
            landing = -1;
        }
    }

    // Your ranking, in order.
    for (int i = 0; i < count; i++) {
        const Area& place = cols.places[(size_t)i];
        if (i >= (int)order.size()) {
            DrawEmptyPlace(app, place, i + 1, false);
            continue;
        }
        const Option* option = question.FindOption(order[(size_t)i]);
        if (!option) continue;
        StyleScope id;
        id.Id(i);
        ChoiceCard card{
            .label = app.Text(option->label), .picture = &option->picture, .selected = true, .badge = i + 1};
        const bool tapped = ChoiceCardButton(app, "##place", card, place);
        app.targets.Name(fmt::format("rank:{}", i + 1));
        app.targets.Name("ranked:" + option->id, place.min, place.max);
        if (i == landing) // where the moving card lands: outlined, never covered
            draw->AddRect(place.min, place.max, Rgb(palette::kPrimary), m.radius, 0, m.Px(6));
        if (tapped && !moving) {
            std::erase(answer.option_ids, option->id);
            changed = true;
        }
    }

    // The options, where they always are.
    for (int i = 0; i < count; i++) {
        const Option& option = question.options[(size_t)i];
        const int rank = RankOf(order, option.id);
        StyleScope id;
        id.Id(100 + i);
        ChoiceCard card{
            .label = app.Text(option.label), .picture = &option.picture, .selected = rank > 0, .badge = rank};
        const bool tapped = ChoiceCardButton(app, "##option", card, cols.cells[(size_t)i]);
        app.targets.Name("option:" + option.id);
        if (!tapped || moving) continue;
        if (RankOf(answer.option_ids, option.id) > 0)
            std::erase(answer.option_ids, option.id);
        else
            answer.option_ids.push_back(option.id);
        changed = true;
    }

    // The card being moved: a small copy beside the finger (to its left on the right half
    // of the screen), over everything.
    if (moving) {
        const float w = std::min(cols.ranking.Width() * 0.7f, m.Px(520));
        const float h = cols.places[0].Height() * 0.8f;
        const float side = g.drag_pos.x > m.width * 0.5f ? -1.0f : 1.0f;
        const float x = side > 0 ? g.drag_pos.x + m.Px(48) : g.drag_pos.x - m.Px(48) - w;
        const ImVec2 min(x, g.drag_pos.y - h * 0.5f);
        ChoiceCard card{
            .label = app.Text(moving->label), .selected = true, .badge = landing >= 0 ? landing + 1 : 0};
        DrawChoiceCard(app, ImGui::GetForegroundDrawList(), card, {min, ImVec2(min.x + w, min.y + h)}, true,
                       false);
        app.RequestFrameIn(0);
    }
    return changed;
}

} // namespace kiosk
