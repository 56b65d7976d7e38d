#include "widgets.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <imgui_internal.h>

#include "app.h"
#include "large_text_toggle.h"
#include "programme_widgets.h"
#include "read_aloud/read_aloud_controls.h"
#include "style_scope.h"
#include "visit_state.h"

namespace kiosk {

// [SECTION] Screen window

ScreenWindow::ScreenWindow(DrawContext& ui, const char* id, uint32_t background) {
    ui.clear_color = background;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    // No padding: ImGui clips a window's contents to half its padding, and screens draw
    // edge to edge (top bars, backgrounds). Screens place content with Metrics::margin.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
}

ScreenWindow::~ScreenWindow() {
    ImGui::End();
}

// [SECTION] Text

namespace {

// The lines of a paragraph on a mirrored (Arabic) frame, each in mirrored draw order. Dear
// ImGui's wrap of the reversed text is right for Arabic but breaks a Latin run (a place's
// name) from its end; here the text itself is broken, word by word from its first, and each
// line shaped on its own. Words are measured shaped: Arabic letters join within a word only.
// Null when the frame is not mirrored.
std::optional<std::vector<std::string>> MirroredLines(std::string_view shown, ImFont* font, float width) {
    const TextDirection* direction = CurrentTextDirection();
    if (!direction || !direction->Mirrored()) return std::nullopt;
    const std::string logical(direction->Logical(shown));
    auto measure = [&](const std::string& piece) {
        const std::string& s = direction->Shown(piece);
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
    };
    const float space = font->GetCharAdvance(' ');
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= logical.size()) {
        const size_t end = std::min(logical.find('\n', start), logical.size());
        std::string line;
        float line_w = 0;
        size_t word_start = start;
        while (word_start < end) {
            size_t word_end = std::min(logical.find(' ', word_start), end);
            const std::string word = logical.substr(word_start, word_end - word_start);
            const float w = measure(word);
            if (!line.empty() && line_w + space + w > width) {
                lines.push_back(direction->Shown(line));
                line.clear();
                line_w = 0;
            }
            line_w += (line.empty() ? 0 : space) + w;
            line += (line.empty() ? "" : " ") + word;
            word_start = word_end + 1;
        }
        lines.push_back(direction->Shown(line));
        if (end >= logical.size()) break;
        start = end + 1;
    }
    return lines;
}

} // namespace

float TextHeight(std::string_view text, ImFont* font, float width) {
    if (auto lines = MirroredLines(text, font, width)) return (float)lines->size() * font->FontSize;
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), text.data() + text.size()).y;
}

void NoteTextFit(DrawContext& ui, std::string_view text, ImVec2 text_size, ImVec2 room, ImVec2 box_min,
                 ImVec2 box_max) {
    if (text_size.x <= room.x + 0.5f && text_size.y <= room.y + 0.5f) return;
    ui.text_overflows.push_back({std::string(text), box_min, box_max, text_size});
}

ImFont* FittingFont(DrawContext& ui, std::string_view text, std::initializer_list<ImFont*> fonts, ImVec2 min,
                    ImVec2 max) {
    const float width = max.x - min.x, height = max.y - min.y;
    ImFont* chosen = nullptr;
    for (ImFont* font : fonts) {
        chosen = font;
        if (TextHeight(text, font, width) <= height) return font;
    }
    NoteTextFit(
        ui, text,
        chosen->CalcTextSizeA(chosen->FontSize, FLT_MAX, width, text.data(), text.data() + text.size()),
        ImVec2(width, height), min, max);
    return chosen;
}

void WrappedText(std::string_view text, ImFont* font, uint32_t color, float width) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    if (auto lines = MirroredLines(text, font, width)) { // an Arabic screen: broken from its first word
        const ImVec2 size(width, (float)lines->size() * font->FontSize);
        if (ImGui::IsRectVisible(pos, ImVec2(pos.x + size.x, pos.y + size.y))) SayOnScreen(text);
        for (size_t i = 0; i < lines->size(); i++) {
            const std::string& line = (*lines)[i];
            ImGui::GetWindowDrawList()->AddText(font, font->FontSize,
                                                ImVec2(pos.x, pos.y + (float)i * font->FontSize), Rgb(color),
                                                line.data(), line.data() + line.size());
        }
        ImGui::Dummy(size);
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + size.y));
        return;
    }
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), text.data() + text.size());
    // Read aloud only what can be seen: not what a scrolled area has out of view.
    if (ImGui::IsRectVisible(pos, ImVec2(pos.x + size.x, pos.y + size.y))) SayOnScreen(text);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, Rgb(color), text.data(),
                                        text.data() + text.size(), width);
    ImGui::Dummy(ImVec2(width, size.y));
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + size.y)); // no implicit spacing: callers choose
}

