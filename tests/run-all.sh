#!/usr/bin/env bash
# Runs every test of the repository: the .NET suite (NUnit: syntax, analysis, formatting, CLI and LSP end-to-end
# tests against the built server, headless Neovim and Emacs), the Node suite (VS Code client and TextMate grammar)
# and the real-VS-Code suite (the packaged extension in code-server, driven through headless Chromium).
# Ends with one line "N passed, N failed, N skipped" counting all of them.
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

echo "== Exchange formats read by their real consumers (tests/consumers: bibtex-parser, citeproc-js, RIS spec)"
bash "$root/tests/consumers/run.sh" 2>&1 | tee "$log/consumers.txt"
consumers_status=${PIPESTATUS[0]}

echo "== Real VS Code (client-vscode/test/e2e: npm run package, code-server 4.100.3, Chromium)"
(
  cd "$root/client-vscode"
  npm run --silent test:e2e
) 2>&1 | tee "$log/e2e.txt"
e2e_status=${PIPESTATUS[0]}

# dotnet prints one summary per test project: "Passed!  - Failed:     0, Passed:   260, Skipped:     2, Total: ..."
dotnet_count() { grep -E '^(Passed|Failed)!' "$log/dotnet.txt" | grep -oE "$1: +[0-9]+" | awk '{ s += $2 } END { print s + 0 }'; }
# node --test prints TAP summary lines: "# pass 37", "# fail 0", "# skipped 0".
tap_count() { grep -E "^# $1 [0-9]+" "$2" | awk '{ s += $3 } END { print s + 0 }'; }
node_count() { tap_count "$1" "$log/node.txt"; }
e2e_count() { tap_count "$1" "$log/e2e.txt"; }
consumers_count() { tap_count "$1" "$log/consumers.txt"; }
dotnet_passed=$(dotnet_count Passed); dotnet_failed=$(dotnet_count Failed); dotnet_skipped=$(dotnet_count Skipped)
# A test cancelled because its suite's setup failed did not pass: it counts as failed.
node_passed=$(node_count pass); node_failed=$(( $(node_count fail) + $(node_count cancelled) )); node_skipped=$(node_count skipped)
consumers_passed=$(consumers_count pass); consumers_failed=$(( $(consumers_count fail) + $(consumers_count cancelled) )); consumers_skipped=$(consumers_count skipped)
e2e_passed=$(e2e_count pass); e2e_failed=$(( $(e2e_count fail) + $(e2e_count cancelled) )); e2e_skipped=$(e2e_count skipped)

passed=$(( dotnet_passed + node_passed + consumers_passed + e2e_passed ))
failed=$(( dotnet_failed + node_failed + consumers_failed + e2e_failed ))
skipped=$(( dotnet_skipped + node_skipped + consumers_skipped + e2e_skipped ))
# A suite that failed before reporting (a build error) counts as one failure so it cannot pass silently.
[ "$dotnet_status" -ne 0 ] && [ "$dotnet_failed" -eq 0 ] && failed=$((failed + 1))
[ "$node_status" -ne 0 ] && [ "$node_failed" -eq 0 ] && failed=$((failed + 1))
[ "$consumers_status" -ne 0 ] && [ "$consumers_failed" -eq 0 ] && failed=$((failed + 1))
[ "$e2e_status" -ne 0 ] && [ "$e2e_failed" -eq 0 ] && failed=$((failed + 1))
[ "$passed" -eq 0 ] && failed=$((failed + 1))

echo "dotnet: $dotnet_passed passed, $dotnet_failed failed, $dotnet_skipped skipped; node: $node_passed passed, $node_failed failed, $node_skipped skipped; consumers: $consumers_passed passed, $consumers_failed failed, $consumers_skipped skipped; real VS Code: $e2e_passed passed, $e2e_failed failed, $e2e_skipped skipped"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
