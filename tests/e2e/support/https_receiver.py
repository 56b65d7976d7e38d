#!/usr/bin/env python3
"""Test fixture: the city's HTTPS endpoint that kiosk-sync POSTs batches of survey responses to.

It stores what it receives, tells duplicates from conflicting re-sends, and can misbehave on
purpose (errors, dropped connections after storing, slow replies) so the end-to-end test can check
that every response arrives exactly once whatever the network does. Standard library only.

    https_receiver.py --cert server.pem --key server.key --store DIR --port-file FILE
                      [--token TOKEN] [--fail-rate 0.3] [--drop-rate 0.1] [--slow-rate 0.1]
                      [--slow-seconds 3.0] [--seed 1] [--max-seconds 900] [--log FILE]
    https_receiver.py --summarize DIR

Serves only POST /batches on 127.0.0.1, on a port the OS chooses, written to --port-file once
listening. Checks, in order: Authorization "Bearer TOKEN" (401), Content-Type application/json
(415), Content-Length (411), a JSON object with a batch_id matching ^[A-Za-z0-9._-]{1,200}$ and a
responses array (400), Idempotency-Key equal to the batch id as an RFC 8941 string "<id>" (400).
Then, at random (seeded): --fail-rate replies 500/503 storing nothing; else --drop-rate stores and
closes the connection after sending nothing, part of the status line, or the head and part of the
body of the reply; else --slow-rate stores and waits --slow-seconds before replying.
Storage: DIR/batches/<batch_id>.json holds the canonical JSON of `responses` (its SHA-256 is the
batch's identity): new id -> 201, same id and content -> 409 (duplicate, delivered), same id and
other content -> 422 and a line in DIR/violations.log; a stored batch is never overwritten.
Stops after --max-seconds or on SIGTERM/SIGINT. One log line per request to --log (or stderr).
--summarize DIR prints {"batches","responses","unique_uuids","duplicate_uuids","violations"}.
"""
import argparse, collections, hashlib, http.server, json, os, random, re, signal, socket, ssl
import sys, threading, time

BATCH_ID = re.compile(r"[A-Za-z0-9._-]{1,200}")
SF_STRING = re.compile(r'"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"')  # RFC 8941 §3.3.3
MAX_BODY = 64 << 20
DROP_MODES = ("silent", "status-line", "body")   # how a dropped connection ends, see drop()


def canonical(responses):
    return json.dumps(responses, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def write_durably(path, data):
    # A batch acknowledged with 201 must survive a crash of the receiver, or the test would blame
    # the sender for a loss that happened here.
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data); f.flush(); os.fsync(f.fileno())
    os.rename(tmp, path)
    dfd = os.open(os.path.dirname(path), os.O_RDONLY)
    try: os.fsync(dfd)
    finally: os.close(dfd)


class Store:
    def __init__(self, root):
        self.dir, self.violations = os.path.join(root, "batches"), os.path.join(root, "violations.log")
        os.makedirs(self.dir, exist_ok=True)
        self.lock, self.known = threading.Lock(), {}   # batch id -> sha256 of its stored content
        for name in os.listdir(self.dir):              # a restarted receiver still knows its batches
            if name.endswith(".json"):
                with open(os.path.join(self.dir, name), "rb") as f:
                    self.known[name[:-5]] = hashlib.sha256(canonical(json.load(f))).hexdigest()

    def put(self, batch_id, responses):
        data = canonical(responses)
        digest = hashlib.sha256(data).hexdigest()
        # Held across the write so two concurrent re-sends of one batch cannot both be "new".
        with self.lock:
            old = self.known.get(batch_id)
            if old is None:
                write_durably(os.path.join(self.dir, batch_id + ".json"), data)
                self.known[batch_id] = digest
                return "stored"
            if old == digest:
                return "duplicate"
            line = f"{now()} batch_id={batch_id} stored_sha256={old} received_sha256={digest}\n"
            with open(self.violations, "a", encoding="utf-8") as f:
                f.write(line); f.flush(); os.fsync(f.fileno())
            return "violation"


