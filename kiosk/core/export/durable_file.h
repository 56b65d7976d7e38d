// Durable files: what a crash at any instant leaves behind is either the old state or the
// new one, never a half-written file under its final name.
//
// The recipe (docs/storage.md, "Durable files"): write a temporary name → fsync the file → rename
// to the final name → fsync the directory (the rename itself is only durable once the
// directory entry is on disk). HashedFile computes the SHA-256 of what it writes on the
// way, for manifests, so no file is read back. SHA-256 comes from OpenSSL's libcrypto, which
// uses the CPU's SHA extensions: libsodium's portable C version cost 15 % of a whole
// export (tests/bench/sync_bench.py).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/durable_write.h" // FsyncDirectory, RenameDurably: the recipe's steps

struct evp_md_ctx_st;

namespace kiosk {

// Writes `bytes` to `path` durably (temporary file in the same directory, fsync, rename,
// fsync directory). An existing file is replaced atomically.
bool WriteFileDurably(const std::filesystem::path& path, std::string_view bytes, std::string& error);

// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// A file written sequentially through a buffer, with its SHA-256 and size kept up to date.
// Close() flushes and fsyncs; the file is not renamed (the caller decides where it goes).
// Errors are sticky: after the first failure every call is a no-op and Close() returns false.
class HashedFile {
public:
    HashedFile() = default;
    ~HashedFile();
    HashedFile(const HashedFile&) = delete;
    HashedFile& operator=(const HashedFile&) = delete;

    // Creates (or truncates) `path`.
    bool Open(const std::filesystem::path& path, std::string& error);
    void Append(std::string_view bytes) {
        if (buffer_.size() + bytes.size() > kBufferSize) Flush();
        buffer_.append(bytes.data(), bytes.size());
    }
    void Append(char c) {
        if (buffer_.size() + 1 > kBufferSize) Flush();
        buffer_.push_back(c);
    }
    // Flush, fsync, close. Returns false (with `error`) if anything failed since Open.
    bool Close(std::string& error);

    const std::filesystem::path& Path() const { return path_; }
    uint64_t Bytes() const { return bytes_ + buffer_.size(); }
    std::string Sha256() const; // valid after Close()

private:
    static constexpr size_t kBufferSize = 1 << 20;
    void Flush();

    std::filesystem::path path_;
    int fd_ = -1;
    std::string buffer_;
    uint64_t bytes_ = 0;
    evp_md_ctx_st* hash_ = nullptr;
    unsigned char digest_[32] = {};
    std::string error_;
};

} // namespace kiosk
