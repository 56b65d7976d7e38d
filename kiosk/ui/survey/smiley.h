// Smiley faces for the smiley questions and polls, drawn with ImDrawList.
//
// Usable without reading: each face differs by its mouth (from a frown with a tear to an
// open laugh) and its colour (red to green), so the scale reads even in black
// and white or for colour-blind visitors.
#pragma once

#include <string>

#include <imgui.h>

namespace kiosk {

// Draws face `level` (1 = worst … `faces`) of a 3- or 5-face scale, a disc of `radius`.
void DrawSmiley(ImDrawList* draw, int level, int faces, ImVec2 center, float radius);

// The catalogue key of the face's caption ("surveys.smiley.good").
std::string SmileyCaptionKey(int level, int faces);

} // namespace kiosk
