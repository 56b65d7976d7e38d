#include "sync/sync_run.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include <fmt/format.h>

#include "base/log.h"

namespace kiosk {

const char* ToString(RunOutcome outcome) {
    switch (outcome) {
    case RunOutcome::Delivered: return "delivered";
    case RunOutcome::Transient: return "will retry";
    case RunOutcome::Permanent: return "refused";
    case RunOutcome::Failed: return "failed";
    }
    return "?";
}

std::string MakeBatchId(const std::string& kiosk_id, const std::string& database_id, int64_t after_seq,
                        int64_t last_seq, bool include_test) {
    std::string short_id;
    for (char c : database_id)
        if (std::isxdigit((unsigned char)c) && short_id.size() < 8) short_id += c;
    return fmt::format("{}.{}.{:010}-{:010}{}", kiosk_id, short_id, after_seq + 1, last_seq,
                       include_test ? ".t" : "");
}

bool IsBatchIdOf(const std::string& kiosk_id, std::string_view name) {
    // <kiosk>.<1 to 8 hex>.<10 digits>-<10 digits>[.t]: kiosk ids may hold '.', so the whole
    // rest is matched, not a prefix ("k1" must not claim "k1.b"'s batches).
    if (name.size() <= kiosk_id.size() || name.substr(0, kiosk_id.size()) != kiosk_id) return false;
    std::string_view rest = name.substr(kiosk_id.size());
    if (rest.size() >= 2 && rest.substr(rest.size() - 2) == ".t") rest.remove_suffix(2);
    const auto all = [](std::string_view text, auto predicate) {
        return std::all_of(text.begin(), text.end(), [&](char c) { return predicate((unsigned char)c); });
    };
    constexpr size_t kRange = 1 + 10 + 1 + 10; // ".0000000001-0000000500"
    if (rest.size() < 2 + kRange || rest.front() != '.') return false;
    const std::string_view database = rest.substr(1, rest.size() - 1 - kRange);
    const std::string_view range = rest.substr(rest.size() - kRange);
    return !database.empty() && database.size() <= 8 && all(database, ::isxdigit) && range[0] == '.' &&
           range[11] == '-' && all(range.substr(1, 10), ::isdigit) && all(range.substr(12), ::isdigit);
}

std::optional<int64_t> PendingResponses(ResponseSource& source, SyncState& state,
                                        const std::string& destination, bool include_test,
                                        std::string& error) {
    ResponseFilter filter;
    filter.include_test = include_test;
    return source.Count(filter, state.Cursor(destination, source.DatabaseId()),
                        std::numeric_limits<int64_t>::max(), error);
}

namespace {

// Reads the responses of a batch range into memory, in one read transaction.
bool ReadBatch(ResponseSource& source, const ResponseFilter& filter, int64_t after_seq, int64_t upto_seq,
               int64_t limit, std::vector<Response>& out, std::string& error) {
    out.clear();
    return source.Read(
        filter, after_seq, upto_seq, limit,
        [&](const Response& r) {
            out.push_back(r);
            return true;
        },
        error);
}

} // namespace

DestinationRun RunDestination(SyncContext& ctx, const DestinationConfig& config, Destination& destination) {
    DestinationRun run;
    run.name = config.name;
    auto fail = [&](RunOutcome outcome, std::string error) {
        run.outcome = outcome;
        run.error = std::move(error);
        // A failure fills run.state_error, which the caller logs (sync_command.cpp).
        (void)ctx.state.RecordError(config.name, run.error, ctx.now(), 0, run.state_error);
        return run;
    };

    std::string error;
    (void)ctx.state.RecordAttempt(config.name, ctx.now(), run.state_error); // as above
    const std::optional<int64_t> upto = ctx.source.MaxSeq(error);
    if (!upto) return fail(RunOutcome::Failed, fmt::format("{}: {}", ctx.source.Path().string(), error));

    std::optional<BatchRecord> planned = ctx.state.PlannedBatch(config.name);
    if (planned && planned->database_id != ctx.source.DatabaseId()) {
        // The kiosk replaced its database (a corrupt file moved aside): the planned range is
        // in the old file, which kiosk-sync export --db can still read.
        const std::string why = fmt::format(
            "planned from database {} but {} is now database {} (a corrupt file moved aside by the kiosk?); "
            "export the old file with: kiosk-sync export --db <responses.db.corrupt-…>",
            planned->database_id, ctx.source.Path().string(), ctx.source.DatabaseId());
        LogError("{}: batch {} abandoned: {}", config.name, planned->batch_id, why);
        if (!ctx.state.Abandon(*planned, why, error)) return fail(RunOutcome::Failed, error);
        planned.reset();
    }

    int64_t total = 0;
    if (ctx.progress) {
        std::optional<int64_t> pending =
            PendingResponses(ctx.source, ctx.state, config.name, ctx.include_test, error);
        total = pending.value_or(0);
        ctx.progress(0, total);
    }

    const int64_t batch_size = config.EffectiveBatchSize();
    for (;;) {
        Batch batch;
        ResponseFilter filter;
        if (planned) {
            // Deliver the planned batch again, exactly as planned.
            filter.include_test = planned->include_test;
            std::optional<ExportOptions> options =
                ExportOptionsFromJson(nlohmann::json::parse(planned->options_json, nullptr, false));
            if (!options)
                return fail(RunOutcome::Failed,
                            fmt::format("batch {}: unreadable options in the state file", planned->batch_id));
            batch.options = *options;
            // Batches planned before the context was recorded have none: today's is the best guess.
            const nlohmann::json planned_json = nlohmann::json::parse(planned->options_json, nullptr, false);
            std::optional<ExportContext> context = planned_json.contains("context")
                                                       ? ExportContextFromJson(planned_json["context"])
                                                       : std::optional<ExportContext>(ctx.export_context);
            if (!context)
                return fail(RunOutcome::Failed,
                            fmt::format("batch {}: unreadable options in the state file", planned->batch_id));
            batch.context = std::move(*context);
            if (!ReadBatch(ctx.source, filter, planned->after_seq, planned->last_seq, 0, batch.responses,
                           error))
                return fail(RunOutcome::Failed, fmt::format("{}: {}", ctx.source.Path().string(), error));
            if ((int64_t)batch.responses.size() != planned->responses)
                return fail(
                    RunOutcome::Permanent,
                    fmt::format("batch {}: the database now holds {} responses in its range, {} when it was "
                                "planned; responses.db was changed by something other than the kiosk",
                                planned->batch_id, batch.responses.size(), planned->responses));
        } else {
            filter.include_test = ctx.include_test;
            const int64_t cursor = ctx.state.Cursor(config.name, ctx.source.DatabaseId());
            if (!ReadBatch(ctx.source, filter, cursor, *upto, batch_size, batch.responses, error))
                return fail(RunOutcome::Failed, fmt::format("{}: {}", ctx.source.Path().string(), error));
            if (batch.responses.empty()) break; // up to date
            BatchRecord b;
            b.destination = config.name;
            b.database_id = ctx.source.DatabaseId();
            b.after_seq = cursor;
            b.last_seq = batch.responses.back().seq;
            b.batch_id =
                MakeBatchId(ctx.kiosk_id, b.database_id, b.after_seq, b.last_seq, filter.include_test);
            b.responses = (int64_t)batch.responses.size();
            for (const Response& r : batch.responses)
                b.answers += (int64_t)r.answers.size();
            b.include_test = filter.include_test;
            nlohmann::json options_json = ToJson(config.export_options);
            options_json["context"] = ToJson(ctx.export_context);
            b.options_json = options_json.dump();
            b.created_at = ctx.now();
            batch.options = config.export_options;
            batch.context = ctx.export_context;
            // Recorded before anything is delivered: after a crash this same batch is redone.
            if (!ctx.state.Plan(b, error)) return fail(RunOutcome::Failed, fmt::format("state: {}", error));
            planned = b;
        }

        batch.identity.batch_id = planned->batch_id;
        batch.identity.kiosk_id = ctx.kiosk_id;
        batch.identity.database_id = planned->database_id;
        batch.identity.schema_version = ctx.source.SchemaVersion();
        batch.identity.created_at = planned->created_at;
        batch.identity.after_seq = planned->after_seq;
        batch.identity.last_seq = planned->last_seq;
        batch.identity.filter = filter;

        const DeliveryResult result = destination.Deliver(batch);
        if (result.outcome != DeliveryOutcome::Delivered) {
            run.outcome =
                result.outcome == DeliveryOutcome::Permanent ? RunOutcome::Permanent : RunOutcome::Transient;
            run.error = fmt::format("batch {}: {}", planned->batch_id, result.detail);
            (void)ctx.state.RecordError(config.name, run.error, ctx.now(), result.attempts,
                                        run.state_error); // as above
            return run;
        }
        if (!ctx.state.MarkDelivered(*planned, result.attempts, result.detail, ctx.now(), error))
            return fail(RunOutcome::Failed, fmt::format("state: {}", error));
        LogInfo("{}: batch {} delivered ({} responses, {})", config.name, planned->batch_id,
                planned->responses, result.detail);
        run.batches++;
        run.responses += planned->responses;
        if (ctx.progress) ctx.progress(std::min(run.responses, total), total);
        planned.reset();
    }
    return run;
}

} // namespace kiosk
