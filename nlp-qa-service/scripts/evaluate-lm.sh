#!/usr/bin/env bash
# Compares the language-model versions on the modern corpus's test split (built by build-lm-corpus.sh): bits per
# character, fluency measures against real text, and the 20 fixed prompts' continuations. Rewrites the block between
# the lm-eval markers in docs/nlp-qa.md and adds the test metrics to the last version's model card.
#   nlp-qa-service/scripts/evaluate-lm.sh --first-seed=6          # the reported run: test split, seeds 6-10
# How the default repetition penalty was chosen (validation split, seeds 1-5, tables printed, nothing written):
#   for p in 1.0 1.15 1.3; do nlp-qa-service/scripts/evaluate-lm.sh --versions=v2 --split=validation --docs= \
#     --repetition-penalty=$p; done
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl nlp-qa-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/nlp-classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
export OMP_NUM_THREADS=1
exec java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -Dlogback.configurationFile=logback-cli.xml \
  -cp "nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-classpath.txt)" \
  dev.aigc.nlp.eval.LanguageModelEvaluation --corpus=data/lm/corpus \
  --models=nlp-qa-service/src/main/resources/models/charlm --versions=v1,v2 \
  --prompts=nlp-qa-service/eval/lm-prompts.tsv --docs=docs/nlp-qa.md "$@"
