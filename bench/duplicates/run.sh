#!/usr/bin/env bash
# Duplicate detection over N generated entries from disk, side by side in one run:
#   paperlsp check over the .papers files, and bibtex-tidy --duplicates over the same entries exported as BibTeX.
# Usage: bench/duplicates/run.sh [N=100000] [WORKDIR=/tmp/paperlsp-duplicates]
# Needs node; installs bibtex-tidy 1.14.0 into bench/duplicates/node_modules on first use (or set BIBTEX_TIDY to its bin).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-100000}
work=${2:-/tmp/paperlsp-duplicates}/$n
tidy=${BIBTEX_TIDY:-$root/bench/duplicates/node_modules/bibtex-tidy/bin/bibtex-tidy}
if [ ! -x "$tidy" ]; then npm install --prefix "$root/bench/duplicates" --no-audit --no-fund >/dev/null; fi

dotnet build "$root/bench/PaperLsp.Bench" -c Release -v q >/dev/null
dotnet build "$root/server/PaperLsp" -c Release -v q >/dev/null
paperlsp="dotnet $root/server/PaperLsp/bin/Release/net10.0/paperlsp.dll"

rm -rf "$work" && mkdir -p "$work/papers"
dotnet "$root/bench/PaperLsp.Bench/bin/Release/net10.0/PaperLsp.Bench.dll" planted "$n" "$work/papers"
mv "$work/papers/planted.tsv" "$work/planted.tsv"
$paperlsp export --format bibtex --output "$work/all.bib" "$work/papers"
echo "entries exported: $(grep -c '^@' "$work/all.bib")"

measure() { # name, command...: elapsed seconds and peak resident memory from /usr/bin/time -v
  local name=$1; shift
  /usr/bin/time -v "$@" > "$work/$name.out" 2> "$work/$name.time" || true
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$work/$name.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$work/$name.time" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/$name.time")
  echo "$name: wall $wall, CPU ${cpu} s, peak RSS $((rss / 1024)) MB, $(grep -E 'Exit status|terminated by signal' "$work/$name.time" | head -1 | xargs)"
}
measure paperlsp-check $paperlsp check "$work/papers"
# The input goes first: --duplicates takes an optional list of rules and would swallow a path after it.
measure bibtex-tidy node "$tidy" "$work/all.bib" --duplicates --output "$work/tidy.bib"

echo "planted copies: $(tail -n +2 "$work/planted.tsv" | grep -c $'\tcopy\t'), planted look-alikes: $(tail -n +2 "$work/planted.tsv" | grep -c $'\tdifferent\t')"
echo "paperlsp duplicate findings (PL0301 same paper, PL0302 exact copy, PL0303 possible):"
grep -oE 'PL030[123]' "$work/paperlsp-check.out" | sort | uniq -c
echo "bibtex-tidy duplicate warnings by rule:"
grep -ohE 'identical DOI|has already been used|similar content|similar abstract' "$work/bibtex-tidy.out" | sort | uniq -c
