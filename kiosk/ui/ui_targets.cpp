#include "ui_targets.h"

namespace kiosk {

void UiTargets::Name(std::string name) {
    Name(std::move(name), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void UiTargets::Name(std::string name, ImVec2 min, ImVec2 max) {
    entries_[std::move(name)] = {
        ImGui::GetFrameCount(),
        {ImVec2(min.x + origin_.x, min.y + origin_.y), ImVec2(max.x + origin_.x, max.y + origin_.y)}};
}

std::optional<TargetRect> UiTargets::Find(std::string_view name) const {
    auto it = entries_.find(std::string(name));
    // During a frame ImGui's count is that frame's; between frames, the last one drawn.
    if (it == entries_.end() || it->second.frame != ImGui::GetFrameCount()) return std::nullopt;
    return it->second.rect;
}

} // namespace kiosk
