#!/usr/bin/env bash
# CI for the VS Code client: clean install from the lock file, build, type-check, test.
# The node test runner's TAP output (ending in "# pass N" / "# fail N") is printed unmodified.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm run build
npm run typecheck
npm test
