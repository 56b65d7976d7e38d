#include "base/child_process.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

extern char** environ;

namespace kiosk {

namespace {

constexpr size_t kMaxCapture =
    4u << 20; // a status is a few kB; a runaway child must not eat the kiosk's memory
constexpr size_t kMaxLines = 200;

// Owns the spawn attributes for the length of one Start.
struct SpawnSetup {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    SpawnSetup() {
        posix_spawn_file_actions_init(&actions);
        posix_spawnattr_init(&attr);
    }
    ~SpawnSetup() {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
    }
};

void CloseIfOpen(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

} // namespace

ChildProcess::~ChildProcess() {
    Stop();
}

bool ChildProcess::Start(const std::vector<std::string>& argv, std::function<void()> on_event,
                         std::string& error, double kill_grace) {
    if (argv.empty()) {
        error = "nothing to run";
        return false;
    }
    if (Running()) {
        error = fmt::format("cannot run {}: {} is still running", argv[0], pid_);
        return false;
    }
    Join(); // the previous child's reader has finished: it reaped it
    int out[2] = {-1, -1}, err[2] = {-1, -1};
    // O_CLOEXEC: a child started later (or this one's siblings) must not hold these pipes open.
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
        error = fmt::format("cannot run {}: pipe: {}", argv[0], std::strerror(errno));
        for (int* fd : {&out[0], &out[1], &err[0], &err[1]})
            CloseIfOpen(*fd);
        return false;
    }
    SpawnSetup setup;
    posix_spawn_file_actions_addopen(&setup.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&setup.actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&setup.actions, err[1], STDERR_FILENO);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    // Whatever the kiosk has open without O_CLOEXEC (a library's file) stays out of the child.
    posix_spawn_file_actions_addclosefrom_np(&setup.actions, 3);
#endif
    // Its own process group, so that stopping it stops whatever it started too; default
    // signal dispositions and mask, since ignored signals survive exec.
    sigset_t defaults, empty;
    sigemptyset(&empty);
    sigemptyset(&defaults);
    for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGQUIT})
        sigaddset(&defaults, s);
    posix_spawnattr_setflags(&setup.attr,
                             POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    posix_spawnattr_setpgroup(&setup.attr, 0);
    posix_spawnattr_setsigdefault(&setup.attr, &defaults);
    posix_spawnattr_setsigmask(&setup.attr, &empty);

    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0].c_str(), &setup.actions, &setup.attr, args.data(), environ);
    CloseIfOpen(out[1]);
    CloseIfOpen(err[1]);
    if (rc != 0) {
        // glibc reports a failed exec here (a missing or non-executable file): no child is left.
        error = fmt::format("cannot run {}: {}", argv[0], std::strerror(rc));
        CloseIfOpen(out[0]);
        CloseIfOpen(err[0]);
        return false;
    }
    {
        std::lock_guard lock(mutex_);
        pid_ = pid;
        running_ = true;
        reaped_ = false;
        waited_ = false;
        exit_code_.reset();
        out_.clear();
        err_.clear();
        lines_.clear();
        partial_[0].clear();
        partial_[1].clear();
        on_event_ = std::move(on_event);
        kill_grace_ = kill_grace;
    }
    worker_ = std::thread([this, o = out[0], e = err[0]] { ReadLoop(o, e); });
    return true;
}

