#include "keyboard_widget.h"

#include <algorithm>

#include <imgui_internal.h>

#include "app.h"
#include "base/log.h"
#include "icons.h"
#include "palette.h"
#include "style_scope.h"
#include "text/utf8.h"
#include "widgets.h"

namespace kiosk {

// [SECTION] Making a keyboard

OnScreenKeyboard MakeKeyboard(const App& app, bool number, KeyboardOptions options, std::string text) {
    OnScreenKeyboard keyboard;
    // Settings, not texts: read as written (app.Tr shapes texts for an Arabic screen).
    const std::string& layout_id =
        app.data.catalogs.Text(app.nav.Language(), number ? kNumberLayoutKey : kTextLayoutKey);
    const KeyboardLayout* layout = app.data.keyboards.Find(layout_id);
    if (!layout) {
        LogLineOnce(LogLevel::Error, "keyboard:" + layout_id,
                    fmt::format("no keyboard layout \"{}\"", layout_id));
        return keyboard;
    }
    options.decimal_separator = app.data.catalogs.Text(app.nav.Language(), kDecimalSeparatorKey);
    keyboard.model = KeyboardModel(*layout, std::move(options), std::move(text));
    return keyboard;
}

float KeyboardHeight(const App& app, const KeyboardLayout& layout, float key_height) {
    const float rows = (float)layout.MaxRows();
    return rows * key_height + (rows - 1) * app.metrics.gap;
}

// [SECTION] Keys

namespace {

bool Contains(const DrawnKey& key, Vec2 p) {
    return p.x >= key.min.x && p.y >= key.min.y && p.x < key.max.x && p.y < key.max.y;
}

int IndexAt(const std::vector<DrawnKey>& keys, Vec2 p) {
    for (size_t i = 0; i < keys.size(); i++)
        if (Contains(keys[i], p)) return (int)i;
    return -1;
}

// A label of one or two characters is drawn large; words ("?123", "espace") in the body font.
ImFont* LabelFont(const App& app, std::string_view label) {
    return CountCodePoints(label) <= 2 ? app.fonts.title : app.fonts.body_bold;
}

void DrawLabel(ImDrawList* draw, ImFont* font, std::string_view label, ImVec2 min, ImVec2 max, ImU32 color) {
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size());
    ImVec2 at(min.x + (max.x - min.x - size.x) * 0.5f, min.y + (max.y - min.y - size.y) * 0.5f);
    draw->AddText(font, font->FontSize, at, color, label.data(), label.data() + label.size());
}

void DrawKey(const App& app, const KeyboardModel& model, const Key& key, ImVec2 min, ImVec2 max, bool hovered,
             bool held) {
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const bool enabled = model.Enabled(key);
    const bool typing = key.action == KeyAction::Type || key.action == KeyAction::Space ||
                        key.action == KeyAction::Decimal || key.action == KeyAction::Sign;
    uint32_t fill = typing ? palette::kSurface : palette::kSurfaceAlt;
    uint32_t ink = palette::kText;
    const bool shift_on = key.action == KeyAction::Shift && model.Shift() != ShiftState::Off;
    if (shift_on) {
        fill = palette::kPrimary;
        ink = palette::kTextOnDark;
    }
    if (!enabled) {
        fill = palette::kBackground;
        ink = palette::kBorder;
    } else if (held) {
        fill = Shade(fill, 0.8f);
    } else if (hovered) {
        fill = Shade(fill, 0.92f);
    }
    draw->AddRectFilled(min, max, Rgb(fill), m.radius * 0.6f);
    draw->AddRect(min, max, Rgb(enabled ? palette::kBorder : palette::kSurfaceAlt), m.radius * 0.6f, 0,
                  m.Px(2));

    const ImVec2 center((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    const float icon = std::min(max.y - min.y, max.x - min.x) * 0.45f;
    switch (key.action) {
    case KeyAction::Shift:
        DrawIcon(draw, model.Shift() == ShiftState::Locked ? Icon::ShiftLocked : Icon::Shift, center, icon,
                 Rgb(ink));
        break;
    case KeyAction::Backspace: DrawIcon(draw, Icon::Backspace, center, icon * 1.15f, Rgb(ink)); break;
    case KeyAction::Space:
        DrawLabel(draw, app.fonts.body, app.Tr("keyboard.space"), min, max, Rgb(palette::kTextMuted));
        break;
    case KeyAction::Sign: DrawLabel(draw, app.fonts.title, "±", min, max, Rgb(ink)); break;
    default: {
        const std::string label = model.Label(key);
        DrawLabel(draw, LabelFont(app, label), app.text_direction.Shown(label), min, max, Rgb(ink)); // لا
    }
    }
    // Keys with long-press variants carry a small mark in their corner, as on phones.
    if (!key.variants.empty() && enabled) {
        const float r = m.Px(3.5f);
        for (int i = 0; i < 3; i++)
            draw->AddCircleFilled(ImVec2(max.x - m.Px(12) - (float)i * m.Px(10), min.y + m.Px(12)), r,
                                  Rgb(palette::kTextMuted));
    }
}

// "key:é", "key:É" (shift on), "key:space", "key:layer:symbols"… (see UiTargets).
std::string KeyTargetName(const KeyboardModel& model, const Key& key) {
    switch (key.action) {
    case KeyAction::Type: return "key:" + model.Output(key);
    case KeyAction::Shift: return "key:shift";
    case KeyAction::Backspace: return "key:backspace";
    case KeyAction::Space: return "key:space";
    case KeyAction::Layer: return "key:layer:" + key.layer;
    case KeyAction::Decimal: return "key:decimal";
    case KeyAction::Sign: return "key:sign";
    }
    return "key:?";
}

// The long-press choices, in a row above the pressed key, kept on screen.
void LayoutVariants(const DrawContext& ui, OnScreenKeyboard& keyboard, const DrawnKey& anchor) {
    const Metrics& m = ui.metrics;
    const std::vector<std::string> choices = keyboard.model.VariantChoices();
    const float cell_w = std::max(m.target, anchor.max.x - anchor.min.x);
    const float cell_h = std::max(m.target, anchor.max.y - anchor.min.y);
    const float spacing = m.Px(8); // chosen by sliding, not by tapping: they may be close
    const float total = (float)choices.size() * cell_w + (float)(choices.size() - 1) * spacing;
    float x = (anchor.min.x + anchor.max.x - total) * 0.5f;
    x = std::clamp(x, m.Px(16), std::max(m.Px(16), m.width - m.Px(16) - total));
    const float y = std::max(m.Px(16), anchor.min.y - cell_h - m.Px(24));
    keyboard.drawn_variants.clear();
    for (size_t i = 0; i < choices.size(); i++) {
        ImVec2 min(x + (float)i * (cell_w + spacing), y);
        keyboard.drawn_variants.push_back({nullptr, min, ImVec2(min.x + cell_w, min.y + cell_h)});
    }
}

void NameVariants(DrawContext& ui, const OnScreenKeyboard& keyboard) {
    const std::vector<std::string> choices = keyboard.model.VariantChoices();
    for (size_t i = 0; i < choices.size() && i < keyboard.drawn_variants.size(); i++)
        ui.targets.Name("variant:" + choices[i], keyboard.drawn_variants[i].min,
                        keyboard.drawn_variants[i].max);
}

void DrawVariants(const DrawContext& ui, const OnScreenKeyboard& keyboard) {
    const Metrics& m = ui.metrics;
    const std::vector<std::string> choices = keyboard.model.VariantChoices();
    if (keyboard.drawn_variants.size() != choices.size()) return;
    // Above everything of the screen: the popup overlaps the text box.
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImVec2 pad(m.Px(12), m.Px(12));
    ImVec2 min = keyboard.drawn_variants.front().min, max = keyboard.drawn_variants.back().max;
    draw->AddRectFilled(ImVec2(min.x - pad.x + m.Px(4), min.y - pad.y + m.Px(6)),
                        ImVec2(max.x + pad.x + m.Px(4), max.y + pad.y + m.Px(6)), Rgb(palette::kScrim, 0.25f),
                        m.radius);
    draw->AddRectFilled(ImVec2(min.x - pad.x, min.y - pad.y), ImVec2(max.x + pad.x, max.y + pad.y),
                        Rgb(palette::kSurface), m.radius);
    draw->AddRect(ImVec2(min.x - pad.x, min.y - pad.y), ImVec2(max.x + pad.x, max.y + pad.y),
                  Rgb(palette::kBorder), m.radius, 0, m.Px(2));
    for (size_t i = 0; i < choices.size(); i++) {
        const DrawnKey& cell = keyboard.drawn_variants[i];
        const bool highlighted = (int)i == keyboard.model.HighlightedVariant();
        if (highlighted) draw->AddRectFilled(cell.min, cell.max, Rgb(palette::kPrimary), m.radius * 0.6f);
        DrawLabel(draw, ui.fonts.title, choices[i], cell.min, cell.max,
                  Rgb(highlighted ? palette::kTextOnDark : palette::kText));
    }
}

} // namespace

// [SECTION] Keyboard

bool KeyboardWidget(App& app, const char* id, OnScreenKeyboard& keyboard, ImVec2 pos, ImVec2 size) {
    KeyboardModel& model = keyboard.model;
    if (!model.Valid()) return false;
    const Metrics& m = app.metrics;
    const KeyboardLayout& layout = model.Layout();
    const float gap = m.gap;
    const float rows = (float)layout.MaxRows();
    const float key_h = std::max(m.target, (size.y - gap * (rows - 1)) / rows);
    const float unit = (size.x + gap) / layout.MaxRowUnits();
    StyleScope scope;
    scope.Id(id);
    bool changed = false;

    // Taps: one invisible button per key of the shown layer.
    keyboard.drawn.clear();
    const KeyboardLayer& layer = model.CurrentLayer();
    const size_t layer_index = model.LayerIndex();
    for (size_t r = 0; r < layer.rows.size(); r++) {
        const auto& row = layer.rows[r];
        float row_units = 0;
        for (const Key& key : row)
            row_units += key.width;
        float x = pos.x + (size.x - (row_units * unit - gap)) * 0.5f;
        const float y = pos.y + (float)r * (key_h + gap);
        // A layout lists its keys from the left; an Arabic screen is mirrored once built
        // (rtl_mirror.h), so its rows are laid out from the other end to be seen as listed.
        const bool mirrored = app.mirror.Active();
        for (size_t i = 0; i < row.size(); i++) {
            const size_t k = mirrored ? row.size() - 1 - i : i;
            const Key& key = row[k];
            const ImVec2 min(x, y), max(x + key.width * unit - gap, y + key_h);
            ImGui::SetCursorScreenPos(min);
            ImGui::PushID((int)(layer_index * 10000 + r * 100 + k));
            const bool clicked = ImGui::InvisibleButton("##key", ImVec2(max.x - min.x, max.y - min.y));
            app.touch_targets.push_back({min, max}); // audited like every touch target
            const bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();
            ImGui::PopID();
            app.targets.Name(KeyTargetName(model, key));
            if (clicked && model.Press(key)) changed = true;
            DrawKey(app, model, key, min, max, hovered, held);
            keyboard.drawn.push_back({&key, min, max});
            x += key.width * unit;
        }
    }

    // Long presses: variants, or a slow tap (not under a dialog: ImGui::BeginDisabled).
    const GestureFrame g = (ImGui::GetCurrentContext()->CurrentItemFlags & ImGuiItemFlags_Disabled)
                               ? GestureFrame{}
                               : app.gestures;
    if (g.long_press) {
        int index = IndexAt(keyboard.drawn, *g.long_press);
        if (index >= 0) {
            const DrawnKey& pressed = keyboard.drawn[(size_t)index];
            if (model.OpenVariants(*pressed.key))
                LayoutVariants(app, keyboard, pressed);
            else if (model.Enabled(*pressed.key))
                keyboard.slow_press = pressed.key;
        }
    }
    if (model.VariantsOpen()) {
        if (g.long_press_release) {
            model.HighlightVariant(IndexAt(keyboard.drawn_variants, *g.long_press_release));
            changed = model.CommitVariant() || changed;
        } else if (g.long_press_held) {
            model.HighlightVariant(IndexAt(keyboard.drawn_variants, g.long_press_pos));
        } else {
            model.CloseVariants(); // the finger was lost (cancelled): type nothing
        }
        if (model.VariantsOpen()) {
            DrawVariants(app, keyboard);
            NameVariants(app, keyboard);
        }
    } else if (keyboard.slow_press) {
        if (g.long_press_release) {
            int index = IndexAt(keyboard.drawn, *g.long_press_release);
            if (index >= 0 && keyboard.drawn[(size_t)index].key == keyboard.slow_press)
                changed = model.Press(*keyboard.slow_press) || changed;
            keyboard.slow_press = nullptr;
        } else if (!g.long_press_held) {
            keyboard.slow_press = nullptr;
        }
    }
    if (!model.VariantsOpen()) keyboard.drawn_variants.clear();

    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(size);
    return changed;
}

// [SECTION] Typed text

namespace {
struct Line {
    const char* begin;
    const char* end;
};

// `text` wrapped at `width` the way ImGui draws it, one entry per visual line.
std::vector<Line> WrapLines(ImFont* font, std::string_view text, float width) {
    std::vector<Line> lines;
    const char* s = text.data();
    const char* end = text.data() + text.size();
    while (s < end) {
        const char* newline = std::find(s, end, '\n');
        const char* wrap = font->CalcWordWrapPositionA(1.0f, s, newline, width);
        if (wrap == s && s < newline) { // a character wider than the box: one per line
            size_t pos = (size_t)(s - text.data());
            DecodeUtf8(text, pos);
            wrap = text.data() + pos;
        }
        if (wrap >= newline) {
            lines.push_back({s, newline});
            s = newline < end ? newline + 1 : end;
            if (newline + 1 == end) lines.push_back({end, end}); // the caret goes on a new line
        } else {
            lines.push_back({s, wrap});
            s = wrap;
            while (s < newline && *s == ' ')
                s++;
        }
    }
    if (lines.empty()) lines.push_back({end, end});
    return lines;
}
} // namespace

void TypedTextBox(const App& app, std::string_view text, std::string_view placeholder, size_t max_length,
                  ImFont* font, ImVec2 pos, ImVec2 size) {
    const Metrics& m = app.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* counter_font = app.fonts.small;
    const float counter_h = max_length > 0 ? counter_font->FontSize + m.Px(8) : 0;
    const ImVec2 box_max(pos.x + size.x, pos.y + size.y - counter_h);
    draw->AddRectFilled(pos, box_max, Rgb(palette::kSurface), m.radius);
    draw->AddRect(pos, box_max, Rgb(palette::kPrimary), m.radius, 0, m.Px(3));

    const ImVec2 pad(m.Px(22), m.Px(14));
    const float inner_w = size.x - 2 * pad.x - m.Px(8); // room for the caret
    const float line_h = font->FontSize * 1.15f;
    const int visible = std::max(1, (int)((box_max.y - pos.y - 2 * pad.y) / line_h));
    draw->PushClipRect(pos, box_max, true);
    float caret_x = pos.x + pad.x, caret_y = pos.y + pad.y;
    // Arabic typed (or on an Arabic screen): shaped and in the order it is drawn.
    const std::string typed(text);
    text = app.text_direction.Shown(typed);
    if (text.empty()) {
        ImFont* hint = app.fonts.body; // regular: an invitation, not text typed
        draw->AddText(hint, hint->FontSize, ImVec2(pos.x + pad.x + m.Px(10), pos.y + pad.y),
                      Rgb(palette::kTextMuted), placeholder.data(), placeholder.data() + placeholder.size(),
                      inner_w - m.Px(10));
    } else {
        // The last lines: what is being typed stays in view.
        std::vector<Line> lines = WrapLines(font, text, inner_w);
        const size_t first = lines.size() > (size_t)visible ? lines.size() - (size_t)visible : 0;
        for (size_t i = first; i < lines.size(); i++) {
            const float y = pos.y + pad.y + (float)(i - first) * line_h;
            draw->AddText(font, font->FontSize, ImVec2(pos.x + pad.x, y), Rgb(palette::kText), lines[i].begin,
                          lines[i].end);
            caret_y = y;
            caret_x = pos.x + pad.x +
                      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, lines[i].begin, lines[i].end).x;
        }
    }
    draw->AddRectFilled(ImVec2(caret_x + m.Px(2), caret_y),
                        ImVec2(caret_x + m.Px(5), caret_y + font->FontSize), Rgb(palette::kPrimary));
    draw->PopClipRect();

    if (max_length > 0) {
        const size_t count = CountCodePoints(text);
        const std::string counter =
            app.Format("keyboard.counter", fmt::arg("count", count), fmt::arg("max", max_length));
        ImFont* f = counter_font;
        const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, counter.c_str()).x;
        draw->AddText(f, f->FontSize, ImVec2(box_max.x - w, box_max.y + m.Px(6)),
                      Rgb(count >= max_length ? palette::kWarning : palette::kTextMuted), counter.c_str());
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(size);
}

} // namespace kiosk
