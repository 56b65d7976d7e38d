// Shell benchmark: prints figures, asserts nothing.
//
//   shell_bench KIOSK_BINARY REFERENCE_BINARY CONFIG [IDLE_SECONDS]
//
// Runs on the X display in $DISPLAY (shell_bench.sh starts an Xvfb). For the kiosk (full
// screen, then windowed at the screen's size) and for a bare SDL+GL window (the reference:
// same display, same run, windowed) it measures:
//   - time from spawning the process to its first presented frame (5 runs, median);
//     on X11 without a window manager, SDL waits up to 100 ms for one when going full
//     screen (X11_SetWindowFullscreenViaWM), hence the windowed figure next to it;
//   - PSS and RSS memory (the kiosk: on its home screen, after a click). Most of both is
//     Mesa's llvmpipe (libLLVM's JIT code), which a kiosk with a GPU does not load; PSS
//     also shrinks when other processes map the same libraries;
//   - CPU used over IDLE_SECONDS (default 30) while idle (the kiosk: on its attract
//     screen), each process's own CPU and the X server's (which receives every frame).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Child {
    pid_t pid = -1;
    FILE* err = nullptr; // the child's stderr
};

Child Spawn(const std::vector<std::string>& args) {
    int fds[2];
    if (pipe(fds) != 0) std::exit(2);
    Child child;
    child.pid = fork();
    if (child.pid == 0) {
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        std::vector<char*> argv;
        for (const std::string& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    child.err = fdopen(fds[0], "r");
    return child;
}

// Seconds until a stderr line containing `marker`, or -1 if the child ended first.
double WaitForLine(Child& child, const char* marker, Clock::time_point start) {
    char line[4096];
    while (std::fgets(line, sizeof line, child.err))
        if (std::strstr(line, marker)) return std::chrono::duration<double>(Clock::now() - start).count();
    return -1;
}

void Stop(Child& child) {
    kill(child.pid, SIGTERM);
    // Drain stderr so the child never blocks on a full pipe while quitting.
    char line[4096];
    while (std::fgets(line, sizeof line, child.err)) {}
    waitpid(child.pid, nullptr, 0);
    fclose(child.err);
}

double CpuSeconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string content((std::istreambuf_iterator<char>(stat)), {});
    std::istringstream fields(content.substr(content.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; i++) {
        if (i == 14) utime = std::stol(field);
        if (i == 15) stime = std::stol(field);
    }
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

// A field of /proc/PID/smaps_rollup ("Pss:", "Rss:") in MiB.
double RollupMiB(pid_t pid, const std::string& field) {
    std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string key;
    long kib = 0;
    while (rollup >> key) {
        if (key == field) {
            rollup >> kib;
            break;
        }
    }
    return kib / 1024.0;
}

pid_t XServerPid() {
    const char* display = std::getenv("XVFB_PID");
    return display ? (pid_t)std::atoi(display) : -1;
}

struct Figures {
    double first_frame_ms = 0;
    double pss_mib = 0;
    double rss_mib = 0;
    double idle_cpu_percent = 0;
    double x_cpu_percent = 0;
};

Figures Measure(const std::vector<std::string>& args, const char* marker, bool click_to_home,
                double idle_seconds) {
    Figures f;
    std::vector<double> starts;
    for (int run = 0; run < 5; run++) {
        Clock::time_point start = Clock::now();
        Child child = Spawn(args);
        double seconds = WaitForLine(child, marker, start);
        starts.push_back(seconds * 1000.0);
        if (run < 4) {
            Stop(child);
            continue;
        }
        // Last run: idle CPU where the process rests first (the kiosk: the attract screen)...
        std::this_thread::sleep_for(std::chrono::seconds(2));
        pid_t x = XServerPid();
        double cpu0 = CpuSeconds(child.pid), x0 = x > 0 ? CpuSeconds(x) : 0;
        Clock::time_point t0 = Clock::now();
        std::this_thread::sleep_for(std::chrono::duration<double>(idle_seconds));
        double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
        f.idle_cpu_percent = (CpuSeconds(child.pid) - cpu0) / elapsed * 100.0;
        f.x_cpu_percent = x > 0 ? (CpuSeconds(x) - x0) / elapsed * 100.0 : 0;
        // ...then memory (the kiosk: on the home screen, after a click).
        if (click_to_home) {
            std::system("xdotool mousemove 400 300 click 1");
            std::this_thread::sleep_for(std::chrono::seconds(2));
        }
        f.pss_mib = RollupMiB(child.pid, "Pss:");
        f.rss_mib = RollupMiB(child.pid, "Rss:");
        Stop(child);
    }
    std::sort(starts.begin(), starts.end());
    f.first_frame_ms = starts[starts.size() / 2];
    return f;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: shell_bench KIOSK REFERENCE CONFIG [IDLE_SECONDS]\n");
        return 2;
    }
    const double idle = argc > 4 ? std::atof(argv[4]) : 30.0;
    std::string db = "/tmp/shell-bench-" + std::to_string(getpid()) + ".db";
    Figures full = Measure({argv[1], "--config", argv[3], "--db", db}, "first frame presented", true, idle);
    Figures windowed =
        Measure({argv[1], "--config", argv[3], "--db", db, "--windowed", "--size", "1920x1080"},
                "first frame presented", true, 5);
    Figures bare = Measure({argv[2]}, "first frame presented", false, idle);
    std::remove(db.c_str());

    std::printf(
        "shell benchmark (Xvfb 1920x1080, Mesa llvmpipe); reference = bare SDL2+GL window, windowed\n");
    std::printf("%-36s %11s %9s %10s %14s\n", "figure", "kiosk full", "windowed", "reference",
                "ratio (wind.)");
    std::printf("%-36s %11.0f %9.0f %10.0f %14.2f\n", "start to first frame (ms, median of 5)",
                full.first_frame_ms, windowed.first_frame_ms, bare.first_frame_ms,
                windowed.first_frame_ms / bare.first_frame_ms);
    std::printf("%-36s %11.1f %9.1f %10.1f %14.2f\n", "PSS (MiB; kiosk on its home screen)", full.pss_mib,
                windowed.pss_mib, bare.pss_mib, windowed.pss_mib / bare.pss_mib);
    std::printf("%-36s %11.1f %9.1f %10.1f %14.2f\n", "RSS (MiB; kiosk on its home screen)", full.rss_mib,
                windowed.rss_mib, bare.rss_mib, windowed.rss_mib / bare.rss_mib);
    std::printf("%-36s %11.2f %9s %10.2f\n", "idle CPU, own (% of one core)", full.idle_cpu_percent, "",
                bare.idle_cpu_percent);
    std::printf("%-36s %11.2f %9s %10.2f\n", "idle CPU, X server (% of one core)", full.x_cpu_percent, "",
                bare.x_cpu_percent);
    std::printf("(idle over %.0f s: the kiosk on its attract screen, pulsing at display.attract_fps)\n",
                idle);
    return 0;
}
