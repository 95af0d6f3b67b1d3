#!/usr/bin/env bash
# Retrieval (BM25 / dense / hybrid) and the answer/refuse decision on the tuning set eval/qa-eval.tsv (with and
# without bge's query instruction, thresholds calibrated on it) and on the held-out sets eval/qa-heldout.tsv (v1),
# eval/qa-heldout-v2.tsv (v2), eval/qa-heldout-v3.tsv (v3; all three since used for diagnosis) and
# eval/qa-heldout-v4.tsv and eval/qa-heldout-v5.tsv (v4, v5: clean) (shipped settings and thresholds only), plus
# sentiment. Prints the tables and
# writes them into docs/nlp-qa.md between the eval markers.
# On a busy machine run it in the background: OMP_NUM_THREADS=1 nohup nlp-qa-service/scripts/evaluate.sh > eval.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl nlp-qa-service compile dependency:build-classpath -Dmdep.outputFile=target/nlp-classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
CP="nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-classpath.txt)"
YML=nlp-qa-service/src/main/resources/application.yml
THRESHOLD=$(sed -n 's/.*min-similarity: \${NLP_QA_MIN_SIMILARITY:\([0-9.]*\)}.*/\1/p' "$YML")
COVERAGE=$(sed -n 's/.*min-term-coverage: \${NLP_QA_MIN_TERM_COVERAGE:\([0-9.]*\)}.*/\1/p' "$YML")
NAMES=$(sed -n 's/.*refuse-unknown-names: \${NLP_QA_REFUSE_UNKNOWN_NAMES:\([a-z]*\)}.*/\1/p' "$YML")
MARGIN=$(sed -n 's/.*promote-margin: \${NLP_QA_PROMOTE_MARGIN:\([0-9.]*\)}.*/\1/p' "$YML")
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -Dlogback.configurationFile=logback-cli.xml -cp "$CP" dev.aigc.nlp.eval.EvaluationCommand \
  nlp-qa-service/eval/qa-eval.tsv nlp-qa-service/eval/sentiment-eval.tsv docs/nlp-qa.md \
  "$THRESHOLD" "$COVERAGE" "$NAMES" "$MARGIN" nlp-qa-service/eval/qa-heldout.tsv \
  nlp-qa-service/eval/qa-heldout-v2.tsv nlp-qa-service/eval/qa-heldout-v3.tsv nlp-qa-service/eval/qa-heldout-v4.tsv \
  nlp-qa-service/eval/qa-heldout-v5.tsv
