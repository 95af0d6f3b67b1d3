package dev.aigc.serving.batch;

import java.util.List;
import java.util.concurrent.BlockingQueue;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The four meters of one {@link DynamicBatcher}, tagged {@code batcher=<name>}. */
final class BatcherMetrics {

    final Timer queueTime;
    final DistributionSummary batchSize;
    final Timer inferenceTime;
    private final Gauge queueSize;
    private final MeterRegistry registry;

    BatcherMetrics(String name, MeterRegistry registry, BlockingQueue<?> queue) {
        this.registry = registry;
        queueTime = Timer.builder("inference.queue.time").tag("batcher", name)
                .description("Time an item waits before its forward pass starts")
                .publishPercentileHistogram().register(registry);
        batchSize = DistributionSummary.builder("inference.batch.size").tag("batcher", name)
                .description("Items per forward pass").publishPercentileHistogram().register(registry);
        inferenceTime = Timer.builder("inference.time").tag("batcher", name)
                .description("Duration of one forward pass over a batch")
                .publishPercentileHistogram().register(registry);
        queueSize = Gauge.builder("inference.queue.size", queue, BlockingQueue::size).tag("batcher", name)
                .description("Items waiting for a worker").register(registry);
    }

    /** Unregisters the meters (when the batcher closes). */
    void remove() {
        for (Meter meter : List.<Meter>of(queueTime, batchSize, inferenceTime, queueSize)) {
            registry.remove(meter);
        }
    }
}
