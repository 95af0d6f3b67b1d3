package dev.aigc.nlp.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.aigc.serving.training.ProgressBar;

import java.util.Random;

/**
 * Next-character training and evaluation on windows of an encoded text, shared by both language-model trainers:
 * the input is a window of {@code length} ids, the labels the same window shifted by one. The model's block must
 * return the logits {@code [B, T, V]} as the head of its output.
 */
final class CharWindows {

    private CharWindows() {
    }

    /** {@code steps} optimiser steps on batches of random windows; returns the mean training loss. */
    static double trainEpoch(Trainer trainer, int[] train, int vocabSize, int batchSize, int length, int steps,
                             Random random, String label) {
        double sum = 0;
        try (ProgressBar bar = new ProgressBar(label, steps)) {
            for (int i = 0; i < steps; i++) {
                long[] x = new long[batchSize * length];
                long[] y = new long[batchSize * length];
                for (int r = 0; r < batchSize; r++) {
                    fill(train, random.nextInt(train.length - length - 1), r, length, x, y);
                }
                try (NDManager batch = trainer.getManager().newSubManager();
                     GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray input = batch.create(x, new Shape(batchSize, length));
                    NDArray labels = batch.create(y, new Shape((long) batchSize * length));
                    NDArray logits = trainer.forward(new NDList(input)).get(0).reshape((long) batchSize * length,
                            vocabSize);
                    NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                    collector.backward(loss);
                    sum += loss.getFloat();
                    bar.step(1, String.format("loss %.3f", sum / (i + 1)));
                }
                trainer.step();
            }
        }
        return sum / steps;
    }

    /** Mean cross-entropy (nats per character) over the first {@code windows} consecutive windows, in batches. */
    static double meanLoss(Model model, int[] val, int vocabSize, int length, int windows, int batchSize) {
        int b = Math.min(batchSize, windows);
        double sum = 0;
        int count = 0;
        for (int w = 0; w + b <= windows; w += b) {
            long[] x = new long[b * length];
            long[] y = new long[b * length];
            for (int r = 0; r < b; r++) {
                fill(val, (w + r) * length, r, length, x, y);
            }
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray input = manager.create(x, new Shape(b, length));
                NDArray labels = manager.create(y, new Shape((long) b * length));
                NDArray logits = model.getBlock().forward(new ParameterStore(manager, false), new NDList(input), false)
                        .get(0).reshape((long) b * length, vocabSize);
                NDArray loss = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels), new NDList(logits));
                sum += loss.getFloat() * b;
                count += b;
            }
        }
        return sum / Math.max(1, count);
    }

    private static void fill(int[] data, int start, int row, int length, long[] x, long[] y) {
        for (int k = 0; k < length; k++) {
            x[row * length + k] = data[start + k];
            y[row * length + k] = data[start + k + 1];
        }
    }
}
