#include "set_pin.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <termios.h>
#include <unistd.h>

#include <fmt/format.h>

#include "staff/pin.h"
#include "staff/pin_hash_edit.h"

namespace kiosk {

namespace {

// Room for a line: a PIN is at most 12 digits; longer lines are read to their end and
// refused. The strings are reserved to this size once, so they never reallocate and leave
// no copy of the PIN in freed memory for WipeSecret to miss.
constexpr size_t kLineCapacity = 64;

enum class LineRead { Line, End, Failed };

// One line from `fd`, byte by byte (stdio would keep a copy in its buffer), without its line
// break. `too_long` when it did not fit.
LineRead ReadSecretLine(int fd, std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return LineRead::Failed;
        if (n == 0) break;
        any = true;
        if (c == '\n') break;
        if (line.size() + 1 < kLineCapacity)
            line.push_back(c);
        else
            too_long = true;
    }
    *static_cast<volatile char*>(&c) = 0;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return any ? LineRead::Line : LineRead::End;
}

// Echo off on the terminal while the PIN is typed, restored on every way out: normal return,
// and the signals a person sends to give up (Ctrl-C, Ctrl-\, a closed terminal, kill).
termios g_saved_termios;
volatile sig_atomic_t g_echo_is_off = 0;

void RestoreEchoThenDie(int sig) {
    if (g_echo_is_off) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved_termios); // async-signal-safe
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

class EchoOff {
public:
    EchoOff() {
        if (::tcgetattr(STDIN_FILENO, &g_saved_termios) != 0) return;
        for (int sig : kSignals)
            ::signal(sig, RestoreEchoThenDie);
        termios quiet = g_saved_termios;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        quiet.c_lflag |= ECHONL; // the line break still shows: the next prompt starts a line
        g_echo_is_off = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (g_echo_is_off) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved_termios);
        g_echo_is_off = 0;
        for (int sig : kSignals)
            ::signal(sig, SIG_DFL);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    static constexpr int kSignals[] = {SIGINT, SIGQUIT, SIGHUP, SIGTERM};
};

void Prompt(const std::string& text) {
    std::fputs(text.c_str(), stderr);
    std::fflush(stderr);
}

int Refuse(const std::string& why) {
    std::fprintf(stderr, "kiosk: --set-pin: %s; nothing changed\n", why.c_str());
    return 2;
}

} // namespace

int RunSetPin(const std::filesystem::path& config_file) {
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    std::string first, second;
    first.reserve(kLineCapacity);
    second.reserve(kLineCapacity);
    bool first_too_long = false, second_too_long = false;
    LineRead first_read = LineRead::End, second_read = LineRead::End;
    {
        std::optional<EchoOff> echo_off;
        if (terminal) {
            echo_off.emplace();
            Prompt(fmt::format("New staff PIN ({} to {} digits): ", kPinMinDigits, kPinMaxDigits));
        }
        first_read = ReadSecretLine(STDIN_FILENO, first, first_too_long);
        if (first_read == LineRead::Line) {
            if (terminal) Prompt("The same PIN again: ");
            second_read = ReadSecretLine(STDIN_FILENO, second, second_too_long);
        }
    }
    const bool both_read = first_read == LineRead::Line && second_read == LineRead::Line;
    const bool same = both_read && first_too_long == second_too_long && first == second;
    std::optional<std::string> problem;
    if (same)
        problem = first_too_long ? fmt::format("use {} to {} digits", kPinMinDigits, kPinMaxDigits)
                                 : PinRuleProblem(first);
    WipeSecret(second);
    if (!both_read || !same || problem) {
        WipeSecret(first);
        if (first_read == LineRead::Failed || second_read == LineRead::Failed)
            return Refuse(fmt::format("cannot read the PIN: {}", std::strerror(errno)));
        if (!both_read)
            return Refuse(terminal ? "the PIN was not entered twice"
                                   : "give the PIN twice on stdin, one line each");
        if (!same) return Refuse("the two PINs differ");
        return Refuse("PIN refused: " + *problem);
    }

    std::string error;
    const std::optional<std::string> hash = HashPin(first, error); // wipes `first`
    if (!hash || !WritePinHash(config_file, *hash, error)) {
        std::fprintf(stderr, "kiosk: --set-pin: %s; nothing changed\n", error.c_str());
        return 1;
    }
    std::printf("%s: staff PIN set ([staff] pin_hash)\n", config_file.c_str());
    return 0;
}

} // namespace kiosk
