#!/usr/bin/env bash
# Upload timings: Tika parsing, the page-limit refusal, and parse + ingest of the largest accepted PDF.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl nlp-qa-service test-compile dependency:build-classpath -Dmdep.outputFile=target/nlp-test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
export OMP_NUM_THREADS=1
exec java -Dai.djl.offline=true -Dlogback.configurationFile=logback-cli.xml \
  -cp "nlp-qa-service/target/test-classes:nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-test-classpath.txt)" \
  dev.aigc.nlp.kb.UploadBenchmark
