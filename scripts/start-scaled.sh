#!/usr/bin/env bash
# The scaled topology on one machine: TWO instances of each model service (gan, classifier, nlp-qa) over ONE shared
# model store folder, as two replicas over a ReadWriteMany volume, the two nlp-qa instances on ONE knowledge base in a
# local two-node SolrCloud (scripts/start-solr.sh), plus career and the gateway. No Docker. Waits until every
# instance is ready, prints the addresses, and stops everything (SolrCloud too) cleanly on Ctrl-C.
# Logs: run/scaled/logs/<instance>.log; the store: run/scaled/model-store (MODEL_STORE).
#
#   ./scripts/start-scaled.sh                  build, start, wait, keep running until Ctrl-C
#   SKIP_BUILD=1 ./scripts/start-scaled.sh     reuse the jars already in */target
#   CHECK=1 ./scripts/start-scaled.sh          also activate a version through gan A and time how long gan B takes
#                                              to serve it (then switch back), then keep running
#   ONLY="gan classifier" ...                  start only these pairs (default: gan classifier nlp-qa), no gateway
#   GAN_PORT=8081 GAN_PORT_B=8181 ...          ports: instance A on the usual port, B on A + 100 unless set
#                                              (GAN_, CLASSIFIER_, NLP_QA_ with _B; CAREER_PORT, GATEWAY_PORT)
#   MODEL_STORE=/srv/store READY_TIMEOUT=900   another store folder; seconds to wait for readiness (default 600)
#   SOLR=0 ./scripts/start-scaled.sh           nlp-qa on one embedded Lucene index per instance instead of SolrCloud
#                                              (SOLR_ZK_PORT, SOLR_PORTS: see scripts/start-solr.sh)
#
# The gateway routes each service to ONE address (it has no load balancer), instance A; reach B on its own port.
# To add another pair (a search engine node pair, ...), write a start_<name>_pair function like those below and
# list it in ONLY's default.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
run="$root/run/scaled"
logs="$run/logs"
store=${MODEL_STORE:-$run/model-store}
version=0.1.0-SNAPSHOT
timeout=${READY_TIMEOUT:-600}
mkdir -p "$logs" "$store"

names=()   # instance name, one per started JVM
ports=()   # its port
pids=()    # its pid

