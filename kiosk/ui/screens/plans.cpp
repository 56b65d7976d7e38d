// Plans gallery: one card per plan (picture, title, summary, what it offers); a tap opens
// the viewer. The grid scrolls by dragging when there are more plans than fit.
#include <algorithm>

#include "programme_widgets.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk {

namespace {

// The picture's width on a card; the texts take the rest.
float ThumbWidth(const Metrics& m, float card_w) {
    return std::min(m.Px(340), card_w * 0.42f);
}
float TextWidth(const Metrics& m, float card_w) {
    return card_w - m.Px(18) * 3 - ThumbWidth(m, card_w) - m.Px(8);
}

struct CardText {
    std::string title, summary;
    std::vector<std::string> chips;
};

CardText TextsOf(const App& app, const Plan& plan) {
    CardText t{app.Text(plan.title), app.Text(plan.summary), {}};
    if (plan.before) t.chips.push_back(app.Tr("plans.before_after"));
    if (plan.hotspots.size() == 1) t.chips.push_back(app.Tr("plans.points_one"));
    if (plan.hotspots.size() > 1)
        t.chips.push_back(app.Format("plans.points_many", fmt::arg("count", plan.hotspots.size())));
    return t;
}

// Lays the chips out in rows of at most `width`; returns each chip's offset from the first.
std::vector<ImVec2> ChipOffsets(const DrawContext& ui, const std::vector<std::string>& chips, float width,
                                float& height) {
    const Metrics& m = ui.metrics;
    std::vector<ImVec2> offsets;
    float x = 0, y = 0;
    height = 0;
    for (const std::string& chip : chips) {
        const ImVec2 size = ChipSize(ui.fonts.small, chip, m);
        if (x > 0 && x + size.x > width) {
            x = 0;
            y += size.y + m.Px(10);
        }
        offsets.push_back(ImVec2(x, y));
        x += size.x + m.Px(12);
        height = y + size.y;
    }
    return offsets;
}

float CardHeight(const DrawContext& ui, const CardText& t, float text_w) {
    const Metrics& m = ui.metrics;
    float chips_h = 0;
    ChipOffsets(ui, t.chips, text_w, chips_h);
    float h = m.Px(28) * 2 + TextHeight(t.title, ui.fonts.title, text_w) + m.Px(12) +
              TextHeight(t.summary, ui.fonts.body, text_w) + (t.chips.empty() ? 0 : m.Px(18) + chips_h);
    return std::max(h, m.Px(270));
}

// One card; returns true when tapped.
bool PlanCard(App& app, const Plan& plan, const CardText& t, const char* id, ImVec2 pos, ImVec2 size) {
    const Metrics& m = app.metrics;
    ImGui::SetCursorScreenPos(pos);
    const bool clicked = ImGui::InvisibleButton(id, size);
    AddTouchTarget(app, pos, ImVec2(pos.x + size.x, pos.y + size.y));
    const uint32_t fill = ImGui::IsItemActive()    ? Shade(palette::kSurface, 0.9f)
                          : ImGui::IsItemHovered() ? Shade(palette::kSurface, 0.95f)
                                                   : palette::kSurface;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    draw->AddRectFilled(pos, max, Rgb(fill), m.radius);
    draw->AddRect(pos, max, Rgb(palette::kBorder, 0.6f), m.radius, 0, m.Px(2));

    const float pad = m.Px(18);
    const float thumb_w = ThumbWidth(m, size.x);
    DrawPicture(app, plan.image.file, ImageUse::Plan, ImVec2(pos.x + pad, pos.y + pad),
                ImVec2(pos.x + pad + thumb_w, max.y - pad));

    const float text_x = pos.x + pad * 2 + thumb_w + m.Px(8);
    const float text_w = TextWidth(m, size.x);
    ImGui::SetCursorScreenPos(ImVec2(text_x, pos.y + m.Px(28)));
    WrappedText(t.title, app.fonts.title, palette::kPrimary, text_w);
    ImGui::SetCursorScreenPos(ImVec2(text_x, ImGui::GetCursorScreenPos().y + m.Px(12)));
    WrappedText(t.summary, app.fonts.body, palette::kText, text_w);
    const float chip_y = ImGui::GetCursorScreenPos().y + m.Px(18);
    float chips_h = 0;
    const std::vector<ImVec2> offsets = ChipOffsets(app, t.chips, text_w, chips_h);
    for (size_t i = 0; i < t.chips.size(); i++)
        Chip(ImVec2(text_x + offsets[i].x, chip_y + offsets[i].y), app.fonts.small, t.chips[i],
             palette::kPrimary, palette::kPrimary, m, true);
    return clicked;
}

} // namespace

void DrawPlans(App& app) {
    const Metrics& m = app.metrics;
    ScreenWindow window(app, "##plans");
    TopBar(app, app.Tr("home.plans.title"), palette::kPrimary);
    const std::vector<Plan>& plans = app.data.content.plans;

    // Header: what to do, and the example badge when the plans are demo content.
    const bool example = std::any_of(plans.begin(), plans.end(), [](const Plan& p) { return p.example; });
    const float top = m.bar + m.Px(24);
    const ImVec2 badge = example ? ExampleBadgeSize(app) : ImVec2(0, 0);
    if (example) ExampleBadge(app, ImVec2(m.width - m.margin, top));
    const float intro_w = m.width - 2 * m.margin - (example ? badge.x + m.gap : 0);
    ImGui::SetCursorScreenPos(ImVec2(m.margin, top));
    WrappedText(app.Tr(plans.empty() ? "plans.empty" : "plans.intro"), app.fonts.body, palette::kText,
                intro_w);
    if (plans.empty()) return;
    const float grid_top = std::max(ImGui::GetCursorScreenPos().y, top + badge.y) + m.Px(24);

    // Grid: two columns; each row as tall as its tallest card.
    const int columns = 2;
    const float card_w = (ScrollContentWidth(m.width - 2 * m.margin) - (columns - 1) * m.gap) / columns;
    ImGui::SetCursorScreenPos(ImVec2(m.margin, grid_top));
    if (BeginTouchScroll(app, "##plan_grid",
                         ImVec2(m.width - 2 * m.margin, m.height - grid_top - m.Px(24)))) {
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        float y = origin.y;
        for (size_t row = 0; row * columns < plans.size(); row++) {
            std::vector<CardText> texts;
            float row_h = 0;
            for (size_t i = row * columns; i < std::min(plans.size(), (row + 1) * columns); i++) {
                texts.push_back(TextsOf(app, plans[i]));
                row_h = std::max(row_h, CardHeight(app, texts.back(), TextWidth(m, card_w)));
            }
            for (size_t c = 0; c < texts.size(); c++) {
                const Plan& plan = plans[row * columns + c];
                const std::string id = "##plan_" + plan.id;
                if (PlanCard(app, plan, texts[c], id.c_str(), ImVec2(origin.x + c * (card_w + m.gap), y),
                             ImVec2(card_w, row_h)))
                    app.nav.Go({Screen::PlanViewer, plan.id}, app.now);
            }
            y += row_h + m.gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y - m.gap));
        ImGui::Dummy(ImVec2(1, 1));
    }
    EndTouchScroll();
}

} // namespace kiosk
