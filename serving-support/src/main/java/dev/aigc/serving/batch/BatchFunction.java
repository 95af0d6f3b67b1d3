package dev.aigc.serving.batch;

import java.util.List;

/**
 * One forward pass over a batch: returns exactly one output per input, in the same order.
 *
 * <p>Called on the batcher's worker thread(s) only, so it may use a per-thread DJL {@code Predictor}. If it throws,
 * every caller in the batch gets that exception; an {@link dev.aigc.serving.web.ApiException} keeps its HTTP status.
 */
@FunctionalInterface
public interface BatchFunction<I, O> {

    List<O> apply(List<I> batch) throws Exception;
}
