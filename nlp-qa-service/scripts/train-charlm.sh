#!/usr/bin/env bash
# Trains the character-level LSTM language model on one CPU thread and writes a version directory
# (weights, vocab.txt, loss-curve.png, model-card.json). Resumes from checkpoints/nlp/charlm after an interruption.
#   nlp-qa-service/scripts/train-charlm.sh [--epochs=8] [--output=...] [--batches-per-epoch=N] ...
# Rebuild the corpus first (needs `apt-get install fortunes-zh`) with:
#   nlp-qa-service/scripts/train-charlm.sh --prepare-corpus
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl nlp-qa-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/nlp-classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
CP="nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-classpath.txt)"
JAVA_OPTS=(-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -Dlogback.configurationFile=logback-cli.xml)
export OMP_NUM_THREADS=1
if [[ "${1:-}" == "--prepare-corpus" ]]; then
  exec java "${JAVA_OPTS[@]}" -cp "$CP" dev.aigc.nlp.training.CorpusPreparer /usr/share/games/fortunes \
    nlp-qa-service/src/main/resources/kb nlp-qa-service/corpus/zh-charlm.txt
fi
exec java "${JAVA_OPTS[@]}" -cp "$CP" dev.aigc.nlp.training.CharLmTrainer --checkpoints=checkpoints/nlp/charlm "$@"