def now():
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + "Z"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive, like libcurl's connection reuse
    timeout = 60                    # idle keep-alive connections must not pin threads forever

    def do_POST(self):
        cfg, batch_id = self.server.cfg, "-"
        if self.path.split("?")[0] != "/batches":
            return self.reject(404, "not found", batch_id)
        scheme, _, token = self.single("Authorization").strip().partition(" ")
        if cfg.token is not None and (scheme.lower() != "bearer" or token.strip() != cfg.token):
            return self.reject(401, "unauthorized", batch_id, "unauthorized")
        if not self.single("Content-Type").lower().startswith("application/json"):
            return self.reject(415, "content type must be application/json", batch_id)
        lengths = self.headers.get_all("Content-Length")
        if not lengths:
            return self.reject(411, "content length required", batch_id)
        if len(lengths) != 1 or not re.fullmatch(r"[0-9]{1,12}", lengths[0].strip()) \
                or int(lengths[0]) > MAX_BODY:
            return self.reject(400, "bad content length", batch_id)
        raw = self.rfile.read(int(lengths[0]))
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            return self.reject(400, "body is not JSON", batch_id, read_body=True)
        if not isinstance(body, dict) or not isinstance(body.get("batch_id"), str) \
                or not BATCH_ID.fullmatch(body["batch_id"]) or not isinstance(body.get("responses"), list):
            return self.reject(400, "body needs a batch_id [A-Za-z0-9._-]{1,200} and a responses array",
                               batch_id, read_body=True)
        batch_id = body["batch_id"]
        m = SF_STRING.fullmatch(self.single("Idempotency-Key").strip(" \t"))
        if not m or re.sub(r"\\(.)", r"\1", m.group(1)) != batch_id:
            return self.reject(400, 'idempotency key must be the batch id as a string: "<batch_id>"',
                               batch_id, read_body=True)

        with self.server.rng_lock:   # every draw under one lock: the same seed, the same faults
            rng = self.server.rng
            fault = "fail" if rng.random() < cfg.fail_rate else "drop" if rng.random() < cfg.drop_rate \
                else "slow" if rng.random() < cfg.slow_rate else None
            fail_status, drop_mode, drop_at = rng.choice((500, 503)), rng.choice(DROP_MODES), rng.random()
        if fault == "fail":
            return self.reply(fail_status, {"error": "injected failure"}, batch_id, "fail")
        outcome = self.server.store.put(batch_id, body["responses"])
        decision = outcome if fault is None else f"{fault}/{outcome}"
        if outcome == "stored":
            status, obj = 201, {"status": "stored", "batch_id": batch_id, "responses": len(body["responses"])}
        elif outcome == "duplicate":
            status, obj = 409, {"status": "duplicate", "batch_id": batch_id}
        else:
            status, obj = 422, {"error": "batch id already stored with different content",
                                "batch_id": batch_id}
        if fault == "drop":
            return self.drop(status, obj, drop_mode, drop_at, batch_id, decision)
        if fault == "slow":
            time.sleep(cfg.slow_seconds)
        self.reply(status, obj, batch_id, decision)

    def not_found(self):
        self.reject(404, "not found", "-")
    do_GET = do_HEAD = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = not_found

    def reject(self, status, message, batch_id, decision="rejected", read_body=False):
        # Read a body of sane length before answering, as real servers do: closing with unread
        # bytes in the socket makes the kernel send a reset, and the client would see
        # "connection reset" instead of the answer. Anything else closes the connection, since
        # an unread body would be taken for the next request on a kept-alive connection.
        if not read_body:
            lengths = self.headers.get_all("Content-Length") or []
            if len(lengths) == 1 and re.fullmatch(r"[0-9]{1,12}", lengths[0].strip()) \
                    and int(lengths[0]) <= MAX_BODY:
                self.rfile.read(int(lengths[0]))
            else:
                self.close_connection = True
        self.reply(status, {"error": message}, batch_id, decision)

    def compose(self, status, obj):
        body = json.dumps(obj).encode()
        head = [f"HTTP/1.1 {status} {self.responses[status][0]}", f"Date: {self.date_time_string()}",
                "Content-Type: application/json", f"Content-Length: {len(body)}"]
        head += ["WWW-Authenticate: Bearer"] if status == 401 else []
        head += ["Connection: close"] if self.close_connection else []
        return ("\r\n".join(head) + "\r\n\r\n").encode(), body if self.command != "HEAD" else b""

    def reply(self, status, obj, batch_id, decision):
        head, body = self.compose(status, obj)
        try:
            self.wfile.write(head + body)
        except OSError as e:   # typically a client that timed out during a slow reply
            self.close_connection, decision = True, f"{decision}(client gone: {type(e).__name__})"
        self.server.log(self, batch_id, decision, status)

    def single(self, name):
        # A repeated header is ambiguous (which one would a real server believe?): treat as absent.
        values = self.headers.get_all(name) or []
        return values[0] if len(values) == 1 else ""

    def drop(self, status, obj, mode, at, batch_id, decision):
        # The batch is stored but the client must see a transport error, re-send, and have the
        # re-send recognised as a duplicate. What is sent is a prefix of the real reply, cut where
        # libcurl reports an error: inside the status line (before its CRLF) or inside the body.
        # Not inside the header lines: curl 7.88 takes an EOF there as the end of a good reply.
        self.close_connection = True
        head, body = self.compose(status, obj)
        status_line = head.index(b"\r\n")
        cut = {"silent": 0, "status-line": 1 + int(at * (status_line - 1)),
               "body": len(head) + int(at * len(body))}[mode]
        try:
            self.wfile.write((head + body)[:cut])
            self.connection.shutdown(socket.SHUT_RDWR)   # TCP FIN, no TLS close_notify
        except OSError:
            pass
        self.server.log(self, batch_id, f"{decision}({mode} drop after {cut} bytes)",
                        f"{status}-dropped")

    def log_request(self, code="-", size="-"):
        pass   # do_POST logs its own, richer line

    def log_message(self, fmt, *args):   # protocol errors, timeouts
        self.server.log(self, "-", "http-error: " + (fmt % args), "-")