void CenteredText(std::string_view text, ImFont* font, uint32_t color, float x, float width) {
    if (ImGui::IsRectVisible(ImVec2(x, ImGui::GetCursorScreenPos().y),
                             ImVec2(x + width, ImGui::GetCursorScreenPos().y + font->FontSize)))
        SayOnScreen(text); // only what can be seen, as WrappedText
    // Wrap first, then centre each line on its own.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float y = ImGui::GetCursorScreenPos().y;
    if (auto lines = MirroredLines(text, font, width)) { // an Arabic screen: broken from its first word
        for (size_t i = 0; i < lines->size(); i++) {
            const std::string& line = (*lines)[i];
            const float w =
                font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.data(), line.data() + line.size()).x;
            draw->AddText(font, font->FontSize, ImVec2(x + (width - w) * 0.5f, y + (float)i * font->FontSize),
                          Rgb(color), line.data(), line.data() + line.size());
        }
        const float total = (float)lines->size() * font->FontSize;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ImGui::Dummy(ImVec2(width, total));
        ImGui::SetCursorScreenPos(ImVec2(x, y + total));
        return;
    }
    const char* line = text.data();
    const char* end = text.data() + text.size();
    float line_height = font->FontSize;
    float total = 0;
    while (line < end) {
        // ImGui's word wrap does not stop at a line break, so each line is wrapped up to the
        // next one (easy-to-read texts put one idea per line).
        const char* newline = static_cast<const char*>(std::memchr(line, '\n', end - line));
        const char* wrap = font->CalcWordWrapPositionA(1.0f, line, newline ? newline : end, width);
        if (wrap == line) wrap = line + 1; // a single word wider than the area: let it overflow, never loop
        const char* line_end = wrap;
        while (line_end > line && (line_end[-1] == ' ' || line_end[-1] == '\n'))
            line_end--;
        float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line, line_end).x;
        draw->AddText(font, font->FontSize, ImVec2(x + (width - w) * 0.5f, y + total), Rgb(color), line,
                      line_end);
        total += line_height;
        line = wrap;
        while (line < end && (*line == ' ' || *line == '\n')) {
            if (*line == '\n' && line > text.data() && line[-1] == '\n') total += line_height; // blank line
            line++;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::Dummy(ImVec2(width, total));
    ImGui::SetCursorScreenPos(ImVec2(x, y + total)); // no implicit spacing: callers choose
}

// [SECTION] Buttons and tiles

ImVec2 TouchButtonSize(const DrawContext& ui, std::string_view label, const ButtonStyle& style) {
    const Metrics& m = ui.metrics;
    ImFont* font = style.font ? style.font : ui.fonts.body_bold;
    ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size());
    float icon = style.icon != Icon::None ? font->FontSize * 1.2f + m.Px(14) : 0;
    return ImVec2(std::max(m.target, text.x + icon + m.Px(56)), std::max(m.target, text.y + m.Px(36)));
}

// A button's touch target, for the audit (tests/ui/touch_target_audit.h). On a screen's own
// window the whole rectangle, so that a button placed off the screen is caught; inside a
// scrolled region (a child window) only what is in view, as a button scrolled out of view
// cannot be touched until it is scrolled back.
static void RecordButtonTarget(DrawContext& ui, ImVec2 min, ImVec2 max) {
    if (ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_ChildWindow)
        AddTouchTarget(ui, min, max);
    else
        ui.touch_targets.push_back({min, max});
}

