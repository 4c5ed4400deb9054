#!/usr/bin/env bash
# Checks that incremental builds equal fresh ones: a synthetic corpus of N plans (default 300) goes through a series
# of changes; after each, the incremental output is compared with a fresh build that is given the same clustering
# model (a reused model legitimately assigns clusters differently from a retrained one). Prints one line per change.
# Run from the repository root after `dotnet build Site.sln -c Release`:  bench/incremental-equality.sh [N] [WORK]
set -u
plans=${1:-300}
work=${2:-$(mktemp -d)}
root=$(pwd)
app="$root/src/PlanAtlas/bin/Release/net10.0/PlanAtlas.dll"
bench="$root/bench/PlanAtlas.Bench/bin/Release/net10.0/PlanAtlas.Bench.dll"
for f in "$app" "$bench"; do [ -f "$f" ] || { echo "missing $f: run 'dotnet build Site.sln -c Release' first" >&2; exit 2; }; done
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 2
dotnet "$bench" generate --plans "$plans" --output input --sample "$root/input" >/dev/null
build() { dotnet exec "$app" build --input input --output "$@" >/dev/null 2>&1 || echo "build failed: $*"; }
failed=0
check() {
  rm -rf fresh .fresh.cache && mkdir .fresh.cache
  cp .out.cache/version.txt .out.cache/cluster-model.json .fresh.cache/ 2>/dev/null
  build fresh --cache .fresh.cache
  local n; n=$(diff -rq out fresh | wc -l)
  echo "$1: $n differences"
  [ "$n" -eq 0 ] || { diff -rq out fresh | head -5; failed=1; }
}
nth() { find input/plans -name '*.txt' | sort | sed -n "${1}p"; }
build out; check "first build"
dotnet "$bench" edit --input input >/dev/null; build out; check "edit one plan"
sed -i '2s/$/（修订）/' "$(nth 10)"; build out; check "retitle a plan"
rm "$(nth 20)"; build out; check "delete a plan"
cp "$(nth 30)" input/plans/zz-copy.txt; build out; check "add a copy of a plan"
f=$(nth 40); line=$(grep -n '^（二）' "$f" | head -1 | cut -d: -f1); [ -n "$line" ] && sed -i "${line}d" "$f"; build out; check "delete an item"
tail -5 "$(nth 60)" >> "$(nth 50)"; build out; check "append another plan's items"
build out; check "no change"
exit $failed
