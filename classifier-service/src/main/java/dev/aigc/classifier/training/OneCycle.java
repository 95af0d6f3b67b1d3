package dev.aigc.classifier.training;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate per update: linear warm-up from max/10 to max over the first epoch, then cosine decay to max/100.
 * {@code offset} shifts the optimizer's own update counter so a resumed run continues the curve.
 */
record OneCycle(float max, int warmupSteps, int totalSteps, int offset) implements Tracker {

    @Override
    public float getNewValue(int numUpdate) {
        return at(numUpdate + offset);
    }

    float at(int step) {
        if (step < warmupSteps) {
            return max * (0.1f + 0.9f * step / warmupSteps);
        }
        double progress = Math.min(1.0, (step - warmupSteps) / (double) Math.max(1, totalSteps - warmupSteps));
        float min = max / 100f;
        return (float) (min + (max - min) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
