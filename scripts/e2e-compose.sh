#!/usr/bin/env bash
# End-to-end check of the container deployment, for real: builds the images (scripts/build-images.sh), starts
# docker-compose.yml with freshly generated API keys, waits until every container is healthy, then sends one
# real request per service through the gateway with an API key -
#   classifier: a real MNIST test digit as a PNG, expecting its true label back
#   gan:        a generated digit grid (PNG)
#   nlp-qa:     a question answered from the knowledge base, with citations
#   career:     a role recommendation for the questionnaire example the service publishes in its OpenAPI
# - checks that a request without a key gets 401, that a burst on a rate-limited route gets 429s whose buckets
# live in Redis, and (profile "monitoring") that Prometheus scrapes all five services. Tears everything down
# at the end (volumes included) unless --keep.
#
# Usage: scripts/e2e-compose.sh [--no-build | --skip-jars] [--keep] [--no-monitoring]
#   --no-build   use the images as they are;  --skip-jars  build images from the jars already in target/
# Needs: a Docker engine (started here in the background when `dockerd` is installed and we are root),
# docker-compose 1.29 or Compose v2, curl, python3, the MNIST test files (fetched by scripts/fetch-mnist.sh).
# Environment: E2E_PORT (gateway host port, default 38080), E2E_PROMETHEUS_PORT (39090),
# E2E_HEALTH_TIMEOUT (seconds to wait for health, default 1200), plus everything build-images.sh reads.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=true skip_jars=false keep=false monitoring=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --skip-jars) skip_jars=true ;;
    --keep) keep=true ;;
    --no-monitoring) monitoring=false ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

work="$root/run/e2e"
mkdir -p "$work"
started=$(date +%s)
log() { printf '%s [e2e +%ss] %s\n' "$(date +%T)" "$(($(date +%s) - started))" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# --- Docker engine and compose ------------------------------------------------------------------------------
if ! docker info >/dev/null 2>&1; then
  if command -v dockerd >/dev/null && [[ $(id -u) == 0 ]]; then
    log "starting dockerd (log: $work/dockerd.log)"
    nohup dockerd >"$work/dockerd.log" 2>&1 &
    for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  fi
  docker info >/dev/null 2>&1 || die "no Docker engine (install docker.io and start dockerd)"
fi
if docker compose version >/dev/null 2>&1; then
  compose_cmd=(docker compose)
elif command -v docker-compose >/dev/null; then
  compose_cmd=(docker-compose)
else
  die "neither 'docker compose' nor 'docker-compose' is installed"
fi
log "engine $(docker version --format '{{.Server.Version}}'), compose: ${compose_cmd[*]}"

[[ -f data/mnist/t10k-images-idx3-ubyte ]] || scripts/fetch-mnist.sh

# --- images -------------------------------------------------------------------------------------------------
IMAGE_PREFIX=${IMAGE_PREFIX:-aigc}
DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}
if [[ -z "${BASE_IMAGE:-}" ]]; then
  # No registry: the local images build-images.sh makes from Debian packages.
  export REDIS_IMAGE=${REDIS_IMAGE:-$IMAGE_PREFIX/redis:$DEBIAN_SUITE}
  export PROMETHEUS_IMAGE=${PROMETHEUS_IMAGE:-$IMAGE_PREFIX/prometheus:$DEBIAN_SUITE}
fi
if $build; then
  build_args=()
  $monitoring && build_args+=(--monitoring)
  $skip_jars && build_args+=(--skip-jars)
  log "building images"
  scripts/build-images.sh "${build_args[@]}"
fi

# --- compose up ---------------------------------------------------------------------------------------------
user_key=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
admin_key=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
port=${E2E_PORT:-38080}
prometheus_port=${E2E_PROMETHEUS_PORT:-39090}
env_file="$work/e2e.env"
cat >"$env_file" <<EOF
GATEWAY_API_KEYS=$user_key:user,$admin_key:admin
GATEWAY_ANONYMOUS_ACCESS=false
GATEWAY_HOST_PORT=$port
IMAGE_PREFIX=$IMAGE_PREFIX
IMAGE_TAG=${IMAGE_TAG:-0.1.0-SNAPSHOT}
REDIS_IMAGE=${REDIS_IMAGE:-redis:7.2}
PROMETHEUS_IMAGE=${PROMETHEUS_IMAGE:-prom/prometheus:v2.53.0}
PROMETHEUS_HOST_PORT=$prometheus_port
AIGC_DEVICE=
EOF
project=${COMPOSE_PROJECT_NAME:-aigc-e2e}
compose() { "${compose_cmd[@]}" --env-file "$env_file" -p "$project" "$@"; }
profiles=()
$monitoring && profiles=(--profile monitoring)

