#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 in the browser) for the real-VS-Code suite, into $1
# (default: test/e2e/.tools). Prints the path of the code-server launcher on its last line.
# Exit 3 means the install failed for a reason outside the project (the registry, the Debian mirror):
# the suite then reports itself skipped with that reason; any other failure is a failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-$here/.tools}
version=4.100.3
launcher="$dest/node_modules/code-server/out/node/entry.js"
if [ -f "$launcher" ] && [ -f "$dest/.installed-$version" ]; then echo "$launcher"; exit 0; fi
mkdir -p "$dest"

# Native modules of code-server build against these; chromium drives the workbench.
need=(build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium)
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } \
    || { echo "apt-get install ${missing[*]} failed" >&2; exit 3; }
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here; it reuses a cached
# asset of the same version if one exists, so give it Debian's rg (13.0.0, the version it wants).
tmp=$(mktemp -d)
cache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
cp "$(command -v rg)" "$tmp/rg"
tar -C "$tmp" -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg

cd "$dest"
[ -f package.json ] || echo '{"name":"paperlsp-e2e-tools","private":true}' > package.json
if ! TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
     npm install --no-audit --no-fund --loglevel=error "code-server@$version" >"$dest/npm-install.log" 2>&1; then
  tail -20 "$dest/npm-install.log" >&2
  # A registry that answers with an HTTP/network error is outside the project; anything else is ours.
  if grep -qE 'ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|E5[0-9][0-9]|network' "$dest/npm-install.log"; then exit 3; fi
  exit 1
fi
rm -rf "$tmp"
[ -f "$launcher" ] || { echo "code-server installed but $launcher is missing" >&2; exit 1; }
touch "$dest/.installed-$version"
echo "$launcher"
