// What every loader fuzz target shares: the loaders read files, so each input is written
// to a file in a scratch directory of its own (under $TMPDIR) before the loader reads it.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/log.h"

namespace kiosk::fuzz {

class Scratch {
public:
    // A fresh directory for this process; the loader's warnings are not printed (they would
    // slow every execution down and bury libFuzzer's report).
    explicit Scratch(const std::string& name) {
        SetLogLevel(LogLevel::Error);
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/kiosk-fuzz-" + name + "-XXXXXX";
        if (!mkdtemp(pattern.data())) std::abort();
        dir_ = pattern;
    }
    ~Scratch() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    // Writes the input to `relative` (directories created) and returns its path.
    std::filesystem::path Write(const std::string& relative, const uint8_t* data, size_t size) const {
        const std::filesystem::path file = dir_ / relative;
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), (std::streamsize)size);
        out.close();
        if (!out) std::abort();
        // Private, as kiosk-sync demands of its secrets file (and harmless for the others).
        std::filesystem::permissions(
            file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
        return file;
    }

    const std::filesystem::path& Dir() const { return dir_; }

private:
    std::filesystem::path dir_;
};

} // namespace kiosk::fuzz