void ChildProcess::ReadLoop(int out_fd, int err_fd) {
    int fds[2] = {out_fd, err_fd};
    char buffer[16384];
    while (fds[0] >= 0 || fds[1] >= 0) {
        pollfd p[2];
        int n = 0;
        int stream_of[2];
        for (int s = 0; s < 2; s++) {
            if (fds[s] < 0) continue;
            p[n] = {fds[s], POLLIN, 0};
            stream_of[n++] = s;
        }
        if (::poll(p, n, -1) < 0) {
            if (errno == EINTR) continue;
            break; // cannot happen with valid descriptors; the child is still reaped below
        }
        bool got = false;
        for (int i = 0; i < n; i++) {
            if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const int s = stream_of[i];
            const ssize_t r = ::read(fds[s], buffer, sizeof buffer);
            if (r > 0) {
                Append(s, buffer, (size_t)r);
                got = true;
            } else if (r == 0 || errno != EINTR) {
                CloseIfOpen(fds[s]); // end of output (or a broken pipe): nothing more comes
            }
        }
        if (got && on_event_) on_event_();
    }
    CloseIfOpen(fds[0]);
    CloseIfOpen(fds[1]);
    // Wait without reaping, then reap under the lock: Signal() never targets a pid that was
    // already reaped (and possibly reused).
    siginfo_t info{};
    while (::waitid(P_PID, (id_t)pid_, &info, WEXITED | WNOWAIT) != 0 && errno == EINTR) {}
    {
        std::lock_guard lock(mutex_);
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {}
        if (WIFEXITED(status))
            exit_code_ = WEXITSTATUS(status);
        else if (WIFSIGNALED(status))
            exit_code_ = -WTERMSIG(status);
        else
            exit_code_ = -1;
        for (std::string& partial : partial_) {
            if (!partial.empty()) lines_.push_back(std::move(partial));
            partial.clear();
        }
        reaped_ = true;
        running_ = false;
    }
    if (on_event_) on_event_();
    {
        std::lock_guard lock(mutex_);
        waited_ = true; // after the last event: Wait() returns once nothing more will happen
    }
    reaped_cv_.notify_all();
}

void ChildProcess::Append(int stream, const char* data, size_t size) {
    std::lock_guard lock(mutex_);
    std::string& all = stream == 0 ? out_ : err_;
    all.append(data, std::min(size, kMaxCapture - std::min(kMaxCapture, all.size())));
    std::string& partial = partial_[stream];
    for (size_t i = 0; i < size; i++) {
        const char c = data[i];
        if (c == '\n' || c == '\r') {
            if (!partial.empty()) lines_.push_back(std::move(partial));
            partial.clear();
            if (lines_.size() > kMaxLines) lines_.erase(lines_.begin());
        } else if (partial.size() < 1000) {
            partial += c;
        }
    }
}

bool ChildProcess::Started() const {
    std::lock_guard lock(mutex_);
    return pid_ != 0;
}

bool ChildProcess::Running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

std::optional<int> ChildProcess::ExitCode() const {
    std::lock_guard lock(mutex_);
    return exit_code_;
}

std::string ChildProcess::Stdout() const {
    std::lock_guard lock(mutex_);
    return out_;
}

std::string ChildProcess::Stderr() const {
    std::lock_guard lock(mutex_);
    return err_;
}

std::vector<std::string> ChildProcess::LastLines(size_t count) const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> lines = lines_;
    for (const std::string& partial : partial_)
        if (!partial.empty()) lines.push_back(partial);
    if (lines.size() > count) lines.erase(lines.begin(), lines.end() - (ptrdiff_t)count);
    return lines;
}

bool ChildProcess::Wait(double seconds) const {
    std::unique_lock lock(mutex_);
    return reaped_cv_.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return waited_; });
}

pid_t ChildProcess::Pid() const {
    std::lock_guard lock(mutex_);
    return pid_;
}

void ChildProcess::Signal(int signal) {
    std::lock_guard lock(mutex_);
    if (reaped_ || pid_ <= 0) return;
    if (::kill(-pid_, signal) != 0) ::kill(pid_, signal);
}

void ChildProcess::Stop() {
    if (Running()) {
        Signal(SIGTERM);
        if (!Wait(kill_grace_)) {
            Signal(SIGKILL);
            Wait(10);
        }
    }
    Join();
}

void ChildProcess::Join() {
    if (worker_.joinable()) worker_.join();
}

} // namespace kiosk
