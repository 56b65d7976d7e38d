// StyleScope: pushes ImGui style colours, variables, fonts and ids, and pops exactly what
// it pushed when it goes out of scope, so every early return stays balanced.
//
//     StyleScope style;
//     style.Color(ImGuiCol_Button, Rgb(palette::kOpinion)).Var(ImGuiStyleVar_FrameRounding, r);
#pragma once

#include <imgui.h>

namespace kiosk {

class StyleScope {
public:
    StyleScope() = default;
    StyleScope(const StyleScope&) = delete;
    StyleScope& operator=(const StyleScope&) = delete;
    ~StyleScope() {
        ImGui::PopStyleColor(colors_);
        ImGui::PopStyleVar(vars_);
        for (int i = 0; i < fonts_; i++)
            ImGui::PopFont();
        for (int i = 0; i < ids_; i++)
            ImGui::PopID();
    }

    StyleScope& Color(ImGuiCol idx, ImU32 color) {
        ImGui::PushStyleColor(idx, color);
        colors_++;
        return *this;
    }
    StyleScope& Var(ImGuiStyleVar idx, float value) {
        ImGui::PushStyleVar(idx, value);
        vars_++;
        return *this;
    }
    StyleScope& Var(ImGuiStyleVar idx, ImVec2 value) {
        ImGui::PushStyleVar(idx, value);
        vars_++;
        return *this;
    }
    StyleScope& Font(ImFont* font) {
        ImGui::PushFont(font);
        fonts_++;
        return *this;
    }
    template <typename T>
    StyleScope& Id(T id) {
        ImGui::PushID(id);
        ids_++;
        return *this;
    }

private:
    int colors_ = 0, vars_ = 0, fonts_ = 0, ids_ = 0;
};

} // namespace kiosk
