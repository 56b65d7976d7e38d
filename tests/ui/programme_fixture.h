// Screen-test helpers for the programme sections: a kiosk configuration in a scratch
// directory (real assets, content written by the test), generated test pictures, and a
// capture of the log (stderr) to check what the kiosk says about broken files.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "kiosk_data.h"
#include "shell_driver.h"
#include "visit_state.h"

namespace kiosk::test {

// Colours of the quadrant test picture (0xRRGGBB): top-left, top-right, bottom-left,
// bottom-right.
inline constexpr uint32_t kQuadrantColors[4] = {0xC82828, 0x28A028, 0x2828C8, 0xE6C828};

// Writes a `width`×`height` PNG in four flat quadrants (kQuadrantColors). Big ones are cached
// under build/test-data-cache/ (writing a 10000×7000 PNG takes seconds) and copied.
void WriteQuadrantPng(const std::filesystem::path& file, int width, int height);
// A `width`×`height` PNG that compresses like a plan (street grid, blocks of buildings,
// greens): for timing decodes. Cached like the quadrants.
void WritePlanLikePng(const std::filesystem::path& file, int width, int height);
// A flat-colour PNG.
void WriteFlatPng(const std::filesystem::path& file, int width, int height, uint32_t rgb);

// A kiosk in `dir`: kiosk.toml (languages fr, en; the source tree's assets), content/ and
// surveys/ directories. Returns the configuration file.
std::filesystem::path WriteKiosk(const std::filesystem::path& dir);
void WriteFile(const std::filesystem::path& file, std::string_view text);

// Loaded data and a headless shell of `width`×`height` on it.
struct TestKiosk {
    std::unique_ptr<KioskData> data;
    std::unique_ptr<ShellDriver> driver;
    App& app() { return driver->GetApp(); }
};
TestKiosk OpenKiosk(const std::filesystem::path& config, int width = 1920, int height = 1080);

// Everything written to stderr while it lives (the kiosk's log).
class CaptureLog {
public:
    CaptureLog();
    ~CaptureLog();
    std::string Text(); // what was logged so far
private:
    int saved_fd_ = -1;
    std::filesystem::path file_;
};

// Saves the last frame for people to look at (test-screens/); fails the test if it cannot.
void SaveScreen(ShellDriver& driver, const std::filesystem::path& file);

// Counts the lines of `text` containing `fragment`.
int CountLines(const std::string& text, std::string_view fragment);

// The 0xRRGGBB colour of a captured pixel.
uint32_t Rgb(const Image& image, float x, float y);
// True if two colours differ by at most `tolerance` in every channel.
bool Near(uint32_t a, uint32_t b, int tolerance = 6);

} // namespace kiosk::test
