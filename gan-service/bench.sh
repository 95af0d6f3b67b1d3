#!/usr/bin/env bash
# Benchmarks generation on this machine over loopback: starts gan-service on a spare port with the shipped
# generator, measures images/s for count=64 and p50/p99 for count=1 (SECONDS per phase, default 20), stops it.
#   gan-service/bench.sh            # INFERENCE_THREADS=1 (one core per request)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18081}
PHASE_SECONDS=${SECONDS_PER_PHASE:-20}
THREADS=${INFERENCE_THREADS:-1}

./mvnw -o -q -pl gan-service package -DskipTests
MODELS=$(mktemp -d)
OMP_NUM_THREADS=$THREADS java -Xmx1g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS" \
  -Dai.djl.pytorch.num_interop_threads=1 -jar gan-service/target/gan-service-0.1.0-SNAPSHOT.jar \
  --server.port="$PORT" --server.address=127.0.0.1 --gan.models.location="$MODELS" \
  --logging.level.root=WARN > "$MODELS/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$MODELS"' EXIT
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null || { cat "$MODELS/server.log"; exit 1; }
echo "inference threads per request: $THREADS, $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java gan-service/bench/GanBench.java "http://127.0.0.1:$PORT" "$PHASE_SECONDS"
