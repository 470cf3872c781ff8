#!/usr/bin/env bash
# layers.sh - how fast Vigil streams image layers, next to the decompression floor on the same machine:
#   gzip -dc over the same layer blobs (hyperfine), then the BenchmarkDotNet comparison of raw GZipStream with
#   Vigil's layer walk (digest check + tar walk + whiteouts). Needs the fixture layout: make-fixtures.sh build.
# Usage: bench/layers.sh [TAG]   (default app-whiteout; VIGIL_FIXTURE_LAYOUT overrides the layout path)
set -euo pipefail
cd "$(dirname "$0")/.."
L=${VIGIL_FIXTURE_LAYOUT:-${XDG_CACHE_HOME:-$HOME/.cache}/vigil-fixtures/images/oci}
TAG=${1:-app-whiteout}
[[ -f $L/index.json ]] || { echo "no OCI layout at $L: run /work/shared/fixtures/make-fixtures.sh build" >&2; exit 1; }
manifest=$(jq -r --arg t "$TAG" '.manifests[]|select(.annotations["org.opencontainers.image.ref.name"]==$t)|.digest' "$L/index.json")
blobs=$(jq -r '.layers[].digest|sub("sha256:";"")' "$L/blobs/sha256/${manifest#sha256:}" | sed "s|^|$L/blobs/sha256/|" | tr '\n' ' ')
echo "layers of $TAG: $(du -cb $blobs | tail -1 | cut -f1) bytes compressed, $(cat $blobs | gzip -dc | wc -c) bytes uncompressed"
if command -v hyperfine >/dev/null; then
  hyperfine -w 1 -r 5 "cat $blobs | gzip -dc > /dev/null"
else
  time (cat $blobs | gzip -dc > /dev/null)
fi
VIGIL_FIXTURE_LAYOUT=$L VIGIL_FIXTURE_TAG=$TAG dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*LayerStreaming*'
