#!/usr/bin/env bash
# Throughput and latency through the gateway next to the same requests sent straight to the classifier,
# side by side in one run, on one machine (loopback only, bounded durations).
#
#   gateway-service/bench/run-bench.sh live  [options]   gateway and classifier already running
#   gateway-service/bench/run-bench.sh stub  [options]   starts a stand-in classifier (answers in --delay-ms)
#                                                         and the gateway jar itself, measures, stops both
# Options:
#   --gateway URL        gateway base URL            (live; default http://127.0.0.1:8080)
#   --direct URL         classifier base URL         (live; default http://127.0.0.1:8082)
#   --path PATH          request path                (default /api/v1/classifications)
#   --body-file FILE     request body                (default: a generated MNIST-style JSON "pixels" body)
#   --content-type TYPE  body type                   (default application/json)
#   --api-key KEY        X-API-Key for the gateway   (default: none; anonymous access must then be on)
#   --concurrency "LIST" client threads per round    (default "1 16 64")
#   --duration S         measured seconds per round  (default 10; warm-up 3 s before each)
#   --jit-warmup S       upper bound of the unmeasured warm-up before the first round (default 300): the direct
#                        target gets one 20 s round, the gateway 20 s rounds at the highest concurrency until two
#                        rounds in a row are within 3 % of the round before (steady state) or S seconds have passed.
#                        A freshly started gateway on one core needs about three minutes of traffic before its JIT
#                        compiler is done (its throughput rose from 110 to 780 requests/s over nine rounds); 0 = none
#   --delay-ms MS        stub mode: stand-in service time (default 0; 50 reproduces SCG's own benchmark setup)
#   --out FILE           also write the Markdown table to FILE
#   --gateway-cpus LIST  stub mode: pin the gateway to these CPUs and everything else (load generator, stand-in)
#                        to the others, e.g. "0" on a 2-CPU machine: the gateway then has a core of its own, as on
#                        a node of its own, instead of competing with the load generator for the same cores
#
# In live mode start the gateway with limits above the benchmark's rate, or its standard tier (50 req/s per
# client by default) is what gets measured:
#   GATEWAY_RATE_LIMIT_STANDARD_RATE=1000000 GATEWAY_RATE_LIMIT_STANDARD_BURST=1000000
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
mode="${1:-}"; shift || true
[[ "$mode" == live || "$mode" == stub ]] || { sed -n '2,24p' "$0"; exit 2; }

gateway=http://127.0.0.1:8080 direct=http://127.0.0.1:8082 path=/api/v1/classifications
body_file="" content_type=application/json api_key="" levels="1 16 64" duration=10 delay=0 out="" jit=300
gateway_cpus=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --gateway) gateway="$2" ;; --direct) direct="$2" ;; --path) path="$2" ;;
    --body-file) body_file="$2" ;; --content-type) content_type="$2" ;; --api-key) api_key="$2" ;;
    --concurrency) levels="$2" ;; --duration) duration="$2" ;; --delay-ms) delay="$2" ;; --out) out="$2" ;;
    --jit-warmup) jit="$2" ;; --gateway-cpus) gateway_cpus="$2" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
