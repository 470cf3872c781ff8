#!/usr/bin/env bash
# Installs the real servers and tools the test suite drives: the CNCF Distribution registry, skopeo/umoci to build
# images, PostgreSQL, Chromium for browser tests, a C toolchain and zlib headers to link the native CLI. Idempotent; does nothing when everything is present.
set -euo pipefail

need=()
command -v docker-registry >/dev/null || need+=(docker-registry)
command -v skopeo >/dev/null || need+=(skopeo)
command -v umoci >/dev/null || need+=(umoci)
command -v htpasswd >/dev/null || need+=(apache2-utils)
command -v zstd >/dev/null || need+=(zstd)
command -v jq >/dev/null || need+=(jq)
command -v chromium >/dev/null || need+=(chromium)
command -v gcc >/dev/null || command -v clang >/dev/null || need+=(gcc)
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
[ -x /usr/lib/postgresql/15/bin/postgres ] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "install-test-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
