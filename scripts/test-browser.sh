#!/usr/bin/env bash
# Browser tests of the playground page (e2e/): starts the whole platform from the built jars on ports 28080-28084
# with anonymous access OFF and three fresh API keys (user, admin, and a user key for the rate-limit test), an empty
# knowledge-base index in a temporary folder, then drives Debian's chromium with Playwright (npm playwright-core).
# Screenshots: e2e/target/screenshots/. Stops every service it started when it ends.
#
#   ./scripts/test-browser.sh                 jars from */target (built when missing), npm deps from e2e/package-lock.json
#   CHROMIUM=/path/to/chromium ...            another Chromium binary (default /usr/bin/chromium)
#   E2E_BASE_URL=http://host:port ...         test a platform that is already running (keys in E2E_*_KEY)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[[ -x "$CHROMIUM" ]] || { echo "No Chromium at $CHROMIUM: apt-get install chromium, or set CHROMIUM" >&2; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
((node_major >= 20)) || { echo "Node.js 20 or newer is needed for playwright-core 1.65 (found: ${node_major})" >&2; exit 1; }
if [[ ! -f e2e/node_modules/playwright-core/package.json ]]; then
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

if [[ -n "${E2E_BASE_URL:-}" ]]; then
  cd e2e && exec node --test --test-concurrency=1 --test-reporter=spec tests/
fi

export GATEWAY_PORT=${GATEWAY_PORT:-28080} GAN_PORT=${GAN_PORT:-28081} CLASSIFIER_PORT=${CLASSIFIER_PORT:-28082}
export NLP_QA_PORT=${NLP_QA_PORT:-28083} CAREER_PORT=${CAREER_PORT:-28084}
key() { head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
export E2E_USER_KEY="e2e-user-$(key)" E2E_ADMIN_KEY="e2e-admin-$(key)" E2E_LIMIT_KEY="e2e-limit-$(key)"
export GATEWAY_ANONYMOUS_ACCESS=false
export GATEWAY_API_KEYS="$E2E_USER_KEY:user,$E2E_ADMIN_KEY:admin,$E2E_LIMIT_KEY:user"
work=$(mktemp -d)
export NLP_KB_INDEX_DIR="$work/kb-index"
export E2E_BASE_URL="http://127.0.0.1:$GATEWAY_PORT" E2E_NLP_QA_URL="http://127.0.0.1:$NLP_QA_PORT"

jars=(classifier-service gan-service nlp-qa-service career-service gateway-service)
for j in "${jars[@]}"; do
  [[ -f "$j/target/$j-0.1.0-SNAPSHOT.jar" ]] || { echo "Building the jars (tests skipped)..."; ./mvnw -q -B -DskipTests package; break; }
done

platform=
stop() {
  if [[ -n "$platform" ]] && kill -0 "$platform" 2>/dev/null; then
    kill -TERM "$platform"   # start-platform.sh stops every service it started, then exits
    wait "$platform" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT INT TERM

start=$SECONDS
SKIP_BUILD=1 ./scripts/start-platform.sh >"$work/platform.log" 2>&1 &
platform=$!
until grep -q "The platform is up" "$work/platform.log"; do
  if ! kill -0 "$platform" 2>/dev/null; then
    cat "$work/platform.log" >&2
    exit 1
  fi
  sleep 2
done
echo "platform ready after $((SECONDS - start)) s"
# Readiness says the models are loaded, not that the JIT has compiled their paths: on a busy 2-core machine the
# first classification took 5 s, the gateway's classification timeout, and the opened breaker then failed the
# next tests. A few requests straight to the services (not through the gateway: no quota, no breaker) warm them.
pixels="[$(printf '0.5,%.0s' {1..783})0.5]"
for i in 1 2 3; do
  curl -fsS -o /dev/null -m 60 -H 'Content-Type: application/json' -d "{\"pixels\":$pixels}" \
    "http://127.0.0.1:$CLASSIFIER_PORT/api/v1/classifications"
  curl -fsS -o /dev/null -m 60 -H 'Content-Type: application/json' -d '{"count":16,"digit":3,"seed":1}' \
    "http://127.0.0.1:$GAN_PORT/api/v1/gan/generations"
done
curl -fsS -o /dev/null -m 60 -H 'Content-Type: application/json' -d '{"question":"GAN"}' \
  "http://127.0.0.1:$NLP_QA_PORT/api/v1/qa/ask"
echo "services warmed after $((SECONDS - start)) s"

cd e2e
status=0
node --test --test-concurrency=1 --test-reporter=spec tests/ || status=$?
echo "browser tests took $((SECONDS - start)) s including the platform start"
exit $status