stop_all() {
  trap - EXIT
  trap '' INT TERM   # a second Ctrl-C must not cut the graceful shutdown short
  if ((${#pids[@]})); then
    echo
    echo "Stopping ${#pids[@]} instances..."
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    echo "Stopped."
  fi
  if [[ -n "${solr_started:-}" ]]; then
    "$root/scripts/start-solr.sh" stop || true
  fi
}
trap stop_all INT TERM EXIT

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# start_instance NAME MODULE PORT [KEY=VALUE environment...]
start_instance() {
  local name=$1 module=$2 port=$3
  shift 3
  local jar="$root/$module/target/$module-$version.jar"
  [[ -f "$jar" ]] || { echo "Missing $jar: run without SKIP_BUILD" >&2; exit 1; }
  port_free "$port" || { echo "Port $port ($name) is already in use: set its *_PORT variable." >&2; exit 1; }
  env "$@" DJL_OFFLINE=true java -XX:+UseSerialGC -Xss512k -Dai.djl.offline=true -jar "$jar" \
    >"$logs/$name.log" 2>&1 &
  pids+=($!)
  names+=("$name")
  ports+=("$port")
  echo "started $name (pid $!) on port $port, log run/scaled/logs/$name.log"
}

# Every model service instance reads and writes the same store; each follows the recorded active versions.
start_gan_pair() {
  local a=${GAN_PORT:-8081} b=${GAN_PORT_B:-$((${GAN_PORT:-8081} + 100))}
  local mnist=${MNIST_DIR:-$root/data/mnist}
  start_instance gan-a gan-service "$a" GAN_PORT="$a" MODEL_STORE_DIR="$store" MNIST_DIR="$mnist"
  start_instance gan-b gan-service "$b" GAN_PORT="$b" MODEL_STORE_DIR="$store" MNIST_DIR="$mnist"
  export GAN_URL=http://localhost:$a
}

start_classifier_pair() {
  local a=${CLASSIFIER_PORT:-8082} b=${CLASSIFIER_PORT_B:-$((${CLASSIFIER_PORT:-8082} + 100))}
  start_instance classifier-a classifier-service "$a" CLASSIFIER_PORT="$a" MODEL_STORE_DIR="$store"
  start_instance classifier-b classifier-service "$b" CLASSIFIER_PORT="$b" MODEL_STORE_DIR="$store"
  export CLASSIFIER_URL=http://localhost:$a
}

# Both nlp-qa instances on one SolrCloud collection (the first to start creates it), so a document ingested through
# one is found through the other. With SOLR=0 the knowledge base is an embedded Lucene index, which allows one writer:
# one index folder per instance (and the two instances then do not share documents).
start_nlp-qa_pair() {
  local a=${NLP_QA_PORT:-8083} b=${NLP_QA_PORT_B:-$((${NLP_QA_PORT:-8083} + 100))}
  local kb_a=(NLP_KB_INDEX_DIR="$run/nlp-qa-a/index") kb_b=(NLP_KB_INDEX_DIR="$run/nlp-qa-b/index")
  if [[ "${SOLR:-1}" != 0 ]]; then
    SKIP_BUILD=${SKIP_BUILD:-} "$root/scripts/start-solr.sh"
    solr_started=1
    local urls
    urls=$(sed -n 's/^NLP_KB_SOLR_URLS=//p' "${SOLR_DIR:-$root/run/solr}/solr.env")
    kb_a=(NLP_KB_BACKEND=solr NLP_KB_SOLR_URLS="$urls")
    kb_b=(NLP_KB_BACKEND=solr NLP_KB_SOLR_URLS="$urls")
  fi
  start_instance nlp-qa-a nlp-qa-service "$a" NLP_QA_PORT="$a" MODEL_STORE_DIR="$store" "${kb_a[@]}"
  start_instance nlp-qa-b nlp-qa-service "$b" NLP_QA_PORT="$b" MODEL_STORE_DIR="$store" "${kb_b[@]}"
  export NLP_QA_URL=http://localhost:$a
}

start_front() {
  local career=${CAREER_PORT:-8084} gateway=${GATEWAY_PORT:-8080}
  start_instance career career-service "$career" CAREER_PORT="$career"
  export CAREER_URL=http://localhost:$career
  start_instance gateway gateway-service "$gateway" GATEWAY_PORT="$gateway" CLASSIFIER_URL="$CLASSIFIER_URL" \
    GAN_URL="$GAN_URL" NLP_QA_URL="$NLP_QA_URL" CAREER_URL="$CAREER_URL"
}

wait_ready() {
  echo "Waiting for every instance to be ready (up to ${timeout}s)..."
  local deadline=$((SECONDS + timeout)) pending=("${!names[@]}") still i
  while ((${#pending[@]})); do
    still=()
    for i in "${pending[@]}"; do
      if curl -fsS "http://127.0.0.1:${ports[$i]}/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; then
        echo "  ${names[$i]} is ready"
      elif ! kill -0 "${pids[$i]}" 2>/dev/null; then
        echo "${names[$i]} exited during start-up; last lines of run/scaled/logs/${names[$i]}.log:" >&2
        tail -n 30 "$logs/${names[$i]}.log" >&2
        exit 1
      else
        still+=("$i")
      fi
    done
    pending=(${still[@]+"${still[@]}"})
    if ((${#pending[@]})); then
      ((SECONDS <= deadline)) || { echo "Not ready after ${timeout}s (see run/scaled/logs/)" >&2; exit 1; }
      sleep 2
    fi
  done
}

# The version a GAN instance generates with.
gan_version() {
  curl -fsS "http://127.0.0.1:$1/api/v1/gan/generations" -H 'Content-Type: application/json' \
    -d '{"count":1,"seed":1,"format":"pixels"}' | sed -n 's/.*"version":"\([^"]*\)".*/\1/p'
}

# Activates a second version through gan A and times how long gan B takes to serve it; switches back.
check_gan_follows() {
  local a=${GAN_PORT:-8081} b=${GAN_PORT_B:-$((${GAN_PORT:-8081} + 100))}
  local before target start_ns
  before=$(gan_version "$a")
  target=$(curl -fsS "http://127.0.0.1:$a/api/v1/gan/models" | grep -o '"version":"[^"]*"' | cut -d'"' -f4 \
    | sort -u | grep -vx "$before" | head -n 1 || true)
  if [[ -z "$target" ]]; then
    echo "check: the GAN store holds only $before; add a version (a training job) to see B follow A" >&2
    return 0
  fi
  curl -fsS -X POST "http://127.0.0.1:$a/api/v1/gan/models/$target/activate" >/dev/null
  start_ns=$(date +%s%N)
  until [[ "$(gan_version "$b")" == "$target" ]]; do
    (( $(date +%s%N) - start_ns < 10000000000 )) || { echo "check FAILED: gan B still serves $before" >&2; exit 1; }
    sleep 0.1
  done
  echo "check: gan B serves $target $(( ($(date +%s%N) - start_ns) / 1000000 )) ms after it was activated on gan A"
  curl -fsS -X POST "http://127.0.0.1:$b/api/v1/gan/models/$before/activate" >/dev/null
  echo "check: switched back to $before through gan B"
}

pairs=${ONLY:-gan classifier nlp-qa}
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "Building the services (tests skipped; run ./scripts/test.sh for the test suite)..."
  ./mvnw -q -B -DskipTests package
fi
for pair in $pairs; do
  "start_${pair}_pair"
done
[[ -n "${ONLY:-}" ]] || start_front
wait_ready
[[ -z "${CHECK:-}" ]] || [[ " $pairs " != *" gan "* ]] || check_gan_follows

echo
echo "The scaled topology is up; model store: $store"
for i in "${!names[@]}"; do
  printf '  %-14s http://localhost:%s\n' "${names[$i]}" "${ports[$i]}"
done
echo "Press Ctrl-C to stop every instance."
wait "${pids[@]}"
