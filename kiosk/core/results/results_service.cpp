#include "results/results_service.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include <fmt/format.h>
#include <sqlite3.h>

#include "base/log.h"
#include "store/schema.h"

namespace kiosk {

namespace {

using Clock = std::chrono::steady_clock;

// One survey's results, or (participation = true) the participation figures.
struct Key {
    bool participation = false;
    std::string survey_id;
    ResultsFilter filter;
    ParticipationFilter participation_filter;
    bool operator<(const Key& o) const {
        const auto& a = participation_filter;
        const auto& b = o.participation_filter;
        if (participation != o.participation) return participation < o.participation;
        if (survey_id != o.survey_id) return survey_id < o.survey_id;
        if (filter < o.filter) return true;
        if (o.filter < filter) return false;
        return std::tie(a.from_date, a.to_date, a.survey_ids, a.include_test) <
               std::tie(b.from_date, b.to_date, b.survey_ids, b.include_test);
    }
};

struct Entry {
    std::shared_ptr<const SurveyResults> results;
    std::shared_ptr<const ParticipationView> participation;
    bool stale = true; // needs a (re)computation
    bool computing = false;
    std::string error;
    Clock::time_point last_asked;
};

} // namespace

struct ResultsService::Impl {
    explicit Impl(ResultsServiceOptions o) : options(std::move(o)) {}

    ResultsServiceOptions options;

    mutable std::mutex mutex;
    mutable std::condition_variable changed; // WaitIdle
    std::condition_variable wake;            // the worker
    std::map<Key, Entry> entries;
    bool stop = false;
    Counters counters;

    // Worker thread only.
    sqlite3* db = nullptr;
    std::thread thread;

    const Survey* FindSurvey(std::string_view id) const {
        for (const Survey& s : options.surveys)
            if (s.id == id) return &s;
        return nullptr;
    }

