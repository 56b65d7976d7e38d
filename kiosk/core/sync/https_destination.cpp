// HttpsDestination: batches POSTed as JSON to the city's endpoint (see destination.h and
// docs/https-batches.md for the request and the answers it expects).
#include <chrono>
#include <random>
#include <thread>

#include <curl/curl.h>
#include <fmt/format.h>

#include "base/log.h"
#include "base/version.h"
#include "export/export_text.h"
#include "store/response_json.h"
#include "sync/backoff.h"
#include "sync/destination.h"

namespace kiosk {

std::string HttpsBatchBody(const Batch& batch) {
    const ExportIdentity& id = batch.identity;
    nlohmann::json responses = nlohmann::json::array();
    int64_t answers = 0;
    for (const Response& response : batch.responses) {
        Response scratch; // the same text as in the files of a dir destination (export_text.h)
        const Response& r = CleanForExport(response, scratch);
        responses.push_back(ResponseToJson(r));
        answers += (int64_t)r.answers.size();
    }
    nlohmann::json body = {{"format", "maison-du-projet/batch"},
                           {"format_version", 1},
                           {"batch_id", id.batch_id},
                           {"kiosk_id", id.kiosk_id},
                           {"database_id", id.database_id},
                           {"schema_version", id.schema_version},
                           {"created_at", id.created_at},
                           {"after_seq", id.after_seq},
                           {"last_seq", id.last_seq},
                           {"counts", {{"responses", batch.responses.size()}, {"answers", answers}}},
                           {"responses", std::move(responses)}};
    return DumpJson(body);
}

namespace {

constexpr size_t kMaxReplyBytes = 4096; // enough for an error message; the rest is dropped

struct Reply {
    std::string body;
    std::optional<double> retry_after;
};

size_t CollectBody(char* data, size_t size, size_t count, void* user) {
    Reply* reply = static_cast<Reply*>(user);
    const size_t bytes = size * count;
    if (reply->body.size() < kMaxReplyBytes)
        reply->body.append(data, std::min(bytes, kMaxReplyBytes - reply->body.size()));
    return bytes;
}

size_t CollectHeader(char* data, size_t size, size_t count, void* user) {
    Reply* reply = static_cast<Reply*>(user);
    std::string_view line(data, size * count);
    constexpr std::string_view kRetryAfter = "retry-after:";
    if (line.size() > kRetryAfter.size()) {
        std::string name(line.substr(0, kRetryAfter.size()));
        for (char& c : name)
            c = (char)std::tolower((unsigned char)c);
        if (name == kRetryAfter) {
            // Only the delay-seconds form; an HTTP date is ignored (the back-off applies).
            try {
                reply->retry_after = std::stod(std::string(line.substr(kRetryAfter.size())));
            } catch (...) {}
        }
    }
    return size * count;
}

// A one-line excerpt of the server's answer for messages.
std::string Excerpt(std::string text) {
    for (char& c : text)
        if (c == '\r' || c == '\n' || c == '\t') c = ' ';
    if (text.size() > 200) text = text.substr(0, 200) + "…";
    return text;
}

bool IsRetryableStatus(long status) {
    return status == 408 || status == 425 || status == 429 || status >= 500;
}

bool IsRetryableCurlError(CURLcode code) {
    switch (code) {
    // Certificates: a person must fix them; retrying will not.
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_LOGIN_DENIED: return false;
    default: return true;
    }
}

class HttpsDestination final : public Destination {
public:
    HttpsDestination(const DestinationConfig& config, std::string token)
        : config_(config), token_(std::move(token)), curl_(curl_easy_init()), rng_(std::random_device{}()) {}
    ~HttpsDestination() override { curl_easy_cleanup(curl_); }