bool TouchButton(DrawContext& ui, const char* id, std::string_view label, ImVec2 size,
                 const ButtonStyle& style) {
    const Metrics& m = ui.metrics;
    ImFont* font = style.font ? style.font : ui.fonts.body_bold;
    ImVec2 natural = TouchButtonSize(ui, label, style);
    if (size.x <= 0) size.x = natural.x;
    if (size.y <= 0) size.y = natural.y;
    size.x = std::max(size.x, m.target);
    size.y = std::max(size.y, m.target);

    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(id, size);
    RecordButtonTarget(ui, pos, ImVec2(pos.x + size.x, pos.y + size.y));
    bool hovered = ImGui::IsItemHovered();
    bool held = ImGui::IsItemActive();

    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    uint32_t fill = style.outline ? (style.selected ? palette::kPrimary : palette::kSurface) : style.fill;
    uint32_t text = style.outline ? (style.selected ? palette::kTextOnDark : palette::kText) : style.text;
    if (held)
        fill = Shade(fill, style.outline && !style.selected ? 0.88f : 0.78f);
    else if (hovered)
        fill = Shade(fill, style.outline && !style.selected ? 0.94f : 0.88f);
    draw->AddRectFilled(pos, max, Rgb(fill), m.radius);
    if (style.outline)
        draw->AddRect(pos, max, Rgb(style.selected ? palette::kPrimary : palette::kBorder), m.radius, 0,
                      m.Px(3));

    // Icon + label, centred together; the label wraps if the button is too narrow.
    float icon_w = style.icon != Icon::None ? font->FontSize * 1.2f : 0;
    float icon_gap = style.icon != Icon::None && !label.empty() ? m.Px(14) : 0; // an icon alone: centred
    float wrap = size.x - m.Px(40) - icon_w - icon_gap;
    ImVec2 text_size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, label.data(), label.data() + label.size());
    float content_w = icon_w + icon_gap + text_size.x;
    float x = pos.x + (size.x - content_w) * 0.5f;
    const float icon_x = style.icon_after ? x + text_size.x + icon_gap : x;
    const float text_x = style.icon_after ? x : x + icon_w + icon_gap;
    if (style.icon != Icon::None)
        DrawIcon(draw, style.icon, ImVec2(icon_x + icon_w * 0.5f, pos.y + size.y * 0.5f), icon_w, Rgb(text));
    draw->AddText(font, font->FontSize, ImVec2(text_x, pos.y + (size.y - text_size.y) * 0.5f), Rgb(text),
                  label.data(), label.data() + label.size(), wrap);
    NoteTextFit(ui, label, text_size, ImVec2(std::max(wrap, 0.0f), size.y), pos, max);
    return clicked;
}

bool Tile(DrawContext& ui, const char* id, Icon icon, std::string_view title, std::string_view subtitle,
          uint32_t color, ImVec2 size) {
    const Metrics& m = ui.metrics;
    SayOnScreen(title);
    SayOnScreen(subtitle);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(id, size);
    RecordButtonTarget(ui, pos, ImVec2(pos.x + size.x, pos.y + size.y));
    uint32_t fill = ImGui::IsItemActive()    ? Shade(color, 0.78f)
                    : ImGui::IsItemHovered() ? Shade(color, 0.88f)
                                             : color;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), Rgb(fill), m.radius * 1.5f);

    // Pictogram on the left, texts on the right, vertically centred.
    float pad = m.Px(36);
    float icon_size = std::min(size.y - 2 * pad, m.Px(150));
    DrawIcon(draw, icon, ImVec2(pos.x + pad + icon_size * 0.5f, pos.y + size.y * 0.5f), icon_size,
             Rgb(palette::kTextOnDark));
    float text_x = pos.x + pad * 2 + icon_size;
    float text_w = pos.x + size.x - pad - text_x;
    ImFont* title_font = ui.fonts.title;
    ImFont* sub_font = ui.fonts.body;
    float title_h = TextHeight(title, title_font, text_w);
    float sub_h = TextHeight(subtitle, sub_font, text_w);
    float y = pos.y + (size.y - title_h - m.Px(10) - sub_h) * 0.5f;
    draw->AddText(title_font, title_font->FontSize, ImVec2(text_x, y), Rgb(palette::kTextOnDark),
                  title.data(), title.data() + title.size(), text_w);
    draw->AddText(sub_font, sub_font->FontSize, ImVec2(text_x, y + title_h + m.Px(10)),
                  Rgb(palette::kTextOnDark), subtitle.data(), subtitle.data() + subtitle.size(), text_w);
    const ImVec2 title_size = title_font->CalcTextSizeA(title_font->FontSize, FLT_MAX, text_w, title.data(),
                                                        title.data() + title.size());
    const ImVec2 sub_size = sub_font->CalcTextSizeA(sub_font->FontSize, FLT_MAX, text_w, subtitle.data(),
                                                    subtitle.data() + subtitle.size());
    const ImVec2 tile_max(pos.x + size.x, pos.y + size.y);
    NoteTextFit(ui, title, ImVec2(std::max(title_size.x, sub_size.x), title_h + m.Px(10) + sub_h),
                ImVec2(text_w, size.y - m.Px(16)), pos, tile_max);
    return clicked;
}

// [SECTION] Top bar