    bool OpenDatabase(std::string& error) {
        if (db) return true;
        std::error_code ec;
        if (!std::filesystem::exists(options.database, ec)) {
            error = fmt::format("{} does not exist yet", options.database.string());
            return false;
        }
        // Read-only: this connection never writes and never checkpoints (docs/storage.md).
        if (sqlite3_open_v2(options.database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            error = fmt::format("cannot open {}: {}", options.database.string(), sqlite3_errmsg(db));
            sqlite3_close(db);
            db = nullptr;
            return false;
        }
        if (!ConfigureConnection(db, true, error)) {
            sqlite3_close(db);
            db = nullptr;
            return false;
        }
        // A larger page cache than SQLite's 2 MB, and reads through mmap (no copy per page):
        // a first computation over a million responses reads hundreds of MB of b-trees.
        const std::string tuning = fmt::format("PRAGMA cache_size = -{}; PRAGMA mmap_size = {};",
                                               options.cache_mib * 1024, 1LL << 32);
        sqlite3_exec(db, tuning.c_str(), nullptr, nullptr, nullptr);
        if (SchemaVersion(db) < kSchemaVersion) {
            // The kiosk migrates at start-up; until then there are no tables to read.
            error = fmt::format("{} has schema version {}, waiting for the kiosk to migrate it",
                                options.database.string(), SchemaVersion(db));
            sqlite3_close(db);
            db = nullptr;
            return false;
        }
        return true;
    }

    void Run();
};

void ResultsService::Impl::Run() {
    std::unique_lock guard(mutex);
    while (true) {
        wake.wait(guard, [&] {
            if (stop) return true;
            for (const auto& [key, e] : entries)
                if (e.stale) return true;
            return false;
        });
        if (stop) break;
        // Forget what nobody looked at for a while.
        const Clock::time_point now = Clock::now();
        for (auto it = entries.begin(); it != entries.end();)
            it = now - it->second.last_asked > std::chrono::duration<double>(options.forget_after_seconds)
                     ? entries.erase(it)
                     : std::next(it);
        // One stale entry per turn, so that a new request is served between long ones.
        auto it = entries.begin();
        while (it != entries.end() && !it->second.stale)
            ++it;
        if (it == entries.end()) continue;
        const Key key = it->first;
        it->second.stale = false;
        it->second.computing = true;
        guard.unlock();

        std::string error;
        std::shared_ptr<SurveyResults> after;
        std::shared_ptr<ParticipationView> participation;
        if (key.participation) {
            if (OpenDatabase(error)) {
                participation = std::make_shared<ParticipationView>();
                participation->figures.filter = key.participation_filter;
                if (!ComputeParticipation(db, participation->figures, error) ||
                    !ComputeRepresentativeness(db, key.participation_filter, options.profile,
                                               participation->representativeness, error)) {
                    participation.reset();
                    sqlite3_close(db);
                    db = nullptr;
                }
            }
            if (!error.empty()) LogError("results: participation: {}", error);
        } else if (const Survey* survey = FindSurvey(key.survey_id); !survey) {
            error = fmt::format("no survey \"{}\"", key.survey_id);
        } else if (OpenDatabase(error)) {
            after = std::make_shared<SurveyResults>(EmptyResults(*survey, key.filter));
            if (!ComputeResults(db, *survey, *after, error)) {
                after.reset();
                // A database replaced under us (moved aside when corrupt): start again.
                sqlite3_close(db);
                db = nullptr;
            }
        }
        if (!error.empty() && !key.participation) LogError("results: {}: {}", key.survey_id, error);

        guard.lock();
        counters.runs++;
        if (auto found = entries.find(key); found != entries.end()) {
            found->second.computing = false;
            found->second.error = error;
            if (after) found->second.results = std::move(after);
            if (participation) found->second.participation = std::move(participation);
        }
        guard.unlock();
        changed.notify_all();
        if (options.on_update) options.on_update();
        guard.lock();
    }
    guard.unlock();
    sqlite3_close(db);
    db = nullptr;
}

ResultsService::ResultsService(ResultsServiceOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {
    impl_->thread = std::thread([impl = impl_.get()] { impl->Run(); });
}

ResultsService::~ResultsService() {
    {
        std::lock_guard guard(impl_->mutex);
        impl_->stop = true;
    }
    impl_->wake.notify_all();
    if (impl_->thread.joinable()) impl_->thread.join();
}

ResultsSnapshot ResultsService::Get(std::string_view survey_id, const ResultsFilter& filter) {
    ResultsSnapshot out;
    bool is_new = false;
    {
        std::lock_guard guard(impl_->mutex);
        auto [it, inserted] =
            impl_->entries.try_emplace(Key{.survey_id = std::string(survey_id), .filter = filter});
        Entry& e = it->second;
        e.last_asked = Clock::now();
        is_new = inserted;
        out.results = e.results;
        out.refreshing = e.stale || e.computing;
        out.error = e.error;
    }
    if (is_new) impl_->wake.notify_all();
    return out;
}

ParticipationSnapshot ResultsService::GetParticipation(const ParticipationFilter& filter) {
    ParticipationSnapshot out;
    bool is_new = false;
    {
        std::lock_guard guard(impl_->mutex);
        auto [it, inserted] =
            impl_->entries.try_emplace(Key{.participation = true, .participation_filter = filter});
        Entry& e = it->second;
        e.last_asked = Clock::now();
        is_new = inserted;
        out.view = e.participation;
        out.refreshing = e.stale || e.computing;
        out.error = e.error;
    }
    if (is_new) impl_->wake.notify_all();
    return out;
}

void ResultsService::NotifyChanged() {
    {
        std::lock_guard guard(impl_->mutex);
        for (auto& [key, e] : impl_->entries)
            e.stale = true;
    }
    impl_->wake.notify_all();
}

bool ResultsService::WaitIdle(double timeout_seconds) const {
    std::unique_lock guard(impl_->mutex);
    return impl_->changed.wait_for(guard, std::chrono::duration<double>(timeout_seconds), [&] {
        for (const auto& [key, e] : impl_->entries)
            if (e.stale || e.computing) return false;
        return true;
    });
}

ResultsService::Counters ResultsService::Stats() const {
    std::lock_guard guard(impl_->mutex);
    return impl_->counters;
}

} // namespace kiosk
