#!/usr/bin/env bash
# Installs the Debian packages the kiosk needs that are not installed yet.
#
#   scripts/setup.sh [run|test|dev]     (default: run)
#
# "run" installs what building and running the kiosk need; "test" adds what the test suite
# and benchmarks need; "dev" adds the tools that regenerate the demo images. The list is scripts/debian-packages.txt. Says what it installs, and
# installs nothing when everything is present (so it is cheap to call before every build).
set -euo pipefail
cd "$(dirname "$0")/.."

purpose=${1:-run}
case $purpose in
  run)  groups="build run" ;;
  test) groups="build run test" ;;
  dev)  groups="build run test dev" ;;
  *) echo "setup.sh: unknown purpose '$purpose' (expected run, test or dev)" >&2; exit 2 ;;
esac

wanted=()
while read -r group package _; do
  [[ -z "$group" || "$group" == \#* ]] && continue
  [[ " $groups " == *" $group "* ]] && wanted+=("$package")
done < scripts/debian-packages.txt

# What installed packages provide ("installed nodejs-dev, …, npm"), read once: a pipe into
# grep -q would end dpkg-query early, and pipefail would take that for a failure.
provided=$(dpkg-query -W -f='${db:Status-Status} ${Provides}\n' 2>/dev/null | grep '^installed ' || true)
missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "installed" ]] && continue
  # Provided by an installed package (nodesource's nodejs provides npm): present too.
  name=$(sed 's/[.+]/\\&/g' <<<"$package") # g++, libpango1.0-dev: literal in the pattern
  grep -qE "^installed (.*, )?${name}( \([^)]*\))?(,|\$)" <<<"$provided" && continue
  missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#wanted[@]} packages for '$purpose' are installed"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing package(s): ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "setup: not root and no sudo; as root run: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
