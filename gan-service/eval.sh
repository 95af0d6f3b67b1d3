#!/usr/bin/env bash
# Measures the shipped conditional DCGAN and the MLP baseline with the evaluation classifier (training that
# classifier first if its weights are missing) and writes the metrics into each model card and a JSON report.
#
#   gan-service/eval.sh [model-dir ...]
#
# Defaults: the newest version under gan-service/src/main/resources/models/cdcgan and gan-service/eval/baseline-mlp.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -o -q -pl gan-service compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/gan-service/target/classpath.txt"
CP="gan-service/target/classes:$(cat gan-service/target/classpath.txt)"
JAVA=(java -Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1)
export OMP_NUM_THREADS=1

CLASSIFIER=gan-service/src/main/resources/eval/eval-classifier
if [[ ! -f "$CLASSIFIER/files.txt" ]]; then
  "${JAVA[@]}" -cp "$CP" dev.aigc.gan.eval.TrainEvalClassifierCommand --epochs 2 --out "$CLASSIFIER"
fi

if [[ $# -eq 0 ]]; then
  set -- $(ls -d gan-service/src/main/resources/models/cdcgan/*/ | sort | tail -1) \
         $(ls -d gan-service/eval/baseline-mlp/*/ 2>/dev/null | sort | tail -1)
fi
"${JAVA[@]}" -cp "$CP" dev.aigc.gan.eval.EvaluateGanCommand --classifier "$CLASSIFIER" --truncation 0.7 \
  --report gan-service/eval/evaluation.json "$@"
# The cards are updated in place (metrics at psi = 1, and under "withTruncation" at the served psi = 0.7);
# rebuild the jar to ship them.
