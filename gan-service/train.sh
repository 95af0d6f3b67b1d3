#!/usr/bin/env bash
# Trains a GAN on the MNIST training set on ONE core, resumably, then exports the model version directory.
#
#   gan-service/train.sh                      # conditional DCGAN, 12 epochs, batch 64
#   ARCH=mlp EPOCHS=4 gan-service/train.sh    # the seed's MLP GAN baseline
#
# Environment: ARCH (cdcgan|mlp), EPOCHS, BATCH, WORK (checkpoint folder; rerunning resumes from its last epoch),
# OUT (model version directory to export to), MNIST_DIR (defaults to data/mnist, see scripts/fetch-mnist.sh).
# Progress goes to stdout; run it under nohup for long runs, e.g.
#   nohup gan-service/train.sh > checkpoints/gan/train-cdcgan.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")/.."

ARCH=${ARCH:-cdcgan}
EPOCHS=${EPOCHS:-12}
BATCH=${BATCH:-64}
WORK=${WORK:-checkpoints/gan/$ARCH}
if [[ "$ARCH" == cdcgan ]]; then
  OUT=${OUT:-gan-service/src/main/resources/models/cdcgan/v1}
else
  OUT=${OUT:-gan-service/eval/baseline-$ARCH/v1}
fi

./mvnw -o -q -pl gan-service compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/gan-service/target/classpath.txt"
CP="gan-service/target/classes:$(cat gan-service/target/classpath.txt)"
JAVA=(java -Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1)
export OMP_NUM_THREADS=1

"${JAVA[@]}" -cp "$CP" dev.aigc.gan.training.TrainGanCommand \
  --arch "$ARCH" --epochs "$EPOCHS" --batch-size "$BATCH" --work "$WORK"
"${JAVA[@]}" -cp "$CP" dev.aigc.gan.training.ExportGanCommand --work "$WORK" --out "$OUT"
echo "Exported $OUT; now run gan-service/eval.sh to measure it."
