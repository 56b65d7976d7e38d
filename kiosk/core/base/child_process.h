// ChildProcess: runs a program as a child process without blocking the caller — the staff
// panel runs kiosk-sync this way, because the kiosk may not link libcurl, libsodium or
// OpenSSL (tests/unit/kiosk_links_test.sh) and a run can take minutes while the screen must
// stay fluid.
//
// The child gets /dev/null as stdin and pipes as stdout and stderr, in a process group of
// its own. A worker thread reads both pipes as output arrives, then reaps the child (no
// zombie) and keeps its exit status. `on_event` is called on that thread after each piece of
// output and once at the end (the kiosk passes WakeMainLoop). Destroying a ChildProcess
// whose child still runs ends it: SIGTERM to its group, SIGKILL after `kill_grace` seconds.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace kiosk {

class ChildProcess {
public:
    ChildProcess() = default;
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Starts argv[0] (a path: no PATH search) with `argv`. False, with `error` in words
    // ("cannot run /x/kiosk-sync: No such file or directory"), when it could not start or a
    // child already runs. A finished child's output and status are forgotten.
    bool Start(const std::vector<std::string>& argv, std::function<void()> on_event, std::string& error,
               double kill_grace = 2.0);

    bool Started() const; // Start succeeded at least once
    bool Running() const; // started and not yet reaped

    // Once reaped: the exit code (0…255), or -N when signal N ended it. Nothing before.
    std::optional<int> ExitCode() const;

    // What the child wrote so far (each capped: the first 4 MiB are kept).
    std::string Stdout() const;
    std::string Stderr() const;
    // The last `count` non-empty lines written on either stream, in the order they came (a
    // progress bar's '\r' starts a line too).
    std::vector<std::string> LastLines(size_t count) const;

    // Waits up to `seconds` for the child to be reaped and its last `on_event` call to
    // return; true if it was (tests, shutdown).
    bool Wait(double seconds) const;

    // Ends the child now (SIGTERM to its group, SIGKILL after the grace) and waits for it.
    void Stop();

    pid_t Pid() const; // 0 when none was started

private:
    void ReadLoop(int out_fd, int err_fd);
    void Append(int stream, const char* data, size_t size);
    void Signal(int signal);
    void Join();

    mutable std::mutex mutex_;
    mutable std::condition_variable reaped_cv_;
    std::thread worker_;
    std::function<void()> on_event_;
    pid_t pid_ = 0;
    bool running_ = false;
    bool reaped_ = true;
    bool waited_ = true; // reaped, and the last on_event returned
    double kill_grace_ = 2.0;
    std::optional<int> exit_code_;
    std::string out_, err_;
    std::vector<std::string> lines_; // complete lines, newest last (bounded)
    std::string partial_[2];         // the line each stream is writing
};

} // namespace kiosk
