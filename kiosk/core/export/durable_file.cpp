#include "export/durable_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <fmt/format.h>

namespace kiosk {

namespace {

std::string Hex(const unsigned char* bytes, size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (size_t i = 0; i < size; i++) {
        out[2 * i] = kDigits[bytes[i] >> 4];
        out[2 * i + 1] = kDigits[bytes[i] & 15];
    }
    return out;
}

} // namespace

bool WriteFileDurably(const std::filesystem::path& path, std::string_view bytes, std::string& error) {
    const std::filesystem::path tmp = path.parent_path() / fmt::format(".{}.tmp", path.filename().string());
    HashedFile file;
    if (!file.Open(tmp, error)) return false;
    file.Append(bytes);
    if (!file.Close(error)) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        return false;
    }
    return RenameDurably(tmp, path, error);
}

std::string Sha256Hex(std::string_view bytes) {
    unsigned char digest[32];
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
    return Hex(digest, size);
}

HashedFile::~HashedFile() {
    if (fd_ >= 0) ::close(fd_);
    EVP_MD_CTX_free(hash_);
}

bool HashedFile::Open(const std::filesystem::path& path, std::string& error) {
    path_ = path;
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        error = fmt::format("cannot create {}: {}", path.string(), std::strerror(errno));
        return false;
    }
    buffer_.reserve(kBufferSize);
    bytes_ = 0;
    error_.clear();
    if (!hash_) hash_ = EVP_MD_CTX_new();
    if (!hash_ || EVP_DigestInit_ex(hash_, EVP_sha256(), nullptr) != 1) {
        error = "cannot initialise SHA-256 (OpenSSL)";
        return false;
    }
    return true;
}

void HashedFile::Flush() {
    if (buffer_.empty() || fd_ < 0) return;
    if (error_.empty()) {
        EVP_DigestUpdate(hash_, buffer_.data(), buffer_.size());
        if (WriteAllBytes(fd_, std::string_view(buffer_.data(), buffer_.size())))
            bytes_ += buffer_.size();
        else
            error_ = fmt::format("cannot write {}: {}", path_.string(), std::strerror(errno));
    }
    buffer_.clear();
}

bool HashedFile::Close(std::string& error) {
    if (fd_ < 0) {
        error = fmt::format("{} is not open", path_.string());
        return false;
    }
    Flush();
    if (error_.empty() && ::fsync(fd_) != 0)
        error_ = fmt::format("cannot sync {}: {}", path_.string(), std::strerror(errno));
    if (::close(fd_) != 0 && error_.empty())
        error_ = fmt::format("cannot close {}: {}", path_.string(), std::strerror(errno));
    fd_ = -1;
    unsigned int size = 0;
    EVP_DigestFinal_ex(hash_, digest_, &size);
    if (!error_.empty()) error = error_;
    return error_.empty();
}

std::string HashedFile::Sha256() const {
    return Hex(digest_, sizeof digest_);
}

} // namespace kiosk
