#!/usr/bin/env bash
# Runs every test of the repository: the .NET suite (NUnit: syntax, analysis, formatting, CLI and LSP end-to-end
# tests against the built server) and the Node suite (VS Code client and TextMate grammar).
# Ends with one line "N passed, N failed, N skipped" counting both.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

echo "== .NET tests"
dotnet test "$root/PaperLsp.sln" -c Release --nologo 2>&1 | tee "$log/dotnet.txt"
dotnet_status=${PIPESTATUS[0]}

echo "== Node tests (client-vscode, grammar)"
(
  cd "$root/client-vscode"
  [ -d node_modules ] || npm ci --no-audit --no-fund
  npm run --silent build && npm test --silent
) 2>&1 | tee "$log/node.txt"
node_status=${PIPESTATUS[0]}

# dotnet prints one summary per test project: "Passed!  - Failed:     0, Passed:   260, Skipped:     2, Total: ..."
dotnet_count() { grep -E '^(Passed|Failed)!' "$log/dotnet.txt" | grep -oE "$1: +[0-9]+" | awk '{ s += $2 } END { print s + 0 }'; }
# node --test prints TAP summary lines: "# pass 37", "# fail 0", "# skipped 0".
node_count() { grep -E "^# $1 [0-9]+" "$log/node.txt" | awk '{ s += $3 } END { print s + 0 }'; }
dotnet_passed=$(dotnet_count Passed); dotnet_failed=$(dotnet_count Failed); dotnet_skipped=$(dotnet_count Skipped)
node_passed=$(node_count pass); node_failed=$(node_count fail); node_skipped=$(node_count skipped)

passed=$(( $dotnet_passed + $node_passed ))
failed=$(( $dotnet_failed + $node_failed ))
skipped=$(( $dotnet_skipped + $node_skipped ))
# A suite that failed before reporting (a build error) counts as one failure so it cannot pass silently.
[ "$dotnet_status" -ne 0 ] && [ "$dotnet_failed" -eq 0 ] && failed=$((failed + 1))
[ "$node_status" -ne 0 ] && [ "$node_failed" -eq 0 ] && failed=$((failed + 1))
[ "$passed" -eq 0 ] && failed=$((failed + 1))

echo "dotnet: $dotnet_passed passed, $dotnet_failed failed, $dotnet_skipped skipped; node: $node_passed passed, $node_failed failed, $node_skipped skipped"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
