#!/usr/bin/env bash
# Checks PaperLsp's exports with the tools that consume them: @retorquere/bibtex-parser (BibTeX, BibLaTeX), citeproc-js
# (CSL-JSON, APA 7th) and the RIS specification. Exports come from the built CLI, so build it first if it is missing.
# Prints node's TAP output, whose summary lines are "# pass N", "# fail N", "# skipped N".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dll="${PAPERLSP_DLL:-$root/server/PaperLsp/bin/Release/net10.0/paperlsp.dll}"
if [ ! -f "$dll" ]; then
  dotnet build "$root/server/PaperLsp" -c Release --nologo -v quiet >&2 || { echo "could not build the server" >&2; exit 1; }
fi
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund >&2 || { echo "npm ci failed in tests/consumers" >&2; exit 1; }
PAPERLSP_DLL="$dll" node --test --test-reporter=tap test/