    DeliveryResult Deliver(const Batch& batch) override {
        if (!curl_) return {DeliveryOutcome::Transient, "cannot initialise libcurl"};
        const std::string body = HttpsBatchBody(batch);
        DeliveryResult result;
        for (int attempt = 1; attempt <= config_.attempts; attempt++) {
            Reply reply;
            result = PostOnce(batch.identity.batch_id, body, reply);
            result.attempts = attempt;
            if (result.outcome != DeliveryOutcome::Transient || attempt == config_.attempts) break;
            const double wait =
                BackoffSeconds(attempt, config_.retry_initial_seconds, config_.retry_max_seconds,
                               std::uniform_real_distribution<double>(0.0, 1.0)(rng_), reply.retry_after);
            LogWarning("{}: batch {}: {}; attempt {} of {}, next in {:.1f} s", config_.name,
                       batch.identity.batch_id, result.detail, attempt, config_.attempts, wait);
            std::this_thread::sleep_for(std::chrono::duration<double>(wait));
        }
        return result;
    }

private:
    DeliveryResult PostOnce(const std::string& batch_id, const std::string& body, Reply& reply) {
        CURL* c = curl_;
        curl_easy_reset(c);
        curl_slist* headers = nullptr;
        headers = curl_slist_append(headers, "Content-Type: application/json");
        headers = curl_slist_append(headers, "Accept: application/json");
        // RFC 8941 string, as the IETF Idempotency-Key draft specifies.
        headers = curl_slist_append(headers, fmt::format("Idempotency-Key: \"{}\"", batch_id).c_str());
        if (!token_.empty())
            headers = curl_slist_append(headers, fmt::format("Authorization: Bearer {}", token_).c_str());
        headers = curl_slist_append(headers, "Expect:"); // no 100-continue round trip
        char curl_error[CURL_ERROR_SIZE] = {};
        curl_easy_setopt(c, CURLOPT_URL, config_.url.c_str());
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
        curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!config_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config_.ca_file.c_str());
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                         (long)(std::min(config_.timeout_seconds, 15.0) * 1000));
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)(config_.timeout_seconds * 1000));
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body.size());
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, CollectBody);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply);
        curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, CollectHeader);
        curl_easy_setopt(c, CURLOPT_HEADERDATA, &reply);
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_error);
        const std::string user_agent = std::string("kiosk-sync/") + KioskVersion();
        curl_easy_setopt(c, CURLOPT_USERAGENT, user_agent.c_str());
        const CURLcode code = curl_easy_perform(c);
        curl_slist_free_all(headers);

        if (code != CURLE_OK) {
            const std::string what = curl_error[0] ? curl_error : curl_easy_strerror(code);
            return {IsRetryableCurlError(code) ? DeliveryOutcome::Transient : DeliveryOutcome::Permanent,
                    fmt::format("{}: {}", config_.url, what)};
        }
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        if (status >= 200 && status < 300)
            return {DeliveryOutcome::Delivered, fmt::format("HTTP {}", status)};
        if (status == 409) // that batch id was received already: delivered
            return {DeliveryOutcome::Delivered, "HTTP 409 (received already)"};
        const std::string detail = fmt::format("{}: HTTP {}{}{}", config_.url, status,
                                               reply.body.empty() ? "" : ": ", Excerpt(reply.body));
        if (IsRetryableStatus(status)) return {DeliveryOutcome::Transient, detail};
        if (status == 413)
            return {DeliveryOutcome::Permanent,
                    detail + " (the batch is too large for the server: lower batch_size)"};
        if (status == 401 || status == 403)
            return {DeliveryOutcome::Permanent, detail + " (check the token in the secrets file)"};
        if (status >= 300 && status < 400)
            return {DeliveryOutcome::Permanent,
                    detail + " (redirects are not followed: configure the final URL)"};
        return {DeliveryOutcome::Permanent, detail};
    }

    DestinationConfig config_;
    std::string token_;
    CURL* curl_;
    std::mt19937_64 rng_;
};

} // namespace

std::unique_ptr<Destination> MakeHttpsDestination(const DestinationConfig& config, std::string token) {
    return std::make_unique<HttpsDestination>(config, std::move(token));
}

} // namespace kiosk