containers() { compose "${profiles[@]}" ps -q; }
dump_logs() {
  log "container states:"
  for id in $(containers); do
    docker inspect -f '  {{.Name}} {{.State.Status}} health={{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id" >&2
  done
  compose "${profiles[@]}" logs --no-color --tail=60 >&2 || true
}
teardown() {
  local rc=$?
  ((rc == 0)) || dump_logs
  if $keep; then
    log "left running (--keep): ${compose_cmd[*]} --env-file $env_file -p $project ${profiles[*]} down -v"
  else
    log "tearing down"
    compose "${profiles[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  fi
  log "$( ((rc == 0)) && echo PASSED || echo FAILED) in $(($(date +%s) - started)) s"
}
trap teardown EXIT

compose "${profiles[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
log "compose up (project $project, gateway on port $port)"
# Compose starts the gateway only once redis and the four services report healthy (depends_on).
compose "${profiles[@]}" up -d

deadline=$(($(date +%s) + ${E2E_HEALTH_TIMEOUT:-1200}))
while :; do
  pending=()
  for id in $(containers); do
    state=$(docker inspect -f '{{.Name}}={{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$id")
    case "$state" in
      */healthy | *=running/none) ;;
      */unhealthy | *=exited/* | *=dead/*) die "container not healthy: $state" ;;
      *) pending+=("$state") ;;
    esac
  done
  ((${#pending[@]} == 0)) && break
  (($(date +%s) < deadline)) || die "still not healthy after ${E2E_HEALTH_TIMEOUT:-1200} s: ${pending[*]}"
  sleep 5
done
log "all containers healthy"

# --- requests through the gateway ---------------------------------------------------------------------------
gateway="http://127.0.0.1:$port"
out="$work/responses"
rm -rf "$out"
mkdir -p "$out"
# call NAME EXPECTED_STATUS CURL_ARGS... : the body lands in $out/NAME, headers in $out/NAME.headers
call() {
  local name=$1 expected=$2; shift 2
  local status
  status=$(curl -sS -o "$out/$name" -D "$out/$name.headers" -w '%{http_code}' --max-time 120 "$@") || status=000
  [[ "$status" == "$expected" ]] || die "$name: HTTP $status, expected $expected: $(head -c 600 "$out/$name" 2>/dev/null)"
  log "$name: HTTP $status"
}
key=(-H "X-API-Key: $user_key")

call anonymous 401 "$gateway/api/v1/career/roles"

# classifier: a real handwritten digit from the MNIST test set, as a PNG, must come back with its label.
read -r digit_index digit_label < <(python3 - "$root/data/mnist" "$out/digit.png" <<'PY'
import struct, sys, zlib
data, png = sys.argv[1], sys.argv[2]
index = 0  # first test image
with open(f"{data}/t10k-images-idx3-ubyte", "rb") as f:
    _, n, rows, cols = struct.unpack(">IIII", f.read(16))
    f.seek(16 + index * rows * cols)
    pixels = f.read(rows * cols)
with open(f"{data}/t10k-labels-idx1-ubyte", "rb") as f:
    f.seek(8 + index)
    label = f.read(1)[0]
# dark ink on white paper, 4x upscaled, as a user would draw it
scale = 4
raw = b"".join(b"\0" + bytes(255 - pixels[(y // scale) * cols + x // scale] for x in range(cols * scale))
               for y in range(rows * scale))
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
with open(png, "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", cols * scale, rows * scale, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
print(index, label)
PY
)
call classify 200 "${key[@]}" -H 'Content-Type: image/png' --data-binary "@$out/digit.png" "$gateway/api/v1/classifications"
python3 - "$out/classify" "$digit_label" <<'PY' || die "classifier answered $(cat "$out/classify")"
import json, sys
body = json.load(open(sys.argv[1]))
assert body["digit"] == int(sys.argv[2]), f"expected {sys.argv[2]}, got {body['digit']}"
assert 0.5 < body["probability"] <= 1.0, body
print(f"  digit {body['digit']} (p={body['probability']}, model {body['modelVersion']})")
PY

# gan: a grid of generated digits, one row per digit.
call gan-grid 200 "${key[@]}" "$gateway/api/v1/gan/grid.png?digits=0123456789&perDigit=4&seed=7"
python3 - "$out/gan-grid" "$out/gan-grid.headers" <<'PY' || die "gan grid is not a 10-row PNG image"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "no PNG signature"
width, height = struct.unpack(">II", data[16:24])
assert width >= 4 * 28 and height >= 10 * 28, (width, height)
version = [l.split(":", 1)[1].strip() for l in open(sys.argv[2]) if l.lower().startswith("x-model-version:")]
print(f"  grid {width}x{height}, {len(data)} bytes, model {version[0] if version else '?'}")
PY

# nlp-qa: a question the bundled knowledge base answers, with citations.
call qa 200 "${key[@]}" -H 'Content-Type: application/json' \
  --data '{"question": "如何安装Python？", "topK": 3}' "$gateway/api/v1/qa/ask"
python3 - "$out/qa" <<'PY' || die "qa answered $(head -c 600 "$out/qa")"
import json, sys
body = json.load(open(sys.argv[1]))
assert body["answered"] is True, body
assert len(body["answer"]) > 10, body
assert body["citations"], "no citations"
print(f"  answer: {body['answer'][:80]!r}... confidence {body['confidence']}, "
      f"cited: {', '.join(c['title'] for c in body['citations'])}")
PY

# career: the request example the service documents in its OpenAPI, fetched through the gateway.
call career-openapi 200 "${key[@]}" "$gateway/v3/api-docs/career"
python3 - "$out/career-openapi" "$out/career-request.json" <<'PY' || die "no request example for the career recommendation"
import json, sys
doc = json.load(open(sys.argv[1]))
content = doc["paths"]["/api/v1/career/recommendations"]["post"]["requestBody"]["content"]
examples = next(iter(content.values()))["examples"]
json.dump(next(iter(examples.values()))["value"], open(sys.argv[2], "w"))
PY
call career 200 "${key[@]}" -H 'Content-Type: application/json' --data "@$out/career-request.json" \
  "$gateway/api/v1/career/recommendations?lang=en"
python3 - "$out/career" <<'PY' || die "career answered $(head -c 600 "$out/career")"
import json, sys
body = json.load(open(sys.argv[1]))
ranking = body["ranking"]
assert ranking and ranking[0]["rank"] == 1 and ranking[0]["title"], body
print(f"  top role: {ranking[0]['title']} ({ranking[0]['total']}), {len(ranking)} roles ranked")
PY

# rate limit: a burst on the expensive generation route exceeds its bucket; the buckets live in Redis.
burst=${E2E_BURST:-40}
burst_url="$gateway/api/v1/gan/grid.png?digits=7&perDigit=1"
log "burst of $burst parallel requests on $burst_url"
seq "$burst" | xargs -P 20 -I{} curl -s -o /dev/null -w '%{http_code}\n' --max-time 120 \
  -H "X-API-Key: $user_key" "$burst_url" >"$out/burst.codes"
ok=$(grep -c '^200$' "$out/burst.codes" || true)
limited=$(grep -c '^429$' "$out/burst.codes" || true)
log "burst: $ok x 200, $limited x 429, others: $(grep -v -E '^(200|429)$' "$out/burst.codes" | sort | uniq -c | tr '\n' ' ')"
((limited > 0)) || die "no 429 in a burst of $burst"
((ok > 0)) || die "the whole burst was rejected"
call limited-headers 429 "${key[@]}" "$burst_url"
grep -qi '^retry-after:' "$out/limited-headers.headers" || die "429 without Retry-After"
redis_keys=$(compose exec -T redis redis-cli --scan --pattern 'request_rate_limiter*' | wc -l)
((redis_keys > 0)) || die "the rate limiter left no keys in Redis"
log "redis holds $redis_keys rate-limit keys"

# --- monitoring profile ---------------------------------------------------------------------------------------
if $monitoring; then
  for _ in $(seq 24); do
    curl -sf "http://127.0.0.1:$prometheus_port/api/v1/targets?state=active" -o "$out/targets" || true
    if python3 - "$out/targets" <<'PY'
import json, sys
try:
    targets = json.load(open(sys.argv[1]))["data"]["activeTargets"]
except Exception:
    sys.exit(1)
up = sorted(t["labels"]["service"] for t in targets if t["health"] == "up")
print("  prometheus targets up:", ", ".join(up))
sys.exit(0 if len(up) == 5 else 1)
PY
    then break; fi
    sleep 5
  done
  python3 - "$out/targets" <<'PY' || die "Prometheus does not scrape all five services"
import json, sys
targets = json.load(open(sys.argv[1]))["data"]["activeTargets"]
assert sum(t["health"] == "up" for t in targets) == 5, [(t["labels"], t["health"], t.get("lastError")) for t in targets]
PY
fi

log "all checks passed"
