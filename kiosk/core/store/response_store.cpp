#include "store/response_store.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "base/log.h"
#include "store/response_writer.h"
#include "store/schema.h"
#include "store/timestamp.h"
#include "store/unrecorded_file.h"
#include "store/uuid.h"
#include "store/writer_lock.h"

namespace kiosk {

// [SECTION] Helpers
// [SECTION] Shared state
// [SECTION] The writer thread
// [SECTION] Public interface (any thread, never blocks on SQL)

// -----------------------------------------------------------------------------------------
// [SECTION] Helpers
// -----------------------------------------------------------------------------------------

const char* ToString(StoreFault fault) {
    switch (fault) {
    case StoreFault::None: return "none";
    case StoreFault::Locked: return "locked";
    case StoreFault::ReadOnly: return "read_only";
    case StoreFault::DiskFull: return "disk_full";
    case StoreFault::IoError: return "io_error";
    case StoreFault::TooNew: return "too_new";
    }
    return "io_error";
}

namespace {

// What the log says of a response: ids and counts, never the answers (free text is what a
// resident typed; the log is read and kept by others).
std::string Describe(const Response& r) {
    return fmt::format("uuid {}, survey {} version {}, {} answer row(s)", r.uuid.empty() ? "(none)" : r.uuid,
                       r.survey_id, r.survey_version, r.answers.size());
}

// What makes a response unrecordable whatever the state of the disk (a program bug).
std::optional<std::string> MalformedReason(const Response& r) {
    if (!IsUuidV4(r.uuid)) return "uuid is not a lowercase UUID v4";
    if (r.kiosk_id.empty() || r.survey_id.empty() || r.language.empty())
        return "kiosk_id, survey_id or language is empty";
    if (!ParseUtcMillis(r.started_at) || !ParseUtcMillis(r.submitted_at))
        return "started_at / submitted_at are not UTC ISO-8601 times with milliseconds";
    if (r.duration_ms < 0) return "negative duration";
    if (r.paper_date.has_value() != (r.origin == ResponseOrigin::Paper))
        return "a paper response needs its paper_date, and only a paper response has one";
    if (r.paper_date && !ParseIsoDate(*r.paper_date)) return "paper_date is not a YYYY-MM-DD date";
    for (const Answer& a : r.answers)
        if (a.question_id.empty()) return "an answer has no question id";
    return std::nullopt;
}

// Faults after which the connection is not trusted any more: close it and reopen (which
// runs the integrity check again) on the next attempt. A lock held elsewhere or a full
// disk leave the connection sound.
bool NeedsReopen(StoreFault fault) {
    return fault != StoreFault::Locked && fault != StoreFault::DiskFull;
}

constexpr size_t kRememberedTickets = 4096; // finished tickets whose state stays queryable

} // namespace

// -----------------------------------------------------------------------------------------
// [SECTION] Shared state
// -----------------------------------------------------------------------------------------

struct ResponseStore::Impl {
    struct Entry {
        Ticket ticket;
        Response response;
    };
    struct TicketInfo {
        RecordState state = RecordState::Queued;
        std::string uuid;
    };

    explicit Impl(StoreOptions o) : options(std::move(o)) {
        for (const TalliedPoll& poll : options.polls)
            tallies[poll.survey_id];
        status.database = options.database;
    }

    StoreOptions options;

    // Guarded by `mutex` (never held during SQL).
    mutable std::mutex mutex;
    mutable std::condition_variable changed; // any change (the Wait* calls)
    std::condition_variable wake;            // the writer thread: work, retry or stop
    std::deque<Entry> queue;                 // not yet committed, oldest first
    struct HideRequest {
        std::string uuid, question_id;
        bool hidden;
    };
    std::deque<HideRequest> hide_queue; // SetHidden requests not yet written, oldest first
    std::unordered_map<Ticket, TicketInfo> tickets;
    std::unordered_map<std::string, Ticket> ticket_by_uuid;
    std::deque<Ticket> finished; // committed or rejected, oldest first (for forgetting)
    Ticket next_ticket = 1;
    StoreStatus status;
    bool open_attempted = false;
    std::map<std::string, PollTally, std::less<>> tallies;
    bool stop = false;
    bool last_attempt = true; // at shutdown, try once more to record what is queued
    bool retry_now = false;

