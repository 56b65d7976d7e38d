#include "test_paths.h"

namespace kiosk::test {

std::filesystem::path SourceDir() {
    return KIOSK_SOURCE_DIR;
}
std::filesystem::path DataDir() {
    return SourceDir() / "tests" / "data";
}
std::filesystem::path DemoConfig() {
    return SourceDir() / "config" / "kiosk.toml";
}

std::filesystem::path ScratchDir(const std::string& name) {
    std::filesystem::path dir = std::filesystem::path(KIOSK_BINARY_DIR) / "test-scratch" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path ScreenshotDir() {
    std::filesystem::path dir = std::filesystem::path(KIOSK_BINARY_DIR) / "test-screens";
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace kiosk::test
