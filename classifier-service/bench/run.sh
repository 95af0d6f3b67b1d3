#!/usr/bin/env bash
# Batching on/off benchmark of classifier-service, one-image requests over loopback, concurrency 1, 16 and 64.
# Starts the service twice from the compiled classes (batching on, then off), drives it with LoadGenerator.java
# (closed loop: each client sends its next request when the previous answer arrives), prints a Markdown table and
# writes it to classifier-service/bench/results-<date>.md together with the machine description.
#
#   classifier-service/bench/run.sh [WARMUP_S=5] [MEASURE_S=20]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
WARMUP="${1:-5}"
MEASURE="${2:-20}"
PORT="${BENCH_PORT:-18082}"
CP_FILE=classifier-service/target/cp.txt
# compile (and copy the shipped model versions into target/classes) so the service runs what is checked in
./mvnw -o -q -pl classifier-service compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="classifier-service/target/classes:$(cat "$CP_FILE")"
OUT="classifier-service/bench/results-$(date +%Y%m%d-%H%M%S).md"
LOG_DIR="$(mktemp -d)"

{
  echo "Machine: $(nproc) CPU cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -sr), $(java -version 2>&1 | head -1)"
  echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Warm-up ${WARMUP}s, measured ${MEASURE}s per row; client and server on the same machine."
  echo
  echo "| batching | concurrency | requests | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|---|"
} | tee "$OUT"

for mode in on off; do
  enabled=true
  [[ $mode == off ]] && enabled=false
  # one PyTorch thread: on a shared 2-core machine a second OpenMP thread that gets preempted stalls every batched op
  CLASSIFIER_BATCHING=$enabled CLASSIFIER_PORT=$PORT OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" \
    java -Xmx1g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="${OMP_NUM_THREADS:-1}" \
    -Dai.djl.pytorch.num_interop_threads=1 -Dlogging.level.root=WARN -cp "$CP" dev.aigc.classifier.ClassifierApplication \
    > "$LOG_DIR/service-$mode.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/v2/health/ready" > /dev/null 2>&1; then break; fi
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$PORT/v2/health/ready" > /dev/null
  for c in 1 16 64; do
    java classifier-service/bench/LoadGenerator.java "http://127.0.0.1:$PORT/api/v1/classifications?k=1" \
      "$c" "$WARMUP" "$MEASURE" "$mode" | tee -a "$OUT"
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  trap - EXIT
done
echo "results written to $OUT"
