// Child of the kill test: records responses as fast as it can, through the kiosk's store,
// and prints each response's UUID on stdout only once its COMMIT returned — the moment the
// kiosk would show the thank-you screen. The parent kills it with SIGKILL at random moments.
//
//   store_kill_child DATABASE SURVEY_FILE SEED
#include <cstdio>
#include <random>

#include "base/log.h"
#include "store/response_store.h"
#include "survey/survey_loader.h"
#include "survey/synthetic_answers.h"

using namespace kiosk;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: store_kill_child DATABASE SURVEY_FILE SEED\n");
        return 2;
    }
    SetLogProgramName("store_kill_child");
    SetLogLevel(LogLevel::Warning); // 220 starts: only problems are worth a line
    Diagnostics diags;
    std::optional<Survey> survey = LoadSurveyFile(argv[2], {"fr", "en"}, diags);
    if (!survey) {
        std::fprintf(stderr, "%s", diags.FormatAll().c_str());
        return 1;
    }
    StoreOptions options;
    options.database = argv[1];
    options.retry_seconds = 0.01;
    options.max_retry_seconds = 0.05;
    ResponseStore store(options);
    std::mt19937_64 rng(std::stoull(argv[3]));
    for (long long i = 0;; i++) {
        Response r = SyntheticResponse(*survey, "kill-test", "fr", 1795000000000LL + i, rng);
        const Ticket ticket = store.Submit(r);
        if (!store.WaitCommitted(ticket, 60.0)) return 3;
        // One write(2) per line, below PIPE_BUF: the parent never sees half a UUID.
        std::printf("%s\n", r.uuid.c_str());
        std::fflush(stdout);
    }
}
