#!/usr/bin/env bash
# The kiosk, which faces the public, carries no network or TLS code: its ELF file needs
# neither libcurl nor OpenSSL (libssl, libcrypto). Only kiosk-sync delivers answers over
# HTTPS; kiosk/CMakeLists.txt keeps those libraries PRIVATE to kiosk_sync and kiosk_export.
# Nor does it carry the closing report's PDF drawing: Cairo and Pango are PRIVATE to
# kiosk_report, which only kiosk-report links (the staff panel runs it as a child process).
#
#   kiosk_links_test.sh KIOSK_BINARY
#
# Reads the binary's own NEEDED entries with readelf: unlike ldd, it does not depend on the
# loader or on what happens to be installed.
set -uo pipefail
binary=$1
if ! needed=$(readelf -d "$binary" 2>&1); then
  echo "FAIL: readelf -d $binary: $needed"
  exit 1
fi
needed=$(grep '(NEEDED)' <<<"$needed")
if [[ -z $needed ]]; then
  echo "FAIL: $binary lists no NEEDED library (not a dynamically linked ELF file?)"
  exit 1
fi
forbidden=$(grep -E '\[lib(curl|ssl|crypto)[.-]' <<<"$needed")
if [[ -n $forbidden ]]; then
  echo "FAIL: $binary needs network/TLS libraries that belong to kiosk-sync only:"
  echo "$forbidden"
  exit 1
fi
forbidden=$(grep -E '\[lib(cairo|pango|pangocairo|pangoft2)[.-]' <<<"$needed")
if [[ -n $forbidden ]]; then
  echo "FAIL: $binary needs PDF drawing libraries that belong to kiosk-report only:"
  echo "$forbidden"
  exit 1
fi
echo "ok: $binary needs no libcurl, libssl, libcrypto, Cairo or Pango"
