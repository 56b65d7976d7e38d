// Destinations: where a batch of responses goes — a directory (a network share, a USB key)
// the city's HTTPS endpoint, or its PostgreSQL database. Each delivery is idempotent on the batch id, so
// delivering the same batch twice (after a crash, a timeout, a lost reply) is always harmless.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "export/export_writer.h"
#include "store/response.h"
#include "survey/survey.h"
#include "sync/sync_config.h"

namespace kiosk {

struct Batch {
    ExportIdentity identity;
    ExportOptions options;
    ExportContext context; // as planned, like options (dir destinations)
    std::vector<Response> responses;
};

enum class DeliveryOutcome {
    Delivered, // the destination holds the batch (now, or it did already)
    Transient, // try again later (network, server error, share not mounted, disk full)
    Permanent, // a person must act (refused by the server, a conflicting batch, bad secrets)
};

struct DeliveryResult {
    DeliveryOutcome outcome = DeliveryOutcome::Transient;
    std::string detail; // "HTTP 201", "written to /mnt/…/<batch>", or the error
    int attempts = 1;
};

class Destination {
public:
    virtual ~Destination() = default;
    virtual DeliveryResult Deliver(const Batch& batch) = 0;
};

// Files in `config.dir`/<batch id>/ (ExportWriter's layout). The batch is written into a
// hidden staging directory ".partial-<batch id>" beside it, every file fsynced, the
// manifest last, then renamed into place and the directory fsynced: a reader of the share
// sees a complete batch or none. A batch directory that already exists with the same
// manifest counts as delivered; with another manifest it is never overwritten.
std::unique_ptr<Destination> MakeDirDestination(const DestinationConfig& config,
                                                const std::vector<Survey>& surveys);

// POST of the batch as JSON to `config.url` (docs/https-batches.md): TLS verified always,
// `Authorization: Bearer <token>` when a token is given, `Idempotency-Key: "<batch id>"`.
// 2xx and 409 (that batch id was received already) mean delivered; 408, 425, 429, 5xx and
// network errors are retried up to `attempts` times with back-off; other answers are
// permanent errors.
std::unique_ptr<Destination> MakeHttpsDestination(const DestinationConfig& config, std::string token);

// Rows in the PostgreSQL database at `config.postgres`, in `config.schema` (created or
// migrated first: postgres_schema.h), one transaction per batch (postgres_destination.cpp).
// `password` comes from the secrets file ("" = libpq's own means: ~/.pgpass, a client
// certificate, peer authentication). `default_language` names the survey texts' language
// in the analysts' views.
std::unique_ptr<Destination> MakePostgresDestination(const DestinationConfig& config,
                                                     const std::vector<Survey>& surveys,
                                                     std::string default_language, std::string password);

// The request body of a batch for HTTPS delivery (the same bytes for the same batch).
std::string HttpsBatchBody(const Batch& batch);

} // namespace kiosk
