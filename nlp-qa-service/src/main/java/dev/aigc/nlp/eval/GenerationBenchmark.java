package dev.aigc.nlp.eval;

import dev.aigc.nlp.generate.CharLanguageModel;
import dev.aigc.nlp.generate.GenerationRequest;
import dev.aigc.nlp.generate.LanguageModel;
import dev.aigc.nlp.generate.TextGenerator;
import dev.aigc.serving.model.ModelRegistry;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generation speed of a language-model version, in-process through {@link TextGenerator} (the code the REST and
 * SSE endpoints call): for each concurrency in the list, {@code streams} generations of {@code chars} characters run
 * at once, {@code rounds} times after a warm-up; it prints the median per-stream rate (characters per second of each
 * generation's wall-clock time) and the aggregate rate (all characters over the round's wall-clock time).
 * PyTorch runs one intra-op thread per generation ({@code -Dai.djl.pytorch.num_threads=1}), as in the service.
 *
 * <p>Usage: {@code GenerationBenchmark [model location] [version] [chars] [rounds] [concurrencies, e.g. 1,8]}.
 */
public final class GenerationBenchmark {

    private GenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String location = args.length > 0 ? args[0] : "classpath:models/charlm";
        String version = args.length > 1 ? args[1] : "v2";
        int chars = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String[] concurrencies = (args.length > 4 ? args[4] : "1,8").split(",");
        try (ModelRegistry<LanguageModel> models = new ModelRegistry<>(CharLanguageModel.NAME, location,
                LanguageModel::load, version)) {
            models.start();
            TextGenerator generator = new TextGenerator(models);
            for (int i = 0; i < 3; i++) {
                generator.generate("热身", new GenerationRequest.GenerationSettings(100, 1, 0, 1, i));
            }
            for (String c : concurrencies) {
                int streams = Integer.parseInt(c.trim());
                ExecutorService pool = Executors.newFixedThreadPool(streams);
                List<Double> perStream = new ArrayList<>();
                List<Double> aggregate = new ArrayList<>();
                String sample = "";
                for (int r = 0; r < rounds; r++) {
                    long start = System.nanoTime();
                    List<Future<double[]>> futures = new ArrayList<>();
                    for (int s = 0; s < streams; s++) {
                        long seed = r * 1000L + s;
                        futures.add(pool.submit(() -> {
                            long t0 = System.nanoTime();
                            String text = generator.generate("今天天气很好。", new GenerationRequest.GenerationSettings(
                                    chars, 0.8, 20, 0.95, GenerationRequest.DEFAULT_REPETITION_PENALTY, List.of(),
                                    seed)).text();
                            int n = text.codePointCount(0, text.length());
                            return new double[] {n, n / ((System.nanoTime() - t0) / 1e9)};
                        }));
                    }
                    double total = 0;
                    for (Future<double[]> f : futures) {
                        double[] v = f.get();
                        total += v[0];
                        perStream.add(v[1]);
                    }
                    aggregate.add(total / ((System.nanoTime() - start) / 1e9));
                    if (r == 0) {
                        sample = generator.generate("今天天气很好。", new GenerationRequest.GenerationSettings(40, 0.8,
                                20, 0.95, GenerationRequest.DEFAULT_REPETITION_PENALTY, List.of(), 1)).text();
                    }
                }
                pool.shutdown();
                System.out.printf(Locale.ROOT, "%s, %d stream(s): median %.0f chars/s per stream, median %.0f chars/s "
                                + "aggregate (%d rounds of %d characters; load average %.1f on %d cores)  %s%n",
                        version, streams, median(perStream), median(aggregate), rounds, chars,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors(), sample.replace('\n', '/'));
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