    // Writer thread only.
    ResponseWriter writer;
    std::optional<WriterLock> lock;
    bool gave_up = false; // wait_for_lock == false and the lock was held

    std::thread thread;

    void Run();
    bool OpenDatabase();
    void RecordHead(std::unique_lock<std::mutex>& guard);
    // Before any write: the writer lock file must still be the one this process holds.
    // Nothing is written while another process could be writing too (reopening retakes it).
    bool LockLost(WriteOutcome& outcome) const;
    void ApplyHideHead(std::unique_lock<std::mutex>& guard);
    void Drain();
    void SetFault(const WriteOutcome& outcome);
    void Finish(Ticket ticket, RecordState state);
    void CountVote(const Response& r);
    std::atomic<bool> quiet{false}; // shutting down: the UI may be gone, do not wake it
    void Notify() {
        changed.notify_all();
        if (!quiet && options.on_change) options.on_change();
    }
};

void ResponseStore::Impl::Finish(Ticket ticket, RecordState state) {
    tickets[ticket].state = state;
    finished.push_back(ticket);
    while (finished.size() > kRememberedTickets) {
        auto it = tickets.find(finished.front());
        if (it != tickets.end()) {
            ticket_by_uuid.erase(it->second.uuid);
            tickets.erase(it);
        }
        finished.pop_front();
    }
}

// Called with the mutex held, after a commit.
void ResponseStore::Impl::CountVote(const Response& r) {
    if (r.status != ResponseStatus::Complete || r.is_test) return;
    for (const TalliedPoll& poll : options.polls) {
        if (poll.survey_id != r.survey_id) continue;
        PollTally& tally = tallies[poll.survey_id];
        for (const Answer& a : r.answers) {
            if (a.question_id != poll.question_id || !a.option_id) continue;
            if (r.burst) {
                tally.burst_votes++;
            } else {
                tally.votes[*a.option_id]++;
                tally.total++;
            }
        }
    }
}

// Called with the mutex held.
void ResponseStore::Impl::SetFault(const WriteOutcome& outcome) {
    const bool changed_fault = status.fault != outcome.fault;
    status.fault = outcome.fault;
    status.detail = outcome.detail;
    for (Entry& e : queue)
        tickets[e.ticket].state = RecordState::Retrying;
    if (changed_fault && queue.empty())
        LogError("store: cannot use {} ({}): {}", options.database.string(), ToString(outcome.fault),
                 outcome.detail);
    else if (changed_fault)
        LogError("store: recording into {} fails ({}): {}; {} response(s) kept in memory and retried",
                 options.database.string(), ToString(outcome.fault), outcome.detail, queue.size());
}

// -----------------------------------------------------------------------------------------
// [SECTION] The writer thread
// -----------------------------------------------------------------------------------------

// Takes the writer lock, opens and checks the database, counts the polls' votes.
// Returns true when the database is ready for inserts.
bool ResponseStore::Impl::OpenDatabase() {
    WriteOutcome outcome;
    std::string moved_aside;
    if (lock && !lock->StillAtPath(options.database)) {
        // Its file was deleted or replaced: another process could lock a new one. Take it again.
        LogError("store: the writer lock file {} is not the one held any more; taking it again",
                 WriterLock::LockPath(options.database).string());
        lock.reset();
    }
    if (!lock) {
        WriterLock::Error error;
        lock = WriterLock::Acquire(options.database, error, options.file_mode);
        if (!lock) {
            outcome.fault = error.failure == WriterLock::Failure::Held       ? StoreFault::Locked
                            : error.failure == WriterLock::Failure::ReadOnly ? StoreFault::ReadOnly
                            : error.failure == WriterLock::Failure::DiskFull ? StoreFault::DiskFull
                                                                             : StoreFault::IoError;
            outcome.detail = error.message;
            // Without the directory there is no lock file: create it like the database would.
            std::error_code ec;
            if (!options.database.parent_path().empty() &&
                !std::filesystem::exists(options.database.parent_path(), ec)) {
                std::filesystem::create_directories(options.database.parent_path(), ec);
                if (!ec) lock = WriterLock::Acquire(options.database, error, options.file_mode);
            }
            if (!lock && error.failure == WriterLock::Failure::Held && !options.wait_for_lock) gave_up = true;
        }
    }
    if (lock)
        outcome = writer.Open(options.database, options.busy_timeout_ms, moved_aside, options.file_mode);

    std::map<std::string, PollTally, std::less<>> counted;
    if (outcome.ok) {
        for (const TalliedPoll& poll : options.polls) {
            std::vector<VoteCount> votes;
            std::string error;
            PollTally& tally = counted[poll.survey_id];
            if (!writer.CountPollVotes(poll.survey_id, poll.question_id, votes, error)) {
                LogError("store: counting the votes of poll {}: {}", poll.survey_id, error);
                continue;
            }
            for (const VoteCount& v : votes) {
                if (v.burst) {
                    tally.burst_votes += v.votes;
                } else {
                    tally.votes[v.option_id] += v.votes;
                    tally.total += v.votes;
                }
            }
            tally.loaded = true;
        }
    }

    {
        std::lock_guard guard(mutex);
        open_attempted = true;
        if (!moved_aside.empty()) status.moved_aside = moved_aside;
        if (outcome.ok) {
            status.open = true;
            for (auto& [id, tally] : counted)
                tallies[id] = std::move(tally);
            if (status.fault != StoreFault::None && queue.empty()) {
                LogInfo("store: {} is writable again", options.database.string());
                status.fault = StoreFault::None;
                status.detail.clear();
            }
            LogInfo("store: {} open (schema version {}, {} poll(s) counted)", options.database.string(),
                    kSchemaVersion, counted.size());
        } else {
            status.open = false;
            SetFault(outcome);
        }
    }
    Notify();
    return outcome.ok;
}

bool ResponseStore::Impl::LockLost(WriteOutcome& outcome) const {
    if (!lock || lock->StillAtPath(options.database)) return false;
    outcome.fault = StoreFault::IoError;
    outcome.file_changed = true;
    outcome.detail = fmt::format("the writer lock file {} was deleted or replaced",
                                 WriterLock::LockPath(options.database).string());
    return true;
}

// Inserts the oldest queued response. Called with `guard` locked; unlocks it during SQL.
void ResponseStore::Impl::RecordHead(std::unique_lock<std::mutex>& guard) {
    const Entry head = queue.front();
    guard.unlock();
    WriteOutcome outcome;
    if (!LockLost(outcome)) outcome = writer.Insert(head.response);
    guard.lock();
    if (outcome.ok || outcome.rejected) {
        queue.pop_front();
        status.pending = queue.size();
        if (outcome.ok) {
            status.committed++;
            if (!outcome.already_recorded) CountVote(head.response);
            Finish(head.ticket, RecordState::Committed);
            if (status.fault != StoreFault::None) {
                LogInfo("store: recording works again ({} response(s) still waiting)", queue.size());
                status.fault = StoreFault::None;
                status.detail.clear();
                for (Entry& e : queue) // no longer failing: just waiting their turn
                    tickets[e.ticket].state = RecordState::Queued;
            }
        } else {
            LogError("store: response refused by the database ({}): {}", outcome.detail,
                     Describe(head.response));
            Finish(head.ticket, RecordState::Rejected);
        }
    } else {
        if (outcome.file_changed) {
            // Said every time (SetFault only logs a change of fault): it is what staff look for.
            status.file_changes++;
            LogError("store: {}; {} response(s) kept in memory, to be recorded in the database at {} "
                     "once reopened",
                     outcome.detail, queue.size(), options.database.string());
        }
        SetFault(outcome);
    }
}

// Writes the oldest SetHidden request. Called with `guard` locked; unlocks it during SQL.
void ResponseStore::Impl::ApplyHideHead(std::unique_lock<std::mutex>& guard) {
    const HideRequest head = hide_queue.front();
    guard.unlock();
    WriteOutcome outcome;
    if (!LockLost(outcome)) {
        const long long now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();
        outcome = writer.SetHidden(head.uuid, head.question_id, head.hidden, FormatUtcMillis(now_ms));
    }
    guard.lock();
    if (outcome.ok || outcome.rejected) {
        hide_queue.pop_front();
        if (outcome.ok) {
            status.hidden_changes++;
            if (status.fault != StoreFault::None) {
                LogInfo("store: writing works again");
                status.fault = StoreFault::None;
                status.detail.clear();
            }
            LogInfo("store: answer to {} of response {} {}", head.question_id, head.uuid,
                    head.hidden ? "hidden from results" : "shown again in results");
        } else {
            LogError("store: cannot {} the answer to {} of response {}: {}", head.hidden ? "hide" : "show",
                     head.question_id, head.uuid, outcome.detail);
        }
    } else {
        if (outcome.file_changed) status.file_changes++;
        SetFault(outcome);
    }
}

void ResponseStore::Impl::Run() {
    double delay = options.retry_seconds;
    std::unique_lock guard(mutex);
    while (!stop) {
        bool failed = false;
        if (!writer.IsOpen()) {
            guard.unlock();
            failed = !OpenDatabase();
            guard.lock();
            if (gave_up) {
                // kiosk-fill: another process writes this database; wait only for the end.
                wake.wait(guard, [&] { return stop; });
                break;
            }
        } else {
            wake.wait(guard, [&] { return stop || !queue.empty() || !hide_queue.empty(); });
            if (stop) break;
            // Responses first: a visitor waits for the thank-you, staff do not.
            if (!queue.empty())
                RecordHead(guard);
            else
                ApplyHideHead(guard);
            failed = status.fault != StoreFault::None;
            if (failed && NeedsReopen(status.fault)) {
                guard.unlock();
                writer.Close();
                guard.lock();
                status.open = false;
            }
        }
        guard.unlock();
        Notify();
        guard.lock();
        if (failed) {
            wake.wait_for(guard, std::chrono::duration<double>(delay), [&] { return stop || retry_now; });
            retry_now = false;
            delay = std::min(delay * 2, options.max_retry_seconds);
        } else {
            delay = options.retry_seconds;
        }
    }
    guard.unlock();
    Drain();
}

// Shutdown: one last attempt for what is still queued; whatever fails is saved beside the database.
void ResponseStore::Impl::Drain() {
    std::unique_lock guard(mutex);
    if (!last_attempt) {
        guard.unlock();
        writer.Close();
        guard.lock();
    }
    if (!queue.empty() && !writer.IsOpen() && !gave_up && last_attempt) {
        guard.unlock();
        OpenDatabase();
        guard.lock();
    }
    while (!queue.empty() && writer.IsOpen()) {
        const size_t before = queue.size();
        RecordHead(guard);
        if (queue.size() == before) break; // failed: do not wait a busy timeout per response
    }
    if (!queue.empty()) {
        // The answers go to a private file beside the database; the log names them by uuid only.
        std::vector<const Response*> unrecorded;
        for (const Entry& e : queue)
            unrecorded.push_back(&e.response);
        std::string error = "not saved (synthetic responses)";
        const std::filesystem::path saved =
            last_attempt ? SaveUnrecorded(options.database, unrecorded, options.file_mode, error)
                         : std::filesystem::path();
        constexpr size_t kListed = 50; // a long list is cut
        std::string uuids;
        for (size_t i = 0; i < queue.size() && i < kListed; i++)
            uuids += (i ? ", " : "") + queue[i].response.uuid;
        LogError("store: {} unrecorded response(s) at shutdown ({}): {}{}; {}", queue.size(),
                 ToString(status.fault), uuids,
                 queue.size() > kListed ? fmt::format(" and {} more", queue.size() - kListed) : "",
                 saved.empty() ? "they are lost: " + error : "saved in " + saved.string());
    }
    for (const HideRequest& h : hide_queue) // staff can do it again; nothing a visitor said is lost
        LogError("store: not written at shutdown: {} the answer to {} of response {}",
                 h.hidden ? "hiding" : "showing", h.question_id, h.uuid);
    guard.unlock();
    writer.Close();
    lock.reset();
}

// -----------------------------------------------------------------------------------------
// [SECTION] Public interface (any thread, never blocks on SQL)
// -----------------------------------------------------------------------------------------

ResponseStore::ResponseStore(StoreOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
    impl_->thread = std::thread([impl = impl_.get()] { impl->Run(); });
}

ResponseStore::~ResponseStore() {
    Stop(true);
}

StoreStatus ResponseStore::Stop(bool last_attempt) {
    {
        std::lock_guard guard(impl_->mutex);
        if (!impl_->stop) impl_->last_attempt = last_attempt;
        impl_->stop = true;
        impl_->quiet = true;
    }
    impl_->wake.notify_all();
    if (impl_->thread.joinable()) impl_->thread.join();
    return Status();
}

Ticket ResponseStore::Submit(Response response) {
    if (response.uuid.empty()) response.uuid = NewUuidV4();
    Ticket ticket;
    {
        std::lock_guard guard(impl_->mutex);
        if (auto it = impl_->ticket_by_uuid.find(response.uuid); it != impl_->ticket_by_uuid.end())
            return it->second; // a double tap: the first submission stands
        ticket = impl_->next_ticket++;
        impl_->ticket_by_uuid[response.uuid] = ticket;
        impl_->tickets[ticket].uuid = response.uuid;
        if (std::optional<std::string> reason = MalformedReason(response)) {
            LogError("store: malformed response refused ({}): {}", *reason, Describe(response));
            impl_->Finish(ticket, RecordState::Rejected);
            impl_->changed.notify_all();
            return ticket;
        }
        impl_->tickets[ticket].state =
            impl_->status.fault == StoreFault::None ? RecordState::Queued : RecordState::Retrying;
        impl_->queue.push_back({ticket, std::move(response)});
        impl_->status.pending = impl_->queue.size();
    }
    impl_->wake.notify_all();
    return ticket;
}

RecordState ResponseStore::State(Ticket ticket) const {
    std::lock_guard guard(impl_->mutex);
    auto it = impl_->tickets.find(ticket);
    return it == impl_->tickets.end() ? RecordState::Unknown : it->second.state;
}

std::string ResponseStore::Uuid(Ticket ticket) const {
    std::lock_guard guard(impl_->mutex);
    auto it = impl_->tickets.find(ticket);
    return it == impl_->tickets.end() ? std::string() : it->second.uuid;
}

StoreStatus ResponseStore::Status() const {
    std::lock_guard guard(impl_->mutex);
    return impl_->status;
}

PollTally ResponseStore::Tally(std::string_view survey_id) const {
    std::lock_guard guard(impl_->mutex);
    auto it = impl_->tallies.find(survey_id);
    return it == impl_->tallies.end() ? PollTally{} : it->second;
}

void ResponseStore::SetHidden(std::string uuid, std::string question_id, bool hidden) {
    {
        std::lock_guard guard(impl_->mutex);
        impl_->hide_queue.push_back({std::move(uuid), std::move(question_id), hidden});
    }
    impl_->wake.notify_all();
}

void ResponseStore::RetryNow() {
    {
        std::lock_guard guard(impl_->mutex);
        impl_->retry_now = true;
    }
    impl_->wake.notify_all();
}

StoreStatus ResponseStore::WaitUntilOpen(double timeout_seconds) const {
    std::unique_lock guard(impl_->mutex);
    impl_->changed.wait_for(guard, std::chrono::duration<double>(timeout_seconds),
                            [&] { return impl_->open_attempted; });
    return impl_->status;
}

bool ResponseStore::WaitCommitted(Ticket ticket, double timeout_seconds) const {
    std::unique_lock guard(impl_->mutex);
    auto state = [&] {
        auto it = impl_->tickets.find(ticket);
        return it == impl_->tickets.end() ? RecordState::Unknown : it->second.state;
    };
    impl_->changed.wait_for(guard, std::chrono::duration<double>(timeout_seconds), [&] {
        RecordState s = state();
        return s == RecordState::Committed || s == RecordState::Rejected || s == RecordState::Unknown;
    });
    return state() == RecordState::Committed;
}

StoreStatus ResponseStore::WaitIdleOrFault(double timeout_seconds) const {
    std::unique_lock guard(impl_->mutex);
    impl_->changed.wait_for(guard, std::chrono::duration<double>(timeout_seconds), [&] {
        return impl_->queue.empty() || impl_->status.fault != StoreFault::None ||
               impl_->status.file_changes > 0;
    });
    return impl_->status;
}

bool ResponseStore::WaitIdle(double timeout_seconds) const {
    std::unique_lock guard(impl_->mutex);
    return impl_->changed.wait_for(guard, std::chrono::duration<double>(timeout_seconds),
                                   [&] { return impl_->queue.empty() && impl_->hide_queue.empty(); });
}

} // namespace kiosk