class Receiver(http.server.ThreadingHTTPServer):
    def __init__(self, cfg, store, log):
        super().__init__(("127.0.0.1", 0), Handler)
        self.cfg, self.store, self.logfile = cfg, store, log
        self.rng, self.rng_lock, self.log_lock = random.Random(cfg.seed), threading.Lock(), threading.Lock()
        self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.tls.minimum_version = ssl.TLSVersion.TLSv1_2
        self.tls.load_cert_chain(cfg.cert, cfg.key)
        self.tls.set_alpn_protocols(["http/1.1"])

    def finish_request(self, request, client_address):
        # TLS handshake here, in the connection's thread, so a stalled client cannot block accept().
        request.settimeout(Handler.timeout)
        try:
            tls = self.tls.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as e:
            return self.log(None, "-", f"tls-error: {e}", "-", client_address)
        with tls:
            self.RequestHandlerClass(tls, client_address, self)

    def log(self, handler, batch_id, decision, status, peer=None):
        peer = handler.client_address if handler else peer
        request = handler.requestline if handler and hasattr(handler, "requestline") else "-"
        with self.log_lock:
            print(f"{now()} {peer[0]}:{peer[1]} {request!r} batch={batch_id} decision={decision} "
                  f"status={status}", file=self.logfile, flush=True)


def summarize(root):
    counts, batches, violations = collections.Counter(), 0, 0
    bdir = os.path.join(root, "batches")
    for name in sorted(os.listdir(bdir)) if os.path.isdir(bdir) else []:
        if name.endswith(".json"):
            with open(os.path.join(bdir, name), encoding="utf-8") as f:
                responses = json.load(f)
            batches += 1
            counts.update(r.get("uuid") for r in responses)
    if os.path.exists(os.path.join(root, "violations.log")):
        with open(os.path.join(root, "violations.log"), encoding="utf-8") as f:
            violations = sum(1 for line in f if line.strip())
    return {"batches": batches, "responses": sum(counts.values()), "unique_uuids": len(counts),
            "duplicate_uuids": sorted(str(u) for u, n in counts.items() if n > 1), "violations": violations}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--summarize", metavar="DIR", help="print a JSON summary of a store and exit")
    p.add_argument("--cert"); p.add_argument("--key"); p.add_argument("--store", metavar="DIR")
    p.add_argument("--port-file", metavar="FILE")
    p.add_argument("--token", help="required bearer token (none: no check)")
    for name, default in (("fail-rate", 0.0), ("drop-rate", 0.0), ("slow-rate", 0.0)):
        p.add_argument("--" + name, type=float, default=default, metavar="P")
    p.add_argument("--slow-seconds", type=float, default=3.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-seconds", type=float, default=900.0, help="safety bound on the run time")
    p.add_argument("--log", metavar="FILE", help="request log (default: stderr)")
    cfg = p.parse_args()
    if cfg.summarize:
        print(json.dumps(summarize(cfg.summarize)))
        return 0
    if not (cfg.cert and cfg.key and cfg.store and cfg.port_file):
        p.error("--cert, --key, --store and --port-file are required (or --summarize DIR)")
    if not all(0.0 <= r <= 1.0 for r in (cfg.fail_rate, cfg.drop_rate, cfg.slow_rate)):
        p.error("rates must be between 0 and 1")

    log = open(cfg.log, "a", encoding="utf-8") if cfg.log else sys.stderr
    server = Receiver(cfg, Store(cfg.store), log)
    tmp = cfg.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{server.server_address[1]}\n")
    os.replace(tmp, cfg.port_file)   # a reader sees no file or a whole number

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    # serve_forever in a thread: shutdown() must not be called from the serving thread itself.
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"{now()} listening on 127.0.0.1:{server.server_address[1]}", file=log, flush=True)
    reason = "signal" if stop.wait(cfg.max_seconds) else "max-seconds reached"
    server.shutdown(); server.server_close()
    print(f"{now()} stopped ({reason})", file=log, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
