#!/usr/bin/env bash
# Builds the services (tests skipped) and starts the whole platform on embedded defaults: five JVMs on localhost,
# no Docker, no Redis. Waits until every service reports readiness UP, prints the addresses, and stops every
# service cleanly on Ctrl-C. Logs: run/logs/<service>.log.
#
#   ./scripts/start-platform.sh            build, start, wait, keep running until Ctrl-C
#   SKIP_BUILD=1 ./scripts/start-platform.sh   reuse the jars already in */target
#   READY_TIMEOUT=600 ...                   seconds to wait for readiness (default 420)
#   GATEWAY_PORT=28080 GAN_PORT=28081 ...   other ports (GATEWAY_, GAN_, CLASSIFIER_, NLP_QA_, CAREER_PORT); the
#                                           gateway is pointed at them
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
logs="$root/run/logs"
mkdir -p "$logs"

# name:port, in start order (the gateway last, it only routes)
services=(classifier-service:${CLASSIFIER_PORT:-8082} gan-service:${GAN_PORT:-8081} nlp-qa-service:${NLP_QA_PORT:-8083}
          career-service:${CAREER_PORT:-8084} gateway-service:${GATEWAY_PORT:-8080})
version=0.1.0-SNAPSHOT
timeout=${READY_TIMEOUT:-420}

for s in "${services[@]}"; do
  port=${s#*:}
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port (${s%%:*}) is already in use: stop what listens there or set its *_PORT variable." >&2
    exit 1
  fi
done

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "Building the services (tests skipped; run ./scripts/test.sh for the test suite)..."
  ./mvnw -q -B -DskipTests package
fi

pids=()
stop_all() {
  trap - EXIT
  trap '' INT TERM   # a second Ctrl-C must not cut the graceful shutdown short
  if ((${#pids[@]})); then
    echo
    echo "Stopping the platform..."
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    echo "Stopped."
  fi
}
trap stop_all INT TERM EXIT

export DJL_OFFLINE=true
# the gateway finds the services on the ports chosen above
export CLASSIFIER_URL=${CLASSIFIER_URL:-http://localhost:${CLASSIFIER_PORT:-8082}}
export GAN_URL=${GAN_URL:-http://localhost:${GAN_PORT:-8081}}
export NLP_QA_URL=${NLP_QA_URL:-http://localhost:${NLP_QA_PORT:-8083}}
export CAREER_URL=${CAREER_URL:-http://localhost:${CAREER_PORT:-8084}}
for s in "${services[@]}"; do
  name=${s%%:*}
  jar="$root/$name/target/$name-$version.jar"
  [[ -f "$jar" ]] || { echo "Missing $jar: run without SKIP_BUILD" >&2; exit 1; }
  java -XX:+UseSerialGC -Xss512k -Dai.djl.offline=true -jar "$jar" >"$logs/$name.log" 2>&1 &
  pids+=($!)
  echo "started $name (pid $!) on port ${s#*:}, log run/logs/$name.log"
done

echo "Waiting for every service to be ready (up to ${timeout}s)..."
deadline=$((SECONDS + timeout))
pending=("${services[@]}")
while ((${#pending[@]})); do
  still=()
  for s in "${pending[@]}"; do
    if curl -fsS "http://127.0.0.1:${s#*:}/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; then
      echo "  ${s%%:*} is ready"
    else
      still+=("$s")
    fi
  done
  pending=(${still[@]+"${still[@]}"})
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      name=${services[$i]%%:*}
      echo "$name exited during start-up; last lines of run/logs/$name.log:" >&2
      tail -n 30 "$logs/$name.log" >&2
      exit 1
    fi
  done
  if ((${#pending[@]})); then
    if ((SECONDS > deadline)); then
      echo "Not ready after ${timeout}s: ${pending[*]} (see run/logs/)" >&2
      exit 1
    fi
    sleep 2
  fi
done

gw=${GATEWAY_PORT:-8080}
cat <<MSG

The platform is up.
  Gateway:     http://localhost:$gw
  Swagger UI:  http://localhost:$gw/swagger-ui.html
  Status:      http://localhost:$gw/api/v1/status
Press Ctrl-C to stop every service.
MSG
wait "${pids[@]}"
