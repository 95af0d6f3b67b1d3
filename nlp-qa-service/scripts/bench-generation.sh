#!/usr/bin/env bash
# Single-stream generation speed of the shipped character LM (one PyTorch thread).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl nlp-qa-service compile dependency:build-classpath -Dmdep.outputFile=target/nlp-classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
export OMP_NUM_THREADS=1
exec java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -Dlogback.configurationFile=logback-cli.xml \
  -cp "nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-classpath.txt)" \
  dev.aigc.nlp.eval.GenerationBenchmark classpath:models/charlm v1 "${1:-300}" "${2:-5}"
