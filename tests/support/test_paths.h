// Paths tests need: the source tree (demo configuration, test data) and a scratch
// directory per test under the build tree, emptied when created.
#pragma once

#include <filesystem>
#include <string>

namespace kiosk::test {

std::filesystem::path SourceDir();
std::filesystem::path DataDir();    // tests/data
std::filesystem::path DemoConfig(); // config/kiosk.toml
// A fresh, empty directory build/test-scratch/<name>.
std::filesystem::path ScratchDir(const std::string& name);
// Where screen tests write the PNGs they render (build/test-screens), for people to look at.
std::filesystem::path ScreenshotDir();

} // namespace kiosk::test
