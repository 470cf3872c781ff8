#!/usr/bin/env bash
# publish-native.sh - the native (ahead-of-time compiled) CLI, the binary for CI pipelines: artifacts/vigil-native/vigil.
# It starts in milliseconds and needs no .NET runtime; the cluster-side commands (controller, serve, gate, cluster) stay
# in the JIT build (see src/Vigil.Cli/Infrastructure/NativeBuild.cs).
#   --check   then runs the CLI's end-to-end tests against the native binary (scripts/test.sh does this).
# Needs a C toolchain to link (gcc or clang) and zlib's headers: scripts/install-test-deps.sh installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${VIGIL_NATIVE_OUT:-artifacts/vigil-native}

dotnet publish src/Vigil.Cli -c Release -r linux-x64 -p:VigilNative=true -o "$OUT" -v q -nologo 2>&1 | tail -n 3
echo "publish-native: $OUT/vigil, $(du -h "$OUT/vigil" | cut -f1)"

if [[ ${1:-} == --check ]]; then
  VIGIL_TEST_EXECUTABLE="$PWD/$OUT/vigil" dotnet test tests/Vigil.Cli.Tests -c Release --no-build
fi