for url in "$gateway" "$direct"; do
  [[ "$url" =~ ^http://(127\.[0-9.]+|localhost)(:[0-9]+)?(/.*)?$ ]] || { echo "loopback URLs only: $url" >&2; exit 2; }
done

work="$(mktemp -d)"
pids=()
cleanup() { # stop what this script started and wait for it (the gateway shuts down gracefully)
  for pid in "${pids[@]:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:-}"; do [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Compile the load generator once (single-file launch would recompile on every round).
javac -d "$work/classes" "$here/LoadGenerator.java"
pin_gateway=() pin_others=()
if [[ -n "$gateway_cpus" ]]; then
  [[ "$mode" == stub ]] || { echo "--gateway-cpus needs stub mode" >&2; exit 2; }
  others=$(python3 -c "import os,sys; g={int(c) for c in sys.argv[1].split(',')}; print(','.join(str(c) for c in sorted(os.sched_getaffinity(0)) if c not in g))" "$gateway_cpus")
  [[ -n "$others" ]] || { echo "no CPU left for the load generator" >&2; exit 2; }
  pin_gateway=(taskset -c "$gateway_cpus") pin_others=(taskset -c "$others")
fi
lg() { "${pin_others[@]}" java -Xmx256m -cp "$work/classes" LoadGenerator "$@"; }
# (background processes are started with java directly so that $! is the JVM, which cleanup can stop)

if [[ -z "$body_file" ]]; then
  # a vertical stroke, roughly a handwritten "1", as 784 grey levels in [0,1]
  body_file="$work/digit.json"
  python3 - "$body_file" <<'PY'
import json, sys
px = [0.0] * 784
for r in range(4, 24):
    for c in (13, 14, 15):
        px[r * 28 + c] = 1.0 if c == 14 else 0.6
json.dump({"pixels": px}, open(sys.argv[1], "w"))
PY
fi

wait_ready() { # url seconds
  for _ in $(seq 1 "$2"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
  echo "not ready: $1" >&2; return 1
}

if [[ "$mode" == stub ]]; then
  jar="$(ls "$module"/target/gateway-service-*.jar 2>/dev/null | grep -v original | head -1 || true)"
  [[ -n "$jar" ]] || { echo "build the gateway first: ./mvnw -pl gateway-service package -DskipTests" >&2; exit 1; }
  gateway=http://127.0.0.1:18080 direct=http://127.0.0.1:18082
  "${pin_others[@]}" java -Xmx256m -cp "$work/classes" LoadGenerator backend --port 18082 --delay-ms "$delay" \
    > "$work/backend.log" 2>&1 & pids+=($!)
  GATEWAY_PORT=18080 CLASSIFIER_URL="$direct" \
  GATEWAY_RATE_LIMIT_STANDARD_RATE=1000000 GATEWAY_RATE_LIMIT_STANDARD_BURST=1000000 \
    "${pin_gateway[@]}" java -Xmx512m -jar "$jar" > "$work/gateway.log" 2>&1 & pids+=($!)
  wait_ready "$gateway/actuator/health/readiness" 180
  wait_ready "$direct/" 30
fi

headers=()
[[ -n "$api_key" ]] && headers=(--header "X-API-Key: $api_key")

gateway_pid=""
if [[ "$mode" == stub ]]; then gateway_pid="${pids[1]}"; fi
cpu_ticks() { [[ -n "$gateway_pid" ]] && awk '{print $14 + $15}' "/proc/$gateway_pid/stat" || echo 0; }
warmed=0
if (( jit > 0 )); then
  top=$(tr ' ' '\n' <<< "$levels" | sort -n | tail -1)
  echo "warm-up (unmeasured): 20 s rounds at concurrency $top until the gateway is steady, at most ${jit} s" >&2
  lg load --url "$direct$path" --method POST --body-file "$body_file" --content-type "$content_type" \
    --concurrency "$top" --duration 20 --warmup 0 > /dev/null
  previous=0 steady=0
  while (( warmed < jit && steady < 2 )); do
    line="$(lg load --url "$gateway$path" --method POST --body-file "$body_file" --content-type "$content_type" \
      "${headers[@]}" --concurrency "$top" --duration 20 --warmup 0)"
    warmed=$((warmed + 20))
    rps="$(tr ' ' '\n' <<< "$line" | sed -n 's/^rps=//p')"
    if python3 -c "import sys; p, c = map(float, sys.argv[1:]); sys.exit(0 if p > 0 and abs(c - p) / p < 0.03 else 1)" \
        "$previous" "$rps"; then steady=$((steady + 1)); else steady=0; fi
    previous="$rps"
    echo "  gateway warm-up round: $rps requests/s" >&2
  done
fi

table="| concurrency | target | requests/s | p50 ms | p90 ms | p99 ms | errors | gateway CPU ms/request |
|---:|---|---:|---:|---:|---:|---:|---:|"
summary=""
for c in $levels; do
  declare -A rps_of p50_of
  for target in direct gateway; do
    base="$direct"; extra=()
    if [[ "$target" == gateway ]]; then base="$gateway"; extra=("${headers[@]}"); fi
    t0=$(cpu_ticks)
    line="$(lg load --url "$base$path" --method POST --body-file "$body_file" --content-type "$content_type" \
      "${extra[@]}" --concurrency "$c" --duration "$duration" --warmup 3)"
    t1=$(cpu_ticks)
    echo "$target: $line" >&2
    field() { tr ' ' '\n' <<< "$line" | sed -n "s/^$1=//p"; }
    rps="$(field rps)" p50_ms="$(field p50_ms)" p90_ms="$(field p90_ms)" p99_ms="$(field p99_ms)" errors="$(field errors)"
    rps_of[$target]=$rps; p50_of[$target]=$p50_ms
    cpu="–"
    if [[ "$target" == gateway && -n "$gateway_pid" ]]; then
      # the gateway's CPU time over its 3 s warm-up and the measured seconds, per request served in that time
      cpu="$(python3 -c "import sys; t, r, d = map(float, sys.argv[1:]); print(f'{t * 10 / (r * (d + 3)):.2f}')" \
        "$((t1 - t0))" "$rps" "$duration")"
    fi
    table+="
| $c | $target | $rps | $p50_ms | $p90_ms | $p99_ms | $errors | $cpu |"
  done
  summary+="$(python3 -c "import sys; g,d,pg,pd,c=map(float,sys.argv[1:]); print(f'concurrency {int(c)}: gateway/direct throughput {g/d:.2f}x, added p50 {pg-pd:+.2f} ms')" \
    "${rps_of[gateway]}" "${rps_of[direct]}" "${p50_of[gateway]}" "${p50_of[direct]}" "$c")
"
done

report="$table

$summary
Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end.
Mode: $mode$([[ "$mode" == stub ]] && echo " (stand-in classifier answering after ${delay} ms)" || true)$([[ -n "$gateway_cpus" ]] && echo ", gateway pinned to CPU $gateway_cpus, load generator and stand-in to CPU $others" || true), path $path, ${duration} s per round after 3 s warm-up (after ${warmed} s of unmeasured warm-up of the gateway)."
echo "$report"
[[ -n "$out" ]] && echo "$report" > "$out"
