package dev.aigc.classifier.training;

import dev.aigc.classifier.model.MnistNet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Accuracy, mean cross-entropy and confusion counts of predicted probabilities against labels. */
record Evaluation(int count, int correct, double loss, int[][] confusion) {

    static Evaluation of(float[][] probabilities, int[] labels) {
        int[][] confusion = new int[10][10];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int predicted = MnistNet.argMax(probabilities[i]);
            confusion[labels[i]][predicted]++;
            loss -= Math.log(Math.max(probabilities[i][labels[i]], 1e-12));
            if (predicted == labels[i]) {
                correct++;
            }
        }
        return new Evaluation(labels.length, correct, loss / labels.length, confusion);
    }

    double accuracy() {
        return (double) correct / count;
    }

    /** Accuracy per true digit, keyed "0" … "9", rounded to 5 decimals. */
    Map<String, Object> perClassAccuracy() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int digit = 0; digit < 10; digit++) {
            int total = 0;
            for (int predicted = 0; predicted < 10; predicted++) {
                total += confusion[digit][predicted];
            }
            map.put(Integer.toString(digit), total == 0 ? 0.0 : round((double) confusion[digit][digit] / total));
        }
        return map;
    }

    static double round(double value) {
        return Math.round(value * 100_000) / 100_000.0;
    }
}
