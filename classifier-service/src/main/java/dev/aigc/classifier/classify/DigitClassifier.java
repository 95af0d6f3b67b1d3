package dev.aigc.classifier.classify;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import dev.aigc.classifier.model.MnistModel;
import dev.aigc.serving.batch.BatcherSettings;
import dev.aigc.serving.batch.DynamicBatcher;
import dev.aigc.serving.model.ModelLease;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.model.ThreadLocalPredictors;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Classifies MNIST-layout images through the shared {@link DynamicBatcher}: concurrent requests are grouped and
 * each group is one forward pass on a batcher worker thread, with that thread's own predictor of the active model.
 */
public class DigitClassifier implements AutoCloseable {

    private final ModelRegistry<Model> registry;
    private final ThreadLocalPredictors<Model, float[][], float[][]> predictors;
    private final DynamicBatcher<float[], Scores> batcher;

    public DigitClassifier(ModelRegistry<Model> registry,
            ThreadLocalPredictors<Model, float[][], float[][]> predictors, BatcherSettings settings,
            MeterRegistry meters) {
        this.registry = registry;
        this.predictors = predictors;
        this.batcher = new DynamicBatcher<>("mnist", settings, this::forward, meters);
    }

    /** Classifies the images (each 784 floats in [0, 1]); blocks until all are done. */
    public List<Scores> classify(List<float[]> images) {
        List<CompletableFuture<Scores>> futures = batcher.submitAll(images);
        List<Scores> results = new ArrayList<>(futures.size());
        for (CompletableFuture<Scores> future : futures) {
            results.add(future.join());
        }
        return results;
    }

    public Scores classify(float[] image) {
        return batcher.submit(image).join();
    }

    /** One forward pass over a batch, on a batcher worker thread. */
    List<Scores> forward(List<float[]> batch) throws Exception {
        try (ModelLease<Model> lease = registry.acquire()) {
            Predictor<float[][], float[][]> predictor = predictors.get(lease);
            float[][] probabilities = predictor.predict(batch.toArray(new float[0][]));
            boolean ensemble = MnistModel.isEnsemble(lease.card());
            List<Scores> scores = new ArrayList<>(probabilities.length);
            for (float[] p : probabilities) {
                scores.add(new Scores(p, lease.version(), ensemble));
            }
            return scores;
        }
    }

    public boolean batchingEnabled() {
        return batcher.settings().enabled();
    }

    @Override
    public void close() {
        batcher.close();
        predictors.close();
    }
}
