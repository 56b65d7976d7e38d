// ChildProcess (core/base/child_process.h) with real /bin/sh children: output captured from
// both streams, exit codes and signals, a missing program, a long child ended on destruction
// with nothing left behind (no zombie, no orphan), and the event callback.
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <thread>

#include <catch2/catch.hpp>

#include "base/child_process.h"

using namespace kiosk;

namespace {

std::vector<std::string> Sh(const std::string& script) {
    return {"/bin/sh", "-c", script};
}

// "Z" when `pid` is a zombie, another state letter when it lives, "" once it is gone.
std::string ProcessState(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) return "";
    const size_t paren = line.rfind(')');
    return paren == std::string::npos || paren + 2 >= line.size() ? "" : line.substr(paren + 2, 1);
}

} // namespace

TEST_CASE("a child's stdout, stderr and exit code are captured") {
    ChildProcess child;
    std::atomic<int> events = 0;
    std::string error;
    REQUIRE(child.Start(
        Sh("echo out-1; echo err-1 >&2; printf 'out-2'; exit 3"), [&] { events++; }, error));
    REQUIRE(child.Wait(10));
    CHECK_FALSE(child.Running());
    CHECK(child.ExitCode() == 3);
    CHECK(child.Stdout() == "out-1\nout-2");
    CHECK(child.Stderr() == "err-1\n");
    const std::vector<std::string> lines = child.LastLines(10);
    CHECK(lines.size() == 3);
    CHECK(std::find(lines.begin(), lines.end(), "out-2") != lines.end()); // a last line without '\n'
    CHECK(events >= 2);                                                   // output, then the end
    CHECK(ProcessState(child.Pid()).empty());                             // reaped: no zombie
}

TEST_CASE("a progress bar's carriage returns make lines, and only the last ones are kept") {
    ChildProcess child;
    std::string error;
    REQUIRE(child.Start(Sh("printf 'a\\rb\\rc\\n'; for i in 1 2 3 4 5; do echo line-$i; done"), {}, error));
    REQUIRE(child.Wait(10));
    CHECK(child.ExitCode() == 0);
    CHECK(child.LastLines(2) == std::vector<std::string>{"line-4", "line-5"});
    CHECK(child.LastLines(8).front() == "a");
}

TEST_CASE("a child ended by a signal reports it as a negative code") {
    ChildProcess child;
    std::string error;
    REQUIRE(child.Start(Sh("kill -9 $$"), {}, error));
    REQUIRE(child.Wait(10));
    CHECK(child.ExitCode() == -SIGKILL);
}

TEST_CASE("a missing program is an error in words, and no child is left") {
    ChildProcess child;
    std::string error;
    CHECK_FALSE(child.Start({"/nonexistent/kiosk-sync", "status"}, {}, error));
    CHECK(error.find("/nonexistent/kiosk-sync") != std::string::npos);
    CHECK(error.find("No such file") != std::string::npos);
    CHECK_FALSE(child.Running());
    CHECK_FALSE(child.ExitCode());
}

TEST_CASE("a second start while the child runs is refused, and after it a new child starts afresh") {
    ChildProcess child;
    std::string error;
    REQUIRE(child.Start(Sh("sleep 0.3; echo first"), {}, error));
    CHECK_FALSE(child.Start(Sh("echo second"), {}, error));
    CHECK(error.find("still running") != std::string::npos);
    REQUIRE(child.Wait(10));
    CHECK(child.Stdout() == "first\n");
    REQUIRE(child.Start(Sh("echo second"), {}, error));
    REQUIRE(child.Wait(10));
    CHECK(child.Stdout() == "second\n");
}

TEST_CASE("destroying the runner ends a long child and its own children, leaving no zombie") {
    pid_t pid = 0, grandchild = 0;
    const auto start = std::chrono::steady_clock::now();
    {
        ChildProcess child;
        std::string error;
        // The shell starts a sleep of its own and waits: both must go.
        REQUIRE(child.Start(Sh("sleep 60 & echo $!; wait"), {}, error, 0.5));
        pid = child.Pid();
        for (int i = 0; i < 500 && child.Stdout().empty(); i++)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        grandchild = (pid_t)std::stol(child.Stdout());
        CHECK(child.Running());
        CHECK_FALSE(ProcessState(grandchild).empty());
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(ProcessState(pid).empty()); // reaped by the runner
    // The sleep was the shell's child, not ours: once killed it is reaped by init, so wait a little.
    for (int i = 0; i < 200 && !ProcessState(grandchild).empty() && ProcessState(grandchild) != "Z"; i++)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const std::string state = ProcessState(grandchild);
    CHECK((state.empty() || state == "Z"));
}

TEST_CASE("a child that ignores SIGTERM is killed after the grace period") {
    pid_t pid = 0;
    const auto start = std::chrono::steady_clock::now();
    {
        ChildProcess child;
        std::string error;
        REQUIRE(child.Start(Sh("trap '' TERM; echo ready; while :; do sleep 0.05; done"), {}, error, 0.3));
        pid = child.Pid();
        for (int i = 0; i < 500 && child.Stdout().empty(); i++)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(ProcessState(pid).empty());
}
