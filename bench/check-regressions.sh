#!/usr/bin/env bash
# Runs the LSP benchmark at 10k entries against the recorded targets (bench/lspbench-targets.json) and fails when a
# figure exceeds its target by the file's margin. By hand, before a performance change lands, on a machine as quiet as
# you can get: it is not part of CI (timings on a shared machine are noise).
#   bench/check-regressions.sh [extra LspBench options, e.g. --edits 400, or --sizes 10k,100k for the 100k targets too]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build server/PaperLsp -c Release -v quiet -nologo
dotnet run -c Release --project bench/PaperLsp.LspBench -- \
  --kind default --sizes 10k --edits 200 --burst 50 --requests 20 --warmup 20 \
  --check bench/lspbench-targets.json "$@"
