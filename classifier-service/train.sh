#!/usr/bin/env bash
# Runs the classifier's training command (dev.aigc.classifier.training.TrainCommand) on one CPU thread, offline.
#
#   classifier-service/train.sh train    --name m1 --seed 1 [--width 16 --hidden 128 --epochs 8 ...]
#   classifier-service/train.sh ensemble --members DIR,DIR,DIR --version NAME [--out DIR]
#   classifier-service/train.sh all          # every network and both shipped versions, with the shipped settings
#
# Run from anywhere; paths are relative to the repository root. Checkpoints go to checkpoints/classifier/<name>/
# and an interrupted run resumes from its last completed epoch when started again with the same arguments.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CP_FILE=classifier-service/target/cp.txt
if [[ ! -f "$CP_FILE" || ! -d classifier-service/target/classes/dev ]]; then
  ./mvnw -o -q -pl classifier-service compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CLASSES="${CLASSIFIER_CLASSES:-classifier-service/target/classes}"
run() {
  OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" java -Xmx2g \
    -Dai.djl.offline=true \
    -Dai.djl.pytorch.num_threads="${OMP_NUM_THREADS:-1}" -Dai.djl.pytorch.num_interop_threads=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlogging.level.root=WARN \
    -cp "$CLASSES:$(cat "$CP_FILE")" dev.aigc.classifier.training.TrainCommand "$@"
}
MODELS=classifier-service/src/main/resources/models/mnist
if [[ "${1:-}" == "all" ]]; then
  # the shipped versions: w24 (24/48 filters, 12 epochs) is 1.1-single; m4 (16/32 filters, 12 epochs) is 1.0-single;
  # m1, m2, m3 and m5 only serve inside the ensemble; 1.1-ensemble weighs all six by validation error
  V=checkpoints/classifier/versions
  run train --name m4 --seed 4 --width 16 --hidden 128 --epochs 12 --version 1.0-single --out "$MODELS"
  run train --name w24 --seed 6 --width 24 --hidden 192 --epochs 12 --version 1.1-single --out "$MODELS"
  run train --name m1 --seed 1 --width 16 --hidden 128 --epochs 8 --version m1 --out "$V"
  run train --name m2 --seed 2 --width 16 --hidden 128 --epochs 5 --version m2 --out "$V"
  run train --name m3 --seed 3 --width 16 --hidden 128 --epochs 5 --version m3 --out "$V"
  run train --name m5 --seed 5 --width 16 --hidden 128 --epochs 8 --version m5 --out "$V"
  run ensemble --version 1.1-ensemble --out "$MODELS" \
    --members "$MODELS/1.1-single,$MODELS/1.0-single,$V/m1,$V/m2,$V/m3,$V/m5"
else
  run "$@"
fi
