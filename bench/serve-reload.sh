#!/usr/bin/env bash
# Save-to-reload time of `serve` on the sample site: from appending a line to a plan until the reload event
# reaches a connected page (curl on the SSE stream), then until the changed page is served. Runs on a temp copy
# of input/ (the samples are never edited). Usage: bench/serve-reload.sh [ROUNDS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
port=${PORT:-18787}
dotnet build src/PlanAtlas -c Release -v quiet -nologo >/dev/null
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
cp -r input "$work/input"
plan="$work/input/plans/hubei-ezhou-2018-work-safety-key-points.txt"
dotnet src/PlanAtlas/bin/Release/net10.0/PlanAtlas.dll serve --input "$work/input" --output "$work/output" \
  --base-path /planatlas/ --theme theme --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/planatlas/" >/dev/null && break; sleep 0.1; done

now() { date +%s.%N; }
echo "round  save→reload event (s)  save→changed page served (s)"
: >"$work/times"
for i in $(seq "$rounds"); do
  events="$work/events-$i"
  curl -sN "http://127.0.0.1:$port/__planatlas/events" >"$events" &
  stream=$!
  until grep -q '^event: hello' "$events" 2>/dev/null; do sleep 0.01; done
  marker="十四、基准测试第${i}轮追加的一行。"
  start=$(now)
  echo "$marker" >>"$plan"
  until grep -q '^event: reload' "$events"; do sleep 0.005; done
  reloaded=$(now)
  until curl -sf "http://127.0.0.1:$port/planatlas/plans/420700-2018/" | grep -q "$marker"; do sleep 0.005; done
  served=$(now)
  kill "$stream" 2>/dev/null || true
  printf '%5d  %22.3f  %29.3f\n' "$i" "$(echo "$reloaded - $start" | bc)" "$(echo "$served - $start" | bc)" | tee -a "$work/times"
done
sort -n -k2 "$work/times" | awk '{ r[NR] = $2 } END { printf "save→reload: median %.3f s, max %.3f s over %d rounds\n", r[int((NR + 1) / 2)], r[NR], NR }'

