#!/usr/bin/env bash
# Throw-away certificate authority for the kiosk-sync end-to-end tests.
#   make_test_ca.sh DIR
# Creates in DIR (made if missing):
#   ca.pem, ca.key          a self-signed CA (EC P-256, 2 days)
#   server.pem, server.key  a server certificate for 127.0.0.1 and localhost signed by it
#                           (subjectAltName IP:127.0.0.1, DNS:localhost; CA:FALSE; serverAuth)
# The client trusts it with CAINFO=DIR/ca.pem (curl --cacert). Silent unless something fails.
# Uses its own minimal OpenSSL configuration so the result does not depend on /etc/ssl/openssl.cnf
# (whose defaults would otherwise add, or clash with, extensions given here).
set -euo pipefail
if [[ $# -ne 1 ]]; then echo "usage: $0 DIR" >&2; exit 2; fi
dir=$1
mkdir -p "$dir"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
umask 077   # the keys are only for this user

cat > "$work/openssl.cnf" <<'CNF'
[req]
distinguished_name = dn
prompt             = no
[dn]
CN = placeholder
[ca_ext]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
[server_ext]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = serverAuth
subjectAltName         = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
CNF

run() { # quiet unless it fails: openssl chats on stderr even when all is well
  if ! "$@" > "$work/out" 2>&1; then echo "make_test_ca: failed: $*" >&2; cat "$work/out" >&2; exit 1; fi
}
newkey=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc)
serial() { echo "0x$(openssl rand -hex 15)"; }   # random, and < 20 bytes as RFC 5280 requires

run openssl req -config "$work/openssl.cnf" -x509 "${newkey[@]}" -days 2 \
    -subj "/CN=kiosk-sync throw-away test CA" -extensions ca_ext -set_serial "$(serial)" \
    -keyout "$work/ca.key" -out "$work/ca.pem"
run openssl req -config "$work/openssl.cnf" -new "${newkey[@]}" -subj "/CN=localhost" \
    -keyout "$work/server.key" -out "$work/server.csr"
run openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
    -set_serial "$(serial)" -days 2 -sha256 -extfile "$work/openssl.cnf" -extensions server_ext \
    -out "$work/server.pem"
# Fail here rather than in a confusing TLS error later.
run openssl verify -CAfile "$work/ca.pem" -purpose sslserver "$work/server.pem"

chmod 644 "$work/ca.pem" "$work/server.pem"
for f in ca.pem ca.key server.pem server.key; do mv -f "$work/$f" "$dir/$f"; done
