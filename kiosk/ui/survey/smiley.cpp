#include "smiley.h"

#include <algorithm>
#include <cmath>

#include "theme.h"

namespace kiosk {

namespace {
// Position of the face on a 0 (worst) … 1 (best) line, whatever the number of faces.
float Mood(int level, int faces) {
    return faces <= 1 ? 0.5f : (float)(std::clamp(level, 1, faces) - 1) / (float)(faces - 1);
}
} // namespace

void DrawSmiley(ImDrawList* draw, int level, int faces, ImVec2 c, float r) {
    static constexpr uint32_t kColors[] = {0xD64541, 0xEE8A3C, 0xF2C14E, 0x9CCB5B, 0x4CAF50};
    const float mood = Mood(level, faces);
    const uint32_t fill = kColors[(int)std::lround(mood * 4.0f)];
    const ImU32 ink = Rgb(0x1A1A1A);
    const float w = std::max(2.0f, r * 0.09f);
    draw->AddCircleFilled(c, r, Rgb(fill), 48);
    draw->AddCircle(c, r, ink, 48, w * 0.6f);

    // Eyes, and eyebrows slanted with the mood (worried → relaxed).
    for (int side = -1; side <= 1; side += 2) {
        const ImVec2 eye(c.x + side * r * 0.34f, c.y - r * 0.2f);
        draw->AddCircleFilled(eye, r * 0.1f, ink);
        const float tilt = (0.5f - mood) * r * 0.18f; // inner end up when sad
        const ImVec2 inner(eye.x - side * r * 0.14f, eye.y - r * 0.22f - tilt);
        const ImVec2 outer(eye.x + side * r * 0.14f, eye.y - r * 0.22f + tilt);
        draw->AddLine(inner, outer, ink, w * 0.8f);
    }

    // Mouth: a parabola whose bend goes from frown (-) to smile (+).
    const float bend = (mood - 0.5f) * 2.0f * r * 0.32f;
    const float half = r * 0.42f, y0 = c.y + r * 0.38f;
    constexpr int kSegments = 16;
    ImVec2 points[kSegments + 1];
    for (int i = 0; i <= kSegments; i++) {
        const float t = (float)i / kSegments * 2.0f - 1.0f; // -1 … 1
        points[i] = ImVec2(c.x + t * half, y0 + bend * (1.0f - t * t) - bend * 0.5f);
    }
    draw->AddPolyline(points, kSegments + 1, ink, 0, w);
}

std::string SmileyCaptionKey(int level, int faces) {
    static const char* kFive[] = {"very_bad", "bad", "neutral", "good", "very_good"};
    static const char* kThree[] = {"bad", "neutral", "good"};
    const int i = std::clamp(level, 1, faces) - 1;
    return std::string("surveys.smiley.") + (faces == 3 ? kThree[i] : kFive[i]);
}

} // namespace kiosk
