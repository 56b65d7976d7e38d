// UiTargets: the touch targets of the last frame, by name ("survey.next", "key:é").
//
// A control names itself right after it is submitted (Name() takes ImGui's last item
// rectangle). Screen tests and scripted screenshots then tap a control by its name
// through real synthetic touches, instead of by coordinates that change with the layout
// and the screen size. Only the last rendered frame's names answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <imgui.h>

namespace kiosk {

struct TargetRect {
    ImVec2 min, max;
    ImVec2 Center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

class UiTargets {
public:
    // Names ImGui's last submitted item.
    void Name(std::string name);
    // Names an explicit rectangle (controls drawn without an ImGui item, e.g. variants).
    void Name(std::string name, ImVec2 min, ImVec2 max);
    // Where the layout's (0, 0) is in the window (App::layout_origin): names are kept in
    // window coordinates, where touches land.
    void SetOrigin(ImVec2 origin) { origin_ = origin; }
    // The rectangle named `name` on the last rendered frame, in window coordinates.
    std::optional<TargetRect> Find(std::string_view name) const;

private:
    struct Entry {
        int frame;
        TargetRect rect;
    };
    std::unordered_map<std::string, Entry> entries_;
    ImVec2 origin_;
};

} // namespace kiosk
