// ResultsService: the staff panel's survey results, kept fresh off the UI thread (issue 12).
//
// The UI calls Get(survey, filter) every frame it draws results: it returns at once with
// the last computed snapshot (shared, immutable) and whether a newer one is being computed.
// No SQL ever runs on the caller's thread and nothing is queried per frame: a worker thread
// with its own READ-ONLY connection (docs/storage.md, "One writer": it never writes nor
// checkpoints) computes the results of each (survey, filter) asked for and caches them.
//
// Refreshing: NotifyChanged() (give it to the ResponseStore's on_change, beside
// WakeMainLoop) marks every cached entry stale; the worker computes them again. That is
// cheap whatever the number of responses: the figures are sums of the tallies the writer
// keeps as it commits (results.h), and the free-text lists are read again (staff may have
// hidden one). A burst of commits is coalesced into one refresh. `on_update` (the kiosk
// passes WakeMainLoop) is called from the worker after a new snapshot is published.
//
// Entries nobody asked for during `forget_after_seconds` are dropped (a filter the staff
// left). Thread safety: every public method may be called from any thread.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "results/participation.h"
#include "results/results.h"
#include "survey/survey.h"

namespace kiosk {

struct ResultsServiceOptions {
    std::filesystem::path database;  // responses.db (opened read-only; may not exist yet)
    std::vector<Survey> surveys;     // the surveys and polls whose results may be asked for
    ProfileBlock profile;            // "About you": whom the participation view compares with
    std::function<void()> on_update; // called on the worker thread after a new snapshot (may be empty)
    int cache_mib = 64;              // SQLite page cache of the worker's connection
    double forget_after_seconds = 300;
};

struct ResultsSnapshot {
    std::shared_ptr<const SurveyResults> results; // null until first computed
    bool refreshing = false;                      // a newer snapshot is being computed
    std::string error;                            // the last failure ("" when the last run succeeded)
};

// The participation view's figures (issue 13): who took part, and against the neighbourhood.
struct ParticipationView {
    ParticipationFigures figures;
    Representativeness representativeness;
};

struct ParticipationSnapshot {
    std::shared_ptr<const ParticipationView> view; // null until first computed
    bool refreshing = false;
    std::string error;
};

class ResultsService {
public:
    explicit ResultsService(ResultsServiceOptions options);
    ~ResultsService();
    ResultsService(const ResultsService&) = delete;
    ResultsService& operator=(const ResultsService&) = delete;

    // Never blocks on SQL. The first call for a (survey, filter) starts computing it and
    // returns refreshing = true with no results; an unknown survey gives an error.
    ResultsSnapshot Get(std::string_view survey_id, const ResultsFilter& filter);

    // The same for the participation figures, cached and refreshed like the results.
    ParticipationSnapshot GetParticipation(const ParticipationFilter& filter);

    // New responses were committed or an answer hidden (the store's on_change): refresh.
    void NotifyChanged();

    // --- tests and benchmarks only ---
    // Waits until no entry is stale or being computed (true) or the timeout passed (false).
    bool WaitIdle(double timeout_seconds) const;
    // How many computations the worker ran (a burst of NotifyChanged coalesces into one).
    struct Counters {
        int64_t runs = 0;
    };
    Counters Stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk
