#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need, builds, runs every test project, prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build Vigil.slnx -c Release -warnaserror 2>&1 | tail -n 3
status=0
dotnet test Vigil.slnx -c Release --no-build "$@" 2>&1 | tee "$log" || status=$?
# The native CLI (the CI pipelines' binary) must pass the same end-to-end CLI tests as the JIT build.
if [ $# -eq 0 ]; then
  bash scripts/publish-native.sh --check 2>&1 | tee -a "$log" || status=$?
fi

# One plain closing line over all test projects: "N passed, N failed".
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '
  { for (i = 1; i < NF; i++) { k = $i; gsub(/[ !-]/, "", k); v = $(i + 1) + 0;
      if (k ~ /Failed$/) f += v; else if (k == "Passed") p += v; else if (k == "Skipped") s += v } }
  END { printf "%d %d %d\n", p, f, s }')
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
