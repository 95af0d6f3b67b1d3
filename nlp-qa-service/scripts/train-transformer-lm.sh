#!/usr/bin/env bash
# Trains the decoder-only Transformer language model (charlm v2) on the modern corpus built by
# nlp-qa-service/scripts/build-lm-corpus.sh, and writes the version directory (weights, vocab.txt, loss-curve.png,
# model-card.json). Per-epoch checkpoints go to checkpoints/nlp/charlm-v2 (git-ignored); rerunning the same command
# resumes there. Threads: LM_THREADS (default 2).
#   nlp-qa-service/scripts/train-transformer-lm.sh [--epochs=12] [--steps-per-epoch=100] [--embedding-size=192] ...
# Then add the test-set measurements to the model card: nlp-qa-service/scripts/evaluate-lm.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl nlp-qa-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/nlp-classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
CP="nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-classpath.txt)"
THREADS="${LM_THREADS:-2}"
export OMP_NUM_THREADS="$THREADS"
exec java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dlogback.configurationFile=logback-cli.xml -cp "$CP" dev.aigc.nlp.training.TransformerLmTrainer \
  --corpus=data/lm/corpus --checkpoints=checkpoints/nlp/charlm-v2 \
  --epochs=12 --steps-per-epoch=100 --batch-size=32 --context-length=128 --embedding-size=192 --layers=4 --heads=4 \
  --mlp-size=768 --max-vocab=4000 --min-count=3 --learning-rate=0.002 --warmup-steps=100 "$@"
