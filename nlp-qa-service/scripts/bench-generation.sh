#!/usr/bin/env bash
# Generation speed of a language-model version: median per-stream and aggregate characters per second at each
# concurrency (one PyTorch thread per stream, as in the service).
#   nlp-qa-service/scripts/bench-generation.sh [version=v2] [chars=300] [rounds=5] [concurrencies=1,8]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl nlp-qa-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/nlp-classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
export OMP_NUM_THREADS=1
exec java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -Dlogback.configurationFile=logback-cli.xml \
  -cp "nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-classpath.txt)" \
  dev.aigc.nlp.eval.GenerationBenchmark classpath:models/charlm "${1:-v2}" "${2:-300}" "${3:-5}" "${4:-1,8}"
