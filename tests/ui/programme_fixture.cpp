#include "programme_fixture.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <stb_image_write.h>

#include "test_paths.h"

namespace kiosk::test {

namespace {
void WritePixels(const std::filesystem::path& file, int width, int height,
                 const std::vector<uint8_t>& pixels) {
    std::filesystem::create_directories(file.parent_path());
    REQUIRE(stbi_write_png(file.c_str(), width, height, 3, pixels.data(), width * 3));
}

void Put(uint8_t* p, uint32_t rgb) {
    p[0] = (uint8_t)(rgb >> 16);
    p[1] = (uint8_t)(rgb >> 8);
    p[2] = (uint8_t)rgb;
}
} // namespace

namespace {
// Writes the picture `pixel(x, y)` describes to `file`, through a cache in the build tree.
template <typename PixelFn>
void WriteCached(const std::filesystem::path& file, const std::string& name, int width, int height,
                 PixelFn pixel) {
    const std::filesystem::path cache =
        std::filesystem::path(KIOSK_BINARY_DIR) / "test-data-cache" /
        (name + "-" + std::to_string(width) + "x" + std::to_string(height) + ".png");
    if (!std::filesystem::exists(cache)) {
        std::vector<uint8_t> pixels((size_t)width * height * 3);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                Put(&pixels[((size_t)y * width + x) * 3], pixel(x, y));
        const std::filesystem::path partial = cache.string() + ".partial";
        WritePixels(partial, width, height, pixels);
        std::filesystem::rename(partial, cache); // whole or absent, even if a run is interrupted
    }
    std::filesystem::create_directories(file.parent_path());
    std::filesystem::copy_file(cache, file, std::filesystem::copy_options::overwrite_existing);
}
} // namespace

void WriteQuadrantPng(const std::filesystem::path& file, int width, int height) {
    WriteCached(file, "quadrants", width, height,
                [&](int x, int y) { return kQuadrantColors[(y >= height / 2) * 2 + (x >= width / 2)]; });
}

void WritePlanLikePng(const std::filesystem::path& file, int width, int height) {
    WriteCached(file, "plan-like", width, height, [](int x, int y) -> uint32_t {
        const bool street = x % 500 < 40 || y % 500 < 40;
        const bool edge = x % 500 == 40 || y % 500 == 40;
        const int bx = x % 100, by = y % 100;
        const bool building = (x / 100) % 3 == 1 && (y / 100) % 3 != 0 && bx > 8 && by > 8;
        const bool outline = building && (bx == 9 || by == 9 || bx == 99 || by == 99);
        const bool green = (x / 500 + y / 500) % 4 == 0 && !building;
        if (street) return 0xFFFFFF;
        if (edge || outline) return 0x6F695F;
        if (building) return ((x / 100 + y / 100) % 5 == 0) ? 0xE8A25C : 0xC9C2B5;
        return green ? 0xB5DBA8 : 0xF3EFE6;
    });
}

void WriteFlatPng(const std::filesystem::path& file, int width, int height, uint32_t rgb) {
    std::vector<uint8_t> pixels((size_t)width * height * 3);
    for (size_t i = 0; i < pixels.size(); i += 3)
        Put(&pixels[i], rgb);
    WritePixels(file, width, height, pixels);
}

void WriteFile(const std::filesystem::path& file, std::string_view text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

std::filesystem::path WriteKiosk(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir / "content");
    std::filesystem::create_directories(dir / "surveys");
    std::ostringstream toml;
    toml << "[kiosk]\nid = \"test-kiosk\"\nlanguages = [\"fr\", \"en\"]\n\n[paths]\n"
         << "assets = \"" << (SourceDir() / "assets").string() << "\"\n"
         << "content = \"content\"\nsurveys = \"surveys\"\ndatabase = \"responses.db\"\n";
    WriteFile(dir / "kiosk.toml", toml.str());
    return dir / "kiosk.toml";
}

TestKiosk OpenKiosk(const std::filesystem::path& config, int width, int height) {
    TestKiosk k;
    Diagnostics diags;
    std::optional<KioskData> data = LoadKioskData(config, diags);
    INFO(diags.FormatAll());
    REQUIRE(data);
    k.data = std::make_unique<KioskData>(std::move(*data));
    std::string error;
    k.driver = ShellDriver::Create(*k.data, width, height, error);
    INFO(error);
    REQUIRE(k.driver);
    return k;
}

CaptureLog::CaptureLog() {
    static int counter = 0;
    file_ = std::filesystem::path(KIOSK_BINARY_DIR) / "test-scratch" /
            ("log-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".txt");
    std::filesystem::create_directories(file_.parent_path());
    std::fflush(stderr);
    saved_fd_ = dup(STDERR_FILENO);
    FILE* f = std::fopen(file_.c_str(), "w");
    REQUIRE(f);
    dup2(fileno(f), STDERR_FILENO);
    std::fclose(f);
}

CaptureLog::~CaptureLog() {
    std::fflush(stderr);
    dup2(saved_fd_, STDERR_FILENO);
    close(saved_fd_);
    std::fputs(Text().c_str(), stderr); // still visible in the test's output
    std::filesystem::remove(file_);
}

std::string CaptureLog::Text() {
    std::fflush(stderr);
    std::ifstream in(file_);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void SaveScreen(ShellDriver& driver, const std::filesystem::path& file) {
    std::string error;
    INFO(error);
    CHECK(driver.SavePng(file, error));
}

int CountLines(const std::string& text, std::string_view fragment) {
    int count = 0;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        count += line.find(fragment) != std::string::npos;
    return count;
}

uint32_t Rgb(const Image& image, float x, float y) {
    return image.Pixel((int)x, (int)y) >> 8;
}

bool Near(uint32_t a, uint32_t b, int tolerance) {
    for (int shift : {0, 8, 16})
        if (std::abs((int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF)) > tolerance) return false;
    return true;
}

} // namespace kiosk::test