void TopBar(App& app, std::string_view title, uint32_t color) {
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetWindowPos();
    float width = ImGui::GetWindowWidth();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + m.bar), Rgb(color));

    const float button_h = m.bar - m.Px(24);
    const float y = origin.y + m.Px(12);
    ButtonStyle light{.fill = palette::kSurface, .text = palette::kText, .icon = Icon::Back};
    ImGui::SetCursorScreenPos(ImVec2(origin.x + m.Px(20), y));
    ImVec2 back_size = TouchButtonSize(app, app.Tr("nav.back"), light);
    if (TouchButton(app, "##back", app.Tr("nav.back"), ImVec2(back_size.x, button_h), light))
        app.nav.Back(app.now);

    light.icon = Icon::Home;
    ImVec2 home_size = TouchButtonSize(app, app.Tr("nav.home"), light);
    const float home_x = origin.x + width - m.Px(20) - home_size.x;
    ImGui::SetCursorScreenPos(ImVec2(home_x, y));
    if (TouchButton(app, "##home", app.Tr("nav.home"), ImVec2(home_size.x, button_h), light))
        app.nav.GoHome(app.now);
    const float toggle_x = home_x - m.gap - LargeTextToggleWidth(app, button_h);
    LargeTextToggle(app, ImVec2(toggle_x, y), button_h);

    // Title centred between the buttons, in a smaller font when it would not fit the bar.
    float left = origin.x + m.Px(20) + back_size.x + m.gap;
    float right = toggle_x - m.gap;
    // Read-aloud, left of « Aa »: the same place on every section's screen.
    if (const float read_aloud_w = ReadAloudControlsWidth(app, button_h); read_aloud_w > 0) {
        ReadAloudControls(app, ImVec2(right - read_aloud_w, y), button_h);
        right -= read_aloud_w + m.gap;
    }
    ImFont* font = app.fonts.title;
    if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, title.data(), title.data() + title.size()).x >
        right - left)
        font = FittingFont(app, title, {app.fonts.body_bold, app.fonts.small},
                           ImVec2(left, origin.y + m.Px(4)), ImVec2(right, origin.y + m.bar - m.Px(4)));
    float h = TextHeight(title, font, right - left);
    ImGui::SetCursorScreenPos(ImVec2(left, origin.y + (m.bar - h) * 0.5f));
    CenteredText(title, font, palette::kTextOnDark, left, right - left);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + m.margin, origin.y + m.bar + m.gap));
}

// [SECTION] Touch scrolling

bool BeginTouchScroll(App& app, const char* id, ImVec2 size, bool horizontal) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    if (size.y <= 0) size.y = ImGui::GetContentRegionAvail().y;
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings;
    if (horizontal) flags |= ImGuiWindowFlags_HorizontalScrollbar;
    bool visible = ImGui::BeginChild(id, size, false, flags);

    // A new visit starts at the top.
    ImGuiID key = ImGui::GetCurrentWindow()->ID;
    uint64_t& seen = app.scroll_visit[key];
    if (seen != app.nav.VisitId()) {
        seen = app.nav.VisitId();
        ImGui::SetScrollX(0);
        ImGui::SetScrollY(0);
        return visible; // a gesture from the previous visit must not move the new one
    }

    const GestureFrame& g = app.gestures;
    const ImVec2 origin(g.scroll_origin.x, g.scroll_origin.y);
    const bool inside =
        origin.x >= pos.x && origin.y >= pos.y && origin.x < pos.x + size.x && origin.y < pos.y + size.y;
    if ((g.dragging || g.drag_ended || g.inertia) && inside) {
        if (horizontal)
            ImGui::SetScrollX(
                std::clamp(ImGui::GetScrollX() - g.scroll_delta.x, 0.0f, ImGui::GetScrollMaxX()));
        else
            ImGui::SetScrollY(
                std::clamp(ImGui::GetScrollY() - g.scroll_delta.y, 0.0f, ImGui::GetScrollMaxY()));
    }
    return visible;
}

void EndTouchScroll() {
    ImGui::EndChild();
}

// [SECTION] Language picker

float LanguagePicker(App& app, float right_x, float y) {
    const auto& languages = app.data.catalogs.Languages();
    if (languages.size() < 2) return right_x;
    const Metrics& m = app.metrics;
    float total = 0;
    std::vector<ImVec2> sizes;
    for (const std::string& language : languages) {
        ButtonStyle style{.outline = true};
        sizes.push_back(
            TouchButtonSize(app, app.text_direction.Shown(app.data.catalogs.LanguageName(language)), style));
        total += sizes.back().x;
    }
    const float spacing = m.gap * 0.6f;
    total += spacing * (float)(languages.size() - 1);
    float x = right_x - total;
    for (size_t i = 0; i < languages.size(); i++) {
        const std::string& language = languages[i];
        ButtonStyle style{.outline = true, .selected = language == app.nav.Language()};
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        StyleScope scope;
        scope.Id(language.c_str());
        if (TouchButton(app, "##language", app.text_direction.Shown(app.data.catalogs.LanguageName(language)),
                        sizes[i], style)) {
            app.nav.SetLanguage(language);
            app.visit.language_chosen = true;
        }
        app.targets.Name("language:" + language);
        x += sizes[i].x + spacing;
    }
    return right_x - total;
}

} // namespace kiosk
